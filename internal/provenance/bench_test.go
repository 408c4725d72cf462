package provenance

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/newstrace/newstrace/internal/eval/corpus"
	"github.com/newstrace/newstrace/internal/match"
	"github.com/newstrace/newstrace/internal/sharedtest"
	"github.com/newstrace/newstrace/internal/store/sqlite"
)

// BenchmarkTraceNewstest measures tracing once ingested: newstest2014's
// 1,358 articles (five languages) stored with both sketches, the Tracer
// warmed (index and analysis cache, as after a first pass), then each
// iteration traces one stored article against all the others, same- and
// cross-lingual. Run with -cpu 1 for the per-core rate. The lexicon comes
// from NEWSTRACE_LEXICON, else the installed dictionaries.
func BenchmarkTraceNewstest(b *testing.B) {
	ctx := context.Background()
	arts, err := corpus.ImportNewstest(ctx, sharedtest.Path(b, "eval", "newstest2014"), corpus.Options{})
	if err != nil {
		b.Fatal(err)
	}
	lex := evalLexicon(b)
	st, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	mopts := match.Options{Pivot: match.NewPivoter(lex)}
	sk := &Sketcher{Match: mopts}
	for _, a := range arts {
		if _, _, err := st.Put(ctx, a, sk.Sketches(a)); err != nil {
			b.Fatal(err)
		}
	}
	tr, err := NewTracer(ctx, st, Options{Match: mopts})
	if err != nil {
		b.Fatal(err)
	}
	for _, a := range arts {
		if _, err := tr.TraceID(ctx, a.ID); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	i := 0
	for b.Loop() {
		if _, err := tr.TraceID(ctx, arts[i%len(arts)].ID); err != nil {
			b.Fatal(err)
		}
		i++
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}
