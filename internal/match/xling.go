package match

import (
	"cmp"
	"math"
	"math/bits"
	"slices"
	"strings"
	"sync"

	"github.com/newstrace/newstrace/internal/article"
	"github.com/newstrace/newstrace/internal/fingerprint"
)

// xprep is the cross-lingual analysis of a Prepared, parallel to
// Prepared.sentences: each sentence's units (the words and numbers that
// gave pivot terms) and the pivot terms as hash postings naming their unit.
// A word with several translations is one unit with several terms, so a
// sentence is similar to another by how many of its words find a
// counterpart, however many senses the lexicon listed.
type xprep struct {
	sents []xsent
	// The pivot-term postings, sorted by hash, sentence, unit, are kept
	// by distinct hash: refs[starts[k]:starts[k+1]] are where hashes[k]
	// occurs, and heads[k] is its top 32 bits. Two articles share about
	// one pivot term in ten, and merging their postings was bound by the
	// memory it read, so the merge reads the heads, a quarter of the
	// bytes of whole postings, and the rest only where heads agree.
	heads  []uint32
	hashes []uint64
	starts []int32
	refs   []xref    // the sentence, unit and unit weight of each posting
	unitW  []float64 // weight of each unit, by unit number
	unitR  []float64 // the weights times the units' rarity; nil without Options.Rarity
	weight float64   // unit weights summed over sentences
	keys   []uint64  // distinct pivot hashes >> 8 in text order, for XlingKeys
}

type xsent struct {
	weight  float64 // unit weights summed
	rweight float64 // unitR summed
	units   int     // units, weak ones included
	width   int     // length in Latin letters' worth, for the length prior (see textWidth)
}

// weakUnit is the weight of a unit known only by the skeleton of a word
// the lexicon lacks: it may be a name or a cognate, or nothing the other
// text can show. It counts only when matched (see sentenceSimilarity), so
// the words a lexicon misses never dilute those it translates.
const weakUnit = 0

type xposting struct {
	hash uint64
	xref
}

// xref is where a pivot term occurs: its sentence and unit, with the
// unit's weight (unitW[unit]) beside them, since a comparison reads it
// for every term it matches, and a lookup in unitW was a cache miss each.
type xref struct {
	sent, unit int32
	w          float64
}

// pivotSeed keeps pivot hashes apart from shingle hashes.
const pivotSeed = 0x9e3779b97f4a7c15

// xling returns p's cross-lingual analysis, computing it on first use:
// most articles are only ever compared in their own language.
func (p *Prepared) xling() *xprep {
	p.xonce.Do(func() { p.x = p.computeXling() })
	return p.x
}

func (p *Prepared) computeXling() *xprep {
	x := &xprep{sents: make([]xsent, len(p.sentences))}
	pv := p.pivot
	if pv == nil {
		pv = NewPivoter(nil)
	}
	paraStart := make([]int, len(p.Paragraphs))
	for i := 1; i < len(p.Paragraphs); i++ {
		paraStart[i] = paraStart[i-1] + len(p.Paragraphs[i-1]) + len("\n\n")
	}
	for i, s := range p.sentences {
		x.sents[i].width = textWidth(p.Paragraphs[s.para][s.start:s.end])
	}
	joined := article.JoinParagraphs(p.Paragraphs)
	si, lastOff := 0, -1
	seen := make(map[uint64]bool)
	var postings []xposting
	var one [1]string
	// With a rarity, each unit's rarest sense (-1 before the first) and
	// its sentence.
	var rare []float64
	var unitSent []int32
	pv.terms(primaryLang(p.Article.Lang), joined, p.signals, func(off int, term string, kind unitKind) {
		for si < len(p.sentences) && paraStart[p.sentences[si].para]+p.sentences[si].end <= off {
			si++
		}
		if si == len(p.sentences) || off < paraStart[p.sentences[si].para]+p.sentences[si].start {
			return
		}
		w := 1.0
		if kind == unitWeak {
			w = weakUnit
		}
		if off != lastOff {
			lastOff = off
			x.unitW = append(x.unitW, w)
			x.sents[si].weight += w
			x.sents[si].units++
			if p.rarity != nil {
				rare = append(rare, -1)
				unitSent = append(unitSent, int32(si))
			}
		} else if u := len(x.unitW) - 1; w > x.unitW[u] {
			x.sents[si].weight += w - x.unitW[u]
			x.unitW[u] = w
		}
		one[0] = term
		h := fingerprint.Shingles(one[:], 1, pivotSeed)[0]
		if p.rarity != nil && strings.HasPrefix(term, pivotWord) {
			u := len(rare) - 1
			rare[u] = max(rare[u], p.rarity(h>>8))
		}
		postings = append(postings, xposting{h, xref{sent: int32(si), unit: int32(len(x.unitW) - 1)}})
		if k := h >> 8; len(x.keys) < MaxXlingKeys && !seen[k] {
			seen[k] = true
			x.keys = append(x.keys, k)
		}
	})
	for _, s := range x.sents {
		x.weight += s.weight
	}
	if p.rarity != nil {
		// A unit with no pivot word (a name, a number) is as rare as
		// can be; a weak unit weighs nothing until matched, as in the
		// similarity.
		for u, r := range rare {
			if r < 0 {
				r = 1
			}
			rare[u] = r * x.unitW[u]
			x.sents[unitSent[u]].rweight += rare[u]
		}
		x.unitR = rare
	}
	slices.SortFunc(postings, func(a, b xposting) int {
		switch {
		case a.hash != b.hash:
			return cmp.Compare(a.hash, b.hash)
		case a.sent != b.sent:
			return cmp.Compare(a.sent, b.sent)
		}
		return cmp.Compare(a.unit, b.unit)
	})
	x.refs = make([]xref, len(postings))
	for i, p := range postings {
		if i == 0 || p.hash != postings[i-1].hash {
			x.heads = append(x.heads, uint32(p.hash>>32))
			x.hashes = append(x.hashes, p.hash)
			x.starts = append(x.starts, int32(i))
		}
		p.w = x.unitW[p.unit]
		x.refs[i] = p.xref
	}
	x.starts = append(x.starts, int32(len(postings)))
	return x
}

// unitMatch is one pivot term shared by query unit qu of the sentence pair
// pair (query sentence << 32 | candidate sentence) and candidate unit cu.
type unitMatch struct {
	pair   uint64
	qu, cu int32
	qw, cw float64 // the units' weights
}

// pairSim is the similarity of query sentence q and candidate sentence c
// as its two parts, the matched unit weights of both over both sentences'
// weights (plus the bonus of matched weak units), kept apart so that the
// alignment can score two sentences merged into one (see mergedSim).
type pairSim struct {
	q, c     int32
	num, den float64
}

// sim is the pair's Dice similarity.
func (p pairSim) sim() float64 { return p.num / p.den }

// xscratch holds the working buffers of one CompareTranslation. A trace
// compares an article with dozens of candidates and the buffers die with
// each comparison, so allocating them anew (a map of similarities, the
// match list, the n×m alignment tables) cost about as much as the
// comparison itself; scratchPool hands them from one comparison to the
// next. Nothing in them outlives a call: each use overwrites what it reads.
type xscratch struct {
	ms []unitMatch
	// denseSimilarity's tables, all zero between calls but for sums and
	// hit, which it keeps for pairAt until clearDense.
	sums              []pairSum
	hit, qSeen, cSeen []uint64
	denseM            int // candidate sentences of the sums table kept, 0 when none is
	// sortedSimilarity's.
	keys  []uint64 // ms packed for sorting
	cus   []int32
	sims  []pairSim
	best  []int32 // the alignment's (see bead.go)
	last  []int32
	kind  []uint8
	bsim  []float64
	score []float64
	from  []uint8
	// rareStrength's.
	rkeys          []uint64
	rsum           []rareSum
	rowner         []int32
	rqSeen, rcSeen []uint64
}

// scratchPool recycles xscratch buffers; it holds no state between calls.
var scratchPool = sync.Pool{New: func() any { return new(xscratch) }}

// sentenceSimilarity returns, for each sentence pair sharing pivot terms,
// the share of the two sentences' units that find a counterpart in the
// other (a Dice coefficient over words rather than terms), keeping those
// at least min. The pairs come sorted by query then candidate sentence, in
// s.sims, which the result reuses.
func sentenceSimilarity(qx, cx *xprep, minSim float64, s *xscratch) []pairSim {
	s.clearDense() // the sorted path's pairAt must not read the last table
	ms := s.ms[:0]
	// Merge the distinct hashes. A head is a hash's top bits, so ordering
	// by head, then by whole hash where heads agree, is ordering by hash.
	qh, ch := qx.heads, cx.heads
	i, j := 0, 0
	for i < len(qh) && j < len(ch) {
		h, g := qh[i], ch[j]
		if h == g {
			h, g := qx.hashes[i], cx.hashes[j]
			if h == g {
				qr := qx.refs[qx.starts[i]:qx.starts[i+1]]
				cr := cx.refs[cx.starts[j]:cx.starts[j+1]]
				if len(qr)*len(cr) <= maxFanout {
					for _, x := range qr {
						for _, y := range cr {
							ms = append(ms, unitMatch{uint64(x.sent)<<32 | uint64(uint32(y.sent)), x.unit, y.unit, x.w, y.w})
						}
					}
				}
				i++
				j++
				continue
			}
		}
		// Most hashes have no counterpart: step past the smaller.
		if h < g || h == g && qx.hashes[i] < cx.hashes[j] {
			i++
		} else {
			j++
		}
	}
	s.ms = ms
	sims := s.sims[:0]
	if len(ms) == 0 {
		return sims
	}
	n, m := len(qx.sents), len(cx.sents)
	if n*m <= maxDenseCells && len(qx.unitW)*m+len(cx.unitW)*n <= maxDenseUnits {
		sims = denseSimilarity(ms, qx, cx, minSim, sims, s)
	} else {
		sims = sortedSimilarity(ms, qx, cx, minSim, sims, s)
	}
	s.sims = sims
	return sims
}

// maxDenseCells bounds the table of sentence pairs denseSimilarity sums
// in (a few thousand cells for news articles), and maxDenseUnits its sets
// of (unit, sentence) pairs, in bits; larger ones are left to
// sortedSimilarity.
const (
	maxDenseCells = 1 << 16
	maxDenseUnits = 1 << 22
)

// denseSimilarity sums each sentence pair's matched unit weights in
// tables indexed by pair, as matches come, where sorting the matches by
// pair and unit to group them cost more than the merge that found them.
// A unit counts once a pair: qSeen and cSeen record (unit, other
// sentence). The sums are the sorted path's, term for term; only their
// order differs, which the whole-number unit weights (1, or a weak
// unit's 0, which unitWeight turns into 1 plus a bonus) cannot show. The
// seen sets are left zero for the next call; the sums and their hit set
// are kept for pairAt, which reads pairs below the floor, until
// clearDense.
func denseSimilarity(ms []unitMatch, qx, cx *xprep, minSim float64, sims []pairSim, s *xscratch) []pairSim {
	s.clearDense()
	n, m := len(qx.sents), len(cx.sents)
	// The buffers are zero beyond what a call sets, and each call clears
	// what it set (the sums and hit tables in clearDense), so a resized
	// one is all zero.
	words := func(bits int) int { return (bits + 63) / 64 }
	sums := resized(&s.sums, n*m)
	hit := resized(&s.hit, words(n*m))
	qSeen := resized(&s.qSeen, words(len(qx.unitW)*m))
	cSeen := resized(&s.cSeen, words(len(cx.unitW)*n))
	for _, x := range ms {
		qs, cs := int(x.pair>>32), int(uint32(x.pair))
		k := qs*m + cs
		ps := &sums[k]
		hit[k/64] |= 1 << (k % 64)
		if b := int(x.qu)*m + cs; qSeen[b/64]&(1<<(b%64)) == 0 {
			qSeen[b/64] |= 1 << (b % 64)
			ps.qn += unitWeight(x.qw, &ps.bonus)
		}
		if b := int(x.cu)*n + qs; cSeen[b/64]&(1<<(b%64)) == 0 {
			cSeen[b/64] |= 1 << (b % 64)
			ps.cn += unitWeight(x.cw, &ps.bonus)
		}
	}
	// Cell numbers run by query then candidate sentence, the order sims
	// are returned in: walk the set bits of hit.
	for w, word := range hit {
		for ; word != 0; word &= word - 1 {
			k := w*64 + bits.TrailingZeros64(word)
			qs, cs := int32(k/m), int32(k%m)
			ps := sums[k]
			den := qx.sents[qs].weight + cx.sents[cs].weight + ps.bonus
			if d := (ps.qn + ps.cn) / den; d >= minSim {
				sims = append(sims, pairSim{qs, cs, ps.qn + ps.cn, den})
			}
		}
	}
	// The table of sums stays for pairAt until clearDense.
	s.denseM = m
	// Clear the seen sets whole when that is less work than clearing
	// the bits the matches set.
	if len(qSeen)+len(cSeen) <= 2*len(ms) {
		clear(qSeen)
		clear(cSeen)
		return sims
	}
	for _, x := range ms {
		qs, cs := int(x.pair>>32), int(uint32(x.pair))
		b := int(x.qu)*m + cs
		qSeen[b/64] = 0
		b = int(x.cu)*n + qs
		cSeen[b/64] = 0
	}
	return sims
}

// pairSum is one sentence pair's sums in denseSimilarity.
type pairSum struct{ qn, cn, bonus float64 }

// sortedSimilarity is denseSimilarity for a table of sentence pairs too
// large to keep: it sorts the matches by pair and unit, and sums each
// pair's distinct units in order.
func sortedSimilarity(ms []unitMatch, qx, cx *xprep, minSim float64, sims []pairSim, s *xscratch) []pairSim {
	sortMatches(ms, qx, cx, s)
	for i := 0; i < len(ms); {
		j := i + 1
		for j < len(ms) && ms[j].pair == ms[i].pair {
			j++
		}
		qn, cn, bonus := pairSums(ms[i:j], cx, s)
		qs, cs := int32(ms[i].pair>>32), int32(uint32(ms[i].pair))
		den := qx.sents[qs].weight + cx.sents[cs].weight + bonus
		if d := (qn + cn) / den; d >= minSim {
			sims = append(sims, pairSim{qs, cs, qn + cn, den})
		}
		i = j
	}
	return sims
}

// pairSums sums one sentence pair's matched unit weights, each distinct
// unit once on either side: run is the pair's matches, sorted by query
// unit as sortMatches leaves them.
func pairSums(run []unitMatch, cx *xprep, s *xscratch) (qn, cn, bonus float64) {
	cus := s.cus[:0]
	for j, x := range run {
		if j == 0 || x.qu != run[j-1].qu {
			qn += unitWeight(x.qw, &bonus)
		}
		cus = append(cus, x.cu)
	}
	slices.Sort(cus)
	for _, u := range slices.Compact(cus) {
		cn += unitWeight(cx.unitW[u], &bonus)
	}
	s.cus = cus
	return qn, cn, bonus
}

// sortMatches sorts ms by pair, query unit and candidate unit. The sort
// was half the cost of sentenceSimilarity: when the four fields fit one
// 64-bit key, as they do for any news article (a few dozen sentences and
// a few hundred units each side), it sorts packed keys, whose order is the
// same, and unpacks them; otherwise it compares the fields.
func sortMatches(ms []unitMatch, qx, cx *xprep, s *xscratch) {
	// Every index is below its count, so it fits in the count's bit length.
	bq, bc := bits.Len(uint(len(qx.sents))), bits.Len(uint(len(cx.sents)))
	bqu, bcu := bits.Len(uint(len(qx.unitW))), bits.Len(uint(len(cx.unitW)))
	if bq+bc+bqu+bcu > 64 {
		slices.SortFunc(ms, func(x, y unitMatch) int {
			switch {
			case x.pair != y.pair:
				return cmp.Compare(x.pair, y.pair)
			case x.qu != y.qu:
				return cmp.Compare(x.qu, y.qu)
			}
			return cmp.Compare(x.cu, y.cu)
		})
		return
	}
	shC, shQU := bqu+bcu, bcu
	shQ := bc + shC
	keys := s.keys[:0]
	for _, x := range ms {
		qs, cs := x.pair>>32, uint64(uint32(x.pair))
		keys = append(keys, qs<<shQ|cs<<shC|uint64(x.qu)<<shQU|uint64(x.cu))
	}
	slices.Sort(keys)
	mask := func(b int) uint64 { return 1<<b - 1 }
	for i, k := range keys {
		qs, cs := k>>shQ, k>>shC&mask(bc)
		qu, cu := int32(k>>shQU&mask(bqu)), int32(k&mask(bcu))
		ms[i] = unitMatch{qs<<32 | cs, qu, cu, qx.unitW[qu], cx.unitW[cu]}
	}
	s.keys = keys
}

// pairOf returns the pair (qs, cs) of sims, and whether it is there.
func pairOf(sims []pairSim, qs, cs int32) (pairSim, bool) {
	k, ok := slices.BinarySearchFunc(sims, pairSim{q: qs, c: cs}, func(x, y pairSim) int {
		if c := cmp.Compare(x.q, y.q); c != 0 {
			return c
		}
		return cmp.Compare(x.c, y.c)
	})
	if !ok {
		return pairSim{}, false
	}
	return sims[k], true
}

// chanceSimilarity is about the similarity two unrelated sentences reach
// through common words and stray lexicon senses; an aligned pair's
// strength is what it has above it.
const chanceSimilarity = 0.15

// bothPivotedChance replaces chanceSimilarity when neither text is English:
// both then reach the pivot through the lexicon, and the stray senses of
// two texts meet more often than those of one.
const bothPivotedChance = 0.2

// fullSimilarity is the mean similarity of aligned sentences from which a
// translation's score is its coverage alone; below it the score shrinks.
const fullSimilarity = 0.5

// lengthSigma is the spread of the log length ratio of a sentence and its
// translation (Gale and Church measured a variance of about 6.8 characters
// per character, which for news sentences of 100 to 200 characters is a
// ratio within about 25%).
const lengthSigma = 0.25

// lengthAgreement weighs an aligned pair's evidence by how well the two
// sentences' lengths agree, as a translation's do: 1 for equal lengths,
// about 0.6 for a ratio of 1.35, 0.2 for a ratio of 1.75. Reports of one
// event that share a name and a number in sentences of unlike length count
// for less.
func lengthAgreement(a, b int) float64 {
	r := math.Log(float64(a+10) / float64(b+10))
	return math.Exp(-r * r / (2 * lengthSigma * lengthSigma))
}

// FullEvidenceSentences is the sentence count from which a pair must show
// the whole TranslationStrength; a shorter text is asked less, and a
// tracer may weigh its candidates against each other instead.
const FullEvidenceSentences = 6

// maxAlignCells bounds the sentence-pair matrix of the monotonic alignment;
// longer pairs fall back to each sentence's best match.
const maxAlignCells = 1 << 18

// CompareTranslation decides whether q renders c in another language. Both
// sentence lists are mapped to pivot terms (see Pivoter and Signals); two
// sentences are similar by the Dice coefficient of their pivot terms; the
// sentences are aligned monotonically, as a translator works through a text
// in order, maximising the summed similarity above SentenceSimilarity less a
// penalty for unlike lengths (the Gale–Church prior). The verdict is
// Translation when the aligned sentences hold TranslationCoverage of the
// query's pivot terms (or TranslationOriginCoverage of the candidate's, for
// a query that holds a whole shorter text) and at least MinTranslationTerms
// of them; Related when some sentence aligns; None otherwise. Evidence pairs
// the aligned paragraphs.
func CompareTranslation(q, c *Prepared, opts Options) Result {
	opts = opts.withDefaults()
	res := Result{Verdict: None, Evidence: []Passage{}}
	qx, cx := q.xling(), c.xling()
	if qx.weight == 0 || cx.weight == 0 {
		return res
	}
	n, m := len(qx.sents), len(cx.sents)
	scr := scratchPool.Get().(*xscratch)
	defer scratchPool.Put(scr)
	defer scr.clearDense()
	sim := sentenceSimilarity(qx, cx, opts.SentenceSimilarity, scr)
	if len(sim) == 0 {
		// No sentence pair is similar enough to align: the verdict is
		// None, and the alignment below would find nothing.
		return res
	}
	chance := chanceSimilarity
	if primaryLang(q.Article.Lang) != "en" && primaryLang(c.Article.Lang) != "en" {
		chance = bothPivotedChance
	}
	al := newAlignment(n, scr)
	if opts.Signals&SignalStructure != 0 && n*m <= maxAlignCells {
		alignMonotonic(qx, cx, sim, opts, al, scr)
		// The floor, as far above chance as it is for a pair with one
		// side in English.
		absorbHalves(qx, cx, sim, scr, al, opts.SentenceSimilarity+chance-chanceSimilarity)
	} else {
		// Each query sentence's best match; sim is in candidate order
		// within a query sentence, so ties go to the earliest candidate
		// sentence.
		for _, ps := range sim {
			if ps.sim() > al.sim[ps.q] {
				al.set(int(ps.q), int(ps.c), int(ps.c), beadOne, ps.sim())
			}
		}
	}
	best := al.first

	qTerms, cTerms, aligned, beads, strength, qUnits := 0.0, 0.0, 0, 0, 0.0, 0
	inPlace, weakest := true, math.Inf(1)
	next := 0 // the candidate sentence an in-place rendering is at
	for qs, cs := range best {
		if cs < 0 {
			next++
			continue
		}
		aligned++
		qUnits += qx.sents[qs].units
		lq, lc := al.widths(qx, cx, qs)
		e := (al.sim[qs] - chance) * lengthAgreement(lq, lc)
		strength += e
		weakest = min(weakest, e)
		qTerms += qx.sents[qs].weight
		if al.kind[qs] == beadSecondOfTwo {
			continue // its candidate sentence is its partner's
		}
		beads++
		inPlace = inPlace && int(cs) == next
		next = int(al.last[qs]) + 1
		for c := cs; c <= al.last[qs]; c++ {
			cTerms += cx.sents[c].weight
		}
	}
	if aligned == 0 {
		return res
	}
	res.Coverage = qTerms / qx.weight
	res.OriginCoverage = min(1, cTerms/cx.weight)
	if beads >= 2 {
		res.RunCoverage = runCoverage(cx, al, cTerms)
	}
	// Coverage alone ranks every candidate a one-sentence query aligns
	// with alike; how close the aligned sentences are tells them apart.
	mean := (strength + float64(aligned)*chance) / float64(aligned)
	res.Score = (0.75*res.Coverage + 0.25*res.OriginCoverage) * min(1, mean/fullSimilarity)
	res.Strength = strength
	res.RareStrength = strength
	if qx.unitR != nil && cx.unitR != nil {
		res.RareStrength = rareStrength(qx, cx, al, scr, chance)
	}
	res.Evidence = passages(q, c, best, al.last)
	// A text of a few sentences cannot pile up the evidence of a long
	// one: below FullEvidenceSentences, the strength asked shrinks with
	// the square of the shorter text's sentence count, as the number of
	// sentence pairs that could have aligned by chance does.
	rendered := renderedSentences(qx, cx, best, al.last)
	res.Rendered = float64(rendered) / float64(n)
	k := float64(min(n, m)) / FullEvidenceSentences
	need := opts.TranslationStrength * min(1, k*k)
	floor := opts.MinTranslationTerms
	res.Lead = inPlace && rendered == n && m > 1
	// Found past the start of a longer candidate, a short query could
	// have aligned with any of its sentences, and chance has as many
	// tries as there are sentence pairs: the strength asked counts them
	// all (n·m), not the shorter text's alone. A chat line met in the
	// middle of a long news story by a few common words is no rendering
	// of it, while the lead of a text, or a copy that starts within its
	// first sentences, keeps the smaller ask (session 10: WMT22 false
	// origins uk-en 0.0169 → 0.0124, de-fr 0.0037 → 0, fr-de 0.0140 →
	// 0.0105, origins +8; newstest2014 K=1 −2).
	if !res.Lead && m > n && int(firstAligned(best)) >= max(2, n) {
		need = opts.TranslationStrength * min(1, float64(n*m)/(FullEvidenceSentences*FullEvidenceSentences))
	}
	if res.Lead && m > next && weakest >= leadEvidence {
		// The query renders the candidate's opening sentence for
		// sentence, and the candidate goes on: a lead kept by a
		// republisher. Where a sentence aligns is evidence of its own
		// when it could have aligned elsewhere — an unrelated text's
		// closest sentence is its first about once in m — so a
		// headline-length lead needs fewer words to show whose it is.
		// Against a text no longer than the query, aligning at the
		// start is forced and proves nothing; the full floor holds.
		floor = min(floor, minLeadTerms)
	}
	res.Verdict = Related
	if qUnits >= floor && strength >= need {
		res.Derived = res.Coverage >= opts.TranslationCoverage && res.Rendered >= opts.TranslationSentences
		// Two beads at least, not two query sentences in one: a long
		// text whose two sentences both match a one-line candidate has
		// not shown that it holds that candidate whole.
		if res.Derived || beads >= 2 && res.OriginCoverage >= opts.TranslationOriginCoverage && float64(rendered) >= wholeOriginSentences*float64(m) {
			res.Verdict = Translation
		}
	}
	return res
}

// firstAligned returns the first candidate sentence best aligns, or -1.
func firstAligned(best []int32) int32 {
	first := int32(-1)
	for _, cs := range best {
		if cs >= 0 && (first < 0 || cs < first) {
			first = cs
		}
	}
	return first
}

// runCoverage is cTerms, the weight of the candidate sentences al
// aligns, over the weight of the candidate sentences from the first
// aligned to the last.
func runCoverage(cx *xprep, al alignment, cTerms float64) float64 {
	first, last := int32(-1), int32(-1)
	for qs, cs := range al.first {
		if cs < 0 {
			continue
		}
		if first < 0 || cs < first {
			first = cs
		}
		last = max(last, al.last[qs])
	}
	span := 0.0
	for c := first; c <= last; c++ {
		span += cx.sents[c].weight
	}
	if span == 0 {
		return 0
	}
	return min(1, cTerms/span)
}

// leadEvidence is the evidence, (similarity − chance) × length
// agreement, that every aligned pair of a lead copy must show: a Dice of
// 0.4 between English and a language pivoted to it at equal lengths,
// twice SentenceSimilarity and far above the 0.2–0.3 that the first
// sentences of two texts on one subject reach.
const leadEvidence = 0.25

// minLeadTerms is the number of words and numbers in the aligned
// sentences of a lead copy below which it is still no translation: a
// lead of three words says too little even in first place.
const minLeadTerms = 4

// wholeOriginSentences is the share of the candidate's sentences a query
// must render to be its translation on origin coverage alone: the query
// holds the whole shorter text, not a few of its sentences.
const wholeOriginSentences = 0.8

// renderedSentences counts the query sentences a translation accounts
// for: the aligned ones (best[i] the first candidate sentence of query
// sentence i's bead, last[i] its last), and the sentences of a gap between
// two beads (or before the first, the two texts' starts being fixed points
// too, or after the last) that
// spans as many sentences on both sides, pair by pair, where their lengths
// agree as a translation's do — sentences the lexicon could not
// bridge, which a translator rendered in their place. Two reports of one
// event share their quotes and figures sentence by sentence too, but in
// between they say other things in other orders, and their gaps do not
// line up.
func renderedSentences(qx, cx *xprep, best, last []int32) int {
	n, pi, pj := 0, -1, -1
	for qs, cs := range best {
		if cs < 0 {
			continue
		}
		n++
		if gap := qs - pi - 1; int(cs)-pj-1 == gap {
			n += gapRendered(qx, cx, pi, pj, gap)
		}
		pi, pj = qs, int(last[qs])
	}
	if pi < 0 {
		return 0
	}
	// The texts' ends are a fixed point as well, when both end there: a
	// closing line the lexicon cannot bridge ("Дякую", thank you) stands
	// where its rendering does. A copy that stops early leaves the
	// candidate with more sentences after the last pair, and nothing
	// lines up.
	if gap := len(best) - pi - 1; len(cx.sents)-pj-1 == gap {
		n += gapRendered(qx, cx, pi, pj, gap)
	}
	return n
}

// gapRendered counts the pairs of a gap of gap sentences on both sides,
// after query sentence pi and candidate sentence pj, whose lengths agree.
func gapRendered(qx, cx *xprep, pi, pj, gap int) int {
	n := 0
	for k := 1; k <= gap; k++ {
		if lengthAgreement(qx.sents[pi+k].width, cx.sents[pj+k].width) >= gapLengthAgreement {
			n++
		}
	}
	return n
}

// gapLengthAgreement is the lengthAgreement from which two sentences in
// matching gaps count as rendering each other (a length ratio within
// about 1.6).
const gapLengthAgreement = 0.3

// unitWeight returns the weight a matched unit adds to a similarity's
// numerator; a weak unit, absent from its sentence's weight, adds one to
// both numerator and denominator through bonus.
func unitWeight(w float64, bonus *float64) float64 {
	if w == 0 {
		*bonus++
		return 1
	}
	return w
}

// alignMonotonic fills al with the monotonic alignment of query and
// candidate sentences that maximises the summed gain of its beads, where a
// bead's gain is its similarity above SentenceSimilarity less
// LengthPenalty times the log ratio of its two sides' lengths. A bead is
// one sentence on each side, or — as Gale and Church allow — two on one
// side and one on the other, where a translator merged two sentences or
// split one, or the two languages' punctuation cut them differently ("…
// gekauft? WiFi-Logo …" against "… acheté? le logo wifi …"), at a cost of
// mergeCost. Skipping a sentence on either side is free: a translation may
// cut or add sentences, and a partial copy is a run of its origin.
func alignMonotonic(qx, cx *xprep, sim []pairSim, opts Options, al alignment, scr *xscratch) {
	n, m := len(qx.sents), len(cx.sents)
	w := m + 1
	cells := (n + 1) * w
	// Every cell of rows and columns 1.. is written before it is read, so
	// only row and column 0 need clearing in reused tables.
	score := resized(&scr.score, cells)
	from := resized(&scr.from, cells) // 0 skip query, 1 skip candidate, 2 align, 3 two query sentences to one, 4 one to two
	clear(score[:w])
	// A bead's gain: its similarity above half the floor, less the
	// length prior on its two sides' widths.
	gain := func(s float64, lq, lc int) float64 {
		return s - opts.SentenceSimilarity*0.5 - opts.LengthPenalty*math.Abs(math.Log(float64(lq+1)/float64(lc+1)))
	}
	// sim is sorted by query then candidate sentence, the order the table
	// is filled in, so p walks it alongside instead of a lookup per cell.
	p := 0
	for i := 1; i <= n; i++ {
		score[i*w] = 0
		for j := 1; j <= m; j++ {
			k := i*w + j
			up, left := score[k-w], score[k-1]
			if up >= left {
				score[k], from[k] = up, 0
			} else {
				score[k], from[k] = left, 1
			}
			if p == len(sim) || int(sim[p].q) != i-1 || int(sim[p].c) != j-1 {
				continue
			}
			ps := sim[p]
			p++
			lq, lc := qx.sents[i-1].width, cx.sents[j-1].width
			if g := gain(ps.sim(), lq, lc); g > 0 && score[k-w-1]+g > score[k] {
				score[k], from[k] = score[k-w-1]+g, 2
			}
			// Merges: the other half of the bead must itself be similar
			// enough to be in sim.
			if i >= 2 {
				if o, ok := pairOf(sim, int32(i-2), int32(j-1)); ok {
					g := gain(mergedSim(ps, o, cx.sents[j-1].weight), lq+qx.sents[i-2].width, lc) - mergeCost
					if g > 0 && score[k-2*w-1]+g > score[k] {
						score[k], from[k] = score[k-2*w-1]+g, 3
					}
				}
			}
			if j >= 2 {
				if o, ok := pairOf(sim, int32(i-1), int32(j-2)); ok {
					g := gain(mergedSim(ps, o, qx.sents[i-1].weight), lq, lc+cx.sents[j-2].width) - mergeCost
					if g > 0 && score[k-w-2]+g > score[k] {
						score[k], from[k] = score[k-w-2]+g, 4
					}
				}
			}
		}
	}
	for i, j := n, m; i > 0 && j > 0; {
		switch from[i*w+j] {
		case 2:
			ps, _ := pairOf(sim, int32(i-1), int32(j-1))
			al.set(i-1, j-1, j-1, beadOne, ps.sim())
			i, j = i-1, j-1
		case 3:
			a, _ := pairOf(sim, int32(i-2), int32(j-1))
			b, _ := pairOf(sim, int32(i-1), int32(j-1))
			s := mergedSim(a, b, cx.sents[j-1].weight)
			al.set(i-2, j-1, j-1, beadFirstOfTwo, s)
			al.set(i-1, j-1, j-1, beadSecondOfTwo, s)
			i, j = i-2, j-1
		case 4:
			a, _ := pairOf(sim, int32(i-1), int32(j-2))
			b, _ := pairOf(sim, int32(i-1), int32(j-1))
			al.set(i-1, j-2, j-1, beadOneToTwo, mergedSim(a, b, qx.sents[i-1].weight))
			i, j = i-1, j-2
		case 0:
			i--
		default:
			j--
		}
	}
}

// absorbHalves turns a one-to-one bead into a two-to-one bead where the
// query sentence beside it is unaligned, is itself similar to the bead's
// candidate sentence — at minSim, or found in it for the most part (see
// halfContained) — makes the bead more similar, not less, and together
// with the aligned sentence matches the candidate sentence's length
// better than the aligned one alone: one sentence the translator split in
// two, or a chat message written without a full stop ("la synchronisation
// est finie, toujours pareil le livre est incomplet…" against "Die
// Synchronisation ist beendet, alles ist gleich geblieben. Das Buch ist
// unvollständig…"). A merge in the alignment must beat the aligned half
// alone by mergeCost, so that a merge is rarer than a one-to-one bead
// where both are possible; beside an unaligned sentence there is no such
// choice to make. The bead itself must reach minSim, the similarity floor
// as far above chance as for a pair with one side in English. A
// neighbour that shares only a name or a figure with the long sentence
// is another sentence of a report on the same event: absorbing any
// neighbour that shared a term made an independent German report of a
// ship's grounding a translation of the English one (the demo corpus).
func absorbHalves(qx, cx *xprep, sims []pairSim, scr *xscratch, al alignment, minSim float64) {
	n := len(al.first)
	for qs := range n {
		cs := al.first[qs]
		if cs < 0 || al.kind[qs] != beadOne || al.last[qs] != cs || al.sim[qs] < minSim {
			continue
		}
		lq, lc := qx.sents[qs].width, cx.sents[cs].width
		for _, h := range [2]int{qs - 1, qs + 1} {
			if h < 0 || h >= n || al.first[h] >= 0 || lengthAgreement(lq+qx.sents[h].width, lc) <= lengthAgreement(lq, lc) {
				continue
			}
			half, qn, ok := scr.pairAt(qx, cx, int32(h), cs)
			if !ok || half.sim() < minSim && (qx.sents[h].weight == 0 || qn < halfContained*qx.sents[h].weight) {
				continue
			}
			ps, _ := pairOf(sims, int32(qs), cs)
			s := mergedSim(ps, half, cx.sents[cs].weight)
			if s <= ps.sim() {
				continue // the half dilutes the pair: it is not the rest of the sentence
			}
			first, second := min(h, qs), max(h, qs)
			al.set(first, int(cs), int(cs), beadFirstOfTwo, s)
			al.set(second, int(cs), int(cs), beadSecondOfTwo, s)
			break
		}
	}
}

// halfContained is the share of a split sentence's half, by weight, that
// must find counterparts in the long sentence when its Dice similarity
// with it is below the floor: the long sentence's weight, not a want of
// matches, keeps a true half's Dice low, while a sentence of another
// report beside an aligned one shares a name or a figure with it, not
// most of its words.
const halfContained = 0.5

// pairAt returns the similarity of sentences qs and cs whatever the
// floor, the matched weight of qs's units, and whether they share a term
// at all: from the table of sums denseSimilarity kept or, where the pair
// was too large for the table, from the run of unit matches that
// sortedSimilarity left sorted by pair.
func (s *xscratch) pairAt(qx, cx *xprep, qs, cs int32) (ps pairSim, qn float64, ok bool) {
	if m := s.denseM; m > 0 {
		k := int(qs)*m + int(cs)
		if s.hit[k/64]&(1<<(k%64)) == 0 {
			return pairSim{}, 0, false
		}
		sum := s.sums[k]
		return pairSim{qs, cs, sum.qn + sum.cn, qx.sents[qs].weight + cx.sents[cs].weight + sum.bonus}, sum.qn, true
	}
	key := uint64(qs)<<32 | uint64(uint32(cs))
	i, found := slices.BinarySearchFunc(s.ms, key, func(x unitMatch, k uint64) int { return cmp.Compare(x.pair, k) })
	if !found {
		return pairSim{}, 0, false
	}
	j := i + 1
	for j < len(s.ms) && s.ms[j].pair == key {
		j++
	}
	qn, cn, bonus := pairSums(s.ms[i:j], cx, s)
	return pairSim{qs, cs, qn + cn, qx.sents[qs].weight + cx.sents[cs].weight + bonus}, qn, true
}

// clearDense zeroes the table of sums denseSimilarity kept, for the next
// comparison.
func (s *xscratch) clearDense() {
	if s.denseM == 0 {
		return
	}
	for w, word := range s.hit {
		for ; word != 0; word &= word - 1 {
			s.sums[w*64+bits.TrailingZeros64(word)] = pairSum{}
		}
		s.hit[w] = 0
	}
	s.denseM = 0
}

// rareSum is a sentence pair's matched rarity and its matched weak units.
type rareSum struct{ num, bonus float64 }

// rareStrength is the evidence of alignment al, as CompareTranslation
// sums it, with each unit's weight times its rarity (xprep.unitR). Each
// aligned sentence pair's similarity is summed as sentenceSimilarity
// sums it — the matched units' rarities over the two sentences', a
// matched weak unit counting one on both sides of the ratio — and a bead
// of two sentences to one is the pairs' mergedSim, as in the alignment.
// The matches are those sentenceSimilarity left in scr.
func rareStrength(qx, cx *xprep, al alignment, scr *xscratch, chance float64) float64 {
	n := len(qx.sents)
	// The aligned pairs: query sentence qs with candidate sentence
	// al.first[qs]+k, k being 0 or, in a one-to-two bead, 1.
	sums := resized(&scr.rsum, 2*n)
	clear(sums)
	add := func(pair int, w, r float64) {
		if w == 0 {
			sums[pair].num++
			sums[pair].bonus++
		} else {
			sums[pair].num += r
		}
	}
	// A unit counts once a pair. Each query unit is in one sentence,
	// which pairs with one or two candidate sentences: two bits a unit
	// mark it seen. A candidate sentence pairs with one query sentence,
	// or two in a bead of two — slot qs−first, again two bits a unit —
	// except where each query sentence took its best match (no
	// alignment) and two took the same one: those units' pairs are
	// sorted out in keys instead.
	owner := resized(&scr.rowner, len(cx.sents))
	for i := range owner {
		owner[i] = -1
	}
	for qs, cs := range al.first {
		if cs < 0 {
			continue
		}
		b := int32(qs)
		if al.kind[qs] == beadSecondOfTwo {
			b--
		}
		for c := cs; c <= al.last[qs]; c++ {
			if owner[c] == -1 {
				owner[c] = b
			} else if owner[c] != b {
				owner[c] = -2
			}
		}
	}
	words := func(bits int) int { return (bits + 63) / 64 }
	qSeen := resized(&scr.rqSeen, words(2*len(qx.unitW)))
	cSeen := resized(&scr.rcSeen, words(2*len(cx.unitW)))
	clear(qSeen)
	clear(cSeen)
	keys := scr.rkeys[:0]
	for _, x := range scr.ms {
		qs, cs := int32(x.pair>>32), int32(uint32(x.pair))
		f := al.first[qs]
		if f < 0 || cs < f || cs > al.last[qs] {
			continue
		}
		pair := 2*int(qs) + int(cs-f)
		if bit := 2*int(x.qu) + int(cs-f); qSeen[bit/64]&(1<<(bit%64)) == 0 {
			qSeen[bit/64] |= 1 << (bit % 64)
			add(pair, qx.unitW[x.qu], qx.unitR[x.qu])
		}
		if owner[cs] == -2 {
			keys = append(keys, uint64(pair)<<32|uint64(x.cu))
		} else if bit := 2*int(x.cu) + int(qs-owner[cs]); cSeen[bit/64]&(1<<(bit%64)) == 0 {
			cSeen[bit/64] |= 1 << (bit % 64)
			add(pair, cx.unitW[x.cu], cx.unitR[x.cu])
		}
	}
	if len(keys) > 0 {
		slices.Sort(keys)
		for _, k := range slices.Compact(keys) {
			u := int32(uint32(k))
			add(int(k>>32), cx.unitW[u], cx.unitR[u])
		}
	}
	scr.rkeys = keys
	cell := func(qs int, k int32) pairSim {
		s := sums[2*qs+int(k)]
		return pairSim{num: s.num, den: qx.sents[qs].rweight + cx.sents[al.first[qs]+k].rweight + s.bonus}
	}
	total := 0.0
	for qs, cs := range al.first {
		if cs < 0 {
			continue
		}
		var sim float64
		switch al.kind[qs] {
		case beadOneToTwo:
			sim = mergedSim(cell(qs, 0), cell(qs, 1), qx.sents[qs].rweight)
		case beadFirstOfTwo:
			sim = mergedSim(cell(qs, 0), cell(qs+1, 0), cx.sents[cs].rweight)
		case beadSecondOfTwo:
			sim = mergedSim(cell(qs-1, 0), cell(qs, 0), cx.sents[cs].rweight)
		default:
			if ps := cell(qs, 0); ps.den > 0 {
				sim = ps.sim()
			}
		}
		lq, lc := al.widths(qx, cx, qs)
		total += (sim - chance) * lengthAgreement(lq, lc)
	}
	return total
}
