package artifact

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/newstrace/newstrace/internal/article"
	"github.com/newstrace/newstrace/internal/match"
)

// FuzzText checks that no input makes Text or Pair panic, that findings
// point at a paragraph that exists, and that spans of valid input are
// valid UTF-8.
func FuzzText(f *testing.F) {
	for _, s := range []string{
		"le faire », » a déclaré", "fausses. « absurdité. »", "3.5 Prozent", "Интерфакс", `"groß"ist`,
		"«", "»", "„“", "\xff«\xfe", "1,000,000", "the of the and",
	} {
		f.Add("fr", s)
		f.Add("de", s)
	}
	if b, err := os.ReadFile(filepath.Join("testdata", "seed.txt")); err == nil {
		f.Add("fr", string(b))
	}
	f.Fuzz(func(t *testing.T, lang, s string) {
		a := &article.Article{Lang: lang, Text: s}
		n := len(a.Paragraphs())
		for _, fd := range Text(a) {
			if fd.Paragraph < 0 || fd.Paragraph >= n {
				t.Fatalf("paragraph %d out of range [0,%d)", fd.Paragraph, n)
			}
			if utf8.ValidString(s) && !utf8.ValidString(fd.Query) {
				t.Fatalf("invalid UTF-8 span %q", fd.Query)
			}
		}
		o := &article.Article{Lang: "en", Text: s + " Scholz"}
		Pair(a, o, []match.Passage{{QueryText: s, OriginText: s + " Olaf Scholz"}})
	})
}
