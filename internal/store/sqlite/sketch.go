package sqlite

import (
	"context"
	"database/sql"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/newstrace/newstrace/internal/store"
)

// lshBatch is how many band keys one INSERT writes; 3 parameters each
// stay far below SQLite's limit of 32766.
const lshBatch = 1024

// sketchPage is how many articles Sketches reads before calling back.
const sketchPage = 1024

// insertSketches stores the sketches of the article with row seq. A
// sketch without keys is not stored.
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
		if len(sk.Keys) == 0 {
			continue
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO sketches (kind, article_seq, keys) VALUES (?, ?, ?)`,
			sk.Kind, seq, encodeKeys(sk.Keys)); err != nil {
			return fmt.Errorf("sketch %q: %w", sk.Kind, err)
		}
		for start := 0; start < len(sk.Keys); start += lshBatch {
			keys := sk.Keys[start:min(start+lshBatch, len(sk.Keys))]
			var b strings.Builder
			// OR IGNORE: a key repeated within one sketch is indexed once.
			b.WriteString(`INSERT OR IGNORE INTO lsh (kind, key, article_seq) VALUES `)
			args := make([]any, 0, 3*len(keys))
			for j, k := range keys {
				if j > 0 {
					b.WriteByte(',')
				}
				b.WriteString("(?,?,?)")
				args = append(args, sk.Kind, int64(k), seq)
			}
			if _, err := tx.ExecContext(ctx, b.String(), args...); err != nil {
				return fmt.Errorf("sketch %q: %w", sk.Kind, err)
			}
		}
	}
	return nil
}

// PutSketches replaces an article's sketches kind by kind; see
// store.Store. The lsh rows of a replaced sketch are found by the keys in
// its sketches row, as lsh has no index on article_seq alone.
func (s *Store) PutSketches(ctx context.Context, id string, sketches []store.Sketch) error {
	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sqlite: put sketches %s: %w", id, err)
	}
	defer tx.Rollback() // no-op after Commit
	var seq int64
	err = tx.QueryRowContext(ctx, `SELECT seq FROM articles WHERE id = ?`, id).Scan(&seq)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return fmt.Errorf("sqlite: put sketches %q: %w", id, store.ErrNotFound)
	case err != nil:
		return fmt.Errorf("sqlite: put sketches %s: %w", id, err)
	}
	for _, sk := range sketches {
		if err := deleteSketch(ctx, tx, seq, sk.Kind); err != nil {
			return fmt.Errorf("sqlite: put sketches %s: %w", id, err)
		}
	}
	if err := insertSketches(ctx, tx, seq, sketches); err != nil {
		return fmt.Errorf("sqlite: put sketches %s: %w", id, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("sqlite: put sketches %s: commit: %w", id, err)
	}
	return nil
}

// deleteSketch removes the sketch of kind of the article with row seq,
// with its lsh rows; none stored is no error.
func deleteSketch(ctx context.Context, tx *sql.Tx, seq int64, kind string) error {
	var blob []byte
	err := tx.QueryRowContext(ctx, `SELECT keys FROM sketches WHERE kind = ? AND article_seq = ?`, kind, seq).Scan(&blob)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return nil
	case err != nil:
		return fmt.Errorf("sketch %q: %w", kind, err)
	}
	keys, err := decodeKeys(blob)
	if err != nil {
		return fmt.Errorf("sketch %q: %w", kind, err)
	}
	for start := 0; start < len(keys); start += lshBatch {
		batch := keys[start:min(start+lshBatch, len(keys))]
		args := make([]any, 0, 2+len(batch))
		args = append(args, kind, seq)
		for _, k := range batch {
			args = append(args, int64(k))
		}
		q := `DELETE FROM lsh WHERE kind = ? AND article_seq = ? AND key IN (?` + strings.Repeat(",?", len(batch)-1) + `)`
		if _, err := tx.ExecContext(ctx, q, args...); err != nil {
			return fmt.Errorf("sketch %q: %w", kind, err)
		}
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM sketches WHERE kind = ? AND article_seq = ?`, kind, seq); err != nil {
		return fmt.Errorf("sketch %q: %w", kind, err)
	}
	return nil
}

// encodeKeys packs keys as little-endian uint64s.
func encodeKeys(keys []uint64) []byte {
	b := make([]byte, 0, 8*len(keys))
	for _, k := range keys {
		b = binary.LittleEndian.AppendUint64(b, k)
	}
	return b
}

// decodeKeys is the inverse of encodeKeys.
func decodeKeys(b []byte) ([]uint64, error) {
	if len(b)%8 != 0 {
		return nil, fmt.Errorf("keys blob of %d bytes is not a multiple of 8", len(b))
	}
	keys := make([]uint64, len(b)/8)
	for i := range keys {
		keys[i] = binary.LittleEndian.Uint64(b[8*i:])
	}
	return keys, nil
}

// candidatesSQL counts, per article, the lsh rows of kind whose key is in
// a JSON array of keys.
const candidatesSQL = `
	SELECT a.id, c.hits FROM (
		SELECT article_seq, count(*) AS hits FROM lsh
		WHERE kind = ? AND key IN (SELECT value FROM json_each(?))
		GROUP BY article_seq
	) AS c JOIN articles AS a ON a.seq = c.article_seq
	ORDER BY c.hits DESC, a.id LIMIT ?`

// Candidates returns the articles sharing band keys, most hits first; see
// store.Store. The keys travel as one JSON array parameter, so any number
// of them is one statement; they are deduplicated first, so that counting
// lsh rows counts distinct shared keys. The statement is prepared once:
// parsing it is a third of a lookup.
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
	b, err := json.Marshal(signed)
	if err != nil {
		return nil, fmt.Errorf("sqlite: candidates: %w", err)
	}
	if limit <= 0 {
		limit = -1 // SQLite: no limit
	}
	rows, err := s.candidates.QueryContext(ctx, kind, string(b), limit)
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
	rows, err := s.read.QueryContext(ctx, `
		SELECT s.article_seq, a.id, s.keys FROM sketches AS s JOIN articles AS a ON a.seq = s.article_seq
		WHERE s.kind = ? AND s.article_seq > ?
		ORDER BY s.article_seq LIMIT ?`, kind, seq, sketchPage)
	if err != nil {
		return nil, fmt.Errorf("sqlite: sketches %s: %w", kind, err)
	}
	defer rows.Close()
	page := make([]sketchRow, 0, sketchPage)
	for rows.Next() {
		var r sketchRow
		var blob []byte
		if err := rows.Scan(&r.seq, &r.id, &blob); err != nil {
			return nil, fmt.Errorf("sqlite: sketches %s: %w", kind, err)
		}
		if r.keys, err = decodeKeys(blob); err != nil {
			return nil, fmt.Errorf("sqlite: sketches %s: article %s: %w", kind, r.id, err)
		}
		page = append(page, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: sketches %s: %w", kind, err)
	}
	return page, nil
}
