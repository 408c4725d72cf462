package lang

import (
	"strings"

	"github.com/abadojack/whatlanggo"
)

// language is one language the detector can return.
type language struct {
	code   string // ISO 639-1
	script script
	// model is the whatlanggo profile that separates this language from
	// the others of its script; unused for a script's only language.
	model whatlanggo.Lang
	// foreign lists lower-case letters of the script that the language's
	// alphabet lacks. A text holding more than a trace of them (see
	// excluded) cannot be in this language: "ы" rules out Ukrainian,
	// "і" rules out Russian, "پ" rules out Arabic.
	foreign string
	// alphabet lists, for a Latin-script language, the lower-case
	// letters beyond a–z it uses; every other Latin letter is foreign to
	// it ("ř" to Italian, "ñ" to Czech). Empty for English and
	// Indonesian, whose texts carry foreign names but no letters of their
	// own: no letter rules them out.
	alphabet string
	// words lists, space-separated, frequent short words of the language
	// that its close relatives lack: trigram profiles built from one
	// document tell Russian from Bulgarian poorly on a sentence, but
	// "что" and "че" settle it.
	words string
}

// isForeign reports whether the lower-case letter r, of the language's
// script, is missing from its alphabet.
func (l *language) isForeign(r rune) bool {
	switch {
	case l.foreign != "":
		return strings.ContainsRune(l.foreign, r)
	case l.alphabet != "":
		return r >= 0x80 && !strings.ContainsRune(l.alphabet, r)
	}
	return false
}

// Letters no Cyrillic language below shares with all the others.
const (
	cyrUkrainian  = "іїєґ"
	cyrBelarusian = "ў"
	cyrSerbian    = "ђћ"
	cyrMacedonian = "ѓќѕ"
	cyrSerbMac    = "јљњџ"
	cyrRussianBe  = "ыэё"
)

// Letters of Persian and Urdu that Arabic lacks, and Urdu's own.
const (
	arPersian = "پچژگکی"
	arUrdu    = "ےںٹڈڑھ"
)

// catalogue lists every language the detector knows. Order does not
// matter; lookups go through languageByCode.
var catalogue = []language{
	// Latin script: alphabets first, then whatlanggo trigram profiles.
	{code: "en", script: scriptLatin, model: whatlanggo.Eng},
	{code: "fr", script: scriptLatin, model: whatlanggo.Fra, alphabet: "àâæçéèêëîïôœùûüÿ"},
	{code: "de", script: scriptLatin, model: whatlanggo.Deu, alphabet: "äöüß"},
	{code: "es", script: scriptLatin, model: whatlanggo.Spa, alphabet: "áéíñóúü"},
	{code: "it", script: scriptLatin, model: whatlanggo.Ita, alphabet: "àèéìíîòóùú"},
	{code: "pt", script: scriptLatin, model: whatlanggo.Por, alphabet: "áâãàçéêíóôõúü"},
	{code: "nl", script: scriptLatin, model: whatlanggo.Nld, alphabet: "áàéèëíïóöúü"},
	{code: "pl", script: scriptLatin, model: whatlanggo.Pol, alphabet: "ąćęłńóśźż"},
	{code: "cs", script: scriptLatin, model: whatlanggo.Ces, alphabet: "áčďéěíňóřšťúůýž"},
	{code: "hr", script: scriptLatin, model: whatlanggo.Hrv, alphabet: "čćđšž"},
	{code: "ro", script: scriptLatin, model: whatlanggo.Ron, alphabet: "ăâîșțşţ"},
	{code: "hu", script: scriptLatin, model: whatlanggo.Hun, alphabet: "áéíóöőúüű"},
	{code: "sv", script: scriptLatin, model: whatlanggo.Swe, alphabet: "åäöé"},
	{code: "da", script: scriptLatin, model: whatlanggo.Dan, alphabet: "æøåé"},
	{code: "nb", script: scriptLatin, model: whatlanggo.Nob, alphabet: "æøåéóòô"},
	{code: "fi", script: scriptLatin, model: whatlanggo.Fin, alphabet: "äöåšž"},
	{code: "tr", script: scriptLatin, model: whatlanggo.Tur, alphabet: "çğıöşüâîû"},
	{code: "vi", script: scriptLatin, model: whatlanggo.Vie, alphabet: "àáâãèéêìíòóôõùúýăđĩũơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ"},
	{code: "id", script: scriptLatin, model: whatlanggo.Ind},
	{code: "sl", script: scriptLatin, model: whatlanggo.Slv, alphabet: "čšžćđ"},
	{code: "lt", script: scriptLatin, model: whatlanggo.Lit, alphabet: "ąčęėįšųūž"},
	{code: "lv", script: scriptLatin, model: whatlanggo.Lav, alphabet: "āčēģīķļņšūž"},
	{code: "et", script: scriptLatin, model: whatlanggo.Est, alphabet: "äõöüšž"},

	// Cyrillic script: letters first, then trigrams.
	{code: "ru", script: scriptCyrillic, words: "что это он она они был была было были его её ее для также который которые которая которого которых чтобы уже только если очень после будет сейчас года всё нет мы вы меня", model: whatlanggo.Rus,
		foreign: cyrUkrainian + cyrBelarusian + cyrSerbian + cyrMacedonian + cyrSerbMac},
	{code: "uk", script: scriptCyrillic, words: "що це як та від він вона вони був була було були його її також який яка які якщо вже тільки дуже мені тому чи але щоб коли цей ця ці є", model: whatlanggo.Ukr,
		foreign: cyrRussianBe + "ъ" + cyrBelarusian + cyrSerbian + cyrMacedonian + cyrSerbMac},
	{code: "be", script: scriptCyrillic, words: "што гэта ня таксама быў былі яго яе калі ад пра", model: whatlanggo.Bel,
		foreign: "ищъ" + "їєґ" + cyrSerbian + cyrMacedonian + cyrSerbMac},
	{code: "bg", script: scriptCyrillic, words: "е са ще че това тези този тя които която който което беше бяха след със към няма има се ги му го си във през когато защото още също трябва бъде", model: whatlanggo.Bul,
		foreign: cyrRussianBe + cyrUkrainian + cyrBelarusian + cyrSerbian + cyrMacedonian + cyrSerbMac},
	{code: "sr", script: scriptCyrillic, model: whatlanggo.Srp,
		foreign: "йщъьюя" + cyrRussianBe + cyrUkrainian + cyrBelarusian + cyrMacedonian},
	{code: "mk", script: scriptCyrillic, model: whatlanggo.Mkd,
		foreign: "йщъьюя" + cyrRussianBe + cyrUkrainian + cyrBelarusian + cyrSerbian},

	// Arabic script.
	{code: "ar", script: scriptArabic, model: whatlanggo.Arb, foreign: arPersian + arUrdu},
	{code: "fa", script: scriptArabic, model: whatlanggo.Pes, foreign: arUrdu},
	{code: "ur", script: scriptArabic, model: whatlanggo.Urd},

	// Devanagari.
	{code: "hi", script: scriptDevanagari, model: whatlanggo.Hin},
	{code: "mr", script: scriptDevanagari, model: whatlanggo.Mar},
	{code: "ne", script: scriptDevanagari, model: whatlanggo.Nep},

	// One language per script in this catalogue.
	{code: "el", script: scriptGreek},
	{code: "he", script: scriptHebrew},
	{code: "zh", script: scriptHan},
	{code: "ja", script: scriptKana},
	{code: "ko", script: scriptHangul},
}

// DefaultLanguages returns the languages a zero Options detects: the
// languages of the news newstrace traces. Adding a close relative of a
// default language (sl next to hr, mr next to hi) costs accuracy on the
// default one, so the other catalogue languages are opt-in.
func DefaultLanguages() []string {
	return []string{
		"en", "fr", "de", "es", "it", "pt", "nl", "pl", "cs", "hr", "ro", "hu",
		"sv", "da", "nb", "fi", "tr", "vi", "id",
		"ru", "uk", "be", "bg", "sr", "mk",
		"ar", "fa", "ur",
		"hi", "el", "he", "zh", "ja", "ko",
	}
}

// SupportedLanguages returns every code Options.Languages accepts.
func SupportedLanguages() []string {
	codes := make([]string, len(catalogue))
	for i, l := range catalogue {
		codes[i] = l.code
	}
	return codes
}

// languageByCode finds a catalogue entry.
func languageByCode(code string) (language, bool) {
	for _, l := range catalogue {
		if l.code == code {
			return l, true
		}
	}
	return language{}, false
}
