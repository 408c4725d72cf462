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
	postings postingTable

	// hits recycles the per-lookup hit counters (*hitCounts).
	hits sync.Pool
}

// hitCounts counts one lookup's shared keys by article number: a dense
// slice indexed by number, cheaper than a map, and the numbers it
// touched, so that only those need clearing before the next lookup.
type hitCounts struct {
	hits    []int32
	touched []int32
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
		params:  p.WithDefaults(),
		numbers: make(map[string]int32),
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
		// Band keys mix in the band index, so one article's keys are
		// distinct; only a repeated Add needs the full check.
		ix.postings.add(k, n, seen)
	}
}

// Candidates returns the indexed articles that share at least one band key
// with bands, most shared keys first, ties by id; at most limit of them, or
// all when limit <= 0. An article indexed under the query's own id is
// returned like any other.
func (ix *Index) Candidates(bands []uint64, limit int) []Candidate {
	acc, _ := ix.hits.Get().(*hitCounts)
	if acc == nil {
		acc = new(hitCounts)
	}
	defer ix.hits.Put(acc)
	ix.mu.RLock()
	hits, touched := resized(&acc.hits, len(ix.ids)), acc.touched[:0]
	count := func(n int32) {
		if hits[n] == 0 {
			touched = append(touched, n)
		}
		hits[n]++
	}
	for _, k := range bands {
		switch p := ix.postings.find(k); {
		case p == nil:
		case p.n == 1:
			// Most band keys are one article's.
			count(int32(p.v))
		default:
			for _, n := range ix.postings.list(p) {
				count(n)
			}
		}
	}
	out := make([]Candidate, 0, len(touched))
	for _, n := range touched {
		out = append(out, Candidate{ID: ix.ids[n], Hits: int(hits[n])})
		hits[n] = 0
	}
	ix.mu.RUnlock()
	acc.touched = touched
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
