package match

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"sync"
	"testing"

	"github.com/newstrace/newstrace/internal/fingerprint"
)

func TestIndexCandidatesOrder(t *testing.T) {
	ix := NewIndex(fingerprint.Params{})
	ix.Add("b", []uint64{1, 2, 3})
	ix.Add("a", []uint64{1, 2, 3})
	ix.Add("c", []uint64{3, 4})
	ix.Add("d", []uint64{9})
	got := ix.Candidates([]uint64{1, 2, 3, 4}, 0)
	want := []Candidate{{"a", 3}, {"b", 3}, {"c", 2}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Candidates = %v, want %v", got, want)
	}
	if got := ix.Candidates([]uint64{1, 2, 3, 4}, 2); !reflect.DeepEqual(got, want[:2]) {
		t.Errorf("Candidates limit 2 = %v, want %v", got, want[:2])
	}
	if got := ix.Candidates([]uint64{42}, 5); len(got) != 0 {
		t.Errorf("Candidates of an unknown key = %v, want none", got)
	}
	// Adding again only adds new keys: hits are not counted twice.
	ix.Add("c", []uint64{3, 4, 1})
	if got := ix.Candidates([]uint64{1, 3, 4}, 1); !reflect.DeepEqual(got, []Candidate{{"c", 3}}) {
		t.Errorf("after re-adding c: Candidates = %v, want [{c 3}]", got)
	}
	if ix.Len() != 4 {
		t.Errorf("Len = %d, want 4", ix.Len())
	}
}

func TestIndexConcurrent(t *testing.T) {
	ix := NewIndex(fingerprint.Params{})
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Add(2)
		go func() {
			defer wg.Done()
			for i := range 200 {
				ix.Add(fmt.Sprintf("w%d-%d", w, i), []uint64{uint64(i), uint64(1000 + w)})
			}
		}()
		go func() {
			defer wg.Done()
			for i := range 200 {
				ix.Candidates([]uint64{uint64(i)}, 3)
			}
		}()
	}
	wg.Wait()
	if got := ix.Candidates([]uint64{7}, 0); len(got) != 4 {
		t.Errorf("key 7: %d candidates, want one per writer", len(got))
	}
}

// benchIndex returns an index of the fixtures and real distractors plus
// filler articles with random keys, n in all.
func benchIndex(b *testing.B, n int) (*Index, map[string]*Prepared) {
	opts := Options{}
	ix := NewIndex(opts.Params)
	prepared := map[string]*Prepared{}
	for _, a := range append(origins(b), distractors(b)...) {
		p := Prepare(a, opts)
		prepared[a.ID] = p
		ix.Add(a.ID, p.Bands())
	}
	rng := rand.New(rand.NewPCG(1, 1))
	keys := make([]uint64, fingerprint.DefaultBands)
	for i := ix.Len(); i < n; i++ {
		for k := range keys {
			keys[k] = rng.Uint64()
		}
		ix.Add(fmt.Sprintf("filler-%d", i), keys)
	}
	return ix, prepared
}

func BenchmarkCandidates(b *testing.B) {
	for _, n := range []int{1_000, 100_000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			ix, _ := benchIndex(b, n)
			origin := loadArticle(b, "fr-tram")
			d := makeCopy(origin, copyCases[len(copyCases)-2], 1)
			q := Prepare(d.article("q"), Options{})
			b.ResetTimer()
			for b.Loop() {
				ix.Candidates(q.Bands(), 10)
			}
		})
	}
}
