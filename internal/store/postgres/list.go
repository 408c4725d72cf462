package postgres

import (
	"context"
	"fmt"
	"math"
	"strconv"
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
	// $1 and $2 are the cursor, $3 the page size; filters follow.
	var where string
	args := []any{nil, nil, nil}
	filter := func(cond string, v any) {
		args = append(args, v)
		where += " AND " + cond + " $" + strconv.Itoa(len(args))
	}
	if q.Lang != "" {
		filter("lang =", q.Lang)
	}
	if q.Site != "" {
		filter("site =", q.Site)
	}
	if !q.Since.IsZero() {
		filter("published_at >=", clampTime(q.Since))
	}
	if !q.Until.IsZero() {
		filter("published_at <", clampTime(q.Until))
	}
	// Undated articles sort last under the largest key; the row
	// comparison seeks the articles_published index to the cursor.
	const sortKey = `coalesce(published_at, 9223372036854775807)`
	query := `SELECT ` + articleColumns + `, ` + sortKey + `, seq FROM articles
		WHERE (` + sortKey + `, seq) > ($1, $2)` + where + `
		ORDER BY ` + sortKey + `, seq LIMIT $3`

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
		args[0], args[1], args[2] = lastKey, lastSeq, n
		page, err := s.listPage(ctx, query, args, &lastKey, &lastSeq)
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
	rows, err := s.pool.Query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("postgres: list articles: %w", err)
	}
	defer rows.Close()
	var page []*article.Article
	for rows.Next() {
		a, err := scanArticle(rows, lastKey, lastSeq)
		if err != nil {
			return nil, fmt.Errorf("postgres: list articles: %w", err)
		}
		page = append(page, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgres: list articles: %w", err)
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
