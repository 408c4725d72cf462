package registry

import (
	"bytes"
	"testing"
)

// FuzzParse feeds arbitrary user files through parsing, merging, lookup
// and labelling: a bad file must give an error, never a panic, and a file
// that loads must give an index where every domain finds its own outlet.
func FuzzParse(f *testing.F) {
	f.Add(embeddedJSON)
	f.Add([]byte(`{"outlets": [{"id": "x", "name": "X", "cite": ["wikipedia-tass"], "domains": ["x.example"]}]}`))
	f.Add([]byte(`{"citations": {"c": {"title": "T", "url": "https://e.example", "date": "2024-02"}}, "outlets": []}`))
	base, err := parse(EmbeddedFile, bytes.NewReader(embeddedJSON))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := parse("fuzz.json", bytes.NewReader(data))
		if err != nil {
			return
		}
		r, err := build([]*document{base, d})
		if err != nil {
			return
		}
		for _, o := range r.Outlets() {
			_ = Label(o)
			for _, dom := range o.Domains {
				if got, ok := r.Lookup("https://a." + dom + "/"); !ok || got != o {
					t.Errorf("domain %q of %q looks up %v", dom, o.ID, got)
				}
			}
		}
	})
}
