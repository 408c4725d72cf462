package lexicon

import (
	"bufio"
	"bytes"
	"strings"
)

// parseWikDictEntry extracts the translations of an entry of a WikDict
// dictionary (FreeDict+WikDict, built from Wiktionary: pol-eng, ell-eng,
// deu-rus …). Each sense gives a line of translations and then a line that
// defines the headword in its own language, which parseEntry would take
// for translations too ("instytucja państwowa" for police):
//
//	cząstka /ˈʧ̑ɔ̃w̃stka/ <n>
//	1. particle
//	(fizyka, fizyczny) fragment materii niewidoczny dla oka;
//	2. small part
//	(zdrobniale) od: część
//
// A sense without translations is its number alone (" 3."), and the
// rendering often puts the next sense's number at the end of a translation
// line ("country 2."): only the body's first line and the lines that open
// with a sense number translate, without the number that ends them.
func parseWikDictEntry(text string) []string {
	_, body, _ := strings.Cut(text, "\n")
	var out []string
	first := true
	for line := range strings.SplitSeq(body, "\n") {
		t := strings.TrimSpace(line)
		if t == "" {
			continue
		}
		rest, numbered := cutSenseNumber(t)
		if !first && !numbered {
			continue
		}
		first = false
		t = stripGroups(trimSenseNumber(rest))
		for part := range strings.FieldsFuncSeq(t, isPieceSep) {
			if c := cleanCandidate(part); c != "" {
				out = append(out, c)
			}
		}
	}
	return out
}

// cutSenseNumber removes a leading sense number ("2. ") from t and reports
// whether there was one.
func cutSenseNumber(t string) (string, bool) {
	i := 0
	for i < len(t) && t[i] >= '0' && t[i] <= '9' {
		i++
	}
	if i == 0 || i == len(t) || t[i] != '.' || i+1 < len(t) && t[i+1] != ' ' {
		return t, false
	}
	return strings.TrimSpace(t[i+1:]), true
}

// trimSenseNumber removes a trailing sense number (" 2.") from t.
func trimSenseNumber(t string) string {
	j := len(t)
	if j == 0 || t[j-1] != '.' {
		return t
	}
	i := j - 1
	for i > 0 && t[i-1] >= '0' && t[i-1] <= '9' {
		i--
	}
	if i == j-1 || i > 0 && t[i-1] != ' ' {
		return t
	}
	return strings.TrimSpace(t[:i])
}

// wikDictMark is how a WikDict dictionary names itself in its
// 00-database-short entry, at the start of the dictionary text.
var wikDictMark = []byte("FreeDict+WikDict")

// isWikDict reports whether the dictionary text r is about to read is a
// WikDict one, from the database entries it opens with: they come first,
// the short name after the longer description (about 1 KB in WikDict's,
// 4 KB in the largest FreeDict ones). A shorter text is peeked whole; its
// read error is the scan's to report.
func isWikDict(r *bufio.Reader) bool {
	head, _ := r.Peek(16 << 10)
	return bytes.Contains(head, wikDictMark)
}

// parseAnyEntry parses a dictd entry with parseWikDictEntry when its
// dictionary is a WikDict one, and with parseEntry otherwise.
func parseAnyEntry(text string, wikDict bool) []string {
	if wikDict {
		return parseWikDictEntry(text)
	}
	return parseEntry(text)
}
