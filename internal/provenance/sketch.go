package provenance

import (
	"github.com/newstrace/newstrace/internal/article"
	"github.com/newstrace/newstrace/internal/match"
	"github.com/newstrace/newstrace/internal/store"
)

// SketchMinHash is the store sketch kind of same-language MinHash bands.
const SketchMinHash = "minhash"

// Sketcher computes the sketches an article is stored and indexed under.
// The zero value uses match's default options.
type Sketcher struct {
	Match match.Options
}

// NewSketcher returns a Sketcher with default options.
func NewSketcher() *Sketcher { return &Sketcher{} }

// Sketches returns the article's band keys per sketch kind.
func (s *Sketcher) Sketches(a *article.Article) []store.Sketch {
	p := match.Prepare(a, s.Match)
	return []store.Sketch{{Kind: SketchMinHash, Keys: p.Bands()}}
}
