package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentences splits s into sentence spans, good enough for news: a sentence
// ends at ".", "!", "?" or "…" (with any closing quotes or brackets after
// it, French « » spacing included) when the next word starts with an
// upper-case letter, a digit or an opening quote, and the word before a "."
// is not an abbreviation ("Mr.", "M.", "Dr.", "z.B.") or an initial ("J.").
// A line break always ends a sentence, since headlines, datelines and
// residue lines ("READ MORE:") stand on their own line. CJK full stops, the
// Devanagari danda (।) and the Arabic question mark end a sentence whatever
// follows. Spans are trimmed of white space;
// empty ones are left out.
func Sentences(s string) []Span {
	var out []Span
	start := 0
	add := func(end int) {
		sp := trimSpan(s, start, end)
		if sp.End > sp.Start {
			out = append(out, sp)
		}
		start = end
	}
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '\n':
			add(i)
			i += n
			start = i
			continue
		case r == '。' || r == '！' || r == '？' || r == '।' || r == '॥' || r == '؟' || r == '۔':
			j := skipClosers(s, i+n)
			add(j)
			i = j
			continue
		case r == '.' || r == '!' || r == '?' || r == '…':
			j := i + n
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if r2 != '.' && r2 != '!' && r2 != '?' && r2 != '…' {
					break
				}
				j += n2
			}
			j = skipClosers(s, j)
			if endsSentence(s, start, i, j, r) {
				add(j)
			}
			i = j
			continue
		}
		i += n
	}
	add(len(s))
	return out
}

// skipClosers returns the offset after any closing quotes and brackets at
// s[i:], allowing the French space before » and ».
func skipClosers(s string, i int) int {
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if isCloser(r) {
			i += n
			continue
		}
		if r == ' ' || r == '\u00a0' || r == '\u202f' {
			if r2, n2 := utf8.DecodeRuneInString(s[i+n:]); r2 == '»' {
				i += n + n2
				continue
			}
		}
		break
	}
	return i
}

// isCloser reports whether r closes a quote or bracket when it follows a
// terminator. “ and ‘ open a quote in English but close one in German
// („Wir kommen.“ Dann …); straight after a full stop they can only close.
func isCloser(r rune) bool {
	switch r {
	case '»', '"', '”', '’', '\'', ')', ']', '›', '」', '』', '）', '“', '‘':
		return true
	}
	return false
}

// endsSentence decides whether the terminator term (at s[at], the run of
// terminators and closers ending at after) ends a sentence begun at start.
func endsSentence(s string, start, at, after int, term rune) bool {
	// What follows must be white space, then a sentence start, or the end.
	j := after
	sawSpace := false
	for j < len(s) {
		r, n := utf8.DecodeRuneInString(s[j:])
		if r == '\n' {
			return true
		}
		if !unicode.IsSpace(r) {
			break
		}
		sawSpace = true
		j += n
	}
	if j == len(s) {
		return true
	}
	if !sawSpace {
		// "3.5", "example.com", "U.S.-led" read on; a lower-case word
		// run into a capitalised one ("oily in some parts.I love it",
		// "refunded.Very unhappy") is a missing space, common in
		// reviews and chat.
		return missingSpace(s, start, at, j)
	}
	next, _ := utf8.DecodeRuneInString(s[j:])
	if unicode.IsLower(next) {
		return false // « … ! » a-t-il dit; "etc. and"
	}
	if !(unicode.IsUpper(next) || unicode.IsDigit(next) || unicode.IsLetter(next) || isOpener(next)) {
		return false
	}
	if term == '.' && !strings.Contains(s[at+1:after], ".") {
		w := lastWord(s, start, at)
		return !isAbbreviation(w, next) && !isOrdinal(s[start:at-len(w)], w, s[at+1:after])
	}
	return true
}

// missingSpace reports whether the terminator at s[at], followed at next
// by no space, ends a sentence all the same: the word before it is at
// least three lower-case letters and the word after is capitalised and
// otherwise lower-case ("I", "Very"), so that neither a domain nor a
// dotted name ("Node.JS") is cut.
func missingSpace(s string, start, at, next int) bool {
	w := lastWord(s, start, at)
	if utf8.RuneCountInString(w) < 3 {
		return false
	}
	for _, r := range w {
		if !unicode.IsLower(r) {
			return false
		}
	}
	end := next
	for end < len(s) {
		r, n := utf8.DecodeRuneInString(s[end:])
		if !unicode.IsLetter(r) {
			break
		}
		end += n
	}
	for i, r := range s[next:end] {
		if i == 0 && !unicode.IsUpper(r) || i > 0 && !unicode.IsLower(r) {
			return false
		}
	}
	return end > next
}

func isOpener(r rune) bool {
	switch r {
	case '«', '"', '“', '„', '‘', '\'', '(', '[', '—', '–', '-', '‹', '¿', '¡':
		return true
	}
	return false
}

// lastWord returns the word just before offset at, stopping at white space
// or an opening bracket or quote.
func lastWord(s string, start, at int) string {
	i := at
	for i > start {
		r, n := utf8.DecodeLastRuneInString(s[start:i])
		if unicode.IsSpace(r) || isOpener(r) {
			break
		}
		i -= n
	}
	return s[i:at]
}

// isAbbreviation reports whether a word before a full stop is an
// abbreviation rather than the end of a sentence.
func isAbbreviation(w string, next rune) bool {
	if w == "" {
		return false
	}
	if r, n := utf8.DecodeRuneInString(w); n == len(w) && unicode.IsUpper(r) {
		return true // an initial: "J. Smith"; also "M. Macron"
	}
	if strings.Contains(w, ".") {
		// "U.S", "z.B", "p.ex": short segments between dots. A dotted
		// abbreviation can still end a sentence, but in news "the U.S. The"
		// is rarer than "U.S. President".
		for seg := range strings.SplitSeq(w, ".") {
			if utf8.RuneCountInString(seg) > 3 {
				return false
			}
		}
		return true
	}
	w = fold(w)
	if _, ok := abbreviations[w]; ok {
		return true
	}
	// "No. 5", "Nr. 3", "p. 12", "Jan. 5" read on, but "he said no." ends.
	_, ok := beforeNumber[w]
	return ok && unicode.IsDigit(next)
}

// isOrdinal reports whether w, a word before a full stop with nothing
// closing after it and white space before it, is a number of one or two
// digits: German, Czech, Polish and others write ordinals so ("am 3.
// Oktober", "der 2. Weltkrieg"), while a sentence rarely ends on a bare
// small number. Years and other longer numbers ("im Jahr 1250.") and the
// end of a score or range ("3-2.") still end one.
func isOrdinal(before, w, closers string) bool {
	if closers != "" || w == "" || len(w) > 2 {
		return false
	}
	if r, _ := utf8.DecodeLastRuneInString(before); before != "" && !unicode.IsSpace(r) {
		return false
	}
	for _, r := range w {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// abbreviations lists, folded and without their full stop, words that are
// followed by "." without ending a sentence in en, fr, de, es, it and ru
// news. Words that often end sentences ("etc", "usw") are left out.
var abbreviations = set(`mr mrs ms dr prof st jr sr gen gov sen rep lt col capt sgt maj cmdr adm rev hon
	inc ltd corp bros vs approx dept ave blvd mt ft
	mm mme mlle mgr pr ste av bd cf env
	hr hrn frau str bzw ca vgl evtl ggf inkl mio mrd abs tel dipl ing
	sra srta dra ud uds sto sigg dott avv
	г гг ул им тыс млн млрд др проф
	डॉ प्रो`)

// beforeNumber lists abbreviations that are only read on before a number.
var beforeNumber = set(`no nos nr num p pp vol fig art chap pag
	jan feb mar apr jun jul aug sep sept oct nov dec`)

// trimSpan returns [start, end) without leading and trailing white space.
func trimSpan(s string, start, end int) Span {
	for start < end {
		r, n := utf8.DecodeRuneInString(s[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		start += n
	}
	for end > start {
		r, n := utf8.DecodeLastRuneInString(s[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= n
	}
	return Span{start, end}
}
