package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"math"
	"strings"

	"github.com/newstrace/newstrace/internal/store"
)

// sketchBatch is how many band keys one INSERT writes; 4 parameters each
// stay far below SQLite's limit of 32766.
const sketchBatch = 512

// sketchPage is how many band keys Sketches reads before calling back.
const sketchPage = 4096

// insertSketches stores the band keys of the article with row seq.
func insertSketches(ctx context.Context, tx *sql.Tx, seq int64, sketches []store.Sketch) error {
	seen := make(map[string]bool, len(sketches))
	for i, sk := range sketches {
		if sk.Kind == "" {
			return fmt.Errorf("sketch %d has no kind", i)
		}
		if seen[sk.Kind] {
			return fmt.Errorf("sketch kind %q given twice", sk.Kind)
		}
		seen[sk.Kind] = true
		for start := 0; start < len(sk.Keys); start += sketchBatch {
			keys := sk.Keys[start:min(start+sketchBatch, len(sk.Keys))]
			var b strings.Builder
			b.WriteString(`INSERT INTO lsh (kind, article_seq, pos, key) VALUES `)
			args := make([]any, 0, 4*len(keys))
			for j, k := range keys {
				if j > 0 {
					b.WriteByte(',')
				}
				b.WriteString("(?,?,?,?)")
				args = append(args, sk.Kind, seq, start+j, int64(k))
			}
			if _, err := tx.ExecContext(ctx, b.String(), args...); err != nil {
				return fmt.Errorf("sketch %q: %w", sk.Kind, err)
			}
		}
	}
	return nil
}

// Candidates returns the articles sharing band keys, most hits first; see
// store.Store. The keys travel as one JSON array parameter, so any number
// of them is one statement. INDEXED BY pins the (kind, key) index: without
// statistics the planner may otherwise scan every key of the kind.
func (s *Store) Candidates(ctx context.Context, kind string, keys []uint64, limit int) ([]store.Candidate, error) {
	if len(keys) == 0 {
		return nil, nil
	}
	signed := make([]int64, len(keys))
	for i, k := range keys {
		signed[i] = int64(k)
	}
	b, err := json.Marshal(signed)
	if err != nil {
		return nil, fmt.Errorf("sqlite: candidates: %w", err)
	}
	if limit <= 0 {
		limit = -1 // SQLite: no limit
	}
	rows, err := s.read.QueryContext(ctx, `
		SELECT a.id, c.hits FROM (
			SELECT article_seq, count(DISTINCT key) AS hits FROM lsh INDEXED BY lsh_key
			WHERE kind = ? AND key IN (SELECT value FROM json_each(?))
			GROUP BY article_seq
		) AS c JOIN articles AS a ON a.seq = c.article_seq
		ORDER BY c.hits DESC, a.id LIMIT ?`, kind, string(b), limit)
	if err != nil {
		return nil, fmt.Errorf("sqlite: candidates %s: %w", kind, err)
	}
	defer rows.Close()
	var out []store.Candidate
	for rows.Next() {
		var c store.Candidate
		if err := rows.Scan(&c.ID, &c.Hits); err != nil {
			return nil, fmt.Errorf("sqlite: candidates %s: %w", kind, err)
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: candidates %s: %w", kind, err)
	}
	return out, nil
}

// sketchRow is one band key as Sketches reads it.
type sketchRow struct {
	seq int64
	id  string
	pos int64
	key int64
}

// Sketches streams every article's keys of one kind; see store.Store. It
// reads in pages keyed on (seq, pos) and holds no connection while fn
// runs; an article whose keys span two pages is reported once, whole.
func (s *Store) Sketches(ctx context.Context, kind string, fn func(id string, keys []uint64) error) error {
	var (
		curSeq  int64 = math.MinInt64
		curID   string
		curKeys []uint64
		lastPos int64 = -1
	)
	flush := func() error {
		if curKeys == nil {
			return nil
		}
		err := fn(curID, curKeys)
		curKeys = nil
		return err
	}
	for {
		page, err := s.sketchPage(ctx, kind, curSeq, lastPos)
		if err != nil {
			return err
		}
		for _, r := range page {
			if r.seq != curSeq {
				if err := flush(); err != nil {
					return err
				}
				curSeq, curID = r.seq, r.id
				curKeys = make([]uint64, 0, 32)
			}
			curKeys = append(curKeys, uint64(r.key))
			lastPos = r.pos
		}
		if len(page) < sketchPage {
			return flush()
		}
	}
}

// sketchPage reads the band keys after (seq, pos).
func (s *Store) sketchPage(ctx context.Context, kind string, seq, pos int64) ([]sketchRow, error) {
	rows, err := s.read.QueryContext(ctx, `
		SELECT l.article_seq, a.id, l.pos, l.key FROM lsh AS l JOIN articles AS a ON a.seq = l.article_seq
		WHERE l.kind = ? AND (l.article_seq, l.pos) > (?, ?)
		ORDER BY l.article_seq, l.pos LIMIT ?`, kind, seq, pos, sketchPage)
	if err != nil {
		return nil, fmt.Errorf("sqlite: sketches %s: %w", kind, err)
	}
	defer rows.Close()
	page := make([]sketchRow, 0, sketchPage)
	for rows.Next() {
		var r sketchRow
		if err := rows.Scan(&r.seq, &r.id, &r.pos, &r.key); err != nil {
			return nil, fmt.Errorf("sqlite: sketches %s: %w", kind, err)
		}
		page = append(page, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: sketches %s: %w", kind, err)
	}
	return page, nil
}
