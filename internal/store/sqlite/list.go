package sqlite

import (
	"context"
	"fmt"
	"math"
	"time"

	"github.com/newstrace/newstrace/internal/article"
	"github.com/newstrace/newstrace/internal/store"
)

// listPage is how many articles List reads before calling back; it bounds
// the memory of a page of full texts.
const listPage = 256

// List calls fn for each article passing q, oldest publication first; see
// store.Store. It reads in pages keyed on (publication time, seq) and
// holds no connection while fn runs.
func (s *Store) List(ctx context.Context, q store.Query, fn func(*article.Article) error) error {
	var where []string
	var args []any
	if q.Lang != "" {
		where, args = append(where, "lang = ?"), append(args, q.Lang)
	}
	if q.Site != "" {
		where, args = append(where, "site = ?"), append(args, q.Site)
	}
	if !q.Since.IsZero() {
		where, args = append(where, "published_at >= ?"), append(args, clampTime(q.Since))
	}
	if !q.Until.IsZero() {
		where, args = append(where, "published_at < ?"), append(args, clampTime(q.Until))
	}
	// Undated articles sort last under the largest key. The redundant
	// ">= ?1" lets SQLite seek the articles_published index to the cursor;
	// the row-value comparison alone makes it scan from the start.
	const sortKey = `coalesce(published_at, 9223372036854775807)`
	query := `SELECT ` + articleColumns + `, ` + sortKey + `, seq FROM articles
		WHERE ` + sortKey + ` >= ?1 AND (` + sortKey + `, seq) > (?1, ?2)`
	for _, w := range where {
		query += " AND " + w
	}
	query += ` ORDER BY ` + sortKey + `, seq LIMIT ?`

	var lastKey, lastSeq int64 = math.MinInt64, 0
	left := q.Limit
	for {
		n := listPage
		if q.Limit > 0 {
			n = min(n, left)
		}
		if n == 0 {
			return nil
		}
		page, err := s.listPage(ctx, query, append([]any{lastKey, lastSeq}, append(args, n)...), &lastKey, &lastSeq)
		if err != nil {
			return err
		}
		for _, a := range page {
			if err := fn(a); err != nil {
				return err
			}
		}
		left -= len(page)
		if len(page) < n {
			return nil
		}
	}
}

// listPage reads one page of List and advances the cursor to its last row.
func (s *Store) listPage(ctx context.Context, query string, args []any, lastKey, lastSeq *int64) ([]*article.Article, error) {
	rows, err := s.read.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: list articles: %w", err)
	}
	defer rows.Close()
	var page []*article.Article
	for rows.Next() {
		a, err := scanArticle(rows, lastKey, lastSeq)
		if err != nil {
			return nil, fmt.Errorf("sqlite: list articles: %w", err)
		}
		page = append(page, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: list articles: %w", err)
	}
	return page, nil
}

// clampTime encodes a query bound, clamped to the storable range: a bound
// beyond it holds for every stored time, or for none.
func clampTime(t time.Time) int64 {
	switch {
	case t.Before(minTime):
		return math.MinInt64
	case t.After(maxTime):
		return math.MaxInt64
	}
	return t.UnixNano()
}
