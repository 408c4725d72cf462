package ingest_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/newstrace/newstrace/internal/eval/corpus"
	"github.com/newstrace/newstrace/internal/ingest"
	"github.com/newstrace/newstrace/internal/lang"
	"github.com/newstrace/newstrace/internal/provenance"
	"github.com/newstrace/newstrace/internal/sharedtest"
	"github.com/newstrace/newstrace/internal/store/sqlite"
)

// BenchmarkIngestText ingests plain-text articles (newstest2014's, one
// file each) into a fresh SQLite store on one worker: extraction,
// language ID, sketching and storage. Reports docs/s.
func BenchmarkIngestText(b *testing.B) {
	arts, err := corpus.ImportNewstest(context.Background(), sharedtest.Path(b, "eval", "newstest2014"), corpus.Options{})
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	for i, a := range arts[:300] {
		p := filepath.Join(dir, fmt.Sprintf("%04d.txt", i))
		if err := os.WriteFile(p, []byte(a.Title+"\n\n"+a.Text), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	benchIngest(b, dir, 300)
}

// BenchmarkIngestHTML does the same for the 181 real news pages of the
// article-extraction benchmark (gzip HTML).
func BenchmarkIngestHTML(b *testing.B) {
	benchIngest(b, sharedtest.Path(b, "eval", "extraction", "aeb", "html"), 181)
}

func benchIngest(b *testing.B, dir string, docs int) {
	ctx := context.Background()
	det := lang.New()
	b.ResetTimer()
	for b.Loop() {
		b.StopTimer()
		st, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "s.db"))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		stats, err := ingest.Run(ctx, []string{dir}, ingest.Options{
			Store: st, Sketcher: provenance.NewSketcher(), Lang: det, Workers: 1,
		})
		if err != nil {
			b.Fatal(err)
		}
		if stats.Created < docs*9/10 {
			b.Fatalf("only %d of %d documents stored (%d errors)", stats.Created, docs, stats.Errors)
		}
		b.StopTimer()
		st.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(docs*b.N)/b.Elapsed().Seconds(), "docs/s")
}
