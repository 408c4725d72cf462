package artifact

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newstrace/newstrace/internal/article"
	"github.com/newstrace/newstrace/internal/match"
)

// BenchmarkText runs Text over the fictional French seed repeated to the
// length of a long article (about 1,500 words).
func BenchmarkText(b *testing.B) {
	seed, err := os.ReadFile(filepath.Join("testdata", "seed.txt"))
	if err != nil {
		b.Fatal(err)
	}
	a := &article.Article{Lang: "fr", Text: strings.Repeat(string(seed)+"\n\n", 20)}
	b.SetBytes(int64(len(a.Text)))
	for b.Loop() {
		Text(a)
	}
}

// BenchmarkPair runs Pair over twenty aligned passages.
func BenchmarkPair(b *testing.B) {
	seed, err := os.ReadFile(filepath.Join("testdata", "seed.txt"))
	if err != nil {
		b.Fatal(err)
	}
	q := strings.ReplaceAll(string(seed), "Scholz", "Schulz")
	c := &article.Article{Lang: "fr", Text: strings.Repeat(q+"\n\n", 20)}
	o := &article.Article{Lang: "en", Text: strings.Repeat(string(seed)+"\n\n", 20)}
	var ps []match.Passage
	for i := range 20 {
		ps = append(ps, match.Passage{Query: i, Origin: i, QueryText: q, OriginText: string(seed)})
	}
	for b.Loop() {
		Pair(c, o, ps)
	}
}
