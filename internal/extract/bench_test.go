package extract

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/newstrace/newstrace/internal/sharedtest"
)

// BenchmarkExtract extracts a few real pages of the
// article-extraction-benchmark, with and without trafilatura's fallback.
func BenchmarkExtract(b *testing.B) {
	dir := sharedtest.Path(b, "eval", "extraction", "aeb", "html")
	entries, err := os.ReadDir(dir)
	if err != nil {
		b.Fatal(err)
	}
	var pages [][]byte
	for _, e := range entries[:min(8, len(entries))] {
		pages = append(pages, readGz(b, filepath.Join(dir, e.Name())))
	}
	for _, bc := range []struct {
		name string
		opts Options
	}{{"fallback", Options{}}, {"nofallback", Options{NoFallback: true}}} {
		b.Run(bc.name, func(b *testing.B) {
			n := 0
			for b.Loop() {
				p := pages[n%len(pages)]
				n++
				if _, err := Extract(bytes.NewReader(p), bc.opts); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
