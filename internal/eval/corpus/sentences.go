package corpus

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newstrace/newstrace/internal/article"
)

// abbreviations end with a period without ending a sentence. Lower-cased,
// without the period. Single letters (initials) are handled apart.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "st": true,
	"jr": true, "sr": true, "vs": true, "etc": true, "e.g": true, "i.e": true,
	"no": true, "nr": true, "inc": true, "ltd": true, "co": true, "corp": true,
	"gen": true, "gov": true, "sen": true, "rep": true, "col": true, "lt": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true,
	"aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"mme": true, "mlle": true, "me": true, "cf": true, "env": true,
	"z.b": true, "bzw": true, "usw": true, "ca": true, "hr": true, "fr": true,
	"u.s": true, "u.k": true, "a.m": true, "p.m": true, "tj": true, "atd": true,
	"г": true, "гг": true, "т.е": true, "т.д": true, "им": true, "ул": true,
}

// splitSentences splits a paragraph into sentences on . ! ? … and their
// full-width and Devanagari forms, when followed by closing quotes or
// brackets and then white space or the end. Full-width marks need no space.
// A period does not end a sentence after a known abbreviation, an initial,
// or inside a number (3.5 has no space after the period anyway).
func splitSentences(p string) []string {
	var out []string
	start := 0
	for i := 0; i < len(p); {
		r, size := utf8.DecodeRuneInString(p[i:])
		i += size
		switch r {
		case '.', '!', '?', '…', '।':
		case '。', '！', '？':
			j := skipClosers(p, i)
			out = append(out, strings.TrimSpace(p[start:j]))
			start, i = j, j
			continue
		default:
			continue
		}
		j := skipClosers(p, i)
		if j < len(p) {
			next, _ := utf8.DecodeRuneInString(p[j:])
			if !unicode.IsSpace(next) {
				continue
			}
		}
		if r == '.' && isAbbreviation(p[start:i-size]) {
			continue
		}
		out = append(out, strings.TrimSpace(p[start:j]))
		start, i = j, j
	}
	if rest := strings.TrimSpace(p[start:]); rest != "" {
		out = append(out, rest)
	}
	return out
}

// skipClosers returns the index after any closing quotes and brackets at i,
// and after further sentence marks ("?!", "...").
func skipClosers(p string, i int) int {
	for i < len(p) {
		r, size := utf8.DecodeRuneInString(p[i:])
		if !strings.ContainsRune(`"'”’»)]」』）.!?…`, r) {
			break
		}
		i += size
	}
	return i
}

// isAbbreviation reports whether the text before a period ends with a word
// that is a known abbreviation or a single-letter initial.
func isAbbreviation(before string) bool {
	word := before
	if k := strings.LastIndexFunc(before, func(r rune) bool { return unicode.IsSpace(r) || r == '(' || r == '"' }); k >= 0 {
		_, size := utf8.DecodeRuneInString(before[k:])
		word = before[k+size:]
	}
	if r, size := utf8.DecodeRuneInString(word); size == len(word) && unicode.IsUpper(r) {
		return true
	}
	return abbreviations[strings.ToLower(word)]
}

// firstSentences keeps the first k sentences of a text, keeping paragraph
// breaks between those that remain.
func firstSentences(text string, k int) string {
	var paras []string
	for _, p := range article.SplitParagraphs(text) {
		if k <= 0 {
			break
		}
		ss := splitSentences(p)
		if len(ss) > k {
			ss = ss[:k]
		}
		k -= len(ss)
		paras = append(paras, strings.Join(ss, " "))
	}
	return article.JoinParagraphs(paras)
}
