package corpus

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newstrace/newstrace/internal/article"
	"github.com/newstrace/newstrace/internal/sharedtest"
)

func TestImportWMTFixture(t *testing.T) {
	arts, err := ImportWMT(context.Background(), []string{filepath.Join("testdata", "wmttest2022.fr-en.mini.xml")}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, a := range arts {
		ids = append(ids, a.ID)
	}
	// The empty hyp is left out; the document whose source is not in its
	// origlang is skipped.
	want := "wmt22-fr-en-tourbec.12-src wmt22-fr-en-tourbec.12-ref-A wmt22-fr-en-tourbec.12-hyp-Sys-1 wmt22-fr-en-social_fr_1-src wmt22-fr-en-social_fr_1-ref-A"
	if got := strings.Join(ids, " "); got != want {
		t.Fatalf("ids:\n got %s\nwant %s", got, want)
	}
	m := byID(arts)
	src := m["wmt22-fr-en-tourbec.12-src"]
	if src.Title != "Le festival du fromage fête ses 3.5 siècles" || src.Lang != "fr" || src.Site != "wmt22-news.example" {
		t.Errorf("src: %+v", src)
	}
	if src.Gold.Relation != article.RelationOriginal || src.Gold.Group != "wmt22-fr-en-tourbec.12" {
		t.Errorf("src gold %+v", src.Gold)
	}
	hyp := m["wmt22-fr-en-tourbec.12-hyp-Sys-1"]
	if hyp.Lang != "en" || hyp.Site != "sys-1.wmt22-news.example" || hyp.Gold.Origin != src.ID || hyp.Gold.Relation != article.RelationTranslation {
		t.Errorf("hyp: %+v %+v", hyp, hyp.Gold)
	}
	if want := "The festival of Tourbec opened Saturday. He awaits 10 000 visitors, according to M. Roux. The cheese makers & farmers come from all the region."; hyp.Text != want {
		t.Errorf("hyp text %q, want %q", hyp.Text, want)
	}
	if !hyp.PublishedAt.After(src.PublishedAt) {
		t.Errorf("hyp published %v before its source %v", hyp.PublishedAt, src.PublishedAt)
	}
	// No domain attribute: the id prefix names it. Not news: no title.
	social := m["wmt22-fr-en-social_fr_1-src"]
	if social.Site != "wmt22-social.example" || social.Title != "" || !strings.HasPrefix(social.Text, "Quelqu'un sait") {
		t.Errorf("social: site %q title %q text %q", social.Site, social.Title, social.Text)
	}

	partial, err := ImportWMT(context.Background(), []string{filepath.Join("testdata", "wmttest2022.fr-en.mini.xml")}, Options{PartialK: 1, DropOrigins: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(partial) != 3 {
		t.Fatalf("PartialK+DropOrigins: %d articles, want 3", len(partial))
	}
	if got := byID(partial)["wmt22-fr-en-tourbec.12-ref-A"].Text; got != "The Tourbec festival opened on Saturday." {
		t.Errorf("PartialK=1: %q", got)
	}
}

func TestImportWMTShared(t *testing.T) {
	dir := sharedtest.Path(t, "eval", "wmt22")
	// docs × (source + references + systems); en-hr has one document with
	// an empty source (upi.176275), skipped with its 11 translations.
	want := map[string]int{
		"de-fr": 271 * 8, "en-hr": 263 * 12, "en-zh": 181 * 16, "fr-de": 285 * 9,
		"ja-en": 321 * 16, "ru-en": 227 * 12, "uk-en": 886 * 12,
	}
	var files []string
	for pair, n := range want {
		f := filepath.Join(dir, "wmttest2022."+pair+".all.xml")
		files = append(files, f)
		arts, err := ImportWMT(context.Background(), []string{f}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(arts) != n {
			t.Errorf("%s: %d articles, want %d", pair, len(arts), n)
		}
		m := byID(arts)
		for _, a := range arts {
			if a.Text == "" || a.Lang == "" || a.Gold == nil {
				t.Errorf("%s: incomplete %+v", a.ID, a)
				break
			}
			// A translation's origin is in another language, a
			// duplicate source's (markDuplicateSources) in its own.
			if o := a.Gold.Origin; o != "" && (m[o] == nil || (m[o].Lang == a.Lang) != (a.Gold.Relation == article.RelationCopy)) {
				t.Errorf("%s: bad origin %s", a.ID, o)
				break
			}
		}
	}
	if testing.Short() {
		return
	}
	all, err := ImportWMT(context.Background(), files, Options{DropOrigins: true})
	if err != nil {
		t.Fatal(err)
	}
	// Every source is dropped but the ten that copy an earlier one (en-hr
	// two, en-zh six, fr-de and uk-en one each; see markDuplicateSources):
	// their translations' origin is that one.
	if n := 271*7 + 263*11 + 181*15 + 285*8 + 321*15 + 227*11 + 886*11 + 10; len(all) != n {
		t.Errorf("all pooled, DropOrigins: %d, want %d", len(all), n)
	}
}

func BenchmarkImportWMT(b *testing.B) {
	f := sharedtest.Path(b, "eval", "wmt22", "wmttest2022.ja-en.all.xml")
	for b.Loop() {
		if _, err := ImportWMT(context.Background(), []string{f}, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// A source whose text is an earlier source's, spacing aside, is a copy of
// it, and its translations have the earlier one for their origin.
func TestImportWMTDuplicateSources(t *testing.T) {
	arts, err := ImportWMT(context.Background(), []string{filepath.Join("testdata", "wmttest2022.en-hr.dup.xml")}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	m := byID(arts)
	one, two := m["wmt22-en-hr-review_kettle_1-src"], m["wmt22-en-hr-review_kettle_2-src"]
	first, dup := one, two
	if two.PublishedAt.Before(one.PublishedAt) {
		first, dup = two, one
	}
	if first.Gold.Relation != article.RelationOriginal || first.Gold.Origin != "" {
		t.Errorf("earlier source %s: gold %+v, want an original", first.ID, first.Gold)
	}
	if dup.Gold.Relation != article.RelationCopy || dup.Gold.Origin != first.ID || dup.Gold.Group != first.Gold.Group {
		t.Errorf("later source %s: gold %+v, want a copy of %s in its group", dup.ID, dup.Gold, first.ID)
	}
	for _, id := range []string{"wmt22-en-hr-review_kettle_1-ref-A", "wmt22-en-hr-review_kettle_2-ref-A"} {
		if g := m[id].Gold; g.Origin != first.ID || g.Group != first.Gold.Group || g.Relation != article.RelationTranslation {
			t.Errorf("%s: gold %+v, want a translation of %s", id, g, first.ID)
		}
	}
	if g := m["wmt22-en-hr-review_lamp_1-src"].Gold; g.Relation != article.RelationOriginal {
		t.Errorf("lamp review: gold %+v, want an original", g)
	}
	// A listing republished with one line of six changed copies the
	// earlier one; two chats sharing a greeting and a closing (two of
	// five sentences) are originals both.
	one, two = m["wmt22-en-hr-listing_toaster_1-src"], m["wmt22-en-hr-listing_toaster_2-src"]
	first, dup = one, two
	if two.PublishedAt.Before(one.PublishedAt) {
		first, dup = two, one
	}
	if first.Gold.Relation != article.RelationOriginal || dup.Gold.Relation != article.RelationCopy || dup.Gold.Origin != first.ID {
		t.Errorf("listings: gold %+v and %+v, want the later a copy of %s", first.Gold, dup.Gold, first.ID)
	}
	if g := m[strings.TrimSuffix(dup.ID, "-src")+"-ref-A"].Gold; g.Origin != first.ID {
		t.Errorf("the later listing's translation: gold %+v, want %s its origin", g, first.ID)
	}
	for _, id := range []string{"wmt22-en-hr-chat_1-src", "wmt22-en-hr-chat_2-src"} {
		if g := m[id].Gold; g.Relation != article.RelationOriginal {
			t.Errorf("%s: gold %+v, want an original", id, g)
		}
	}
}
