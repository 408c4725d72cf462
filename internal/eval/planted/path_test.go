package planted

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/newstrace/newstrace/internal/cli/clitest"
	"github.com/newstrace/newstrace/internal/cli/factory"
	"github.com/newstrace/newstrace/internal/cli/iostreams"
	"github.com/newstrace/newstrace/internal/cli/lexiconcmd"
	"github.com/newstrace/newstrace/internal/lexicon"
	"github.com/newstrace/newstrace/internal/provenance"
	"github.com/newstrace/newstrace/internal/store/sqlite"
)

// TestChainPaths traces the planted chains and compares each report's path
// (origin → intermediate copy → article) with the planted one. It logs the
// share of exact paths and of right origins; it asserts that every path
// starts at the reported origin and ends at the article, and that the
// same-language copies, which the engine resolves reliably, get their
// two-hop path exactly.
func TestChainPaths(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	corpus := filepath.Join(dir, "chains.jsonl")
	f, err := os.Create(corpus)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.ReadFrom(Chains()); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if _, _, err := clitest.Run(t, dir, "ingest", corpus); err != nil {
		t.Fatal(err)
	}
	st, err := sqlite.Open(ctx, filepath.Join(dir, "newstrace.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	tr, err := provenance.NewTracer(ctx, st, provenance.Options{Lexicon: loadLexicon(t)})
	if err != nil {
		t.Fatal(err)
	}
	paths, err := Paths()
	if err != nil {
		t.Fatal(err)
	}
	exact, origins, copies := 0, 0, 0
	for id, want := range paths {
		rep, err := tr.TraceID(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, h := range rep.Path {
			got = append(got, h.ID)
		}
		if rep.Origin != nil && (len(got) < 2 || got[0] != rep.Origin.ID || got[len(got)-1] != id) {
			t.Errorf("%s: path %v does not run from origin %s to the article", id, got, rep.Origin.ID)
		}
		if rep.Origin != nil && rep.Origin.ID == want[0] {
			origins++
		}
		if slices.Equal(got, want) {
			exact++
		}
		if len(want) == 2 {
			copies++
			if !slices.Equal(got, want) {
				t.Errorf("%s: path %v, want the copy's path %v", id, got, want)
			}
		}
		if testing.Verbose() && !slices.Equal(got, want) {
			t.Logf("%s: path %v, planted %v", id, got, want)
		}
	}
	t.Logf("planted chains: %d articles with a path; origin right %d, exact path %d (%.2f); copies %d",
		len(paths), origins, exact, float64(exact)/float64(len(paths)), copies)
}

// loadLexicon loads the lexicon the way the commands do ($DATA, else the
// installed FreeDict dictionaries, cached), or nil where there is none.
func loadLexicon(t *testing.T) *lexicon.Lexicon {
	t.Helper()
	ios, _, _, _ := iostreams.Test()
	lex, err := lexiconcmd.Load(context.Background(), factory.NewTest(ios, t.TempDir()), io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	return lex
}
