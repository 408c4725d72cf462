package match

import (
	"slices"

	"github.com/newstrace/newstrace/internal/article"
)

// Compare aligns query q with candidate origin c and decides their relation.
// It prepares both articles on each call; see Prepared to prepare once.
func Compare(q, c *article.Article, opts Options) Result {
	return ComparePrepared(Prepare(q, opts), Prepare(c, opts), opts)
}

// ComparePair compares prepared articles by the path their languages call
// for: CompareTranslation when both languages are known and differ,
// ComparePrepared otherwise.
func ComparePair(q, c *Prepared, opts Options) Result {
	if CrossLingual(q.Article, c.Article) {
		return CompareTranslation(q, c, opts)
	}
	return ComparePrepared(q, c, opts)
}

// CrossLingual reports whether a and b are in known, different languages.
func CrossLingual(a, b *article.Article) bool {
	la, lb := primaryLang(a.Lang), primaryLang(b.Lang)
	return la != "" && lb != "" && la != lb
}

// ComparePrepared is Compare on prepared articles. Both must have been
// prepared with the same Params.Seed and AlignShingle as opts, or nothing
// aligns and the verdict is None.
//
// Each query sentence aligns with the candidate sentence it shares the most
// alignment shingles with, when they are at least SentenceContainment of
// its own; coverage counts terms of aligned sentences. The verdict is, in
// order: Copy when both coverages reach CopyCoverage; EditedCopy when the
// query coverage reaches EditedCoverage or the origin coverage reaches
// EditedOriginCoverage; Related when at least MinRelatedTerms query terms
// align; None otherwise. Copy and EditedCopy also need MinCopyTerms aligned.
func ComparePrepared(q, c *Prepared, opts Options) Result {
	opts = opts.withDefaults()
	res := Result{Verdict: None, Evidence: []Passage{}}
	key := prepKey{seed: opts.Params.Seed, align: opts.AlignShingle}
	if q.key != key || c.key != key || q.terms == 0 || c.terms == 0 {
		return res
	}

	best := make([]int32, len(q.sentences)) // aligned candidate sentence, or -1
	bestShared := make([]int, len(q.sentences))
	for i := range best {
		best[i] = -1
	}
	cAligned := make([]bool, len(c.sentences))
	pairs := sharedPairs(q.postings, c.postings)
	for i := 0; i < len(pairs); {
		j := i
		for j < len(pairs) && pairs[j] == pairs[i] {
			j++
		}
		qs, cs, shared := int32(pairs[i]>>32), int32(uint32(pairs[i])), j-i
		i = j
		if aligns(shared, q.sentences[qs], opts.SentenceContainment) && shared > bestShared[qs] {
			best[qs], bestShared[qs] = cs, shared
		}
		if aligns(shared, c.sentences[cs], opts.SentenceContainment) {
			cAligned[cs] = true
		}
	}

	qTerms := 0
	for qs, cs := range best {
		if cs >= 0 {
			qTerms += q.sentences[qs].terms
			cAligned[cs] = true
		}
	}
	cTerms := 0
	for cs, ok := range cAligned {
		if ok {
			cTerms += c.sentences[cs].terms
		}
	}
	res.Coverage = float64(qTerms) / float64(q.terms)
	res.OriginCoverage = float64(cTerms) / float64(c.terms)
	res.Score = 0.75*res.Coverage + 0.25*res.OriginCoverage
	res.Evidence = passages(q, c, best, best)

	switch {
	case qTerms >= opts.MinCopyTerms && res.Coverage >= opts.CopyCoverage && res.OriginCoverage >= opts.CopyCoverage:
		res.Verdict, res.Derived = Copy, true
	case qTerms >= opts.MinCopyTerms && (res.Coverage >= opts.EditedCoverage || res.OriginCoverage >= opts.EditedOriginCoverage):
		res.Verdict, res.Derived = EditedCopy, res.Coverage >= opts.EditedCoverage
	case qTerms >= opts.MinRelatedTerms:
		res.Verdict = Related
	}
	return res
}

// aligns reports whether a sentence sharing shared distinct shingles with
// a sentence of the other text is found there: at least the given share of
// its shingles, and two of them, except for a three-term sentence, whose
// single shingle is the whole sentence.
func aligns(shared int, s sentence, containment float64) bool {
	if float64(shared) < containment*float64(s.shingles) {
		return false
	}
	return shared >= 2 || (s.shingles == 1 && s.terms >= 3)
}

// maxFanout bounds the sentence pairs one shared shingle may vote for, so
// a stock phrase repeated all over two texts costs no quadratic time; such
// a phrase tells nothing about which sentences align anyway.
const maxFanout = 64

// sharedPairs merges two hash-sorted posting lists and returns, sorted, one
// entry (query sentence << 32 | candidate sentence) per shingle the two
// sentences share.
func sharedPairs(a, b []posting) []uint64 {
	var pairs []uint64
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i].hash < b[j].hash:
			i++
		case a[i].hash > b[j].hash:
			j++
		default:
			h := a[i].hash
			i2, j2 := i, j
			for i2 < len(a) && a[i2].hash == h {
				i2++
			}
			for j2 < len(b) && b[j2].hash == h {
				j2++
			}
			if (i2-i)*(j2-j) <= maxFanout {
				for _, x := range a[i:i2] {
					for _, y := range b[j:j2] {
						pairs = append(pairs, uint64(x.sent)<<32|uint64(uint32(y.sent)))
					}
				}
			}
			i, j = i2, j2
		}
	}
	slices.Sort(pairs)
	return pairs
}

// passages groups aligned query sentences by (query paragraph, candidate
// paragraph), in query order. Query sentences come in paragraph order, so
// the passages of one query paragraph are the last ones opened, and a
// short scan of those finds the one a sentence extends; a map of them
// cost more than the rest of the grouping. last[i] is the last candidate
// sentence rendering query sentence i (best[i] but where one query
// sentence renders two).
func passages(q, c *Prepared, best, last []int32) []Passage {
	type span struct {
		q, c                       int // paragraphs
		qStart, qEnd, cStart, cEnd int
		terms                      int
	}
	paraTerms := make([]int, len(q.Paragraphs))
	for _, s := range q.sentences {
		paraTerms[s.para] += s.terms
	}
	var spans []span
	open := 0 // spans[open:] are the current query paragraph's
	for qs, cs := range best {
		if cs < 0 {
			continue
		}
		qsent, csent := q.sentences[qs], c.sentences[cs]
		if open < len(spans) && spans[open].q != qsent.para {
			open = len(spans)
		}
		k := open
		for k < len(spans) && spans[k].c != csent.para {
			k++
		}
		if k == len(spans) {
			spans = append(spans, span{q: qsent.para, c: csent.para, qStart: qsent.start, cStart: csent.start, cEnd: csent.end})
		}
		sp := &spans[k]
		sp.qEnd = qsent.end
		sp.cStart, sp.cEnd = min(sp.cStart, csent.start), max(sp.cEnd, csent.end)
		if l := c.sentences[last[qs]]; l.para == csent.para {
			sp.cEnd = max(sp.cEnd, l.end)
		}
		sp.terms += qsent.terms
	}
	out := make([]Passage, 0, len(spans))
	for _, sp := range spans {
		out = append(out, Passage{
			Query:      sp.q,
			Origin:     sp.c,
			QueryText:  q.Paragraphs[sp.q][sp.qStart:sp.qEnd],
			OriginText: c.Paragraphs[sp.c][sp.cStart:sp.cEnd],
			Score:      float64(sp.terms) / float64(paraTerms[sp.q]),
		})
	}
	return out
}
