package lexicon

import (
	"strings"
	"unicode"
)

// parseEntry extracts the translations of a FreeDict dictd entry, in the
// order the entry lists them. FreeDict entries are plain text rendered from
// TEI, for example:
//
//	chat /ʃa/ <n, masc>
//	cat
//
//	dog /dɒg/
//	I.  <N> 1.  [gatunek]  pies
//	 2.  [samiec]  pies
//	II.  <V> 1.  chodzić ślad w ślad (sb - za kimś)
//
//	gehen /ɡˈeːən/ <v, intr>
//	go <v>
//	      "Lass uns gehen!"  - Let's go!
//	 see: {gehend}, {gegangen}
//
// The first line is the headword with pronunciation and part of speech. The
// other lines hold comma-separated translations behind sense numbers, with
// grammar in <…>, domain labels in […], glosses in (…), plus example,
// note, synonym and cross-reference lines, which are not translations.
func parseEntry(text string) []string {
	_, body, _ := strings.Cut(text, "\n")
	var out []string
	for line := range strings.SplitSeq(body, "\n") {
		t := strings.TrimSpace(line)
		if t == "" || t[0] == '"' || isLabelLine(t) {
			continue
		}
		// eng-pol lists compounds and phrasal verbs inside an entry
		// ("<N Comp>cassette recorder   magnetofon"): they translate another
		// English phrase, not the headword.
		if strings.Contains(t, "Comp>") || strings.Contains(t, "Phras>") {
			continue
		}
		t = stripGroups(t)
		t = stripSenseMarkers(t)
		for part := range strings.FieldsFuncSeq(t, isPieceSep) {
			if c := cleanCandidate(stripSenseMarkers(part)); c != "" {
				out = append(out, c)
			}
		}
	}
	return out
}

// isPieceSep reports the separators between the translations of one sense.
func isPieceSep(r rune) bool { return r == ',' || r == ';' }

// isLabelLine reports lines that annotate rather than translate.
func isLabelLine(t string) bool {
	for _, p := range []string{"see:", "Synonym:", "Synonyms:", "Antonym:", "Antonyms:", "Note:", "Notes:", "Usage:", "Example:"} {
		if strings.HasPrefix(t, p) {
			return true
		}
	}
	return false
}

// stripGroups removes <…>, […], (…) and {…} groups and inline /…/
// pronunciations (a slash after a space or at the start, so "and/or" stays);
// an unclosed group runs to the end of the line. A grammar tag separates like
// a comma: deu-eng writes "government <n>Gov.".
func stripGroups(s string) string {
	if !strings.ContainsAny(s, "<[({/") {
		return s
	}
	var b strings.Builder
	var closer rune
	depth := 0
	prev := ' '
	for _, r := range s {
		if depth > 0 {
			switch r {
			case closer:
				depth--
			case openerOf(closer):
				depth++
			}
			if depth == 0 {
				if closer == '>' {
					b.WriteByte(',')
				} else {
					b.WriteByte(' ')
				}
				prev = ' '
			}
			continue
		}
		switch {
		case r == '<':
			closer, depth = '>', 1
		case r == '[':
			closer, depth = ']', 1
		case r == '(':
			closer, depth = ')', 1
		case r == '{':
			closer, depth = '}', 1
		case r == '/' && unicode.IsSpace(prev):
			closer, depth = '/', 1
		default:
			b.WriteRune(r)
		}
		prev = r
	}
	return b.String()
}

func openerOf(closer rune) rune {
	switch closer {
	case '>':
		return '<'
	case ']':
		return '['
	case ')':
		return '('
	case '}':
		return '{'
	}
	return -1 // a slash group does not nest
}

// stripSenseMarkers removes leading "I.", "2.", "-", "*" and "•" markers,
// however many are stacked.
func stripSenseMarkers(s string) string {
	for {
		s = strings.TrimLeftFunc(s, unicode.IsSpace)
		switch {
		case strings.HasPrefix(s, "-"), strings.HasPrefix(s, "*"):
			s = s[1:]
			continue
		case strings.HasPrefix(s, "•"):
			s = s[len("•"):]
			continue
		}
		i := 0
		for i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] == 'I' || s[i] == 'V' || s[i] == 'X') {
			i++
		}
		if i > 0 && i < len(s) && s[i] == '.' && (i+1 == len(s) || s[i+1] == ' ' || s[i+1] == '\t') {
			s = s[i+1:]
			continue
		}
		return s
	}
}

// cleanCandidate turns one comma-separated piece into a normalised
// translation, or "" when the piece is not a usable word or short phrase.
func cleanCandidate(s string) string {
	s = strings.ReplaceAll(s, "~", " ") // eng-hin joins multi-word translations with ~
	s = strings.TrimFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || r == '.' || r == '!' || r == '?' || r == '-' || r == '\'' || r == '"'
	})
	if s == "" || strings.ContainsAny(s, "/\"=:{}<>[]()|…+&@#%\\") || strings.Contains(s, "..") {
		return ""
	}
	hasLetter := false
	for _, r := range s {
		if unicode.IsLetter(r) {
			hasLetter = true
		}
		if unicode.IsDigit(r) {
			return ""
		}
	}
	if !hasLetter {
		return ""
	}
	s = normalizeKey(s)
	if len(s) > 64 || strings.Count(s, " ")+1 > maxPhraseWords {
		return ""
	}
	return s
}

// cleanEnglish drops the placeholders of English glosses ("sleep with sb.")
// and the infinitive "to", so that "to go" and "go" are one translation.
func cleanEnglish(s string) string {
	if !strings.Contains(s, " ") {
		return s
	}
	f := strings.Fields(s)
	out := f[:0]
	for _, w := range f {
		switch w {
		case "sb", "sb.", "sth", "sth.", "sb's", "sth's", "so.", "smb", "smb.", "smth", "smth.", "one's", "oneself":
			continue
		}
		out = append(out, w)
	}
	if len(out) > 1 && out[0] == "to" {
		out = out[1:]
	}
	return strings.Join(out, " ")
}
