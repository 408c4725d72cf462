package match

import "math/bits"

// postingTable maps an index key (an LSH band key, a pivot-term key) to
// the articles that hold it, in the order they were added. A lookup reads
// dozens to hundreds of keys, each at a random place in a table of some
// hundred thousand, so its cost is the cache lines it misses; a Go map of
// slices missed three a key (control word, slot, list). Here a key's slot
// is 16 bytes in an open-addressed table and holds a single article
// itself, as most band keys and rare terms have one, and a longer list's
// place in one arena: one miss, or two.
type postingTable struct {
	slots []postingSlot // a power of two long; nil until the first add
	used  int
	// arena holds the lists of two or more articles, each in a run of a
	// power of two slots at least its length; a list that outgrows its
	// run moves to a run twice as long at the end, leaving the old one
	// unused.
	arena []int32
}

type postingSlot struct {
	key uint64
	n   uint32 // articles holding key; 0 marks a free slot
	v   uint32 // the article when n is 1, else where its list starts in arena
}

// home is where key's probe sequence starts: a multiplicative hash, so
// that keys alike in their low bits spread.
func (t *postingTable) home(key uint64) int {
	return int((key * 0x9e3779b97f4a7c15) >> (64 - bits.Len(uint(len(t.slots)-1))))
}

// find returns key's slot, or nil when no article holds key.
func (t *postingTable) find(key uint64) *postingSlot {
	if len(t.slots) == 0 {
		return nil
	}
	mask := len(t.slots) - 1
	for i := t.home(key); ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.n == 0 {
			return nil
		}
		if s.key == key {
			return s
		}
	}
}

// list returns the articles of a slot with two or more.
func (t *postingTable) list(s *postingSlot) []int32 {
	return t.arena[s.v : s.v+s.n]
}

// runLen is the length of the arena run a list of n articles has.
func runLen(n uint32) uint32 { return 1 << bits.Len32(n-1) }

// add records that article n holds key, unless it is already recorded;
// seen says n may hold key already (it was added before), which only a
// full check of the list can tell. It reports whether n was added.
func (t *postingTable) add(key uint64, n int32, seen bool) bool {
	s := t.slot(key)
	switch {
	case s.n == 0:
		s.key, s.n, s.v = key, 1, uint32(n)
		t.used++
		return true
	case s.n == 1:
		if s.v == uint32(n) {
			return false
		}
		off := uint32(len(t.arena))
		t.arena = append(t.arena, int32(s.v), n)
		s.n, s.v = 2, off
		return true
	}
	list := t.list(s)
	// Articles are numbered in the order they are first added, so a new
	// one is last; only a repeated Add needs the full check.
	if list[len(list)-1] == n {
		return false
	}
	if seen {
		for _, m := range list {
			if m == n {
				return false
			}
		}
	}
	if run := runLen(s.n); s.n == run {
		off := uint32(len(t.arena))
		t.arena = append(t.arena, list...)
		t.arena = append(t.arena, make([]int32, run)...)
		s.v = off
	}
	t.arena[s.v+s.n] = n
	s.n++
	return true
}

// slot returns key's slot, claiming a free one (n == 0) when key has
// none, and growing the table to keep it at most half full.
func (t *postingTable) slot(key uint64) *postingSlot {
	if 2*(t.used+1) > len(t.slots) {
		t.grow()
	}
	mask := len(t.slots) - 1
	for i := t.home(key); ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.n == 0 || s.key == key {
			return s
		}
	}
}

func (t *postingTable) grow() {
	old := t.slots
	t.slots = make([]postingSlot, max(1024, 2*len(old)))
	mask := len(t.slots) - 1
	for _, s := range old {
		if s.n == 0 {
			continue
		}
		i := t.home(s.key)
		for t.slots[i].n != 0 {
			i = (i + 1) & mask
		}
		t.slots[i] = s
	}
}
