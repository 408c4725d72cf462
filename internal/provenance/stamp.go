package provenance

import (
	"context"
	"fmt"

	"github.com/newstrace/newstrace/internal/store"
)

// SketchVersion names how Sketches makes keys, the lexicon aside. Bump it
// on any change to the keys an article is indexed under (match's pivot
// terms, loanword keys, band sizes), so that a store sketched before is
// told to reindex.
const SketchVersion = 3

// SketchesSetting is the store setting that names how the store's
// sketches were made (Sketcher.Stamp).
const SketchesSetting = "sketches"

// Stamp names how s makes sketches: its SketchVersion and its lexicon's
// fingerprint, "sketch 2; lexicon 85099817 crc32 1a2b3c4d" or "sketch 2;
// no lexicon". It is "" when the lexicon's content has no name (one built
// in memory and never written), and nothing can be said.
func (s *Sketcher) Stamp() string {
	if s.Match.Pivot == nil || s.Match.Pivot.Lexicon() == nil {
		return fmt.Sprintf("sketch %d; no lexicon", SketchVersion)
	}
	lex := s.Match.Pivot.Lexicon()
	if lex.Fingerprint() == "" {
		return ""
	}
	return fmt.Sprintf("sketch %d; %s", SketchVersion, lex.Fingerprint())
}

// CheckStore compares how st's sketches were made with how s makes them.
// An empty store takes s's stamp. It returns a warning to show the user
// when they differ, or when st holds articles sketched before stores
// recorded it: a query sketched one way finds fewer of the stored
// articles sketched another, so cross-lingual copies go unfound until
// `newstrace reindex` sketches the store again (and records the stamp).
func (s *Sketcher) CheckStore(ctx context.Context, st store.Store) (warning string, err error) {
	mine := s.Stamp()
	if mine == "" {
		return "", nil
	}
	stored, err := st.Setting(ctx, SketchesSetting)
	if err != nil || stored == mine {
		return "", err
	}
	if stored == "" {
		n, err := st.Count(ctx)
		if err != nil {
			return "", err
		}
		if n == 0 {
			return "", st.SetSetting(ctx, SketchesSetting, mine)
		}
		return fmt.Sprintf("the store's %d articles were sketched by an earlier newstrace, which did not record its lexicon: cross-lingual copies may go unfound until `newstrace reindex`", n), nil
	}
	return fmt.Sprintf("the store's sketches were made with %q, this command makes them with %q: cross-lingual copies may go unfound until `newstrace reindex`", stored, mine), nil
}
