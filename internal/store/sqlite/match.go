package sqlite

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"time"

	"github.com/newstrace/newstrace/internal/store"
)

// PutMatches replaces the matches of queryID; see store.Store.
func (s *Store) PutMatches(ctx context.Context, queryID string, ms []store.Match) error {
	now := time.Now()
	type row struct {
		evidence any
		created  int64
	}
	rows := make([]row, len(ms))
	for i, m := range ms {
		if math.IsNaN(m.Score) || math.IsNaN(m.Coverage) {
			return fmt.Errorf("sqlite: matches of %s: match %d (%s): NaN score or coverage", queryID, i, m.OriginID)
		}
		if len(m.Evidence) > 0 {
			if !json.Valid(m.Evidence) {
				return fmt.Errorf("sqlite: matches of %s: match %d (%s): evidence is not valid JSON", queryID, i, m.OriginID)
			}
			rows[i].evidence = string(m.Evidence)
		}
		t := m.CreatedAt
		if t.IsZero() {
			t = now
		}
		created, err := encodeTime(t)
		if err != nil {
			return fmt.Errorf("sqlite: matches of %s: match %d (%s): %w", queryID, i, m.OriginID, err)
		}
		rows[i].created = created.Int64
	}

	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sqlite: matches of %s: %w", queryID, err)
	}
	defer tx.Rollback() // no-op after Commit
	if _, err := tx.ExecContext(ctx, `DELETE FROM matches WHERE query_id = ?`, queryID); err != nil {
		return fmt.Errorf("sqlite: matches of %s: %w", queryID, err)
	}
	for i, m := range ms {
		_, err := tx.ExecContext(ctx, `
			INSERT INTO matches (query_id, pos, origin_id, verdict, score, coverage, evidence, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
			queryID, i, m.OriginID, m.Verdict, m.Score, m.Coverage, rows[i].evidence, rows[i].created)
		if err != nil {
			return fmt.Errorf("sqlite: matches of %s: match %d (%s): %w", queryID, i, m.OriginID, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("sqlite: matches of %s: commit: %w", queryID, err)
	}
	return nil
}

// Matches returns the matches of queryID in the order they were put.
func (s *Store) Matches(ctx context.Context, queryID string) ([]store.Match, error) {
	rows, err := s.read.QueryContext(ctx, `
		SELECT origin_id, verdict, score, coverage, evidence, created_at
		FROM matches WHERE query_id = ? ORDER BY pos`, queryID)
	if err != nil {
		return nil, fmt.Errorf("sqlite: matches of %s: %w", queryID, err)
	}
	defer rows.Close()
	var out []store.Match
	for rows.Next() {
		m := store.Match{QueryID: queryID}
		var evidence *string
		var created int64
		if err := rows.Scan(&m.OriginID, &m.Verdict, &m.Score, &m.Coverage, &evidence, &created); err != nil {
			return nil, fmt.Errorf("sqlite: matches of %s: %w", queryID, err)
		}
		if evidence != nil {
			m.Evidence = json.RawMessage(*evidence)
		}
		m.CreatedAt = time.Unix(0, created).UTC()
		out = append(out, m)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: matches of %s: %w", queryID, err)
	}
	return out, nil
}
