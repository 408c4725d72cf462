package traceeval

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/newstrace/newstrace/internal/eval/corpus"
	"github.com/newstrace/newstrace/internal/store/sqlite"
)

// sharedDir finds ../shared beside the module root, or skips.
func sharedDir(tb testing.TB) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Skip("go.mod not found above the package; no ../shared")
		}
		dir = parent
	}
	shared := filepath.Join(dir, "..", "shared")
	if _, err := os.Stat(filepath.Join(shared, "eval", "newstest2014")); err != nil {
		tb.Skipf("shared data not found at %s", shared)
	}
	return shared
}

// BenchmarkTrace traces every article of newstest2014 (all pairs pooled)
// against the others, with a new Tracer per iteration so that each one
// pays for warming the index and preparing the articles, as a run of
// `newstrace eval` does. Ingest happens once, outside the timer.
func BenchmarkTrace(b *testing.B) {
	shared := sharedDir(b)
	ctx := context.Background()
	arts, err := corpus.ImportNewstest(ctx, filepath.Join(shared, "eval", "newstest2014"), corpus.Options{})
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	path := filepath.Join(dir, "newstest2014.jsonl")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	if err := corpus.WriteJSONL(f, arts); err != nil {
		b.Fatal(err)
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
	st, err := sqlite.Open(ctx, filepath.Join(dir, "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	if _, err := load(ctx, st, path, 0, nil); err != nil {
		b.Fatal(err)
	}
	stored, err := storedArticles(ctx, st)
	if err != nil {
		b.Fatal(err)
	}

	var docs int
	for b.Loop() {
		preds, failed, err := TraceAll(ctx, st, stored, 0, nil)
		if err != nil {
			b.Fatal(err)
		}
		if failed > 0 {
			b.Fatalf("%d of %d traces failed", failed, len(stored))
		}
		docs += len(preds)
	}
	b.ReportMetric(float64(docs)/b.Elapsed().Seconds(), "docs/s")
}
