package sqlite

import (
	"context"
	"fmt"
	"strings"
	"unicode"

	"github.com/newstrace/newstrace/internal/store"
)

// Weights of the title and text columns in the bm25 ranking: a word in
// the title says more about an article than one in its body.
const (
	titleWeight = 3.0
	textWeight  = 1.0
)

// snippetTokens is the length of a search snippet in tokens (FTS5 allows
// at most 64).
const snippetTokens = 24

// Search runs a full-text search over titles and texts; see store.Store.
func (s *Store) Search(ctx context.Context, query string, limit int) ([]store.SearchHit, error) {
	match := ftsQuery(query)
	if match == "" {
		return nil, nil
	}
	if limit <= 0 {
		limit = -1
	}
	rows, err := s.read.QueryContext(ctx, `
		SELECT a.id, a.title, snippet(articles_fts, -1, '', '', '…', ?), -bm25(articles_fts, ?, ?) AS rank
		FROM articles_fts JOIN articles AS a ON a.seq = articles_fts.rowid
		WHERE articles_fts MATCH ?
		ORDER BY rank DESC, a.seq LIMIT ?`, snippetTokens, titleWeight, textWeight, match, limit)
	if err != nil {
		return nil, fmt.Errorf("sqlite: search %q: %w", query, err)
	}
	defer rows.Close()
	var hits []store.SearchHit
	for rows.Next() {
		var h store.SearchHit
		if err := rows.Scan(&h.ID, &h.Title, &h.Snippet, &h.Rank); err != nil {
			return nil, fmt.Errorf("sqlite: search %q: %w", query, err)
		}
		hits = append(hits, h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: search %q: %w", query, err)
	}
	return hits, nil
}

// ftsQuery turns plain words into an FTS5 query that requires all of
// them. Each whitespace-separated word becomes a quoted phrase, so FTS5
// syntax in user input (AND, NEAR, *, :, quotes, parentheses) is taken
// literally, and the tokenizer splits the phrase as it split the text
// ("l'État" must match "l" then "etat"). Words with no letter or digit
// are dropped: they would be empty phrases. "" means no words.
func ftsQuery(query string) string {
	query = strings.ToValidUTF8(query, " ")
	var b strings.Builder
	for w := range strings.FieldsSeq(query) {
		if !strings.ContainsFunc(w, isWordRune) {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteByte('"')
		for _, r := range w {
			switch {
			case r == '"':
				b.WriteString(`""`)
			case r == 0:
				b.WriteByte(' ')
			default:
				b.WriteRune(r)
			}
		}
		b.WriteByte('"')
	}
	return b.String()
}

// isWordRune reports whether r is part of a word for the unicode61
// tokenizer (categories L*, N* and Co).
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Co, r)
}
