package storetest

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/newstrace/newstrace/internal/article"
	"github.com/newstrace/newstrace/internal/store"
)

// fullArticle returns a fictional article with every field set, in a
// non-UTC zone to show that times survive as instants.
func fullArticle() *article.Article {
	paris := time.FixedZone("CET", 3600)
	return &article.Article{
		ID:           "full-1",
		URL:          "https://agregateur.example/2024/03/otan-ukraine?utm=x",
		CanonicalURL: "https://agregateur.example/otan-ukraine",
		Site:         "agregateur.example",
		SiteName:     "Dernières Nouvelles Fictives",
		Title:        "L’OTAN n’est pas prête — Exemple World News",
		Byline:       "Rédaction",
		Lang:         "fr",
		PublishedAt:  time.Date(2024, 3, 27, 14, 5, 9, 123456789, paris),
		// Not the column default (""), so that a store that drops the
		// source shows in the diff below.
		PublishedFrom: article.PublishedFromFeed,
		FetchedAt:     time.Date(2024, 3, 28, 8, 0, 0, 1, time.UTC),
		Text:          "Premier paragraphe, « fictif ».\n\nEN SAVOIR PLUS :\n\nLien source",
		ContentHash:   "sha256:0f1e2d",
		Markers: []article.Marker{
			{Kind: article.MarkerResidue, Text: "EN SAVOIR PLUS :", Paragraph: 1},
			{Kind: article.MarkerTitleSuffix, Text: "Exemple World News", Paragraph: -1},
		},
		AttributedSource: "Exemple World News",
		Links: []article.Link{
			{URL: "https://exemple.example/news/1", Text: "Lien source", Rel: "source"},
		},
		Provenance: article.Provenance{
			Kind: article.KindWARC, Path: "crawl-2024.warc.gz", Record: "<urn:uuid:1234>",
			Offset: 987654321, HTTPStatus: 200, ETag: `"abc"`,
		},
		Gold: &article.Gold{Origin: "orig-1", Group: "g-1", Relation: article.RelationTranslation},
	}
}

// simple returns a minimal article with a distinct text.
func simple(id string) *article.Article {
	a := article.New()
	a.ID = id
	a.Text = "Texte fictif de l'article " + id + "."
	return a
}

// cmpArticle compares articles as stored values: times as instants, nil
// and empty slices alike.
var cmpArticle = []cmp.Option{cmpopts.EquateEmpty()}

func mustPut(t *testing.T, s store.Store, a *article.Article, sk ...store.Sketch) string {
	t.Helper()
	id, created, err := s.Put(t.Context(), a, sk)
	if err != nil {
		t.Fatalf("Put(%s): %v", a.ID, err)
	}
	if !created {
		t.Fatalf("Put(%s): created = false, want true", a.ID)
	}
	return id
}

func mustGet(t *testing.T, s store.Store, id string) *article.Article {
	t.Helper()
	a, err := s.Get(t.Context(), id)
	if err != nil {
		t.Fatalf("Get(%s): %v", id, err)
	}
	return a
}

func wantCount(t *testing.T, s store.Store, want int) {
	t.Helper()
	n, err := s.Count(t.Context())
	if err != nil {
		t.Fatalf("Count: %v", err)
	}
	if n != want {
		t.Errorf("Count = %d, want %d", n, want)
	}
}

func testRoundTrip(t *testing.T, open Opener) {
	s := open(t)
	a := fullArticle()
	// A field added to article.Article must be stored too: this fails
	// until fullArticle sets it, and then the diff below checks it.
	v := reflect.ValueOf(*a)
	for i := range v.NumField() {
		if v.Field(i).IsZero() {
			t.Fatalf("fullArticle leaves %s unset", v.Type().Field(i).Name)
		}
	}
	if id := mustPut(t, s, a); id != a.ID {
		t.Errorf("Put returned id %q, want %q", id, a.ID)
	}
	got := mustGet(t, s, a.ID)
	if diff := cmp.Diff(a, got, cmpArticle...); diff != "" {
		t.Errorf("Get after Put (-put +got):\n%s", diff)
	}
	if got.PublishedAt.Location() != time.UTC {
		t.Errorf("PublishedAt location = %v, want UTC", got.PublishedAt.Location())
	}
}

func testRoundTripMinimal(t *testing.T, open Opener) {
	s := open(t)
	a := &article.Article{ID: "min", Text: "Seulement un texte."} // nil slices, zero times
	mustPut(t, s, a)
	got := mustGet(t, s, "min")
	if got.Markers == nil || got.Links == nil {
		t.Errorf("Get returned nil slices: markers %v, links %v", got.Markers, got.Links)
	}
	if got.Gold != nil {
		t.Errorf("Gold = %+v, want nil", got.Gold)
	}
	if !got.PublishedAt.IsZero() || !got.FetchedAt.IsZero() {
		t.Errorf("times = %v, %v, want zero", got.PublishedAt, got.FetchedAt)
	}
	if diff := cmp.Diff(a, got, cmpArticle...); diff != "" {
		t.Errorf("Get after Put (-put +got):\n%s", diff)
	}
}

func testAssignsID(t *testing.T, open Opener) {
	s := open(t)
	a, b := simple(""), simple("")
	b.Text = "Un autre texte."
	idA, idB := mustPut(t, s, a), mustPut(t, s, b)
	if idA == "" || idB == "" || idA == idB {
		t.Fatalf("assigned ids %q and %q, want two distinct non-empty ids", idA, idB)
	}
	if a.ID != "" {
		t.Errorf("Put modified a.ID to %q", a.ID)
	}
	if got := mustGet(t, s, idA); got.ID != idA || got.Text != a.Text {
		t.Errorf("Get(%s) = %q %q", idA, got.ID, got.Text)
	}
}

func testNotFound(t *testing.T, open Opener) {
	s := open(t)
	mustPut(t, s, fullArticle())
	if _, err := s.Get(t.Context(), "nope"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Get(nope) error = %v, want ErrNotFound", err)
	}
	for _, u := range []string{"https://nope.example/", ""} {
		if _, err := s.GetByURL(t.Context(), u); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("GetByURL(%q) error = %v, want ErrNotFound", u, err)
		}
	}
	if m, err := s.Matches(t.Context(), "nope"); err != nil || len(m) != 0 {
		t.Errorf("Matches(nope) = %v, %v, want none", m, err)
	}
	wantCount(t, s, 1)
}

func testGetByURL(t *testing.T, open Opener) {
	s := open(t)
	a := fullArticle()
	mustPut(t, s, a)
	b := simple("plain")
	b.URL = "https://autre.example/page"
	mustPut(t, s, b)
	// c's plain URL is a's canonical URL: the canonical match wins.
	c := simple("c")
	c.URL = a.CanonicalURL
	c.CanonicalURL = "https://troisieme.example/c"
	mustPut(t, s, c)

	for _, tt := range []struct{ url, want string }{
		{a.CanonicalURL, a.ID},
		{a.URL, a.ID},
		{b.URL, b.ID},
		{c.CanonicalURL, c.ID},
	} {
		got, err := s.GetByURL(t.Context(), tt.url)
		if err != nil {
			t.Errorf("GetByURL(%s): %v", tt.url, err)
			continue
		}
		if got.ID != tt.want {
			t.Errorf("GetByURL(%s) = %s, want %s", tt.url, got.ID, tt.want)
		}
	}
}

// putDuplicate checks that dup is refused as a duplicate of orig without
// writing anything, its sketch included.
func putDuplicate(t *testing.T, s store.Store, orig, dup *article.Article) {
	t.Helper()
	mustPut(t, s, orig, store.Sketch{Kind: "minhash", Keys: []uint64{1, 2}})
	id, created, err := s.Put(t.Context(), dup, []store.Sketch{{Kind: "minhash", Keys: []uint64{7, 8}}})
	if err != nil {
		t.Fatalf("Put(duplicate): %v", err)
	}
	if created || id != orig.ID {
		t.Errorf("Put(duplicate) = %q, created %v, want %q, false", id, created, orig.ID)
	}
	wantCount(t, s, 1)
	if got := mustGet(t, s, orig.ID); got.Text != orig.Text || got.Title != orig.Title {
		t.Errorf("stored article changed to title %q text %q", got.Title, got.Text)
	}
	if dup.ID != orig.ID {
		if _, err := s.Get(t.Context(), dup.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("Get(%s) error = %v, want ErrNotFound", dup.ID, err)
		}
	}
	if c, err := s.Candidates(t.Context(), "minhash", []uint64{7, 8}, 0); err != nil || len(c) != 0 {
		t.Errorf("duplicate's sketch was stored: candidates %v, %v", c, err)
	}
}

func testIdempotentByID(t *testing.T, open Opener) {
	s := open(t)
	orig := fullArticle()
	dup := simple(orig.ID)
	dup.Title = "Un autre titre"
	putDuplicate(t, s, orig, dup)
}

func testIdempotentByCanonicalURL(t *testing.T, open Opener) {
	s := open(t)
	orig := fullArticle()
	dup := simple("other")
	dup.URL = "https://agregateur.example/amp/otan-ukraine"
	dup.CanonicalURL = orig.CanonicalURL
	putDuplicate(t, s, orig, dup)

	// The same plain URL under another canonical URL is another article.
	other := simple("other-canonical")
	other.URL = orig.URL
	other.CanonicalURL = "https://ailleurs.example/otan"
	mustPut(t, s, other)
}

func testIdempotentByURL(t *testing.T, open Opener) {
	s := open(t)
	orig := simple("orig")
	orig.URL = "https://site.example/a"
	dup := simple("dup")
	dup.URL = orig.URL
	putDuplicate(t, s, orig, dup)

	// A canonical URL equal to a stored article's plain-URL key matches too.
	dup2 := simple("dup2")
	dup2.URL = "https://site.example/a?ref=rss"
	dup2.CanonicalURL = orig.URL
	id, created, err := s.Put(t.Context(), dup2, nil)
	if err != nil || created || id != orig.ID {
		t.Errorf("Put(dup2) = %q, %v, %v, want %q, false, nil", id, created, err, orig.ID)
	}
}

func testIdempotentByContentHash(t *testing.T, open Opener) {
	s := open(t)
	orig := fullArticle()
	dup := simple("same-bytes")
	dup.URL = "https://miroir.example/x"
	dup.ContentHash = orig.ContentHash
	putDuplicate(t, s, orig, dup)

	// The same text on another site is a verbatim copy, kept as evidence.
	mirror := simple("mirror-site")
	mirror.URL = "https://mirror.example/y"
	mirror.Site = "mirror.example"
	mirror.ContentHash = orig.ContentHash
	mustPut(t, s, mirror)

	// Articles without a hash never match each other by hash.
	mustPut(t, s, simple("nohash-1"))
	mustPut(t, s, simple("nohash-2"))
	wantCount(t, s, 4)
}

func testFailedPutKeepsEarlier(t *testing.T, open Opener) {
	s := open(t)
	ctx := t.Context()
	a := fullArticle()
	mustPut(t, s, a, store.Sketch{Kind: "minhash", Keys: []uint64{10, 11, 12}})
	if err := s.PutMatches(ctx, a.ID, []store.Match{{OriginID: "o", Verdict: "copy", Score: 0.9}}); err != nil {
		t.Fatal(err)
	}

	// The article row is written before the bad sketch is reached, so the
	// transaction must really roll back.
	b := simple("broken")
	b.Title = "Zanzibarite unique"
	b.URL = "https://broken.example/b"
	b.ContentHash = "sha256:broken"
	bad := []store.Sketch{{Kind: "minhash", Keys: []uint64{20, 21}}, {Kind: "", Keys: []uint64{22}}}
	if _, _, err := s.Put(ctx, b, bad); err == nil {
		t.Fatal("Put with a kindless sketch succeeded")
	}
	twice := []store.Sketch{{Kind: "minhash", Keys: []uint64{20}}, {Kind: "minhash", Keys: []uint64{21}}}
	if _, _, err := s.Put(ctx, b, twice); err == nil {
		t.Fatal("Put with a sketch kind given twice succeeded")
	}

	wantCount(t, s, 1)
	if _, err := s.Get(ctx, b.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Get(broken) error = %v, want ErrNotFound", err)
	}
	if hits, err := s.Search(ctx, "zanzibarite", 0); err != nil || len(hits) != 0 {
		t.Errorf("Search found the rolled-back article: %v, %v", hits, err)
	}
	if c, err := s.Candidates(ctx, "minhash", []uint64{20, 21, 22}, 0); err != nil || len(c) != 0 {
		t.Errorf("rolled-back sketch keys found: %v, %v", c, err)
	}
	if diff := cmp.Diff(a, mustGet(t, s, a.ID), cmpArticle...); diff != "" {
		t.Errorf("earlier article changed (-want +got):\n%s", diff)
	}
	c, err := s.Candidates(ctx, "minhash", []uint64{10, 11, 12}, 0)
	if err != nil || len(c) != 1 || c[0].Hits != 3 {
		t.Errorf("earlier sketch = %v, %v, want one candidate with 3 hits", c, err)
	}
	if m, err := s.Matches(ctx, a.ID); err != nil || len(m) != 1 {
		t.Errorf("earlier matches = %v, %v", m, err)
	}

	// Nothing of the failed attempts blocks a correct Put.
	mustPut(t, s, b, store.Sketch{Kind: "minhash", Keys: []uint64{20, 21}})
	wantCount(t, s, 2)
}

func testCanceledPut(t *testing.T, open Opener) {
	s := open(t)
	mustPut(t, s, simple("first"))
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if _, _, err := s.Put(ctx, simple("second"), nil); err == nil {
		t.Error("Put with a canceled context succeeded")
	}
	wantCount(t, s, 1)
	mustGet(t, s, "first")
	mustPut(t, s, simple("second"))
}

// dated returns a simple article with the given language, site and
// publication day of March 2024 (0: undated).
func dated(id, lang, site string, day int) *article.Article {
	a := simple(id)
	a.Lang, a.Site = lang, site
	if day > 0 {
		a.PublishedAt = time.Date(2024, 3, day, 12, 0, 0, 0, time.UTC)
	}
	return a
}

func listIDs(t *testing.T, s store.Store, q store.Query) []string {
	t.Helper()
	var ids []string
	err := s.List(t.Context(), q, func(a *article.Article) error {
		ids = append(ids, a.ID)
		return nil
	})
	if err != nil {
		t.Fatalf("List(%+v): %v", q, err)
	}
	return ids
}

func testListFilters(t *testing.T, open Opener) {
	s := open(t)
	// Stored out of date order, to show List sorts by publication.
	for _, a := range []*article.Article{
		dated("fr-b-10", "fr", "b.example", 10),
		dated("en-a-5", "en", "a.example", 5),
		dated("fr-a-undated", "fr", "a.example", 0),
		dated("fr-a-1", "fr", "a.example", 1),
		dated("de-c-20", "de", "c.example", 20),
		dated("fr-a-10", "fr", "a.example", 10),
	} {
		mustPut(t, s, a)
	}
	day := func(d int) time.Time { return time.Date(2024, 3, d, 12, 0, 0, 0, time.UTC) }
	for _, tt := range []struct {
		name string
		q    store.Query
		want []string
	}{
		{"all", store.Query{}, []string{"fr-a-1", "en-a-5", "fr-b-10", "fr-a-10", "de-c-20", "fr-a-undated"}},
		{"lang", store.Query{}.WithLang("fr"), []string{"fr-a-1", "fr-b-10", "fr-a-10", "fr-a-undated"}},
		{"site", store.Query{}.WithSite("a.example"), []string{"fr-a-1", "en-a-5", "fr-a-10", "fr-a-undated"}},
		{"lang+site", store.Query{}.WithLang("fr").WithSite("a.example"), []string{"fr-a-1", "fr-a-10", "fr-a-undated"}},
		{"since inclusive", store.Query{}.WithSince(day(10)), []string{"fr-b-10", "fr-a-10", "de-c-20"}},
		{"until exclusive", store.Query{}.WithUntil(day(10)), []string{"fr-a-1", "en-a-5"}},
		{"range", store.Query{}.WithSince(day(2)).WithUntil(day(11)), []string{"en-a-5", "fr-b-10", "fr-a-10"}},
		{"limit", store.Query{}.WithLang("fr").WithLimit(2), []string{"fr-a-1", "fr-b-10"}},
		{"none", store.Query{}.WithLang("ru"), nil},
		{"far bounds", store.Query{}.WithSince(time.Date(1000, 1, 1, 0, 0, 0, 0, time.UTC)).WithUntil(time.Date(3000, 1, 1, 0, 0, 0, 0, time.UTC)),
			[]string{"fr-a-1", "en-a-5", "fr-b-10", "fr-a-10", "de-c-20"}},
	} {
		if got := listIDs(t, s, tt.q); !slices.Equal(got, tt.want) {
			t.Errorf("%s: List = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func testListPagesAndCallback(t *testing.T, open Opener) {
	s := open(t)
	const n = 600 // more than one page of any reasonable implementation
	for i := range n {
		a := dated(fmt.Sprintf("a%04d", i), "fr", "p.example", 0)
		a.PublishedAt = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(n-i) * time.Minute)
		mustPut(t, s, a)
	}
	// The callback writes to the store while List runs.
	var got []string
	err := s.List(t.Context(), store.Query{}, func(a *article.Article) error {
		got = append(got, a.ID)
		if len(got)%100 == 0 {
			_, _, err := s.Put(t.Context(), dated("during-"+a.ID, "de", "q.example", 0), nil)
			return err
		}
		return nil
	})
	if err != nil {
		t.Fatalf("List: %v", err)
	}
	if len(got) < n {
		t.Fatalf("List returned %d articles, want at least %d", len(got), n)
	}
	for i := range n {
		if want := fmt.Sprintf("a%04d", n-1-i); got[i] != want {
			t.Fatalf("List[%d] = %s, want %s", i, got[i], want)
		}
	}
	if ids := listIDs(t, s, store.Query{}.WithLimit(n-1)); len(ids) != n-1 {
		t.Errorf("List with limit %d returned %d", n-1, len(ids))
	}

	stop := errors.New("stop")
	calls := 0
	err = s.List(t.Context(), store.Query{}, func(*article.Article) error {
		calls++
		if calls == 3 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || calls != 3 {
		t.Errorf("List stopped with %v after %d calls, want stop after 3", err, calls)
	}
}
