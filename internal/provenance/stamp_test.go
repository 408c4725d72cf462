package provenance

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/newstrace/newstrace/internal/article"
	"github.com/newstrace/newstrace/internal/lexicon"
	"github.com/newstrace/newstrace/internal/store/sqlite"
)

// writtenLexicon imports a French word list and returns it as read back
// from its file, as commands load it.
func writtenLexicon(t *testing.T, tsv string) *lexicon.Lexicon {
	t.Helper()
	l, err := lexicon.ImportTSV(context.Background(), strings.NewReader(tsv), "fr", "en")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := l.Write(&buf); err != nil {
		t.Fatal(err)
	}
	r, err := lexicon.Read(&buf)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestSketcherStamp(t *testing.T) {
	if got := NewSketcher().Stamp(); got != fmt.Sprintf("sketch %d; no lexicon", SketchVersion) {
		t.Errorf("no lexicon: stamp %q", got)
	}
	mem, err := lexicon.ImportTSV(context.Background(), strings.NewReader("chat\tcat\n"), "fr", "en")
	if err != nil {
		t.Fatal(err)
	}
	if got := NewSketcherWithLexicon(mem).Stamp(); got != "" {
		t.Errorf("a lexicon never written: stamp %q, want none", got)
	}
	a := NewSketcherWithLexicon(writtenLexicon(t, "chat\tcat\n")).Stamp()
	b := NewSketcherWithLexicon(writtenLexicon(t, "chat\tcat\n")).Stamp()
	c := NewSketcherWithLexicon(writtenLexicon(t, "chat\tcat\nchien\tdog\n")).Stamp()
	if !strings.HasPrefix(a, fmt.Sprintf("sketch %d; lexicon ", SketchVersion)) || a != b || a == c {
		t.Errorf("stamps %q, %q (same lexicon), %q (another): want the first two equal, the third apart", a, b, c)
	}
}

func TestCheckStore(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, sqlite.Memory)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	old := NewSketcherWithLexicon(writtenLexicon(t, "chat\tcat\n"))
	cur := NewSketcherWithLexicon(writtenLexicon(t, "chat\tcat\nchien\tdog\n"))

	// An empty store takes the stamp of the first sketcher that checks it.
	if w, err := old.CheckStore(ctx, st); err != nil || w != "" {
		t.Fatalf("empty store: warning %q, %v", w, err)
	}
	if got, _ := st.Setting(ctx, SketchesSetting); got != old.Stamp() {
		t.Errorf("stored stamp %q, want %q", got, old.Stamp())
	}
	if w, err := old.CheckStore(ctx, st); err != nil || w != "" {
		t.Errorf("same sketcher: warning %q, %v", w, err)
	}
	// Another lexicon is told, with both stamps, and the store's stamp
	// stays until a reindex records the new one.
	w, err := cur.CheckStore(ctx, st)
	if err != nil || !strings.Contains(w, old.Stamp()) || !strings.Contains(w, cur.Stamp()) || !strings.Contains(w, "newstrace reindex") {
		t.Errorf("other lexicon: warning %q, %v", w, err)
	}
	if got, _ := st.Setting(ctx, SketchesSetting); got != old.Stamp() {
		t.Errorf("a check changed the stored stamp to %q", got)
	}

	// A store with articles and no stamp was sketched before stamps.
	pre, err := sqlite.Open(ctx, sqlite.Memory)
	if err != nil {
		t.Fatal(err)
	}
	defer pre.Close()
	a := article.New()
	a.ID, a.Lang, a.Text = "a1", "fr", "Le chat dort."
	if _, _, err := pre.Put(ctx, a, cur.Sketches(a)); err != nil {
		t.Fatal(err)
	}
	if w, err := cur.CheckStore(ctx, pre); err != nil || !strings.Contains(w, "1 articles were sketched by an earlier newstrace") {
		t.Errorf("store from before stamps: warning %q, %v", w, err)
	}
}
