package provenance

import (
	"github.com/newstrace/newstrace/internal/article"
	"github.com/newstrace/newstrace/internal/lexicon"
	"github.com/newstrace/newstrace/internal/match"
	"github.com/newstrace/newstrace/internal/store"
)

// Store sketch kinds.
const (
	// SketchMinHash is the kind of same-language MinHash band keys.
	SketchMinHash = "minhash"
	// SketchXling is the kind of cross-lingual pivot-term keys
	// (match.XlingKeys): publication day, language, then the hashes of
	// the article's numbers, names and English pivot stems.
	SketchXling = "xling"
)

// Sketcher computes the sketches an article is stored and indexed under.
// The zero value uses match's default options and no lexicon: its
// cross-lingual sketch then holds anchors, cognates and, for English
// articles, English stems, and a Tracer with a lexicon still finds it.
type Sketcher struct {
	Match match.Options
}

// NewSketcher returns a Sketcher with default options and no lexicon.
func NewSketcher() *Sketcher { return &Sketcher{} }

// NewSketcherWithLexicon returns a Sketcher whose cross-lingual sketches
// pivot words to English through lex (nil for none).
func NewSketcherWithLexicon(lex *lexicon.Lexicon) *Sketcher {
	return &Sketcher{Match: match.Options{Pivot: match.NewPivoter(lex)}}
}

// Sketches returns the article's keys per sketch kind.
func (s *Sketcher) Sketches(a *article.Article) []store.Sketch {
	p := match.Prepare(a, s.Match)
	return []store.Sketch{
		{Kind: SketchMinHash, Keys: p.Bands()},
		{Kind: SketchXling, Keys: match.XlingKeys(p)},
	}
}
