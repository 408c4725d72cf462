package extract

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"unicode/utf8"

	"github.com/newstrace/newstrace/internal/article"
)

// FuzzExtract feeds arbitrary bytes to Extract and FromText: neither may
// panic, text must be valid UTF-8, and Annotate must be idempotent.
func FuzzExtract(f *testing.F) {
	for _, name := range []string{"republished.html", "scripted-body.html", "cp1252.html", "koi8r.html"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("Site | Banner\nA title\n\nBody.\n\nLien source"))
	f.Add([]byte(`<script type="application/ld+json">{"@type":"NewsArticle","articleBody":"<p>x</p>"}</script>`))
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, read := range []func([]byte) (*article.Article, error){
			func(b []byte) (*article.Article, error) {
				return Extract(bytes.NewReader(b), Options{NoFallback: true})
			},
			func(b []byte) (*article.Article, error) { return FromText(bytes.NewReader(b), Options{}) },
		} {
			a, err := read(b)
			if err != nil {
				continue
			}
			if !utf8.ValidString(a.Text) || a.Text == "" {
				t.Fatalf("bad text %q", a.Text)
			}
			markers := append([]article.Marker(nil), a.Markers...)
			links := append([]article.Link(nil), a.Links...)
			src := a.AttributedSource
			Annotate(a)
			if !slices.Equal(markers, a.Markers) || !slices.Equal(links, a.Links) || src != a.AttributedSource {
				t.Fatalf("Annotate not idempotent:\n%+v\n%+v", markers, a.Markers)
			}
		}
	})
}
