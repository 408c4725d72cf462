package postgres

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/newstrace/newstrace/internal/store"
)

// PutMatches replaces the matches of queryID; see store.Store. The delete
// and the inserts go in one batch, which PostgreSQL runs as one implicit
// transaction.
func (s *Store) PutMatches(ctx context.Context, queryID string, ms []store.Match) error {
	now := time.Now()
	var (
		pos               []int32
		origins, verdicts []string
		scores, coverages []float64
		evidence          []*string
		created           []int64
	)
	for i, m := range ms {
		if math.IsNaN(m.Score) || math.IsNaN(m.Coverage) {
			return fmt.Errorf("postgres: matches of %s: match %d (%s): NaN score or coverage", queryID, i, m.OriginID)
		}
		var ev *string
		if len(m.Evidence) > 0 {
			if !json.Valid(m.Evidence) {
				return fmt.Errorf("postgres: matches of %s: match %d (%s): evidence is not valid JSON", queryID, i, m.OriginID)
			}
			e := string(m.Evidence)
			ev = &e
		}
		t := m.CreatedAt
		if t.IsZero() {
			t = now
		}
		c, err := encodeTime(t)
		if err != nil {
			return fmt.Errorf("postgres: matches of %s: match %d (%s): %w", queryID, i, m.OriginID, err)
		}
		pos = append(pos, int32(i))
		origins = append(origins, m.OriginID)
		verdicts = append(verdicts, m.Verdict)
		scores = append(scores, m.Score)
		coverages = append(coverages, m.Coverage)
		evidence = append(evidence, ev)
		created = append(created, *c)
	}
	var b pgx.Batch
	b.Queue(`DELETE FROM matches WHERE query_id = $1`, queryID)
	if len(ms) > 0 {
		b.Queue(`
			INSERT INTO matches (query_id, pos, origin_id, verdict, score, coverage, evidence, created_at)
			SELECT $1, m.* FROM unnest($2::integer[], $3::text[], $4::text[], $5::float8[], $6::float8[],
				$7::jsonb[], $8::bigint[]) AS m`,
			queryID, pos, origins, verdicts, scores, coverages, evidence, created)
	}
	if err := s.pool.SendBatch(ctx, &b).Close(); err != nil {
		return fmt.Errorf("postgres: matches of %s: %w", queryID, err)
	}
	return nil
}

// Matches returns the matches of queryID in the order they were put.
func (s *Store) Matches(ctx context.Context, queryID string) ([]store.Match, error) {
	rows, err := s.pool.Query(ctx, `
		SELECT origin_id, verdict, score, coverage, evidence, created_at
		FROM matches WHERE query_id = $1 ORDER BY pos`, queryID)
	if err != nil {
		return nil, fmt.Errorf("postgres: matches of %s: %w", queryID, err)
	}
	defer rows.Close()
	var out []store.Match
	for rows.Next() {
		m := store.Match{QueryID: queryID}
		var evidence []byte
		var created int64
		if err := rows.Scan(&m.OriginID, &m.Verdict, &m.Score, &m.Coverage, &evidence, &created); err != nil {
			return nil, fmt.Errorf("postgres: matches of %s: %w", queryID, err)
		}
		if evidence != nil {
			m.Evidence = json.RawMessage(evidence)
		}
		m.CreatedAt = time.Unix(0, created).UTC()
		out = append(out, m)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgres: matches of %s: %w", queryID, err)
	}
	return out, nil
}
