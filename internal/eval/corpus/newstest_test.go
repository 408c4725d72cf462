package corpus

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newstrace/newstrace/internal/article"
	"github.com/newstrace/newstrace/internal/sharedtest"
)

func byID(arts []*article.Article) map[string]*article.Article {
	m := make(map[string]*article.Article, len(arts))
	for _, a := range arts {
		m[a.ID] = a
	}
	return m
}

func TestImportNewstestFixture(t *testing.T) {
	arts, conflicts, err := importNewstest(context.Background(), filepath.Join("testdata", "newstest"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, a := range arts {
		ids = append(ids, a.ID)
	}
	want := "nt14-1-example-en nt14-1-example-de nt14-1-example-fr nt14-2-lemondefr-fr nt14-2-lemondefr-en nt14-3-example.de-de nt14-3-example.de-en"
	if got := strings.Join(ids, " "); got != want {
		t.Fatalf("ids:\n got %s\nwant %s", got, want)
	}
	m := byID(arts)

	// The English original is one article although three files hold it;
	// the file missing its headline is outvoted and reported.
	en := m["nt14-1-example-en"]
	if en.Title != "Cat saves village from flood" {
		t.Errorf("title %q", en.Title)
	}
	if want := "The cat Minou woke the people of Valbourg at three in the morning. The water was already rising. According to Mr. Durand, the mayor, nobody was hurt. The village will give the cat & its owner a medal."; en.Text != want {
		t.Errorf("text %q, want %q", en.Text, want)
	}
	if en.Gold.Relation != article.RelationOriginal || en.Gold.Origin != "" || en.Gold.Group != "nt14-1-example" {
		t.Errorf("original gold %+v", en.Gold)
	}
	if en.Site != "example" {
		t.Errorf("site %q", en.Site)
	}
	if len(conflicts) != 1 || conflicts[0].DocID != "1-example" || conflicts[0].Lang != "en" || conflicts[0].Variants != 2 || len(conflicts[0].Files) != 3 {
		t.Errorf("conflicts %+v", conflicts)
	}

	for _, id := range []string{"nt14-1-example-fr", "nt14-1-example-de"} {
		a := m[id]
		if a.Gold.Origin != "nt14-1-example-en" || a.Gold.Group != "nt14-1-example" || a.Gold.Relation != article.RelationTranslation {
			t.Errorf("%s gold %+v", id, a.Gold)
		}
		if !a.PublishedAt.After(en.PublishedAt) || a.PublishedAt.Sub(en.PublishedAt).Hours() > 48 {
			t.Errorf("%s published %v, original %v", id, a.PublishedAt, en.PublishedAt)
		}
	}

	// Unquoted attributes, and a docid the Hindi-style source file spells
	// with ".com": the majority spelling wins.
	if a := m["nt14-2-lemondefr-fr"]; a.Title != "Le festival du fromage fête ses 3.5 siècles" || a.Site != "lemondefr" {
		t.Errorf("unquoted attributes: %+v", a)
	}
	if a := m["nt14-3-example.de-en"]; a.Text != "After two years of building, the bridge in Altenfeld is finished. Cyclists may use it from Monday." || a.Title != "New bridge over the Lenne opened" {
		t.Errorf("unclosed seg and stray tags: title %q text %q", a.Title, a.Text)
	}
}

func TestImportNewstestConditions(t *testing.T) {
	dir := filepath.Join("testdata", "newstest")
	drop, err := ImportNewstest(context.Background(), dir, Options{DropOrigins: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(drop) != 4 {
		t.Errorf("DropOrigins kept %d articles, want 4", len(drop))
	}
	for _, a := range drop {
		if a.Gold.Relation == article.RelationOriginal {
			t.Errorf("DropOrigins kept original %s", a.ID)
		}
	}
	partial, err := ImportNewstest(context.Background(), dir, Options{PartialK: 1})
	if err != nil {
		t.Fatal(err)
	}
	m := byID(partial)
	if got := m["nt14-1-example-fr"].Text; got != "Le chat Minou a réveillé les habitants de Valbourg à 3 h du matin." {
		t.Errorf("PartialK=1 translation %q", got)
	}
	if got := m["nt14-1-example-en"].Text; !strings.HasSuffix(got, "a medal.") {
		t.Errorf("PartialK cut the original: %q", got)
	}
}

func TestImportNewstestShared(t *testing.T) {
	dir := sharedtest.Path(t, "eval", "newstest2014")
	arts, conflicts, err := importNewstest(context.Background(), dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != 1358 {
		t.Errorf("got %d articles, want 1358", len(arts))
	}
	m := byID(arts)
	originals := map[string]int{}
	translations := map[string]int{} // origin → count
	for _, a := range arts {
		switch a.Gold.Relation {
		case article.RelationOriginal:
			originals[a.Lang]++
		case article.RelationTranslation:
			o := m[a.Gold.Origin]
			if o == nil {
				t.Fatalf("%s: origin %s missing", a.ID, a.Gold.Origin)
			}
			if o.Gold.Group != a.Gold.Group || o.Lang == a.Lang || !a.PublishedAt.After(o.PublishedAt) {
				t.Errorf("%s: bad translation of %s", a.ID, o.ID)
			}
			translations[o.ID]++
		}
		if a.Text == "" {
			t.Errorf("%s: empty text", a.ID)
		}
	}
	want := map[string]int{"en": 68, "cs": 73, "de": 96, "fr": 108, "hi": 91, "ru": 107}
	for lang, n := range want {
		if originals[lang] != n {
			t.Errorf("%d %s originals, want %d", originals[lang], lang, n)
		}
	}
	for id, n := range translations {
		if wantN := map[bool]int{true: 5, false: 1}[m[id].Lang == "en"]; n != wantN {
			t.Errorf("%s has %d translations, want %d", id, n, wantN)
		}
	}
	// The 68 shared English originals are word for word the same in every
	// pair but for these five, where a pair splits, merges or drops segments.
	var got []string
	for _, c := range conflicts {
		got = append(got, c.DocID+"/"+c.Lang)
	}
	if g, w := strings.Join(got, " "), "1902-ft/en 2774-news.com.au/en 2850-ft/en 3618-news.com.au/en 414-bbc/en"; g != w {
		t.Errorf("conflicts %s, want %s", g, w)
	}
	if a := m["nt14-1009-lemondefr-fr"]; a == nil || a.Title != `Spectaculaire saut en "wingsuit" au-dessus de Bogota` {
		t.Errorf("1009-lemondefr: %+v", a)
	}
	// The Hindi source file spells docids "…-jagran.com"; the others "…-jagran".
	if m["nt14-1025-jagran-hi"] == nil || m["nt14-1025-jagran-en"] == nil {
		t.Error("1025-jagran not joined across its files")
	}

	drop, err := ImportNewstest(context.Background(), dir, Options{DropOrigins: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(drop) != 1358-68-475 {
		t.Errorf("DropOrigins: %d articles, want %d", len(drop), 1358-68-475)
	}
	partial, err := ImportNewstest(context.Background(), dir, Options{PartialK: 1})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range partial {
		if a.Gold.Relation == article.RelationTranslation {
			if n := len(splitSentences(a.Text)); n != 1 || strings.Contains(a.Text, "\n") {
				t.Errorf("%s: PartialK=1 left %d sentences: %q", a.ID, n, a.Text)
			}
		}
	}
}

func BenchmarkImportNewstest(b *testing.B) {
	dir := sharedtest.Path(b, "eval", "newstest2014")
	for b.Loop() {
		if _, err := ImportNewstest(context.Background(), dir, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
