package extract

import (
	"fmt"
	"io"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/newstrace/newstrace/internal/article"
)

// maxHeaderLine is the longest line FromText takes as a site banner or a
// title; anything longer is body text.
const maxHeaderLine = 200

// bannerRE matches a site banner line: a name with a " | " or " · "
// separator ("Dernières Nouvelles | News 24") or a bare host name.
var bannerRE = regexp.MustCompile(`^(?:[^|·•]{2,60}\s[|·•]\s[^|·•]{2,60}|(?i)[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.[a-z]{2,12})$`)

// FromText reads a plain-text article: paragraphs separated by blank
// lines. Leading short lines are header material: a site banner ("Name |
// Tagline") becomes SiteName and the first following short line without
// sentence-final punctuation becomes Title; both are removed from Text.
// Only a file without any text is an error (wrapping ErrNoText).
func FromText(r io.Reader, opts Options) (*article.Article, error) {
	raw, err := io.ReadAll(io.LimitReader(r, MaxPageSize))
	if err != nil {
		return nil, fmt.Errorf("extract: read text: %w", err)
	}
	if !utf8.Valid(raw) {
		raw = []byte(strings.ToValidUTF8(string(raw), "\uFFFD"))
	}
	text := norm.NFC.String(strings.TrimPrefix(string(raw), "\uFEFF"))
	text = strings.ReplaceAll(text, "\r\n", "\n")
	lines := strings.Split(text, "\n")

	a := article.New()
	a.URL = opts.URL
	a.Provenance.Kind = article.KindText
	a.Site = siteHost(opts.URL)

	i := nextLine(lines, 0)
	if i < len(lines) && isBanner(lines[i]) {
		a.SiteName = cleanSpace(lines[i])
		lines[i] = ""
		i = nextLine(lines, i+1)
	}
	if i < len(lines) && isTitleLine(lines[i]) && hasBodyAfter(lines, i+1) {
		a.Title = cleanSpace(lines[i])
		lines[i] = ""
	}

	var paras []string
	for _, p := range article.SplitParagraphs(strings.Join(lines, "\n")) {
		var kept []string
		for l := range strings.SplitSeq(p, "\n") {
			if l = cleanSpace(l); l != "" {
				kept = append(kept, l)
			}
		}
		if len(kept) > 0 {
			paras = append(paras, strings.Join(kept, "\n"))
		}
	}
	if len(paras) == 0 {
		return nil, ErrNoText
	}
	a.Text = article.JoinParagraphs(paras)
	Annotate(a)
	return a, nil
}

// nextLine returns the index of the first non-blank line at or after i.
func nextLine(lines []string, i int) int {
	for i < len(lines) && strings.TrimSpace(lines[i]) == "" {
		i++
	}
	return i
}

// hasBodyAfter reports whether any non-blank line follows i, so that a
// one-line file keeps its line as text rather than as a title.
func hasBodyAfter(lines []string, i int) bool {
	return nextLine(lines, i) < len(lines)
}

func isBanner(line string) bool {
	line = cleanSpace(line)
	return utf8.RuneCountInString(line) <= 80 && bannerRE.MatchString(line)
}

// isTitleLine reports whether line reads as a headline: short, and not
// ending like a sentence or a lead-in.
func isTitleLine(line string) bool {
	line = cleanSpace(line)
	n := utf8.RuneCountInString(line)
	if n < 3 || n > maxHeaderLine {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(line)
	return !strings.ContainsRune(".:;,…", r)
}
