package postgres

import (
	"context"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/newstrace/newstrace/internal/store"
)

// Weights of the title (A) and text (B) lexemes in ts_rank, as
// {D, C, B, A}: a word in the title says more about an article than one
// in its body, three times as much as in store/sqlite's bm25.
const rankWeights = `'{0, 0, 0.333333, 1}'`

// snippetTokens is the length of a search snippet in words, as in
// store/sqlite.
const snippetTokens = 24

// searchSQL finds the articles matching every phrase of a query built by
// Search: %[1]s is the tsquery expression, %[2]d the number of the limit
// parameter (NULL: none).
const searchSQL = `
	SELECT a.id, a.title, a.text, ts_rank(` + rankWeights + `, a.fts, q.q) AS rank
	FROM articles AS a, (SELECT %[1]s AS q) AS q
	WHERE a.fts @@ q.q
	ORDER BY rank DESC, a.seq LIMIT $%[2]d`

// Search runs a full-text search over titles and texts; see store.Store.
// Snippets are cut in Go around the first word of the text (else the
// title) that matches a query word, so they are plain text by
// construction.
func (s *Store) Search(ctx context.Context, query string, limit int) ([]store.SearchHit, error) {
	phrases := queryPhrases(query)
	if len(phrases) == 0 {
		return nil, nil
	}
	var expr strings.Builder
	args := make([]any, 0, len(phrases)+1)
	for i, p := range phrases {
		if i > 0 {
			expr.WriteString(" && ")
		}
		fmt.Fprintf(&expr, "phraseto_tsquery('simple', %s($%d))", s.unaccent, i+1)
		args = append(args, p)
	}
	var lim *int
	if limit > 0 {
		lim = &limit
	}
	args = append(args, lim)
	rows, err := s.pool.Query(ctx, fmt.Sprintf(searchSQL, expr.String(), len(args)), args...)
	if err != nil {
		return nil, fmt.Errorf("postgres: search %q: %w", query, err)
	}
	defer rows.Close()
	want := map[string]bool{}
	for _, p := range phrases {
		for w := range strings.FieldsSeq(p) {
			want[w] = true
		}
	}
	var hits []store.SearchHit
	for rows.Next() {
		var h store.SearchHit
		var text string
		var rank float32
		if err := rows.Scan(&h.ID, &h.Title, &text, &rank); err != nil {
			return nil, fmt.Errorf("postgres: search %q: %w", query, err)
		}
		h.Rank = float64(rank)
		h.Snippet = snippet(h.Title, text, want)
		hits = append(hits, h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgres: search %q: %w", query, err)
	}
	return hits, nil
}

// queryPhrases turns plain words into phrases of folded words: each
// whitespace-separated word of query becomes one phrase of the words it
// holds ("l'État" is "l etat", which must occur in that order). Nothing
// in the query is an operator. Words with no letter or digit are dropped.
func queryPhrases(query string) []string {
	var out []string
	for w := range strings.FieldsSeq(strings.ToValidUTF8(query, " ")) {
		if p := foldText(w); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// isWordRune reports whether r belongs to a word: letters, digits and
// marks (Devanagari vowel signs are marks inside words), and private-use
// characters, as SQLite's unicode61 tokenizer counts them.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r) || unicode.Is(unicode.Co, r)
}

// fold lower-cases a word and strips its combining marks: "Zürich" →
// "zurich".
func fold(w string) string {
	ascii := true
	for i := range len(w) {
		if w[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if !ascii {
		w = strings.Map(dropMn, norm.NFD.String(w))
		w = norm.NFC.String(w)
	}
	return strings.ToLower(w)
}

// dropMn is a strings.Map function that drops nonspacing marks.
func dropMn(r rune) rune {
	if unicode.Is(unicode.Mn, r) {
		return -1
	}
	return r
}

// foldText returns the words of s, folded, separated by single spaces:
// the text the search vector is built from. It does not depend on the
// database's locale, which would otherwise decide what a letter is.
func foldText(s string) string {
	var b strings.Builder
	for start, end := range words(s) {
		w := fold(s[start:end])
		if w == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	return b.String()
}

// words yields the byte spans of the words of s. Invalid UTF-8 and NUL
// bytes separate words.
func words(s string) func(yield func(start, end int) bool) {
	return func(yield func(start, end int) bool) {
		start := -1
		for i, r := range s {
			in := r != utf8.RuneError && isWordRune(r)
			switch {
			case in && start < 0:
				start = i
			case !in && start >= 0:
				if !yield(start, i) {
					return
				}
				start = -1
			}
		}
		if start >= 0 {
			yield(start, len(s))
		}
	}
}

// snippet returns about snippetTokens words of text around its first
// word in want, with "…" where it was cut; the title when only the title
// matches; the start of the text when no word matches as folded here
// (unaccent also folds what has no combining mark, such as ß).
func snippet(title, text string, want map[string]bool) string {
	if s, ok := window(text, want); ok {
		return s
	}
	if _, ok := window(title, want); ok {
		return title
	}
	s, _ := window(text, nil)
	return s
}

// window cuts text around its first word in want, or at its start, and
// reports whether a word was found.
func window(text string, want map[string]bool) (string, bool) {
	type span struct{ start, end int }
	var spans []span
	hit := -1
	for start, end := range words(text) {
		if hit < 0 && want[fold(text[start:end])] {
			hit = len(spans)
		}
		spans = append(spans, span{start, end})
		if (hit >= 0 || want == nil) && len(spans) >= max(hit, 0)+snippetTokens {
			break // enough words
		}
	}
	if len(spans) == 0 {
		return "", false
	}
	first := 0
	if hit > 0 {
		first = max(0, hit-snippetTokens/4) // a little context before
	}
	last := min(len(spans), first+snippetTokens) - 1
	// At either end of the text, its punctuation is kept: « or a final
	// full stop.
	start, end := 0, len(strings.TrimRightFunc(text, unicode.IsSpace))
	var b strings.Builder
	if first > 0 {
		b.WriteString("…")
		start = spans[first].start
	}
	cut := hasWord(text[spans[last].end:])
	if cut {
		end = spans[last].end
	}
	b.WriteString(strings.TrimLeftFunc(text[start:end], unicode.IsSpace))
	if cut {
		b.WriteString("…")
	}
	return b.String(), hit >= 0
}

// hasWord reports whether s holds a word.
func hasWord(s string) bool {
	for range words(s) {
		return true
	}
	return false
}
