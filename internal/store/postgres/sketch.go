package postgres

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"

	"github.com/jackc/pgx/v5"

	"github.com/newstrace/newstrace/internal/store"
)

// sketchPage is how many articles Sketches reads before calling back.
const sketchPage = 1024

// candidatesSQL counts, per article, the lsh rows of kind whose key is in
// an array of distinct keys. NULL as the limit means none.
const candidatesSQL = `
	SELECT a.id, c.hits FROM (
		SELECT article_seq, count(*) AS hits FROM lsh
		WHERE kind = $1 AND key = ANY ($2::bigint[])
		GROUP BY article_seq
	) AS c JOIN articles AS a ON a.seq = c.article_seq
	ORDER BY c.hits DESC, a.id LIMIT $3`

// Candidates returns the articles sharing band keys, most hits first; see
// store.Store. The keys travel as one array parameter, so any number of
// them is one statement; they are deduplicated first, so that counting
// lsh rows counts distinct shared keys.
func (s *Store) Candidates(ctx context.Context, kind string, keys []uint64, limit int) ([]store.Candidate, error) {
	if len(keys) == 0 {
		return nil, nil
	}
	signed := make([]int64, len(keys))
	for i, k := range keys {
		signed[i] = int64(k)
	}
	slices.Sort(signed)
	signed = slices.Compact(signed)
	var lim *int
	if limit > 0 {
		lim = &limit
	}
	rows, err := s.pool.Query(ctx, candidatesSQL, kind, signed, lim)
	if err != nil {
		return nil, fmt.Errorf("postgres: candidates %s: %w", kind, err)
	}
	defer rows.Close()
	var out []store.Candidate
	for rows.Next() {
		var c store.Candidate
		if err := rows.Scan(&c.ID, &c.Hits); err != nil {
			return nil, fmt.Errorf("postgres: candidates %s: %w", kind, err)
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgres: candidates %s: %w", kind, err)
	}
	return out, nil
}

// The statements of PutSketches, for the article with row $1 and the
// kinds $2: the old lsh rows are found through the old sketches rows'
// keys, as lsh has no index on article_seq alone; the new sketches come
// flattened (kinds $2, keys $3; see flattenSketches).
const (
	deleteLSHSQL = `
DELETE FROM lsh AS l USING sketches AS s, unnest(s.keys) AS k (key)
WHERE s.article_seq = $1 AND s.kind = ANY ($2::text[])
	AND l.kind = s.kind AND l.key = k.key AND l.article_seq = $1`
	deleteSketchesSQL = `DELETE FROM sketches WHERE article_seq = $1 AND kind = ANY ($2::text[])`
	insertSketchesSQL = `
WITH k AS (
	SELECT k.kind, k.key, k.pos FROM unnest($2::text[], $3::bigint[]) WITH ORDINALITY AS k (kind, key, pos)
), s AS (
	INSERT INTO sketches (kind, article_seq, keys)
	SELECT k.kind, $1, array_agg(k.key ORDER BY k.pos) FROM k GROUP BY k.kind
)
INSERT INTO lsh (kind, key, article_seq)
SELECT DISTINCT k.kind, k.key, $1::bigint FROM k`
)

// PutSketches replaces an article's sketches kind by kind; see
// store.Store.
func (s *Store) PutSketches(ctx context.Context, id string, sketches []store.Sketch) error {
	flat, err := flattenSketches(sketches)
	if err != nil {
		return fmt.Errorf("postgres: put sketches %s: %w", id, err)
	}
	kinds := make([]string, len(sketches))
	for i, sk := range sketches {
		kinds[i] = sk.Kind
	}
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return fmt.Errorf("postgres: put sketches %s: %w", id, err)
	}
	defer tx.Rollback(ctx) // no-op after Commit
	var seq int64
	err = tx.QueryRow(ctx, `SELECT seq FROM articles WHERE id = $1 FOR UPDATE`, id).Scan(&seq)
	switch {
	case errors.Is(err, pgx.ErrNoRows):
		return fmt.Errorf("postgres: put sketches %q: %w", id, store.ErrNotFound)
	case err != nil:
		return fmt.Errorf("postgres: put sketches %s: %w", id, err)
	}
	for _, q := range []string{deleteLSHSQL, deleteSketchesSQL} {
		if _, err := tx.Exec(ctx, q, seq, kinds); err != nil {
			return fmt.Errorf("postgres: put sketches %s: %w", id, err)
		}
	}
	if len(flat.keys) > 0 {
		if _, err := tx.Exec(ctx, insertSketchesSQL, seq, flat.kinds, flat.keys); err != nil {
			return fmt.Errorf("postgres: put sketches %s: %w", id, err)
		}
	}
	if err := tx.Commit(ctx); err != nil {
		return fmt.Errorf("postgres: put sketches %s: commit: %w", id, err)
	}
	return nil
}

// sketchRow is one article's sketch as Sketches reads it.
type sketchRow struct {
	seq  int64
	id   string
	keys []uint64
}

// Sketches streams every article's keys of one kind; see store.Store. It
// reads in pages keyed on seq and holds no connection while fn runs.
func (s *Store) Sketches(ctx context.Context, kind string, fn func(id string, keys []uint64) error) error {
	var last int64 = math.MinInt64
	for {
		page, err := s.sketchPage(ctx, kind, last)
		if err != nil {
			return err
		}
		for _, r := range page {
			if err := fn(r.id, r.keys); err != nil {
				return err
			}
			last = r.seq
		}
		if len(page) < sketchPage {
			return nil
		}
	}
}

// sketchPage reads the sketches of the articles after seq.
func (s *Store) sketchPage(ctx context.Context, kind string, seq int64) ([]sketchRow, error) {
	rows, err := s.pool.Query(ctx, `
		SELECT s.article_seq, a.id, s.keys FROM sketches AS s JOIN articles AS a ON a.seq = s.article_seq
		WHERE s.kind = $1 AND s.article_seq > $2
		ORDER BY s.article_seq LIMIT $3`, kind, seq, sketchPage)
	if err != nil {
		return nil, fmt.Errorf("postgres: sketches %s: %w", kind, err)
	}
	defer rows.Close()
	page := make([]sketchRow, 0, sketchPage)
	for rows.Next() {
		var r sketchRow
		var signed []int64
		if err := rows.Scan(&r.seq, &r.id, &signed); err != nil {
			return nil, fmt.Errorf("postgres: sketches %s: %w", kind, err)
		}
		r.keys = make([]uint64, len(signed))
		for i, k := range signed {
			r.keys[i] = uint64(k)
		}
		page = append(page, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgres: sketches %s: %w", kind, err)
	}
	return page, nil
}
