package sitemap

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// FuzzParseSitemap: no panic, limits hold, and a sitemap that parses
// survives Marshal → Parse unchanged.
func FuzzParseSitemap(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.xml")
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`<sitemapindex><sitemap><loc> x </loc><lastmod>2024</lastmod></sitemap></sitemapindex>`))
	f.Fuzz(func(t *testing.T, b []byte) {
		sm, err := Parse(bytes.NewReader(b))
		if err != nil {
			return
		}
		if len(sm.URLs)+len(sm.Sitemaps) > MaxEntries {
			t.Fatalf("%d entries", len(sm.URLs)+len(sm.Sitemaps))
		}
		var out bytes.Buffer
		if err := Marshal(&out, sm); err != nil {
			t.Fatalf("marshal: %v", err)
		}
		again, err := Parse(&out)
		if err != nil {
			t.Fatalf("reparse: %v\n%s", err, out.String())
		}
		if !reflect.DeepEqual(sm, again) {
			t.Fatalf("changed:\n%+v\n%+v\n%s", sm, again, out.String())
		}
	})
}
