package match

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestPostingTable checks the table against a map of slices, the
// structure it replaced: lists keep their order through moves in the
// arena, repeated adds are skipped, and absent keys are absent.
func TestPostingTable(t *testing.T) {
	var tab postingTable
	want := map[uint64][]int32{}
	rng := rand.New(rand.NewPCG(1, 2))
	// Article n adds keys in order, as Index.Add does; some keys are
	// shared by many articles so that lists outgrow their runs.
	for n := range int32(3000) {
		for range 20 {
			k := rng.Uint64N(5000)
			if rng.IntN(4) == 0 {
				k = rng.Uint64N(8)
			}
			added := tab.add(k, n, false)
			list := want[k]
			if dup := len(list) > 0 && list[len(list)-1] == n; added == dup {
				t.Fatalf("add(%d, %d) = %v with list %v", k, n, added, list)
			}
			if added {
				want[k] = append(list, n)
			}
		}
	}
	// A repeated add of an earlier article is found by the full check.
	for k, list := range want {
		if tab.add(k, list[0], true) {
			t.Fatalf("repeated add(%d, %d) added", k, list[0])
		}
	}
	for k := range uint64(6000) {
		p := tab.find(k)
		list, ok := want[k]
		switch {
		case !ok && p != nil:
			t.Fatalf("find(%d) found %d articles, want none", k, p.n)
		case !ok:
		case p == nil:
			t.Fatalf("find(%d) = nil, want %v", k, list)
		case p.n == 1:
			if len(list) != 1 || int32(p.v) != list[0] {
				t.Fatalf("find(%d) = [%d], want %v", k, p.v, list)
			}
		case !slices.Equal(tab.list(p), list):
			t.Fatalf("find(%d) = %v, want %v", k, tab.list(p), list)
		}
	}
}
