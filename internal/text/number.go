package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// isGroupSpace reports whether a segment is one space that may group the
// thousands of a number: "1 000", "1\u00a0000", "1\u202f000".
func isGroupSpace(seg string) bool {
	r, n := utf8.DecodeRuneInString(seg)
	if n != len(seg) {
		return false
	}
	switch r {
	case ' ', '\u00a0', '\u202f', '\u2009', '\u2007':
		return true
	}
	return false
}

// groupContinues reports whether the number segment next, starting at
// start, continues the number prev that ends at prevEnd, as in "1 000 000":
// one grouping space between them, prev made of digit groups whose first
// has 1–3 digits and the others 3, and next starting with exactly 3 digits.
func groupContinues(s string, prevEnd, start int, prev, next string) bool {
	if !isGroupSpace(s[prevEnd:start]) {
		return false
	}
	for i, g := range strings.FieldsFunc(prev, func(r rune) bool { return isGroupSpace(string(r)) }) {
		n, ok := digitRun(g)
		if !ok || n != len([]rune(g)) || n == 0 || n > 3 || (i > 0 && n != 3) {
			return false
		}
	}
	// next is "000", "000,5" or, where the tokenizer kept a narrow
	// no-break space inside, "000\u202f000".
	if i := strings.IndexAny(next, ",."); i >= 0 {
		if n, ok := digitRun(next[i+1:]); !ok || n == 0 {
			return false
		}
		next = next[:i]
	}
	if next == "" {
		return false
	}
	for _, g := range strings.FieldsFunc(next, func(r rune) bool { return isGroupSpace(string(r)) }) {
		if n, ok := digitRun(g); !ok || n != 3 {
			return false
		}
	}
	return true
}

// digitRun returns the number of leading digits of s and whether s had
// only digits.
func digitRun(s string) (int, bool) {
	n := 0
	for _, r := range s {
		if !unicode.IsDigit(r) {
			return n, false
		}
		n++
	}
	return n, true
}

// canonicalNumber writes a number segment in one form whatever the
// convention it was written in: ASCII digits, no thousands separators and
// "." before decimals, so "1 000", "1,000" (en) and "1.000" (fr) all give
// "1000" and "3,5" gives "3.5". A separator followed by a group of other
// than 3 digits is decimal in any language; a single ambiguous one ("1.500")
// follows the language's convention. Segments that are not numbers in any
// convention (dates such as "27.03.2024", codes) keep their separators,
// with digits in ASCII.
func canonicalNumber(raw string, decimalComma bool) string {
	var groups []string
	var seps []rune
	var b strings.Builder
	for _, r := range raw {
		switch {
		case unicode.IsDigit(r):
			b.WriteByte(byte('0' + digitValue(r)))
		case r == ',' || r == '.':
			groups, seps = append(groups, b.String()), append(seps, r)
			b.Reset()
		case r == '\'' || r == '’' || isGroupSpace(string(r)):
			groups, seps = append(groups, b.String()), append(seps, ' ')
			b.Reset()
		default:
			// Not a plain number (a letter slipped in): keep it as written.
			return raw
		}
	}
	groups = append(groups, b.String())
	if len(seps) == 0 {
		return groups[0]
	}
	// Decide whether the last separator is a decimal point.
	last := len(seps) - 1
	decimal := false
	if seps[last] != ' ' {
		sameBefore := false
		otherBefore := false
		for _, c := range seps[:last] {
			if c == seps[last] {
				sameBefore = true
			} else {
				otherBefore = true
			}
		}
		switch {
		case sameBefore:
			decimal = false // "1,000,000": thousands
		case len(groups[last+1]) != 3 || otherBefore || len(groups[0]) > 3 || len(groups[0]) == 0:
			decimal = true
		default:
			decimal = (seps[last] == ',') == decimalComma
		}
	}
	intGroups, frac := groups, ""
	if decimal {
		intGroups, frac = groups[:last+1], groups[last+1]
	}
	// The remaining separators must group thousands consistently.
	valid := true
	for i, g := range intGroups {
		if len(g) == 0 || (i == 0 && len(g) > 3 && len(intGroups) > 1) || (i > 0 && len(g) != 3) {
			valid = false
		}
		if i > 0 && i < len(intGroups)-1 && seps[i] != seps[i-1] {
			valid = false
		}
	}
	if !valid {
		var w strings.Builder
		for i, g := range groups {
			if i > 0 {
				w.WriteRune(seps[i-1])
			}
			w.WriteString(g)
		}
		return w.String()
	}
	out := strings.Join(intGroups, "")
	if decimal {
		out += "." + frac
	}
	return out
}

// digitValue returns the value of a decimal digit of any script: Unicode
// lays out each script's digits as a run of ten starting at zero.
func digitValue(r rune) int {
	if '0' <= r && r <= '9' {
		return int(r - '0')
	}
	for _, rg := range unicode.Nd.R16 {
		if rune(rg.Lo) <= r && r <= rune(rg.Hi) {
			return int(r-rune(rg.Lo)) % 10
		}
	}
	for _, rg := range unicode.Nd.R32 {
		if rune(rg.Lo) <= r && r <= rune(rg.Hi) {
			return int(r-rune(rg.Lo)) % 10
		}
	}
	return 0
}
