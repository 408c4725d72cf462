package corpus

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

func addSeeds(f *testing.F, pattern string) {
	files, err := filepath.Glob(pattern)
	if err != nil || len(files) == 0 {
		f.Fatalf("no seeds for %s", pattern)
	}
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
}

// FuzzParseSGML checks that any input parses without panic into segments
// that are trimmed, single-spaced and free of tags.
func FuzzParseSGML(f *testing.F) {
	addSeeds(f, filepath.Join("testdata", "newstest", "*.sgm"))
	f.Add([]byte(`<doc docid=a origlang=en><p><seg>x &amp y<seg id=2>z</doc`))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, d := range parseSGML(data) {
			for _, s := range d.Segs {
				if s.Text != strings.TrimSpace(s.Text) || strings.Contains(s.Text, "  ") {
					t.Errorf("segment not normalized: %q", s.Text)
				}
				if utf8.ValidString(string(data)) && strings.Contains(s.Text, "</seg>") {
					t.Errorf("segment holds a closing tag: %q", s.Text)
				}
			}
			title, text := buildText(d.Segs, true)
			if title == "" && text == "" && len(d.Segs) > 0 && d.Segs[0].Text != "" {
				t.Errorf("non-empty segments gave no text")
			}
		}
	})
}

// FuzzParseWMT checks that any input streams without panic and that every
// article it yields has an id, a text and gold.
func FuzzParseWMT(f *testing.F) {
	addSeeds(f, filepath.Join("testdata", "*.xml"))
	f.Fuzz(func(t *testing.T, data []byte) {
		arts, err := parseWMT(context.Background(), bytes.NewReader(data), "xx-yy", "fuzz.xml", map[string][]string{})
		if err != nil {
			return
		}
		for _, a := range arts {
			if a.ID == "" || a.Text == "" || a.Gold == nil || a.Gold.Group == "" {
				t.Errorf("incomplete article %+v", a)
			}
			for _, k := range []int{1, 2} {
				if cut := firstSentences(a.Text, k); len(cut) > len(a.Text) {
					t.Errorf("firstSentences(%d) grew the text", k)
				}
			}
		}
	})
}
