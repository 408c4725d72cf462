package match

import (
	"slices"
	"strings"
	"sync"

	"github.com/newstrace/newstrace/internal/fingerprint"
)

// Index is an in-memory LSH index from band keys to articles. Looking up
// candidates touches only the posting lists of the query's band keys, never
// the whole collection. Index is safe for concurrent use: any number of
// Candidates calls run in parallel, and Add waits for them.
type Index struct {
	params fingerprint.Params

	mu       sync.RWMutex
	ids      []string         // internal number → article id
	numbers  map[string]int32 // article id → internal number
	postings map[uint64][]int32
}

// Candidate is an indexed article that shares band keys with a query.
type Candidate struct {
	ID string
	// Hits is the number of band keys shared with the query: the more,
	// the higher the query's likely Jaccard similarity with it.
	Hits int
}

// NewIndex returns an empty index for band keys computed with p.
func NewIndex(p fingerprint.Params) *Index {
	return &Index{
		params:   p.WithDefaults(),
		numbers:  make(map[string]int32),
		postings: make(map[uint64][]int32),
	}
}

// Params returns the parameters the index's band keys are computed with.
func (ix *Index) Params() fingerprint.Params { return ix.params }

// Len returns the number of articles indexed.
func (ix *Index) Len() int {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return len(ix.ids)
}

// Add indexes an article's band keys under id. Adding an id again adds the
// keys it did not have yet.
func (ix *Index) Add(id string, bands []uint64) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	n, seen := ix.numbers[id]
	if !seen {
		n = int32(len(ix.ids))
		ix.ids = append(ix.ids, id)
		ix.numbers[id] = n
	}
	for _, k := range bands {
		list := ix.postings[k]
		// Band keys mix in the band index, so one article's keys are
		// distinct; only a repeated Add needs the full check.
		if len(list) > 0 && list[len(list)-1] == n || seen && slices.Contains(list, n) {
			continue
		}
		ix.postings[k] = append(list, n)
	}
}

// Candidates returns the indexed articles that share at least one band key
// with bands, most shared keys first, ties by id; at most limit of them, or
// all when limit <= 0. An article indexed under the query's own id is
// returned like any other.
func (ix *Index) Candidates(bands []uint64, limit int) []Candidate {
	ix.mu.RLock()
	hits := make(map[int32]int)
	for _, k := range bands {
		for _, n := range ix.postings[k] {
			hits[n]++
		}
	}
	out := make([]Candidate, 0, len(hits))
	for n, h := range hits {
		out = append(out, Candidate{ID: ix.ids[n], Hits: h})
	}
	ix.mu.RUnlock()
	slices.SortFunc(out, func(a, b Candidate) int {
		if a.Hits != b.Hits {
			return b.Hits - a.Hits
		}
		return strings.Compare(a.ID, b.ID)
	})
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out
}
