package lexicon

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// normalizeKey puts a word or short phrase in the form every table key and
// every lookup uses: NFC, lower-case, typographic apostrophes made plain,
// inner whitespace collapsed to one space. Dictionaries and article tokens
// come from different tools, so both sides must meet in the same form.
func normalizeKey(s string) string {
	if isNormalASCII(s) {
		return s // the common case, and the whole cost of an import is here
	}
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "")
	}
	s = norm.NFC.String(s)
	s = strings.ToLower(s)
	if strings.ContainsAny(s, "’‘ʼ\u00a0") {
		s = apostrophes.Replace(s)
	}
	return strings.Join(strings.Fields(s), " ")
}

// isNormalASCII reports whether s is already in normal form: printable
// ASCII without upper case, single inner spaces and no outer ones.
func isNormalASCII(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < ' ' || c > '~' || c >= 'A' && c <= 'Z' || c == ' ' && s[i-1] == ' ' {
			return false
		}
	}
	return true
}

// apostrophes is a compile-time table; a strings.Replacer is safe for
// concurrent use.
var apostrophes = strings.NewReplacer("’", "'", "‘", "'", "ʼ", "'", "\u00a0", " ")

// fold removes the accents a writer may drop or a keyboard may lack: marks
// on Latin letters (é→e, č→c, ü→u), a few Latin letters that do not
// decompose (ß, æ, œ, ø, ł, đ, ı) and the diaeresis of Cyrillic ё. Marks on
// other scripts are kept on purpose: Devanagari vowel signs and Cyrillic й
// are letters of their own, not decoration. Two Devanagari marks are
// spelling variants, though: the nukta of borrowed sounds (बाज़ार, बाजार)
// is dropped and the chandrabindu written as the anusvara (जाँच, जांच),
// as Hindi news mostly writes them and the eng-hin dictionary does not.
func fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	var base rune
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			switch {
			case unicode.Is(unicode.Latin, base):
				continue
			case unicode.Is(unicode.Cyrillic, base) && r == '\u0308':
				continue
			case r == devanagariNukta:
				continue
			case r == devanagariChandrabindu:
				r = devanagariAnusvara
			}
			b.WriteRune(r)
			continue
		}
		base = r
		switch r {
		case 'ß':
			b.WriteString("ss")
		case 'æ':
			b.WriteString("ae")
		case 'œ':
			b.WriteString("oe")
		case 'ø':
			b.WriteByte('o')
		case 'ł':
			b.WriteByte('l')
		case 'đ':
			b.WriteByte('d')
		case 'ı':
			b.WriteByte('i')
		default:
			b.WriteRune(r)
		}
	}
	return norm.NFC.String(b.String())
}

// Devanagari marks that fold treats as spelling variants.
const (
	devanagariChandrabindu = '\u0901'
	devanagariAnusvara     = '\u0902'
	devanagariNukta        = '\u093c'
)

// iso639 maps the three-letter codes FreeDict uses in its file names (and the
// bibliographic variants some tools emit) to the two-letter codes the rest of
// newstrace uses.
var iso639 = map[string]string{
	"afr": "af", "ara": "ar", "bel": "be", "ben": "bn", "bos": "bs", "bre": "br",
	"bul": "bg", "cat": "ca", "ces": "cs", "cze": "cs", "cym": "cy", "dan": "da",
	"deu": "de", "ger": "de", "ell": "el", "gre": "el", "eng": "en", "epo": "eo",
	"est": "et", "eus": "eu", "fas": "fa", "per": "fa", "fin": "fi", "fra": "fr",
	"fre": "fr", "gla": "gd", "gle": "ga", "glg": "gl", "heb": "he", "hin": "hi",
	"hrv": "hr", "hun": "hu", "hye": "hy", "ind": "id", "isl": "is", "ita": "it",
	"jpn": "ja", "kat": "ka", "kor": "ko", "kur": "ku", "lat": "la", "lav": "lv",
	"lit": "lt", "mkd": "mk", "msa": "ms", "nld": "nl", "dut": "nl", "nno": "nn",
	"nob": "nb", "nor": "no", "oci": "oc", "pol": "pl", "por": "pt", "ron": "ro",
	"rum": "ro", "rus": "ru", "slk": "sk", "slo": "sk", "slv": "sl", "spa": "es",
	"sqi": "sq", "srp": "sr", "swa": "sw", "swe": "sv", "tha": "th", "tur": "tr",
	"ukr": "uk", "urd": "ur", "vie": "vi", "zho": "zh", "chi": "zh",
}

// canonLang turns "fr", "FR", "fr-CA", "fra" or "fre" into "fr". It returns
// "" for anything it cannot read as a language code.
func canonLang(code string) string {
	code = strings.ToLower(strings.TrimSpace(code))
	if i := strings.IndexAny(code, "-_"); i >= 0 {
		code = code[:i]
	}
	for i := 0; i < len(code); i++ {
		if code[i] < 'a' || code[i] > 'z' {
			return ""
		}
	}
	switch len(code) {
	case 2:
		return code
	case 3:
		return iso639[code]
	}
	return ""
}
