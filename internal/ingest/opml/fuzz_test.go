package opml

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// FuzzParseOPML: no panic, and a document that parses survives
// Marshal → Parse with the same feeds.
func FuzzParseOPML(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.opml")
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`<opml><body><outline xmlUrl="x"><outline xmlUrl="y" text="&amp;"/></outline></body></opml>`))
	f.Fuzz(func(t *testing.T, b []byte) {
		doc, err := Parse(bytes.NewReader(b))
		if err != nil {
			return
		}
		feeds := doc.Feeds()
		var out bytes.Buffer
		if err := Marshal(&out, doc); err != nil {
			t.Fatalf("marshal: %v", err)
		}
		again, err := Parse(&out)
		if err != nil {
			t.Fatalf("reparse: %v\n%s", err, out.String())
		}
		if got := again.Feeds(); !reflect.DeepEqual(feeds, got) {
			t.Fatalf("feeds changed:\n%+v\n%+v", feeds, got)
		}
	})
}
