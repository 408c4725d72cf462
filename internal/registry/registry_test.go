package registry

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var actNumberRE = regexp.MustCompile(`\(EU\) (No )?\d+/\d+`)

func mustLoad(t *testing.T, files ...string) *Registry {
	t.Helper()
	r, err := Load(files...)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// Every labelled fact of the shipped registry cites a source that exists
// and says when: the label must be checkable without newstrace.
func TestEmbeddedEveryFactCited(t *testing.T) {
	r := mustLoad(t)
	if n := len(r.Outlets()); n < 30 {
		t.Errorf("%d outlets, want the starting set (>= 30)", n)
	}
	for _, o := range r.Outlets() {
		check := func(what string, keys []string) {
			t.Helper()
			if len(keys) == 0 {
				t.Errorf("%s: %s has no citation", o.ID, what)
			}
			for _, k := range keys {
				c, ok := r.Citation(k)
				if !ok {
					t.Errorf("%s: %s cites unknown %q", o.ID, what, k)
					continue
				}
				if c.Title == "" || c.Date == "" || (c.URL == "" && c.Act == "") {
					t.Errorf("%s: %s: citation %q lacks title, date or address: %+v", o.ID, what, k, c)
				}
			}
		}
		check("entry", o.Cite)
		if o.Owner != nil {
			check("owner", o.Owner.Cite)
		}
		if o.State != nil {
			check("state affiliation", o.State.Cite)
		}
		for _, s := range o.Sanctions {
			check(s.Authority+" "+s.Kind, s.Cite)
			// The act a label names must be the act the citations
			// describe, not a paraphrase of another.
			if actNumberRE.MatchString(s.Act) {
				found := false
				for _, c := range r.Citations(s.Cite) {
					found = found || strings.Contains(c.Act, s.Act) || strings.Contains(c.Title, s.Act)
				}
				if !found {
					t.Errorf("%s: sanction act %q is named by none of its citations %v", o.ID, s.Act, s.Cite)
				}
			}
		}
		if o.File != EmbeddedFile {
			t.Errorf("%s: file %q", o.ID, o.File)
		}
	}
}

func TestLookup(t *testing.T) {
	r := mustLoad(t)
	tests := []struct{ in, want string }{
		{"rt.com", "rt"},
		{"fr.rt.com", "rt"},
		{"francais.rt.com", "rt"},
		{"https://de.rt.com/international/123-nato/", "rt"},
		{"WWW.RT.COM.", "rt"},
		{"rt.com:443", "rt"},
		{"https://user@arabic.rt.com:8443/x?y#z", "rt"},
		{"rt.rs", "rt-balkan"},
		{"lat.rt.rs", "rt-balkan"},
		{"sputnikglobe.com", "sputnik"},
		{"http://pravda-fr.com/world/2024/01/22/1.html", "pravda-network"},
		{"en.people.cn", ""}, // people.cn is not listed, only people.com.cn
		{"paper.people.com.cn", "peoples-daily"},
		{"english.news.cn", "xinhua"},
		{"presstv.ir", "press-tv"},
		{"art.com", ""}, // a suffix of the string, not of the labels
		{"rt.com.evil.example", ""},
		{"example.org", ""},
		{"", ""},
		{"com", ""},
	}
	for _, tt := range tests {
		o, ok := r.Lookup(tt.in)
		got := ""
		if ok {
			got = o.ID
		}
		if got != tt.want {
			t.Errorf("Lookup(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNilRegistry(t *testing.T) {
	var r *Registry
	if _, ok := r.Lookup("rt.com"); ok {
		t.Error("nil registry found rt.com")
	}
	if _, ok := r.LookupName("RT"); ok {
		t.Error("nil registry found RT")
	}
}

func TestLookupName(t *testing.T) {
	r := mustLoad(t)
	for in, want := range map[string]string{"RT World News": "rt", " rt  world news ": "rt", "Pervyi Kanal": "channel-one", "Xinhua News Agency": "xinhua"} {
		o, ok := r.LookupName(in)
		if !ok || o.ID != want {
			t.Errorf("LookupName(%q) = %v, %v; want %s", in, o, ok, want)
		}
	}
	if o, ok := r.LookupName("News 24"); ok {
		t.Errorf("LookupName(News 24) = %s, want none", o.ID)
	}
}

func TestLabel(t *testing.T) {
	r := mustLoad(t)
	tests := map[string]string{
		"rt": "RT (Russia) — state-controlled; EU broadcast ban since 2 March 2022, Council Regulation (EU) 2022/350; " +
			"UK licence revoked: Ofcom decision, 18 March 2022; US foreign mission: Foreign Missions Act, 4 September 2024; " +
			"US blocking sanctions: Executive Order 14024, 13 September 2024",
		"channel-one":    "Channel One Russia (Russia) — state-controlled; EU broadcast ban since 1 February 2023, Council Regulation (EU) 2022/2474",
		"rt-balkan":      "RT Balkan (Russia) — state-controlled; EU broadcast ban: Council Regulation (EU) 2023/1214, 23 June 2023",
		"tass":           "TASS (Russia) — state-owned",
		"hispantv":       "HispanTV (Iran) — state-owned; US blocking sanctions (via owner IRIB): Executive Order 13628, 6 February 2013",
		"pravda-network": "Pravda network (Portal Kombat) — pro-Russian propaganda network relaying Russian state media (VIGINUM, Feb 2024)",
	}
	for id, want := range tests {
		var o *Outlet
		for _, x := range r.Outlets() {
			if x.ID == id {
				o = x
			}
		}
		if got := Label(o); got != want {
			t.Errorf("Label(%s) =\n  %q\nwant\n  %q", id, got, want)
		}
	}
	if Label(nil) != "" {
		t.Error("Label(nil) is not empty")
	}
}

func writeFile(t *testing.T, name, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// A user file replaces an embedded outlet whole, adds its own, and may
// cite the embedded citations.
func TestUserFileOverride(t *testing.T) {
	user := writeFile(t, "registry.json", `{
  "citations": {"my-note": {"title": "Newsroom research note 12", "url": "https://example.org/notes/12", "date": "2025-01-10"}},
  "outlets": [
    {"id": "tass", "name": "TASS", "country": "Russia", "domains": ["tass.ru", "tass.com", "tass.example"],
     "state": {"kind": "state-owned", "cite": ["my-note"]}, "cite": ["my-note"]},
    {"id": "daily-mirror-site", "name": "Daily Mirror Site", "country": "Nowhere", "domains": ["mirror-news.example"],
     "mirrors": ["mirror-news2.example"],
     "state": {"kind": "proxy", "detail": "relays RT verbatim", "cite": ["my-note", "viginum-portal-kombat-2024"]},
     "cite": ["my-note"]}
  ]}`)
	r := mustLoad(t, user)
	o, ok := r.Lookup("www.tass.example")
	if !ok || o.ID != "tass" || o.File != user {
		t.Fatalf("override not applied: %+v %v", o, ok)
	}
	if o.State.Cite[0] != "my-note" {
		t.Errorf("override kept the embedded state citation: %v", o.State.Cite)
	}
	o, ok = r.Lookup("x.mirror-news2.example")
	if !ok || o.ID != "daily-mirror-site" {
		t.Fatalf("mirror lookup: %v %v", o, ok)
	}
	if got := Label(o); got != "Daily Mirror Site (Nowhere) — relays RT verbatim" {
		t.Errorf("label %q", got)
	}
	if _, ok := r.Lookup("fr.rt.com"); !ok {
		t.Error("embedded outlets lost after merge")
	}
}

func TestUserFileErrors(t *testing.T) {
	tests := []struct {
		name, body, want string
	}{
		{"syntax", `{"outlets": [`, `not a registry document: unexpected EOF`},
		{"unknown field", `{"outlets": [{"id": "x", "nam": "X"}]}`, `not a registry document: json: unknown field "nam"`},
		{"trailing", `{"outlets": []} {}`, `data after the registry document`},
		{"no name", `{"outlets": [{"id": "x", "cite": ["wikipedia-tass"]}]}`, `outlet "x": missing name`},
		{"bad id", `{"outlets": [{"id": "X Y", "name": "X", "cite": ["wikipedia-tass"]}]}`, `outlet "X Y": id "X Y" must be lower-case letters, digits and dashes`},
		{"no cite", `{"outlets": [{"id": "x", "name": "X", "domains": ["x.example"]}]}`, `outlet "x": the entry cites no source`},
		{"state uncited", `{"outlets": [{"id": "x", "name": "X", "cite": ["wikipedia-tass"], "state": {"kind": "state-owned"}}]}`, `outlet "x": state: no citation`},
		{"state kind", `{"outlets": [{"id": "x", "name": "X", "cite": ["wikipedia-tass"], "state": {"kind": "evil", "cite": ["wikipedia-tass"]}}]}`, `outlet "x": state: kind "evil" is not one of`},
		{"sanction date", `{"outlets": [{"id": "x", "name": "X", "cite": ["wikipedia-tass"], "sanctions": [{"authority": "EU", "kind": "broadcast ban", "act": "A", "date": "2022-02-30", "cite": ["wikipedia-tass"]}]}]}`, `outlet "x": sanction 1: date "2022-02-30": parsing time`},
		{"domain", `{"outlets": [{"id": "x", "name": "X", "cite": ["wikipedia-tass"], "domains": ["https://x.example/"]}]}`, `outlet "x": domain "https://x.example/" is not a lower-case host name`},
		{"unknown cite", `{"outlets": [{"id": "x", "name": "X", "cite": ["nope"]}]}`, `outlet "x": cites unknown citation "nope"`},
		{"domain clash", `{"outlets": [{"id": "x", "name": "X", "cite": ["wikipedia-tass"], "domains": ["rt.com"]}]}`, `outlet "x": domain "rt.com" also belongs to outlet "rt" (embedded sources.json)`},
		{"duplicate", `{"outlets": [{"id": "x", "name": "X", "cite": ["wikipedia-tass"]}, {"id": "x", "name": "Y", "cite": ["wikipedia-tass"]}]}`, `outlet "x": duplicate id`},
		{"citation", `{"citations": {"c": {"title": "T", "date": "2024-01-01"}}}`, `citation "c": needs a url or an act`},
		{"citation url", `{"citations": {"c": {"title": "T", "url": "ftp://x", "date": "2024"}}}`, `citation "c": url "ftp://x" is not an http(s) address`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := writeFile(t, "user.json", tt.body)
			_, err := Load(p)
			if err == nil {
				t.Fatal("no error")
			}
			var re *Error
			if !errors.As(err, &re) || re.File != p {
				t.Errorf("error %v does not name the file %s", err, p)
			}
			prefix := "registry: " + p + ": "
			if !strings.HasPrefix(err.Error(), prefix+tt.want) {
				t.Errorf("error\n  %q\nwant prefix\n  %q", err, prefix+tt.want)
			}
		})
	}
	_, err := Load(filepath.Join(t.TempDir(), "missing.json"))
	if err == nil || !strings.HasSuffix(err.Error(), "missing.json: no such file or directory") {
		t.Errorf("missing file: %v", err)
	}
}

func TestLabelCitations(t *testing.T) {
	r := mustLoad(t)
	o, _ := r.Lookup("rt.com")
	cs := r.LabelCitations(o)
	var acts []string
	for _, c := range cs {
		acts = append(acts, c.Act)
	}
	if len(cs) != 7 || cs[2].Act != "Council Regulation (EU) 2022/350" || cs[3].Act != "Council Decision (CFSP) 2022/351" {
		t.Errorf("RT label citations: %q", acts)
	}
	if r.LabelCitations(nil) != nil {
		t.Error("nil outlet has citations")
	}
}

// LoadData reads DATA/registry.json when it exists and only then.
func TestLoadData(t *testing.T) {
	dir := t.TempDir()
	if _, err := LoadData(dir); err != nil {
		t.Fatalf("no user file: %v", err)
	}
	p := DefaultFile(dir)
	if err := os.WriteFile(p, []byte(`{"outlets": [{"id": "x"}]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadData(dir); err == nil || !strings.Contains(err.Error(), p) {
		t.Errorf("bad user file: %v", err)
	}
}

func TestHost(t *testing.T) {
	for in, want := range map[string]string{
		"https://www.RT.com/news/1": "rt.com", "rt.com/news": "rt.com", "[::1]:80": "::1", "  ": "", "http://%zz": "",
	} {
		if got := Host(in); got != want {
			t.Errorf("Host(%q) = %q, want %q", in, got, want)
		}
	}
}
