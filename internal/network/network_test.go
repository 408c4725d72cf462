package network

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newstrace/newstrace/internal/article"
	"github.com/newstrace/newstrace/internal/registry"
)

var t0 = time.Date(2025, 10, 6, 8, 0, 0, 0, time.UTC)

// planted builds three laundering clusters, each an origin site copied by
// four relay sites that also copy each other, plus one stray cross-cluster
// copy that must not merge clusters. Cluster c's sites are named
// "c<c>-origin.example" and "c<c>-relay<r>.example".
func planted() (*Builder, map[string]int) {
	b := NewBuilder(Options{})
	want := make(map[string]int)
	n := 0
	link := func(copySite, originSite, verdict, copyLang, originLang string, lag time.Duration) {
		n++
		b.AddLink(Link{
			CopyID: fmt.Sprintf("copy-%d", n), CopySite: copySite, CopyLang: copyLang, CopyPublished: t0.Add(lag),
			OriginID: fmt.Sprintf("orig-%d", n), OriginSite: originSite, OriginLang: originLang, OriginPublished: t0,
			Verdict: verdict,
		})
	}
	for c := range 3 {
		origin := fmt.Sprintf("c%d-origin.example", c)
		want[origin] = c
		for r := range 4 {
			relay := fmt.Sprintf("c%d-relay%d.example", c, r)
			want[relay] = c
			for k := range 5 {
				verdict, lang := "copy", "en"
				if k == 0 {
					verdict, lang = "translation", "fr"
				}
				link(relay, origin, verdict, lang, "en", time.Duration(k+1)*time.Hour)
			}
			// Relays also copy the next relay of their own cluster.
			next := fmt.Sprintf("c%d-relay%d.example", c, (r+1)%4)
			link(relay, next, "edited_copy", "en", "en", 30*time.Minute)
		}
	}
	link("c0-relay0.example", "c1-origin.example", "copy", "en", "en", time.Hour)
	return b, want
}

// The planted network comes out as its three clusters, whatever the
// order links arrive in, and twice the same.
func TestPlantedCommunities(t *testing.T) {
	b, want := planted()
	g := b.Graph()
	if g.Communities != 3 {
		t.Fatalf("%d communities, want 3", g.Communities)
	}
	if g.Modularity < 0.5 {
		t.Errorf("modularity %.3f, want a clear structure (> 0.5)", g.Modularity)
	}
	// Same planted cluster ⇔ same community.
	for _, x := range g.Nodes {
		for _, y := range g.Nodes {
			if (want[x.ID] == want[y.ID]) != (x.Community == y.Community) {
				t.Errorf("%s (community %d) and %s (community %d): planted clusters %d and %d",
					x.ID, x.Community, y.ID, y.Community, want[x.ID], want[y.ID])
			}
		}
	}
	again, _ := planted()
	if g2 := again.Graph(); !reflect.DeepEqual(g, g2) {
		t.Error("two builds of the same input differ")
	}
}

func TestEdgeStatistics(t *testing.T) {
	b, _ := planted()
	g := b.Graph()
	var e *Edge
	for i := range g.Edges {
		if g.Edges[i].Source == "c2-relay1.example" && g.Edges[i].Target == "c2-origin.example" {
			e = &g.Edges[i]
		}
	}
	if e == nil {
		t.Fatal("edge c2-relay1 → c2-origin missing")
	}
	if e.Articles != 5 || e.LagSamples != 5 || e.MedianLag != 3*time.Hour {
		t.Errorf("articles %d, lag samples %d, median lag %v; want 5, 5, 3h", e.Articles, e.LagSamples, e.MedianLag)
	}
	if e.Translated != 0.2 {
		t.Errorf("translated share %v, want 0.2", e.Translated)
	}
	if !reflect.DeepEqual(e.Verdicts, map[string]int{"copy": 4, "translation": 1}) {
		t.Errorf("verdicts %v", e.Verdicts)
	}
	for _, n := range g.Nodes {
		if n.ID == "c1-origin.example" && (n.CopiedIn != 21 || n.CopiesOut != 0 || n.Articles != 21) {
			t.Errorf("c1-origin: copied in %d, copies out %d, articles %d; want 21, 0, 21", n.CopiedIn, n.CopiesOut, n.Articles)
		}
	}
	if !slices.IsSortedFunc(g.Edges, func(x, y Edge) int {
		return strings.Compare(x.Source+"\x00"+x.Target, y.Source+"\x00"+y.Target)
	}) {
		t.Error("edges not sorted")
	}
}

func TestLinksIgnored(t *testing.T) {
	b := NewBuilder(Options{})
	b.AddLink(Link{CopyID: "a", CopySite: "x.example", OriginID: "b", OriginSite: "x.example", Verdict: "copy"})
	b.AddLink(Link{CopyID: "a", CopySite: "", OriginID: "b", OriginSite: "y.example", Verdict: "copy"})
	b.AddLink(Link{CopyID: "c", CopySite: "x.example", OriginID: "d", OriginSite: "y.example", Verdict: "copy"})
	b.AddLink(Link{CopyID: "c", CopySite: "x.example", OriginID: "d", OriginSite: "y.example", Verdict: "edited_copy"})
	g := b.Graph()
	if len(g.Edges) != 1 || g.Edges[0].Articles != 1 || g.Edges[0].Verdicts["edited_copy"] != 1 || g.Edges[0].LagSamples != 0 {
		t.Errorf("edges %+v; want one x→y edge of one edited copy, no lag", g.Edges)
	}
	if empty := NewBuilder(Options{}).Graph(); empty.Communities != 0 || len(empty.Nodes) != 0 || empty.Edges == nil {
		t.Errorf("empty graph %+v", empty)
	}
}

func art(id, site, text string) *article.Article {
	a := article.New()
	a.ID, a.Site, a.Lang, a.Text = id, site, "fr", text
	return a
}

// A republisher's leftovers recur across its articles and become its
// template signature; its prose and a one-off byline do not.
func TestTemplateSignature(t *testing.T) {
	b := NewBuilder(Options{})
	body := func(i int) string {
		return fmt.Sprintf("Paragraphe %d d'un article assez long pour ne jamais passer pour un gabarit de site, avec des mots et encore des mots en plus.", i)
	}
	b.AddArticle(art("1", "relay.example", "Dernières Nouvelles | News 24\n\n"+body(1)+"\n\nEN SAVOIR PLUS: L'OTAN n'est pas prête\n\nLien source"))
	b.AddArticle(art("2", "relay.example", "Dernières Nouvelles | News 24\n\n"+body(2)+"\n\nEN SAVOIR PLUS : Le prix du blé en 2025\n\nLien source"))
	b.AddArticle(art("3", "relay.example", "Par Julie Marchetti\n\n"+body(3)+"\n\nLien  source"))
	b.AddArticle(art("4", "relay.example", body(4)))
	b.AddArticle(art("5", "relay.example", body(5)+"\n\n12/03"))
	b.AddArticle(art("5", "relay.example", "added twice, counted once"))
	b.AddArticle(art("6", "small.example", "Lien source\n\n"+body(6)))
	b.AddArticle(art("7", "small.example", "Lien source\n\n"+body(7)))
	g := b.Graph()
	byID := map[string]Node{}
	for _, n := range g.Nodes {
		byID[n.ID] = n
	}
	want := []string{"lien source", "dernières nouvelles | news ##", "en savoir plus:"}
	if got := byID["relay.example"].Template; !reflect.DeepEqual(got, want) {
		t.Errorf("relay template %q, want %q", got, want)
	}
	if n := byID["relay.example"]; n.Articles != 5 || !reflect.DeepEqual(n.Langs, []string{"fr"}) {
		t.Errorf("relay articles %d langs %v", n.Articles, n.Langs)
	}
	if got := byID["small.example"].Template; len(got) != 0 {
		t.Errorf("a two-article site has template %q; needs 3 articles", got)
	}
}

func TestRegistryLabels(t *testing.T) {
	reg, err := registry.Load()
	if err != nil {
		t.Fatal(err)
	}
	b := NewBuilder(Options{Registry: reg})
	b.AddLink(Link{CopyID: "c", CopySite: "news24.example", OriginID: "o", OriginSite: "fr.rt.com", Verdict: "translation"})
	g := b.Graph()
	for _, n := range g.Nodes {
		switch n.ID {
		case "fr.rt.com":
			if n.Outlet != "rt" || !strings.HasPrefix(n.Label, "RT (Russia) — state-controlled; EU broadcast ban since 2 March 2022") {
				t.Errorf("fr.rt.com: outlet %q label %q", n.Outlet, n.Label)
			}
		case "news24.example":
			if n.Outlet != "" || n.Label != "" {
				t.Errorf("news24 labelled %q", n.Label)
			}
		}
	}
}

func TestMedian(t *testing.T) {
	h := time.Hour
	for _, tt := range []struct {
		in   []time.Duration
		want time.Duration
	}{{nil, 0}, {[]time.Duration{3 * h}, 3 * h}, {[]time.Duration{5 * h, h}, 3 * h}, {[]time.Duration{9 * h, h, 2 * h}, 2 * h}} {
		if got := median(tt.in); got != tt.want {
			t.Errorf("median(%v) = %v, want %v", tt.in, got, tt.want)
		}
	}
}
