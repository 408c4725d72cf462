package reindexcmd_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/newstrace/newstrace/internal/cli/clitest"
	"github.com/newstrace/newstrace/internal/lexicon"
	"github.com/newstrace/newstrace/internal/provenance"
	"github.com/newstrace/newstrace/internal/store/sqlite"
)

// importTSV writes the data directory's lexicon from a French word list.
func importTSV(t *testing.T, dir, tsv string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "fr-en.tsv")
	if err := os.WriteFile(path, []byte(tsv), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := clitest.Run(t, dir, "lexicon", "import", "--dir", "", "--apertium", "", "--hunspell", "", "--libreoffice", "", "--iso-codes", "", "--glibc-locales", "",
		"--tsv", path, "--from", "fr", "--to", "en"); err != nil {
		t.Fatal(err)
	}
}

// storedXling returns the stored cross-lingual sketch of id and the one
// the data directory's lexicon makes of the stored article now.
func storedXling(t *testing.T, dir, id string) (stored, fresh []uint64) {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(dir, "newstrace.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.Sketches(ctx, provenance.SketchXling, func(got string, keys []uint64) error {
		if got == id {
			stored = keys
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(filepath.Join(dir, "lexicon.bin"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	lex, err := lexicon.Read(f)
	if err != nil {
		t.Fatal(err)
	}
	a, err := st.Get(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	for _, sk := range provenance.NewSketcherWithLexicon(lex).Sketches(a) {
		if sk.Kind == provenance.SketchXling {
			fresh = sk.Keys
		}
	}
	return stored, fresh
}

// Articles ingested under one lexicon keep its keys; after a new lexicon,
// reindex stores the keys the new one makes.
func TestReindexAfterNewLexicon(t *testing.T) {
	dir := t.TempDir()
	importTSV(t, dir, "chat\tcat\n")
	corpus := filepath.Join(t.TempDir(), "c.jsonl")
	line := `{"id":"fr-1","lang":"fr","site":"exemple.fr","published":"2025-03-01T10:00:00Z","text":"Le ministre a présenté le budget devant le parlement mardi."}` + "\n"
	if err := os.WriteFile(corpus, []byte(line), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := clitest.Run(t, dir, "ingest", corpus); err != nil {
		t.Fatal(err)
	}
	if _, errOut, err := clitest.Run(t, dir, "ingest", corpus); err != nil || strings.Contains(errOut.String(), "Stale sketches") {
		t.Fatalf("same lexicon: %v, stderr %q", err, errOut)
	}
	importTSV(t, dir, "ministre\tminister\nbudget\tbudget\nparlement\tparliament\nprésenter\tpresent\n")
	before, fresh := storedXling(t, dir, "fr-1")
	if slices.Equal(before, fresh) {
		t.Fatal("the new lexicon makes the same keys: the test shows nothing")
	}
	// Commands that trace say the store's sketches are another
	// lexicon's, until reindex.
	if _, errOut, err := clitest.Run(t, dir, "trace", "fr-1"); err != nil || !strings.Contains(errOut.String(), "newstrace reindex") {
		t.Errorf("trace under a new lexicon: %v, stderr %q; want a warning naming reindex", err, errOut)
	}
	out, _, err := clitest.Run(t, dir, "reindex")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "re-sketched 1 articles, 0 errors") {
		t.Errorf("output %q", out)
	}
	after, fresh := storedXling(t, dir, "fr-1")
	if !slices.Equal(after, fresh) {
		t.Errorf("after reindex the stored keys %v are not the new lexicon's %v", after, fresh)
	}
	if _, errOut, err := clitest.Run(t, dir, "trace", "fr-1"); err != nil || strings.Contains(errOut.String(), "Stale sketches") {
		t.Errorf("trace after reindex: %v, stderr %q; want no warning", err, errOut)
	}
}
