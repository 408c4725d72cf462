package evalcmd

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/newstrace/newstrace/internal/eval/extraction"
	"github.com/newstrace/newstrace/internal/eval/metrics"
	"github.com/newstrace/newstrace/internal/eval/traceeval"
)

// table writes rows under a header: aligned with upper-case headers for a
// person at a terminal, tab-separated under the snake_case metric names
// (as in --json) for a program otherwise.
type table struct {
	w   io.Writer
	tw  *tabwriter.Writer
	tty bool
}

func newTable(w io.Writer, tty bool, header ...string) *table {
	t := &table{w: w, tty: tty}
	if tty {
		t.tw = tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
		t.w = t.tw
		for i, h := range header {
			header[i] = strings.ToUpper(h)
		}
	}
	t.row(header...)
	return t
}

func (t *table) row(cells ...string) {
	fmt.Fprintln(t.w, strings.Join(cells, "\t"))
}

func (t *table) flush() error {
	if t.tw != nil {
		return t.tw.Flush()
	}
	return nil
}

func ratio(f float64) string { return fmt.Sprintf("%.3f", f) }
func rate(f float64) string  { return fmt.Sprintf("%.1f", f) }

// renderTrace prints the overall scores, then one row per language pair.
// Speeds are of the whole run, so pair rows leave them empty ("-" on a
// terminal).
func renderTrace(w io.Writer, tty bool, res *traceeval.Result) error {
	t := newTable(w, tty, "pair", "docs", "copy_queries", "origin_accuracy", "false_origin_rate",
		"pair_precision", "pair_recall", "pair_f1", "docs_per_second", "ingest_docs_per_second")
	cells := func(name string, r *metrics.Report) []string {
		return []string{name, fmt.Sprint(r.Docs), fmt.Sprint(r.CopyQueries), ratio(r.OriginAccuracy),
			ratio(r.FalseOriginRate), ratio(r.PairPrecision), ratio(r.PairRecall), ratio(r.PairF1)}
	}
	t.row(append(cells("all", res.Report), rate(res.DocsPerSecond), rate(res.IngestDocsPerSecond))...)
	none := ""
	if tty {
		none = "-"
	}
	for _, k := range slices.Sorted(maps.Keys(res.ByPair)) {
		t.row(append(cells(k, res.ByPair[k]), none, none)...)
	}
	if err := t.flush(); err != nil {
		return err
	}
	if tty {
		fmt.Fprintf(w, "\ningest %d docs in %s; trace %d docs in %s\n",
			res.Ingest.Docs, timing(res.Ingest.Docs, res.IngestSeconds, res.IngestCPUSeconds),
			res.Docs, timing(res.Docs, res.TraceSeconds, res.TraceCPUSeconds))
	}
	return nil
}

// timing says how long n docs took, in wall and CPU time.
func timing(n int, secs, cpu float64) string {
	s := fmt.Sprintf("%.1fs (%.1f docs/s", secs, perSecond(n, secs))
	if cpu > 0 {
		s += fmt.Sprintf(", %.1f per CPU-second", perSecond(n, cpu))
	}
	return s + ")"
}

func perSecond(n int, secs float64) float64 {
	if secs <= 0 {
		return 0
	}
	return float64(n) / secs
}

// renderExtraction prints one row of extraction scores.
func renderExtraction(w io.Writer, tty bool, r *extraction.Report) error {
	t := newTable(w, tty, "set", "pages", "failed", "precision", "recall", "f1",
		"date_accuracy", "title_accuracy", "pages_per_second")
	set := r.Set
	if r.Baseline {
		set += " (baseline)"
	}
	t.row(set, fmt.Sprint(r.Pages), fmt.Sprint(r.Failed), ratio(r.Precision), ratio(r.Recall), ratio(r.F1),
		ratio(r.DateAccuracy), ratio(r.TitleAccuracy), rate(r.PagesPerSecond))
	return t.flush()
}
