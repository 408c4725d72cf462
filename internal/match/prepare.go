package match

import (
	"slices"
	"sync"

	"github.com/newstrace/newstrace/internal/article"
	"github.com/newstrace/newstrace/internal/fingerprint"
	"github.com/newstrace/newstrace/internal/text"
)

// Prepared is an article analysed once for matching: its paragraphs split
// into sentences, each sentence's alignment shingles, and the whole text's
// MinHash signature and LSH bands. Compare prepares both articles on every
// call; a tracer that compares one article with many candidates prepares
// each article once and calls ComparePrepared, which then costs a merge of
// two sorted lists rather than a re-analysis. A Prepared is read-only and
// safe for concurrent use.
type Prepared struct {
	Article    *article.Article
	Paragraphs []string
	// Signature is the MinHash signature of the whole text's terms.
	Signature fingerprint.Signature

	bands     []uint64
	sentences []sentence
	// postings lists each sentence's distinct alignment shingles as
	// (hash, sentence) pairs sorted by hash, so two articles align by
	// merging their lists.
	postings []posting
	terms    int // terms in all sentences
	key      prepKey

	// The cross-lingual analysis, computed on first use.
	pivot   *Pivoter
	rarity  func(uint64) float64
	signals Signals
	xonce   sync.Once
	x       *xprep
}

// sentence is one sentence of a paragraph.
type sentence struct {
	para       int
	start, end int // byte offsets into the paragraph
	terms      int // number of terms
	shingles   int // number of distinct alignment shingles
}

type posting struct {
	hash uint64
	sent int32
}

// prepKey records what a Prepared's shingles depend on: only articles
// prepared alike can be aligned.
type prepKey struct {
	seed  uint64
	align int
}

// Prepare analyses a for matching with the analyzer of its language.
func Prepare(a *article.Article, opts Options) *Prepared {
	opts = opts.withDefaults()
	an := text.ForLang(a.Lang)
	p := &Prepared{
		Article:    a,
		Paragraphs: a.Paragraphs(),
		key:        prepKey{seed: opts.Params.Seed, align: opts.AlignShingle},
		pivot:      opts.Pivot,
		rarity:     opts.Rarity,
		signals:    opts.Signals,
	}
	// Analyse the whole text in one pass (stems are memoised per call),
	// then cut the terms into sentences; Sentences breaks at line ends, so
	// no sentence spans two paragraphs.
	joined := article.JoinParagraphs(p.Paragraphs)
	toks := an.TermTokens(joined)
	all := make([]string, len(toks))
	for i, tk := range toks {
		all[i] = tk.Term
	}
	paraStart := make([]int, len(p.Paragraphs))
	for i := 1; i < len(p.Paragraphs); i++ {
		paraStart[i] = paraStart[i-1] + len(p.Paragraphs[i-1]) + len("\n\n")
	}
	pi, ti := 0, 0
	for _, sp := range text.Sentences(joined) {
		for pi+1 < len(paraStart) && paraStart[pi+1] <= sp.Start {
			pi++
		}
		for ti < len(toks) && toks[ti].Start < sp.Start {
			ti++
		}
		first := ti
		for ti < len(toks) && toks[ti].End <= sp.End {
			ti++
		}
		if ti == first {
			continue
		}
		terms := all[first:ti]
		sh := fingerprint.Shingles(terms, opts.AlignShingle, opts.Params.Seed)
		slices.Sort(sh)
		sh = slices.Compact(sh)
		si := int32(len(p.sentences))
		for _, h := range sh {
			p.postings = append(p.postings, posting{h, si})
		}
		p.sentences = append(p.sentences, sentence{
			para:     pi,
			start:    sp.Start - paraStart[pi],
			end:      sp.End - paraStart[pi],
			terms:    len(terms),
			shingles: len(sh),
		})
		p.terms += len(terms)
	}
	slices.SortFunc(p.postings, func(a, b posting) int {
		switch {
		case a.hash < b.hash:
			return -1
		case a.hash > b.hash:
			return 1
		}
		return int(a.sent - b.sent)
	})
	p.Signature = fingerprint.Compute(all, opts.Params)
	p.bands = p.Signature.Bands(opts.Params)
	return p
}

// Bands returns the LSH band keys of the article, for Index.Add and
// Index.Candidates.
func (p *Prepared) Bands() []uint64 { return p.bands }

// Sentences returns the number of sentences the article was split into.
func (p *Prepared) Sentences() int { return len(p.sentences) }

// Words returns the number of words and numbers in the article's
// sentences, as its language's analyzer cut them (a Japanese or Chinese
// text is segmented, not split at spaces).
func (p *Prepared) Words() int { return p.terms }
