package storetest

import (
	"fmt"
	"sync"
	"testing"

	"github.com/newstrace/newstrace/internal/store"
)

func testConcurrentPut(t *testing.T, open Opener) {
	s := open(t)
	const workers, each = 8, 25
	var wg sync.WaitGroup
	errs := make(chan error, workers*each)
	for w := range workers {
		wg.Go(func() {
			for i := range each {
				a := simple(fmt.Sprintf("w%d-%d", w, i))
				a.URL = fmt.Sprintf("https://w%d.example/%d", w, i)
				sk := []store.Sketch{{Kind: "minhash", Keys: sketchOf(w*each+i, 16)}}
				if _, created, err := s.Put(t.Context(), a, sk); err != nil || !created {
					errs <- fmt.Errorf("put %s: created %v, error %v", a.ID, created, err)
				}
				// Readers run alongside the writers.
				if _, err := s.Candidates(t.Context(), "minhash", sk[0].Keys, 3); err != nil {
					errs <- fmt.Errorf("candidates: %w", err)
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	wantCount(t, s, workers*each)
	n := 0
	if err := s.Sketches(t.Context(), "minhash", func(string, []uint64) error { n++; return nil }); err != nil {
		t.Fatal(err)
	}
	if n != workers*each {
		t.Errorf("Sketches reported %d articles, want %d", n, workers*each)
	}
}

func testConcurrentDuplicatePut(t *testing.T, open Opener) {
	s := open(t)
	const workers = 8
	var wg sync.WaitGroup
	var mu sync.Mutex
	created := 0
	ids := map[string]bool{}
	for w := range workers {
		wg.Go(func() {
			// Different IDs, one content hash: exactly one may be created.
			a := simple(fmt.Sprintf("dup-%d", w))
			a.ContentHash = "sha256:same"
			id, c, err := s.Put(t.Context(), a, nil)
			if err != nil {
				t.Errorf("Put(%s): %v", a.ID, err)
				return
			}
			mu.Lock()
			defer mu.Unlock()
			ids[id] = true
			if c {
				created++
			}
		})
	}
	wg.Wait()
	if created != 1 || len(ids) != 1 {
		t.Errorf("concurrent duplicates: %d created, ids %v; want 1 created and one id", created, ids)
	}
	wantCount(t, s, 1)
}
