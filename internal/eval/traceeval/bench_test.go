package traceeval

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/newstrace/newstrace/internal/eval/corpus"
	"github.com/newstrace/newstrace/internal/sharedtest"
	"github.com/newstrace/newstrace/internal/store/sqlite"
)

// BenchmarkTrace traces every article of newstest2014 (all pairs pooled)
// against the others, with a new Tracer per iteration so that each one
// pays for warming the index and preparing the articles, as a run of
// `newstrace eval` does. Ingest happens once, outside the timer.
func BenchmarkTrace(b *testing.B) {
	ctx := context.Background()
	arts, err := corpus.ImportNewstest(ctx, sharedtest.Path(b, "eval", "newstest2014"), corpus.Options{})
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
	if _, err := load(ctx, st, path, 0, nil, nil); err != nil {
		b.Fatal(err)
	}
	stored, err := storedArticles(ctx, st)
	if err != nil {
		b.Fatal(err)
	}

	var docs int
	for b.Loop() {
		preds, failed, err := TraceAll(ctx, st, stored, 0, nil, nil)
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
