package extraction

import (
	"strings"
	"unicode"
)

// counts are true/false positive and negative tallies.
type counts struct {
	tp, fp, fn, tn float64
}

// tokens splits text into runs of letters, digits and underscores, the
// \w+ tokenisation of the article-extraction-benchmark's evaluate.py.
// Case is kept, as there.
func tokens(text string) []string {
	return strings.FieldsFunc(text, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsNumber(r) || r == '_')
	})
}

// shingles returns the multiset of word n-grams of text. A text shorter
// than n words gives one shingle of all its words, as evaluate.py does.
func shingles(text string, n int) map[string]int {
	toks := tokens(text)
	out := map[string]int{}
	if len(toks) == 0 {
		return out
	}
	last := max(1, len(toks)-n+1)
	for i := 0; i < last; i++ {
		out[strings.Join(toks[i:min(i+n, len(toks))], "\x00")]++
	}
	return out
}

// multisetMatch counts the overlap of two multisets: matched items are
// true positives, surplus predicted items false positives, missing gold
// items false negatives.
func multisetMatch(gold, pred map[string]int) counts {
	var c counts
	for k, g := range gold {
		p := pred[k]
		c.tp += float64(min(g, p))
		c.fn += float64(max(0, g-p))
	}
	for k, p := range pred {
		c.fp += float64(max(0, p-gold[k]))
	}
	return c
}

// shingleCounts is evaluate.py's string_shingle_matching: word 4-gram
// multiset overlap of gold and predicted article bodies.
func shingleCounts(gold, pred string) counts {
	return multisetMatch(shingles(gold, 4), shingles(pred, 4))
}

// tokenCounts is the bag-of-tokens overlap of gold and predicted text.
func tokenCounts(gold, pred string) counts {
	bag := func(s string) map[string]int {
		m := map[string]int{}
		for _, t := range tokens(s) {
			m[t]++
		}
		return m
	}
	return multisetMatch(bag(gold), bag(pred))
}

// pageScores returns the per-page precision and recall of evaluate.py,
// and whether each is defined: precision is undefined for a page with
// nothing predicted, recall for a page with an empty gold text.
func pageScores(c counts) (p float64, pOK bool, r float64, rOK bool) {
	if c.tp+c.fp > 0 {
		pOK = true
		if c.fp != 0 || c.fn != 0 {
			p = c.tp / (c.tp + c.fp)
		} else {
			p = 1
		}
	}
	if c.tp+c.fn > 0 {
		rOK = true
		if c.fp != 0 || c.fn != 0 {
			r = c.tp / (c.tp + c.fn)
		} else {
			r = 1
		}
	}
	return p, pOK, r, rOK
}

// macro averages per-page precision and recall over the pages where each
// is defined; F1 is taken from the averages, as evaluate.py does.
type macro struct {
	pSum, rSum float64
	pN, rN     int
}

func (m *macro) add(c counts) {
	p, pOK, r, rOK := pageScores(c)
	if pOK {
		m.pSum += p
		m.pN++
	}
	if rOK {
		m.rSum += r
		m.rN++
	}
}

func (m *macro) scores() (p, r, f1 float64) {
	if m.pN > 0 {
		p = m.pSum / float64(m.pN)
	}
	if m.rN > 0 {
		r = m.rSum / float64(m.rN)
	}
	return p, r, harmonic(p, r)
}

// micro are the pooled scores of the trafilatura set: each "with" string
// found is a true positive, each "without" string found a false positive.
func (c counts) micro() (p, r, f1 float64) {
	if c.tp+c.fp > 0 {
		p = c.tp / (c.tp + c.fp)
	}
	if c.tp+c.fn > 0 {
		r = c.tp / (c.tp + c.fn)
	}
	if d := 2*c.tp + c.fp + c.fn; d > 0 {
		f1 = 2 * c.tp / d
	}
	return p, r, f1
}

func harmonic(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// withWithout scores one page of the trafilatura set.
func withWithout(text string, with, without []string) counts {
	var c counts
	text = squashSpace(text)
	for _, s := range with {
		if text != "" && strings.Contains(text, squashSpace(s)) {
			c.tp++
		} else {
			c.fn++
		}
	}
	for _, s := range without {
		if text != "" && strings.Contains(text, squashSpace(s)) {
			c.fp++
		} else {
			c.tn++
		}
	}
	return c
}

// squashSpace collapses white space runs to one space, so that where an
// extractor breaks lines does not decide whether a phrase is found.
func squashSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// sameTitle compares titles ignoring case and spacing.
func sameTitle(a, b string) bool {
	return strings.EqualFold(squashSpace(a), squashSpace(b))
}
