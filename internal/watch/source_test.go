package watch

import (
	"errors"
	"testing"

	"github.com/newstrace/newstrace/internal/registry"
)

func TestParseSource(t *testing.T) {
	reg, err := registry.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		spec, name string
		outlet     bool
	}{
		{"rt.com", "RT", true},
		{"https://fr.rt.com/", "RT", true}, // a subdomain brings its outlet
		{"RT", "RT", true},
		{"russia today", "RT", true}, // an alias, any case
		{"rt", "RT", true},           // the registry ID
		{"vov-news.example", "vov-news.example", false},
		{"WWW.Vov-News.Example", "vov-news.example", false},
	} {
		s, err := ParseSource(tc.spec, reg)
		if err != nil {
			t.Errorf("%q: %v", tc.spec, err)
			continue
		}
		if s.Name != tc.name || (s.Outlet != nil) != tc.outlet || len(s.Domains) == 0 {
			t.Errorf("%q: got %+v, want name %q (outlet %v)", tc.spec, s, tc.name, tc.outlet)
		}
	}
	for _, spec := range []string{"", "  ", "No Such Outlet", "nosuchoutlet"} {
		if _, err := ParseSource(spec, reg); !errors.Is(err, ErrUnknownSource) {
			t.Errorf("%q: err = %v, want ErrUnknownSource", spec, err)
		}
	}
	// Without a registry, domains still work.
	if s, err := ParseSource("rt.com", nil); err != nil || s.Name != "rt.com" || s.Outlet != nil {
		t.Errorf("nil registry: %+v, %v", s, err)
	}
	all, err := ParseSources([]string{"rt.com", "RT", "vov-news.example"}, reg)
	if err != nil || len(all) != 2 {
		t.Errorf("ParseSources kept %d sources (%v), want the repeat of RT dropped", len(all), err)
	}
	if _, err := ParseSources(nil, reg); !errors.Is(err, ErrUnknownSource) {
		t.Errorf("no sources: err = %v", err)
	}
}

func TestSourceOwnsAndNamed(t *testing.T) {
	reg, err := registry.Load()
	if err != nil {
		t.Fatal(err)
	}
	rt, err := ParseSource("RT", reg)
	if err != nil {
		t.Fatal(err)
	}
	for host, want := range map[string]bool{
		"rt.com": true, "fr.rt.com": true, "https://www.rt.com/news/1-x/": true, "RT.COM.": true, "rt.com:443": true,
		"art.com": false, "rt.com.example": false, "": false, "notrt.com": false,
	} {
		if got := rt.Owns(host); got != want {
			t.Errorf("Owns(%q) = %v, want %v", host, got, want)
		}
	}
	for name, want := range map[string]bool{
		"RT": true, "rt  world news": true, "RT.com": true, "RTL": false, "": false, "Sputnik": false,
	} {
		if got := rt.Named(name); got != want {
			t.Errorf("Named(%q) = %v, want %v", name, got, want)
		}
	}
	d := Source{Name: "vov-news.example", Domains: []string{"vov-news.example"}}
	if !d.Named("vov-news.example") || d.Named("VOV News") {
		t.Error("a domain source is named by its domain only")
	}
}
