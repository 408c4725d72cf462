package lexicon

import (
	"context"
	"fmt"
	"io"
	"strings"
	"unicode"
)

// CEDICTFile is the name MDBG distributes CC-CEDICT under (inside
// cedict_1_0_ts_utf-8_mdbg.txt.gz); ImportDir picks up a file of this name
// beside the FreeDict dictionaries.
const CEDICTFile = "cedict_ts.u8"

// ImportCEDICT reads CC-CEDICT, the community Chinese→English dictionary
// (CC BY-SA: installed on the host, never vendored), into a lexicon of
// Chinese ("zh") headwords. Each entry is one line:
//
//	# comment
//	政府 政府 [zheng4 fu3] /government/CL:個|个[ge4]/
//	總統 总统 [zong3 tong3] /president (of a country)/CL:個|个[ge4],位[wei4]/
//
// that is traditional form, simplified form, pinyin in brackets and
// slash-delimited English glosses. Both the simplified and the traditional
// form become headwords, so that articles from the mainland and from Taiwan
// or Hong Kong both find their words. Glosses lose their parenthesised
// labels ("(old)", "(of a country)") and split on commas and semicolons;
// glosses that point elsewhere instead of translating ("CL:…" measure
// words, "variant of …", "see …", "abbr. for …", "surname …", literal
// renderings of idioms, pinyin cross-references) are dropped.
//
// A character often has several entries, one per reading; the readings of
// proper nouns (capitalised pinyin: 和 [He2], a surname) rank after the
// common ones (和 [he2] "and"). A person's name ("Vladimir Putin (1952-),
// president of Russia") also gives each of its words ("putin"), as English
// news writes a surname alone, and newstrace pivots through single words.
//
// Blank lines and lines starting with # are skipped. A line that is not an
// entry is an error naming the line.
func ImportCEDICT(ctx context.Context, r io.Reader) (*Lexicon, error) {
	b := newBuilder()
	var trans []cedictTranslation
	err := scanLines(ctx, r, "cedict", func(_ int, text string) error {
		e, err := splitCEDICTLine(text)
		if err != nil {
			return err
		}
		trans = cedictTranslations(trans[:0], e.glosses)
		if len(trans) == 0 {
			return nil
		}
		if e.proper {
			for i := range trans {
				trans[i].pos += properReadingRank
			}
		}
		for _, h := range []string{e.simp, e.trad} {
			if k := normalizeKey(h); k != "" {
				a := b.accum("zh", k)
				for _, t := range trans {
					b.addID(a, b.intern(t.english), wordCount(t.english), t.pos, false)
				}
			}
			if e.simp == e.trad {
				break
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return b.build(), nil
}

// properReadingRank is added to the gloss positions of a proper-noun
// reading, so that they rank after those of every common reading: no
// CC-CEDICT entry has this many glosses.
const properReadingRank = 1 << 10

// cedictEntry is one parsed CC-CEDICT line.
type cedictEntry struct {
	trad, simp string
	glosses    string // between the first and last slash
	proper     bool   // the pinyin is capitalised: a name's reading
}

// splitCEDICTLine cuts an entry into its traditional and simplified
// headwords and its glosses, the text between the first and last slash.
func splitCEDICTLine(text string) (cedictEntry, error) {
	var e cedictEntry
	trad, rest, ok := strings.Cut(text, " ")
	if !ok || trad == "" {
		return e, fmt.Errorf("not an entry (want \"Traditional Simplified [pin1 yin1] /gloss/\"): %.40q", text)
	}
	simp, rest, ok := strings.Cut(rest, " ")
	if !ok || simp == "" || !strings.HasPrefix(rest, "[") {
		return e, fmt.Errorf("headword %q: no [pinyin] after the simplified form", trad)
	}
	pinyin, rest, ok := strings.Cut(rest[1:], "]")
	if !ok {
		return e, fmt.Errorf("headword %q: unclosed [pinyin]", trad)
	}
	rest = strings.TrimSpace(rest)
	if len(rest) < 2 || rest[0] != '/' || rest[len(rest)-1] != '/' {
		return e, fmt.Errorf("headword %q: no /gloss/ after the pinyin", trad)
	}
	e.trad, e.simp, e.glosses = trad, simp, rest[1:len(rest)-1]
	e.proper = pinyin != "" && pinyin[0] >= 'A' && pinyin[0] <= 'Z'
	return e, nil
}

// cedictTranslation is one English translation of an entry and its rank
// within the entry: the position of its gloss.
type cedictTranslation struct {
	english string
	pos     int
}

// cedictTranslations appends to out the cleaned English translations of an
// entry's slash-separated glosses, in the order the entry lists them.
func cedictTranslations(out []cedictTranslation, glosses string) []cedictTranslation {
	pos := 0
	for raw := range strings.SplitSeq(glosses, "/") {
		name := personName(raw)
		// Labels go first, so that "(old) variant of 帽[mao4]" is seen as a
		// cross-reference; the pinyin of "个[ge4]" goes with them, leaving
		// the Han characters that isEnglishPiece rejects.
		g := strings.TrimSpace(stripGroups(raw))
		g = strings.TrimSpace(strings.TrimPrefix(g, "fig. "))
		if g == "" || !isCEDICTTranslation(g) {
			continue
		}
		n := len(out)
		for part := range strings.FieldsFuncSeq(g, isPieceSep) {
			if !isEnglishPiece(part) {
				continue
			}
			// Placeholders and the infinitive "to" go before cleanCandidate
			// counts words, so "to hit sb on the head" fits its bound;
			// again after, for the "To" it lower-cases.
			if c := cleanEnglish(cleanCandidate(cleanEnglish(part))); c != "" {
				out = append(out, cedictTranslation{c, pos})
			}
		}
		if !isEnglishPiece(name) {
			name = ""
		}
		for w := range strings.FieldsSeq(name) {
			if c := cleanCandidate(w); c != "" {
				out = append(out, cedictTranslation{c, pos + 1})
			}
		}
		if len(out) > n {
			pos++
		}
	}
	return out
}

// personName returns the name a gloss starts with when the gloss is a
// person's ("Donald Trump (1946-), American business magnate"): two or
// three capitalised words directly followed by a parenthesised year. It
// returns "" for any other gloss.
func personName(g string) string {
	name, rest, ok := strings.Cut(g, " (")
	if !ok || rest == "" || rest[0] < '0' || rest[0] > '9' {
		return ""
	}
	words := strings.Fields(name)
	if len(words) < 2 || len(words) > 3 {
		return ""
	}
	for _, w := range words {
		for i, r := range w {
			switch {
			case i == 0 && !unicode.IsUpper(r):
				return ""
			case !unicode.IsLetter(r) && r != '-' && r != '\'':
				return ""
			}
		}
	}
	return name
}

// cedictNonGlosses are the prefixes of glosses that describe or point at
// another entry rather than translate the headword.
var cedictNonGlosses = []string{
	"cl:",         // measure words: CL:個|个[ge4]
	"see ",        // see 的士[di1 shi4], see also …
	"abbr.",       // abbr. for 北京大學|北京大学[Bei3 jing1 Da4 xue2]
	"surname ",    // surname Zhang
	"lit.",        // word-by-word renderings of idioms
	"classifier ", // classifier for books
	"also ",       // also written …, also pr. …, also called …
	"same as ",    // same as 國慶|国庆[Guo2 qing4]
	"used ",       // used in 蘇鐵|苏铁[su1 tie3]
	"pr.",         // pr. [ji4]
	"taiwan pr.",  // Taiwan pr. [shu4]
	"kangxi radical",
}

// isCEDICTTranslation reports whether a label-stripped gloss translates
// its headword.
func isCEDICTTranslation(g string) bool {
	l := strings.ToLower(g)
	for _, p := range cedictNonGlosses {
		if strings.HasPrefix(l, p) {
			return false
		}
	}
	// "variant of", "old variant of", "erhua variant of", "Japanese variant of".
	return !strings.Contains(l, "variant of ")
}

// isEnglishPiece rejects the pieces of a gloss that carry a headword
// placeholder ("~'s") or characters of another entry ("个" once its
// pinyin is stripped): English translations are written in Latin letters.
func isEnglishPiece(s string) bool {
	if strings.ContainsRune(s, '~') {
		return false
	}
	for _, r := range s {
		if unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r) {
			return false
		}
	}
	return true
}
