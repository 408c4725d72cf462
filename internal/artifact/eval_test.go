package artifact

import (
	"context"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/newstrace/newstrace/internal/article"
	"github.com/newstrace/newstrace/internal/eval/corpus"
	"github.com/newstrace/newstrace/internal/match"
	"github.com/newstrace/newstrace/internal/sharedtest"
)

// The evaluation sets are read once per test binary: they take a few
// seconds to import.
var (
	wmtOnce  sync.Once
	wmtArts  []*article.Article
	wmtErr   error
	nt14Once sync.Once
	nt14Arts []*article.Article
	nt14Err  error
)

func loadWMT(t *testing.T) []*article.Article {
	t.Helper()
	dir := sharedtest.Path(t, "eval", "wmt22")
	wmtOnce.Do(func() {
		files, _ := filepath.Glob(filepath.Join(dir, "*.xml"))
		wmtArts, wmtErr = corpus.ImportWMT(context.Background(), files, corpus.Options{})
	})
	if wmtErr != nil {
		t.Fatal(wmtErr)
	}
	return wmtArts
}

func loadNewstest(t *testing.T) []*article.Article {
	t.Helper()
	dir := sharedtest.Path(t, "eval", "newstest2014")
	nt14Once.Do(func() {
		nt14Arts, nt14Err = corpus.ImportNewstest(context.Background(), dir, corpus.Options{})
	})
	if nt14Err != nil {
		t.Fatal(nt14Err)
	}
	return nt14Arts
}

// side says whether a WMT22 article is a source, a human reference or a
// machine translation.
func side(a *article.Article) string {
	switch {
	case strings.Contains(a.ID, "-hyp-"):
		return "hyp"
	case strings.Contains(a.ID, "-ref-"):
		return "ref"
	}
	return "src"
}

// wordCount counts the words of a's text.
func wordCount(a *article.Article) int { return len(words(a.Text)) }

// rateTable counts findings of every rule (disabled ones included) per
// 1,000 words in groups of articles.
type rateTable struct {
	words  map[string]int
	counts map[string]map[string]int // group → rule → count
}

func newRateTable() *rateTable {
	return &rateTable{words: map[string]int{}, counts: map[string]map[string]int{}}
}

func (r *rateTable) add(group string, a *article.Article) {
	r.words[group] += wordCount(a)
	if r.counts[group] == nil {
		r.counts[group] = map[string]int{}
	}
	for _, f := range textFindings(a, true) {
		r.counts[group][f.Kind+"/"+f.Rule]++
	}
}

func (r *rateTable) rate(group, rule string) float64 {
	if r.words[group] == 0 {
		return 0
	}
	return float64(r.counts[group][rule]) * 1000 / float64(r.words[group])
}

func (r *rateTable) rules() []string {
	set := map[string]bool{}
	for _, c := range r.counts {
		for k := range c {
			set[k] = true
		}
	}
	var out []string
	for k := range set {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// TestRatesMachineVersusHuman is the measurement behind the rule states:
// WMT22 system outputs against the human references of the same
// documents, per rule, findings per 1,000 words. Run with -v to see the
// table. Every enabled rule must fire more often in machine output; every
// strong one at least twice as often.
func TestRatesMachineVersusHuman(t *testing.T) {
	if testing.Short() {
		t.Skip("imports all of WMT22")
	}
	rt := newRateTable()
	for _, a := range loadWMT(t) {
		s := side(a)
		if s == "src" {
			continue
		}
		if strings.Contains(a.Site, "wmt22-news.") {
			rt.add(s, a)
		}
		rt.add(s+"-all", a) // every domain: more text, less news-like
	}
	for _, a := range loadNewstest(t) {
		if a.Gold != nil && a.Gold.Relation == article.RelationTranslation {
			rt.add("nt14-ref", a)
		}
	}
	var b strings.Builder
	groups := []string{"hyp", "ref", "nt14-ref", "hyp-all", "ref-all"}
	fmt.Fprintf(&b, "%-30s", "words")
	for _, g := range groups {
		fmt.Fprintf(&b, " %14d", rt.words[g])
	}
	fmt.Fprintf(&b, "\n%-30s", "rule: per 1k words (count)")
	for _, g := range groups {
		fmt.Fprintf(&b, " %14s", g)
	}
	b.WriteByte('\n')
	for _, rule := range rt.rules() {
		fmt.Fprintf(&b, "%-30s", rule)
		for _, g := range groups {
			fmt.Fprintf(&b, " %8.4f(%4d)", rt.rate(g, rule), rt.counts[g][rule])
		}
		b.WriteByte('\n')
	}
	t.Log("\n" + b.String())
	human := func(rule string) float64 {
		n := rt.counts["ref-all"][rule] + rt.counts["nt14-ref"][rule]
		return float64(n) * 1000 / float64(rt.words["ref-all"]+rt.words["nt14-ref"])
	}
	for _, rule := range rt.rules() {
		kind, name, _ := strings.Cut(rule, "/")
		st := stateOf(kind, name)
		if !st.enabled {
			continue
		}
		hyp, hum := rt.rate("hyp-all", rule), human(rule)
		if hyp < hum || (hum > 0 && hyp == hum) {
			t.Errorf("%s is enabled but fires no more in machine output (%.4f) than in human (%.4f)", rule, hyp, hum)
		}
		if !st.weak && (rt.counts["hyp-all"][rule] < 10 || hyp < 3*hum) {
			t.Errorf("%s is strong on too little evidence: %d findings, %.4f per 1k in machine output against %.4f in human",
				rule, rt.counts["hyp-all"][rule], hyp, hum)
		}
	}
}

// stateOf returns the state of a rule.
func stateOf(kind, rule string) ruleState {
	switch kind {
	case KindBrokenQuotes:
		return quoteRules[rule]
	case KindUntranslated:
		return untranslatedRules[rule]
	case KindNumberFormat:
		return numberRules[rule]
	}
	return ruleState{}
}

// paragraphPassages aligns two segment-aligned evaluation articles
// paragraph by paragraph, or returns nil when their paragraph counts differ.
func paragraphPassages(q, o *article.Article) []match.Passage {
	qp, op := q.Paragraphs(), o.Paragraphs()
	if len(qp) != len(op) {
		return nil
	}
	out := make([]match.Passage, len(qp))
	for i := range qp {
		out[i] = match.Passage{Query: i, Origin: i, QueryText: qp[i], OriginText: op[i]}
	}
	return out
}
