package postgres

import (
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/newstrace/newstrace/internal/store"
)

// TestQueueConcurrentClaims runs two claimers, each with its own Store
// as two worker processes would have, against one queue: every article
// is claimed exactly once.
func TestQueueConcurrentClaims(t *testing.T) {
	ctx := t.Context()
	s, dsn := openFresh(t)
	const n = 2000
	ids := make([]string, n)
	for i := range ids {
		ids[i] = fmt.Sprintf("art-%04d", i)
	}
	if added, err := s.Enqueue(ctx, ids...); err != nil || added != n {
		t.Fatalf("Enqueue = %d, %v, want %d", added, err, n)
	}
	other, err := Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()

	var wg sync.WaitGroup
	claimed := make([][]string, 2)
	for w, st := range []*Store{s, other} {
		wg.Go(func() {
			for {
				got, err := st.Claim(ctx, fmt.Sprintf("worker-%d", w), 7, 0)
				if err != nil {
					t.Errorf("worker %d: Claim: %v", w, err)
					return
				}
				if len(got) == 0 {
					return
				}
				claimed[w] = append(claimed[w], got...)
				for _, id := range got {
					if err := st.Done(ctx, id); err != nil {
						t.Errorf("worker %d: Done(%s): %v", w, id, err)
					}
				}
			}
		})
	}
	wg.Wait()
	if len(claimed[0]) == 0 || len(claimed[1]) == 0 {
		t.Logf("one worker got everything: %d and %d claims", len(claimed[0]), len(claimed[1]))
	}
	all := slices.Concat(claimed[0], claimed[1])
	slices.Sort(all)
	if len(all) != n || !slices.Equal(slices.Compact(slices.Clone(all)), ids) {
		t.Errorf("claimed %d articles (%d and %d), want each of %d exactly once", len(all), len(claimed[0]), len(claimed[1]), n)
	}
	if q, err := s.Queued(ctx); err != nil || q != 0 {
		t.Errorf("Queued after all Done = %d, %v, want 0", q, err)
	}
}

// TestQueueClaimHolds shows that two claimers inside open transactions
// skip each other's rows rather than wait: the first claimer's rows stay
// locked until it commits, and the second still gets the next ones.
func TestQueueClaimHolds(t *testing.T) {
	ctx := t.Context()
	s, _ := openFresh(t)
	if _, err := s.Enqueue(ctx, "a", "b", "c", "d"); err != nil {
		t.Fatal(err)
	}
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback(ctx)
	var locked []string
	rows, err := tx.Query(ctx, `SELECT article_id FROM work_queue ORDER BY seq LIMIT 2 FOR UPDATE SKIP LOCKED`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			t.Fatal(err)
		}
		locked = append(locked, id)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	got, err := s.Claim(ctx, "w2", 4, 0)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(locked, []string{"a", "b"}) || !slices.Equal(got, []string{"c", "d"}) {
		t.Errorf("locked %v in a transaction, Claim = %v; want [a b] and [c d]", locked, got)
	}
}

func TestQueueLeaseAndRelease(t *testing.T) {
	ctx := t.Context()
	s, _ := openFresh(t)
	if added, err := s.Enqueue(ctx, "x", "y", "x"); err != nil || added != 2 {
		t.Fatalf("Enqueue with a repeated ID = %d, %v, want 2", added, err)
	}
	if added, err := s.Enqueue(ctx, "y"); err != nil || added != 0 {
		t.Errorf("Enqueue of a queued ID = %d, %v, want 0", added, err)
	}
	got, err := s.Claim(ctx, "w1", 10, time.Hour)
	if err != nil || !slices.Equal(got, []string{"x", "y"}) {
		t.Fatalf("Claim = %v, %v, want [x y]", got, err)
	}
	if got, err := s.Claim(ctx, "w2", 10, time.Hour); err != nil || len(got) != 0 {
		t.Errorf("Claim of held articles = %v, %v, want none", got, err)
	}
	// A claim older than the lease is taken over: w1 counts as dead.
	time.Sleep(time.Millisecond)
	if got, err := s.Claim(ctx, "w2", 1, time.Nanosecond); err != nil || !slices.Equal(got, []string{"x"}) {
		t.Errorf("Claim after the lease = %v, %v, want [x]", got, err)
	}
	if err := s.Release(ctx, "y"); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Claim(ctx, "w3", 10, time.Hour); err != nil || !slices.Equal(got, []string{"y"}) {
		t.Errorf("Claim after Release = %v, %v, want [y]", got, err)
	}
	var attempts int
	if err := s.pool.QueryRow(ctx, `SELECT attempts FROM work_queue WHERE article_id = 'x'`).Scan(&attempts); err != nil || attempts != 2 {
		t.Errorf("attempts of x = %d, %v, want 2", attempts, err)
	}
	for _, id := range []string{"x", "y"} {
		if err := s.Done(ctx, id); err != nil {
			t.Errorf("Done(%s): %v", id, err)
		}
	}
	if err := s.Done(ctx, "x"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Done twice: %v, want ErrNotFound", err)
	}
	if err := s.Release(ctx, "never"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Release of an unqueued ID: %v, want ErrNotFound", err)
	}
	if _, err := s.Claim(ctx, "", 1, 0); err == nil {
		t.Error("Claim with an empty worker name succeeded")
	}
}
