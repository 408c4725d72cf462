package network

import (
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxTemplateLine is the longest paragraph, in runes, that can be a
// template line: footers and residue are short, article prose is not.
const maxTemplateLine = 100

// maxLabelPrefix is how far into a line a colon may sit for the line to
// be reduced to its label: "EN SAVOIR PLUS: <headline>" becomes
// "en savoir plus:", since the headline changes from article to article.
const maxLabelPrefix = 30

// templateKeys returns the distinct template keys of an article's
// paragraphs: each short paragraph (and each line of one), lower-cased,
// with runs of space collapsed, digits replaced by '#', and cut after a
// leading label such as "READ MORE:".
func templateKeys(paragraphs []string) []string {
	var keys []string
	for _, p := range paragraphs {
		if utf8.RuneCountInString(p) > maxTemplateLine {
			continue
		}
		for line := range strings.SplitSeq(p, "\n") {
			if k := templateKey(line); k != "" && !slices.Contains(keys, k) {
				keys = append(keys, k)
			}
		}
	}
	return keys
}

func templateKey(line string) string {
	line = strings.ToLower(strings.Join(strings.Fields(line), " "))
	if i := strings.IndexAny(line, ":："); i > 0 && utf8.RuneCountInString(line[:i]) <= maxLabelPrefix {
		_, size := utf8.DecodeRuneInString(line[i:])
		line = strings.TrimSpace(line[:i]) + line[i:i+size]
	}
	line = strings.Map(func(r rune) rune {
		if unicode.IsDigit(r) {
			return '#'
		}
		return r
	}, line)
	// A line of punctuation or digits alone is layout, not a signature.
	if !strings.ContainsFunc(line, unicode.IsLetter) {
		return ""
	}
	return line
}

// signature returns the template lines of a site that recur in at least
// TemplateShare of its articles — and in two at least, so that one
// article's byline is not a template — sorted by frequency, then text.
func (b *Builder) signature(s *siteAcc) []string {
	out := []string{}
	if s.templated < b.opts.TemplateMin {
		return out
	}
	need := max(2, int(math.Ceil(b.opts.TemplateShare*float64(s.templated)-1e-9)))
	for k, n := range s.lines {
		if n >= need {
			out = append(out, k)
		}
	}
	slices.SortFunc(out, func(x, y string) int {
		if s.lines[x] != s.lines[y] {
			return s.lines[y] - s.lines[x]
		}
		return strings.Compare(x, y)
	})
	return out
}
