package match

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"sync"
	"time"
)

// The keys of a cross-lingual sketch (XlingKeys) are hashes of pivot terms
// shifted right by a byte, so that their top byte is zero, after two
// metadata keys whose top byte tags them: the publication day and the
// language. The store keeps a sketch's keys in order, so an XIndex warmed
// from the store gets them back without reading the articles.
const (
	tagShift = 56
	tagDay   = 0xFE
	tagLang  = 0xFD
	// noDay marks an undated article.
	noDay = math.MinInt32
)

// MaxXlingKeys bounds the pivot terms of one article's cross-lingual
// sketch; the lead comes first, so a long article keeps its opening, which
// partial copies share.
const MaxXlingKeys = 256

// XlingKeys returns the cross-lingual sketch of a prepared article: its
// publication day and language, then the hashes of its distinct pivot
// terms (numbers, names, English stems through the lexicon, cognate
// skeletons) in text order. Articles of any two languages that share pivot
// terms share keys; XIndex ranks them.
func XlingKeys(p *Prepared) []uint64 {
	x := p.xling()
	keys := make([]uint64, 0, len(x.keys)+2)
	keys = append(keys, dayKey(p.Article.PublishedAt), langKey(p.Article.Lang))
	return append(keys, x.keys...)
}

func dayKey(t time.Time) uint64 {
	d := int64(noDay)
	if !t.IsZero() {
		d = t.Unix() / 86400
	}
	return tagDay<<tagShift | uint64(uint32(int32(d)))
}

func langKey(lang string) uint64 {
	var v uint64
	for i, c := range []byte(primaryLang(lang)) {
		if i == 6 {
			break
		}
		v = v<<8 | uint64(c)
	}
	return tagLang<<tagShift | v
}

// keyLang returns the language code a langKey holds, packed as it packs
// it (0 for an unknown language): comparing two packed codes is comparing
// the languages, without building strings.
func keyLang(k uint64) uint64 {
	return k &^ (0xFF << tagShift)
}

// XIndex is an in-memory inverted index from pivot-term keys to articles,
// for finding the articles an article may translate. A lookup reads only
// the posting lists of the query's keys, skips those too common to tell
// articles apart, weighs the rest by rarity (IDF), and keeps articles of
// another language published within a window of the query's day. XIndex is
// safe for concurrent use.
type XIndex struct {
	mu       sync.RWMutex
	ids      []string
	numbers  map[string]int32
	day      []int32
	lang     []uint64 // packed as keyLang returns it
	nkeys    []int32
	postings postingTable

	// scores recycles the per-lookup score accumulators (*xscores).
	scores sync.Pool
}

// xscores accumulates one lookup's scores by article number: a dense
// slice indexed by number, cheaper than a map for the few thousand
// postings a lookup adds up, and the numbers it touched, so that only
// those need clearing before the next lookup.
type xscores struct {
	score   []float64
	touched []int32
	common  []*postingSlot // keys above MaxShare, for short lookups
}

// NewXIndex returns an empty index.
func NewXIndex() *XIndex {
	return &XIndex{numbers: make(map[string]int32)}
}

// Len returns the number of articles indexed.
func (ix *XIndex) Len() int {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return len(ix.ids)
}

// Add indexes the keys XlingKeys gave for article id. Adding an id again
// replaces nothing and adds the keys it did not have.
func (ix *XIndex) Add(id string, keys []uint64) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	n, seen := ix.numbers[id]
	if !seen {
		n = int32(len(ix.ids))
		ix.ids = append(ix.ids, id)
		ix.numbers[id] = n
		ix.day = append(ix.day, noDay)
		ix.lang = append(ix.lang, 0)
		ix.nkeys = append(ix.nkeys, 0)
	}
	for _, k := range keys {
		switch k >> tagShift {
		case tagDay:
			ix.day[n] = int32(uint32(k))
			continue
		case tagLang:
			ix.lang[n] = keyLang(k)
			continue
		}
		if ix.postings.add(k, n, seen) {
			ix.nkeys[n]++
		}
	}
}

// XQuery tunes an XIndex lookup. The zero value is sane.
type XQuery struct {
	// Window keeps candidates published within this long of the query,
	// either way (default 30 days); undated articles are always kept.
	// A negative Window keeps every date.
	Window time.Duration
	// Limit is the number of candidates returned (default 10).
	Limit int
	// MaxShare skips keys found in more than this share of the indexed
	// articles (default 0.05): "year", "say", "2014" lead nowhere.
	MaxShare float64
	// SameLanguage keeps articles of the query's own language, which the
	// same-language index finds better; by default they are left out.
	SameLanguage bool
}

// minLookupKeys is the number of keys a lookup uses at least, taking the
// least common of those above MaxShare when fewer are below it.
const minLookupKeys = 8

// shortLookupKeys is the number of keys up to which a query (a message
// of a sentence or two) looks up its common keys as well as its rare
// ones (see Candidates). Session 12: WMT22 uk-en 0.8796 → 0.8836, fr-de
// 0.9746 → 0.9772 (false origins 3 → 6 of 285, help-desk chats sharing a
// canned answer), newstest2014 K=1 −1 origin, the other sets level; at
// 16 keys, uk-en 0.8809 and fr-de level.
const shortLookupKeys = 32

// sizeCap bounds the size normalisation of XIndex candidates at sizeCap
// times the query's keys (see Candidates). At 2, newstest2014 queries cut
// to their first sentence find 0.850 of their originals (0.847 with no
// cap, 0.849 at 4), full-length tracing is unchanged and WMT22 fr-de has
// fewer false origins (0.039 against 0.053).
const sizeCap = 2

// XCandidate is an article found by an XIndex lookup.
type XCandidate struct {
	ID string
	// Score is the summed rarity of the keys shared with the query over
	// the square root of the candidate's number of keys.
	Score float64
}

// Candidates returns the indexed articles that share keys with the query
// keys (from XlingKeys), best first, ties by id.
func (ix *XIndex) Candidates(keys []uint64, q XQuery) []XCandidate {
	if q.Window == 0 {
		q.Window = 30 * 24 * time.Hour
	}
	if q.Limit <= 0 {
		q.Limit = 10
	}
	if q.MaxShare <= 0 {
		q.MaxShare = 0.05
	}
	qday, qlang, nq := int32(noDay), uint64(0), 0
	for _, k := range keys {
		switch k >> tagShift {
		case 0:
			nq++
		case tagDay:
			qday = int32(uint32(k))
		case tagLang:
			qlang = keyLang(k)
		}
	}
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	total := float64(len(ix.ids))
	maxDF := max(8, int(q.MaxShare*total))
	windowDays := int32(q.Window / (24 * time.Hour))
	acc, _ := ix.scores.Get().(*xscores)
	if acc == nil {
		acc = new(xscores)
	}
	defer ix.scores.Put(acc)
	score, touched := resized(&acc.score, len(ix.ids)), acc.touched[:0]
	add := func(n int32, idf float64) {
		if score[n] == 0 {
			touched = append(touched, n)
		}
		score[n] += idf
	}
	use := func(p *postingSlot) {
		idf := math.Log(1 + total/float64(p.n))
		if p.n == 1 {
			add(int32(p.v), idf)
			return
		}
		for _, n := range ix.postings.list(p) {
			add(n, idf)
		}
	}
	used := 0
	common := acc.common[:0]
	for _, k := range keys {
		if k>>tagShift != 0 {
			continue
		}
		p := ix.postings.find(k)
		switch {
		case p == nil:
		case int(p.n) > maxDF:
			common = append(common, p)
		default:
			use(p)
			used++
		}
	}
	// keep reports whether the lookup may return article n: of another
	// language than the query's (unless SameLanguage), inside the window.
	keep := func(n int32) bool {
		if !q.SameLanguage && qlang != 0 && ix.lang[n] == qlang {
			return false
		}
		return q.Window <= 0 || qday == noDay || ix.day[n] == noDay || ix.day[n] >= qday-windowDays && ix.day[n] <= qday+windowDays
	}
	// A short text in a store full of its own subject (help-desk chats
	// about one e-reader) may have few keys left: it still looks up its
	// rarest common ones, up to minLookupKeys, rather than nothing. And
	// when its rare keys found fewer than Limit candidates it can keep,
	// it looks up the rest of its common ones too: a key is common in a
	// store that holds a dozen translations of every text in the
	// query's own language, which the lookup never returns, while the
	// query's original shares only such keys. A short query
	// (shortLookupKeys) looks them up whatever its rare keys found: its
	// few rare keys are often stray senses that any text on its subject
	// holds, and only the common ones it shares with its original rank
	// that above them.
	rest := common
	if used < minLookupKeys {
		slices.SortFunc(common, func(a, b *postingSlot) int { return cmp.Compare(a.n, b.n) })
		k := min(len(common), minLookupKeys-used)
		for _, p := range common[:k] {
			use(p)
		}
		rest = common[k:]
	}
	if len(rest) > 0 {
		kept := 0
		for _, n := range touched {
			if keep(n) {
				kept++
			}
		}
		if kept < q.Limit || nq <= shortLookupKeys {
			for _, p := range rest {
				use(p)
			}
		}
	}
	clear(common)
	acc.common = common[:0]
	// Only the best Limit candidates are returned: keep them, in order,
	// as they come, rather than sorting the thousand or so a lookup
	// touches. The order is total (ties by id), so the result is what
	// sorting them all and cutting would give, whatever the order they
	// were gathered in.
	order := func(a, b XCandidate) int {
		if c := cmp.Compare(b.Score, a.Score); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	}
	out := make([]XCandidate, 0, min(q.Limit, len(touched)))
	for _, n := range touched {
		s := score[n]
		score[n] = 0
		if !keep(n) {
			continue
		}
		// Normalise by the candidate's size, as a cosine would: a long
		// article pivoted through a rich lexicon shares some rare key
		// with anything. The size counts up to sizeCap times the query's,
		// as a length norm saturates: a short query (a republished lead)
		// is part of its original, which must not rank below shorter
		// texts for being whole. A full-length query's candidates are
		// within the cap anyway.
		size := min(int(ix.nkeys[n]), sizeCap*nq)
		c := XCandidate{ID: ix.ids[n], Score: s / math.Sqrt(float64(max(size, 16)))}
		if len(out) == q.Limit && order(c, out[len(out)-1]) >= 0 {
			continue
		}
		at, _ := slices.BinarySearchFunc(out, c, order)
		if len(out) == q.Limit {
			out = out[:len(out)-1]
		}
		out = slices.Insert(out, at, c)
	}
	acc.touched = touched
	return out
}

// Rarity weighs a word for Options.Rarity by the share f of the index's
// articles whose keys hold it: 1 up to rareShare, then log f / log
// rareShare, down to commonRarity. The counts are the store's own, so a
// word is common where its texts share it: "book" among help-desk chats
// about an e-reader, "Ukraine" in a news store. The share counts the
// query as one more article, so a word no other article has is rare, not
// undefined.
func (ix *XIndex) Rarity(key uint64) float64 {
	ix.mu.RLock()
	total := len(ix.ids)
	n := 0
	if p := ix.postings.find(key); p != nil {
		n = int(p.n)
	}
	ix.mu.RUnlock()
	f := float64(n+1) / float64(total+1)
	if f <= rareShare {
		return 1
	}
	return max(commonRarity, math.Log(f)/math.Log(rareShare))
}

// rareShare is the share of a store's articles up to which a word counts
// as rare, and commonRarity the least a word in all of them weighs
// (measured in session 7, docs/EVALUATION.md: a share of 0.3 % and a
// floor of 0.1 changed the figures by a tenth of a point either way).
const (
	rareShare    = 0.01
	commonRarity = 0.2
)
