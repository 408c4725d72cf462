package postgres

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/newstrace/newstrace/internal/store"
)

// Enqueue adds the articles ids to the work queue, in order, and returns
// how many were added; an ID already queued (claimed or not) is skipped.
func (s *Store) Enqueue(ctx context.Context, ids ...string) (int, error) {
	if len(ids) == 0 {
		return 0, nil
	}
	tag, err := s.pool.Exec(ctx, `
		INSERT INTO work_queue (article_id, enqueued_at)
		SELECT id, $2 FROM unnest($1::text[]) WITH ORDINALITY AS q (id, n) ORDER BY n
		ON CONFLICT (article_id) DO NOTHING`, ids, time.Now().UnixNano())
	if err != nil {
		return 0, fmt.Errorf("postgres: enqueue %d articles: %w", len(ids), err)
	}
	return int(tag.RowsAffected()), nil
}

// Claim takes up to n queued articles for worker, oldest first, and
// returns their IDs; none left is not an error. An article is claimable
// while nobody holds it, or when its claim is older than lease (a
// worker that died); lease <= 0 means claims never expire.
//
// Concurrent claimers never receive the same article: the candidate rows
// are locked with FOR UPDATE SKIP LOCKED, so a claimer passes over rows
// another one is taking instead of waiting for them, and a row whose
// claim committed meanwhile is re-checked and no longer qualifies.
func (s *Store) Claim(ctx context.Context, worker string, n int, lease time.Duration) ([]string, error) {
	if worker == "" {
		return nil, errors.New("postgres: claim: empty worker name")
	}
	if n <= 0 {
		return nil, nil
	}
	now := time.Now().UnixNano()
	var expired *int64
	if lease > 0 {
		e := now - lease.Nanoseconds()
		expired = &e
	}
	rows, err := s.pool.Query(ctx, `
		UPDATE work_queue AS q SET claimed_by = $1, claimed_at = $2, attempts = q.attempts + 1
		FROM (
			SELECT seq FROM work_queue
			WHERE claimed_by IS NULL OR claimed_at < $3
			ORDER BY seq LIMIT $4
			FOR UPDATE SKIP LOCKED
		) AS c
		WHERE q.seq = c.seq
		RETURNING q.seq, q.article_id`, worker, now, expired, n)
	if err != nil {
		return nil, fmt.Errorf("postgres: claim for %s: %w", worker, err)
	}
	defer rows.Close()
	type item struct {
		seq int64
		id  string
	}
	var items []item
	for rows.Next() {
		var it item
		if err := rows.Scan(&it.seq, &it.id); err != nil {
			return nil, fmt.Errorf("postgres: claim for %s: %w", worker, err)
		}
		items = append(items, it)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgres: claim for %s: %w", worker, err)
	}
	slices.SortFunc(items, func(a, b item) int { return cmp.Compare(a.seq, b.seq) })
	ids := make([]string, len(items))
	for i, it := range items {
		ids[i] = it.id
	}
	return ids, nil
}

// Done removes a finished article from the queue. An article that is not
// queued (never enqueued, or done already) is an error wrapping
// store.ErrNotFound.
func (s *Store) Done(ctx context.Context, id string) error {
	tag, err := s.pool.Exec(ctx, `DELETE FROM work_queue WHERE article_id = $1`, id)
	if err != nil {
		return fmt.Errorf("postgres: done %s: %w", id, err)
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("postgres: done %s: not queued: %w", id, store.ErrNotFound)
	}
	return nil
}

// Release gives a claimed article back to the queue, for another worker
// to claim at once; its attempts stay counted. An article that is not
// queued is an error wrapping store.ErrNotFound.
func (s *Store) Release(ctx context.Context, id string) error {
	tag, err := s.pool.Exec(ctx, `UPDATE work_queue SET claimed_by = NULL, claimed_at = NULL WHERE article_id = $1`, id)
	if err != nil {
		return fmt.Errorf("postgres: release %s: %w", id, err)
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("postgres: release %s: not queued: %w", id, store.ErrNotFound)
	}
	return nil
}

// Queued returns the number of articles in the queue, claimed or not.
func (s *Store) Queued(ctx context.Context) (int, error) {
	var n int
	if err := s.pool.QueryRow(ctx, `SELECT count(*) FROM work_queue`).Scan(&n); err != nil {
		return 0, fmt.Errorf("postgres: count queue: %w", err)
	}
	return n, nil
}
