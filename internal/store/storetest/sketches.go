package storetest

import (
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/newstrace/newstrace/internal/store"
)

func testCandidates(t *testing.T, open Opener) {
	s := open(t)
	ctx := t.Context()
	const big = uint64(1) << 63 // keys with the top bit set must survive
	mustPut(t, s, simple("a"), store.Sketch{Kind: "minhash", Keys: []uint64{1, 2, 3, big + 4}})
	mustPut(t, s, simple("c"), store.Sketch{Kind: "minhash", Keys: []uint64{1, 2, 50}})
	mustPut(t, s, simple("b"), store.Sketch{Kind: "minhash", Keys: []uint64{2, 1, 60}})
	mustPut(t, s, simple("d"), store.Sketch{Kind: "minhash", Keys: []uint64{1, 70}})
	// Same keys under another kind never count.
	mustPut(t, s, simple("x"),
		store.Sketch{Kind: "xling", Keys: []uint64{1, 2, 3, big + 4}},
		store.Sketch{Kind: "minhash", Keys: []uint64{80}})

	query := []uint64{big + 4, 3, 2, 1, 99, 2} // a repeated key counts once
	got, err := s.Candidates(ctx, "minhash", query, 0)
	if err != nil {
		t.Fatal(err)
	}
	want := []store.Candidate{{ID: "a", Hits: 4}, {ID: "b", Hits: 2}, {ID: "c", Hits: 2}, {ID: "d", Hits: 1}} // ties by ID
	if !slices.Equal(got, want) {
		t.Errorf("Candidates = %v, want %v", got, want)
	}
	if got, err = s.Candidates(ctx, "minhash", query, 2); err != nil || !slices.Equal(got, want[:2]) {
		t.Errorf("Candidates limit 2 = %v, %v, want %v", got, err, want[:2])
	}
	if got, err = s.Candidates(ctx, "xling", []uint64{big + 4}, 0); err != nil || !slices.Equal(got, []store.Candidate{{ID: "x", Hits: 1}}) {
		t.Errorf("Candidates xling = %v, %v", got, err)
	}
	for _, keys := range [][]uint64{nil, {12345}} {
		if got, err = s.Candidates(ctx, "minhash", keys, 0); err != nil || len(got) != 0 {
			t.Errorf("Candidates(%v) = %v, %v, want none", keys, got, err)
		}
	}
	if got, err = s.Candidates(ctx, "nokind", query, 0); err != nil || len(got) != 0 {
		t.Errorf("Candidates(nokind) = %v, %v, want none", got, err)
	}
	// Many keys in one query.
	many := make([]uint64, 5000)
	for i := range many {
		many[i] = uint64(i) + 1000
	}
	many[4999] = 1
	if got, err = s.Candidates(ctx, "minhash", many, 0); err != nil || len(got) != 4 {
		t.Errorf("Candidates(5000 keys) = %v, %v, want 4 candidates", got, err)
	}
}

// sketchOf is the deterministic sketch of article i in testSketches.
func sketchOf(i, bands int) []uint64 {
	keys := make([]uint64, bands)
	for b := range keys {
		keys[b] = uint64(i)*0x9E3779B97F4A7C15 ^ uint64(bands-b)<<56 // top bit varies
	}
	return keys
}

func testSketches(t *testing.T, open Opener) {
	s := open(t)
	const n, bands = 250, 24 // 6000 keys: several pages of any reasonable size
	want := map[string][]uint64{}
	var order []string
	for i := range n {
		id := fmt.Sprintf("s%03d", i)
		sk := []store.Sketch{{Kind: "minhash", Keys: sketchOf(i, bands)}}
		if i%3 == 0 {
			sk = append(sk, store.Sketch{Kind: "xling", Keys: []uint64{uint64(i)}})
		}
		if i%50 == 7 { // no sketch at all
			sk = nil
		} else {
			want[id] = sk[0].Keys
			order = append(order, id)
		}
		mustPut(t, s, simple(id), sk...)
	}
	got := map[string][]uint64{}
	var gotOrder []string
	err := s.Sketches(t.Context(), "minhash", func(id string, keys []uint64) error {
		if _, dup := got[id]; dup {
			return fmt.Errorf("article %s reported twice", id)
		}
		got[id] = keys
		gotOrder = append(gotOrder, id)
		return nil
	})
	if err != nil {
		t.Fatalf("Sketches: %v", err)
	}
	if !slices.Equal(gotOrder, order) {
		t.Errorf("Sketches order = %v…, want storage order %v…", gotOrder[:min(5, len(gotOrder))], order[:5])
	}
	for id, keys := range want {
		if !slices.Equal(got[id], keys) {
			t.Errorf("Sketches(%s) = %v, want %v in band order", id, got[id], keys)
		}
	}
	xl := 0
	if err := s.Sketches(t.Context(), "xling", func(string, []uint64) error { xl++; return nil }); err != nil {
		t.Fatal(err)
	}
	if want := 82; xl != want { // 84 multiples of 3 below 250, less 57 and 207 (no sketch)
		t.Errorf("Sketches(xling) reported %d articles, want %d", xl, want)
	}
}

func testSketchesCallback(t *testing.T, open Opener) {
	s := open(t)
	for i := range 5 {
		mustPut(t, s, simple(fmt.Sprintf("k%d", i)), store.Sketch{Kind: "minhash", Keys: []uint64{uint64(i), 100}})
	}
	// The callback may use the store: read and write.
	seen := 0
	err := s.Sketches(t.Context(), "minhash", func(id string, keys []uint64) error {
		seen++
		if _, err := s.Get(t.Context(), id); err != nil {
			return err
		}
		_, _, err := s.Put(t.Context(), simple("new-"+id), []store.Sketch{{Kind: "other", Keys: keys}})
		return err
	})
	if err != nil || seen != 5 {
		t.Fatalf("Sketches with a re-entrant callback: %v after %d calls", err, seen)
	}
	stop := errors.New("stop")
	calls := 0
	err = s.Sketches(t.Context(), "minhash", func(string, []uint64) error { calls++; return stop })
	if !errors.Is(err, stop) || calls != 1 {
		t.Errorf("Sketches stopped with %v after %d calls, want stop after 1", err, calls)
	}
}
