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

// testPutSketches checks that PutSketches replaces the kinds it is given,
// lookups and all, keeps the others, removes a kind given without keys,
// and fails on an unknown article without writing.
func testPutSketches(t *testing.T, open Opener) {
	s := open(t)
	ctx := t.Context()
	mustPut(t, s, simple("a"),
		store.Sketch{Kind: "minhash", Keys: []uint64{1, 2, 3}},
		store.Sketch{Kind: "xling", Keys: []uint64{7, 8}})
	mustPut(t, s, simple("b"), store.Sketch{Kind: "minhash", Keys: []uint64{1, 9}})

	if err := s.PutSketches(ctx, "a", []store.Sketch{{Kind: "minhash", Keys: []uint64{3, 4, 4}}}); err != nil {
		t.Fatal(err)
	}
	hits := func(kind string, key uint64) []store.Candidate {
		t.Helper()
		got, err := s.Candidates(ctx, kind, []uint64{key}, 0)
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	for key, want := range map[uint64][]store.Candidate{
		1: {{ID: "b", Hits: 1}}, 2: nil, 3: {{ID: "a", Hits: 1}}, 4: {{ID: "a", Hits: 1}}, 9: {{ID: "b", Hits: 1}},
	} {
		if got := hits("minhash", key); !slices.Equal(got, want) {
			t.Errorf("after PutSketches, minhash key %d finds %v, want %v", key, got, want)
		}
	}
	if got := hits("xling", 7); !slices.Equal(got, []store.Candidate{{ID: "a", Hits: 1}}) {
		t.Errorf("a kind not given was touched: xling key 7 finds %v", got)
	}
	sketches := map[string][]uint64{}
	if err := s.Sketches(ctx, "minhash", func(id string, keys []uint64) error {
		sketches[id] = keys
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(sketches["a"], []uint64{3, 4, 4}) || !slices.Equal(sketches["b"], []uint64{1, 9}) {
		t.Errorf("Sketches after PutSketches = %v", sketches)
	}

	// A kind given without keys is removed.
	if err := s.PutSketches(ctx, "a", []store.Sketch{{Kind: "xling"}}); err != nil {
		t.Fatal(err)
	}
	if got := hits("xling", 7); len(got) != 0 {
		t.Errorf("xling removed, key 7 still finds %v", got)
	}

	if err := s.PutSketches(ctx, "nope", []store.Sketch{{Kind: "minhash", Keys: []uint64{5}}}); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("PutSketches(unknown) = %v, want ErrNotFound", err)
	}
	// An invalid call writes nothing.
	if err := s.PutSketches(ctx, "b", []store.Sketch{{Kind: "minhash", Keys: []uint64{5}}, {Kind: "minhash"}}); err == nil {
		t.Error("PutSketches with a kind given twice: no error")
	}
	if got := hits("minhash", 9); !slices.Equal(got, []store.Candidate{{ID: "b", Hits: 1}}) {
		t.Errorf("a failed PutSketches changed b: key 9 finds %v", got)
	}
	if got := hits("minhash", 5); len(got) != 0 {
		t.Errorf("a failed PutSketches wrote key 5: %v", got)
	}
}
