package artifact

import (
	"fmt"
	"strings"
	"testing"

	"github.com/newstrace/newstrace/internal/article"
)

// driftCounts runs Pair over every translation of arts against its gold
// origin, paragraph by paragraph, and counts findings per group.
type driftCounts struct {
	docs, skipped, findings map[string]int
	examples                map[string][]string
}

func countDrift(arts []*article.Article, group func(*article.Article) string) driftCounts {
	byID := map[string]*article.Article{}
	for _, a := range arts {
		byID[a.ID] = a
	}
	dc := driftCounts{docs: map[string]int{}, skipped: map[string]int{}, findings: map[string]int{}, examples: map[string][]string{}}
	for _, a := range arts {
		g := group(a)
		if g == "" || a.Gold == nil || a.Gold.Origin == "" {
			continue
		}
		o := byID[a.Gold.Origin]
		if o == nil {
			continue
		}
		ps := paragraphPassages(a, o)
		if ps == nil {
			dc.skipped[g]++
			continue
		}
		dc.docs[g]++
		for _, f := range Pair(a, o, ps) {
			dc.findings[g]++
			dc.examples[g] = append(dc.examples[g], fmt.Sprintf("%s %s→%s: %s", a.ID, o.Lang, a.Lang, f.Detail))
		}
	}
	return dc
}

// TestNameDriftHumanTranslations measures name drift on human
// translations, where every finding is a false positive: newstest2014
// references against their sources (en↔cs/de/fr/hi/ru), and the WMT22
// references and system outputs against their sources. Run with -v for the
// table.
func TestNameDriftHumanTranslations(t *testing.T) {
	if testing.Short() {
		t.Skip("imports newstest2014 and WMT22")
	}
	nt := countDrift(loadNewstest(t), func(a *article.Article) string {
		if a.Gold == nil || a.Gold.Relation != article.RelationTranslation {
			return ""
		}
		return "nt14-ref"
	})
	wmt := countDrift(loadWMT(t), func(a *article.Article) string {
		if !strings.Contains(a.Site, "wmt22-news.") {
			return ""
		}
		if s := side(a); s != "src" {
			return "wmt22-" + s
		}
		return ""
	})
	var b strings.Builder
	fmt.Fprintf(&b, "%-12s %6s %8s %9s %9s\n", "set", "docs", "skipped", "findings", "per doc")
	for _, row := range []struct {
		name string
		dc   driftCounts
		g    string
	}{{"nt14-ref", nt, "nt14-ref"}, {"wmt22-ref", wmt, "wmt22-ref"}, {"wmt22-hyp", wmt, "wmt22-hyp"}} {
		d := row.dc.docs[row.g]
		fmt.Fprintf(&b, "%-12s %6d %8d %9d %9.4f\n", row.name, d, row.dc.skipped[row.g], row.dc.findings[row.g], float64(row.dc.findings[row.g])/float64(max(d, 1)))
	}
	for _, g := range []string{"nt14-ref"} {
		for _, e := range nt.examples[g] {
			b.WriteString("  " + g + " " + e + "\n")
		}
	}
	for _, g := range []string{"wmt22-ref", "wmt22-hyp"} {
		for _, e := range wmt.examples[g] {
			b.WriteString("  " + g + " " + e + "\n")
		}
	}
	t.Log("\n" + b.String())
	if rate := float64(nt.findings["nt14-ref"]) / float64(max(nt.docs["nt14-ref"], 1)); rate > 0.02 {
		t.Errorf("name drift on human translations: %.4f false positives per document, want at most 0.02", rate)
	}
}
