package match

import (
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/newstrace/newstrace/internal/article"
)

// sharedDir returns ../shared beside the module root, or skips the test.
func sharedDir(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("no go.mod above the package directory")
		}
		dir = parent
	}
	shared := filepath.Join(dir, "..", "shared")
	if _, err := os.Stat(shared); err != nil {
		t.Skipf("shared data absent (%v): real-data checks skipped", err)
	}
	return shared
}

var (
	docRE  = regexp.MustCompile(`(?s)<doc [^>]*docid="([^"]+)"[^>]*>(.*?)</doc>`)
	segRE  = regexp.MustCompile(`(?s)<seg[^>]*>(.*?)</seg>`)
	origRE = regexp.MustCompile(`origlang="([^"]+)"`)
)

// newstest reads one newstest2014 SGML file as articles whose ids are
// "<docid>", with three segments (sentences) per paragraph. The gold
// relation records the document's original language: "original" when it
// is the one of the file.
func newstest(t testing.TB, file, lang string) []*article.Article {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(sharedDir(t), "eval", "newstest2014", file))
	if err != nil {
		t.Fatalf("match: newstest %s: %v", file, err)
	}
	var out []*article.Article
	for _, m := range docRE.FindAllStringSubmatch(string(data), -1) {
		var paras []string
		var cur []string
		for _, s := range segRE.FindAllStringSubmatch(m[2], -1) {
			cur = append(cur, html.UnescapeString(strings.TrimSpace(s[1])))
			if len(cur) == 3 {
				paras, cur = append(paras, strings.Join(cur, " ")), nil
			}
		}
		if len(cur) > 0 {
			paras = append(paras, strings.Join(cur, " "))
		}
		a := article.New()
		a.ID, a.Lang, a.Text = m[1], lang, article.JoinParagraphs(paras)
		a.Gold = &article.Gold{Relation: article.RelationTranslation}
		head := m[0][:strings.Index(m[0], ">")]
		if o := origRE.FindStringSubmatch(head); o != nil && o[1] == lang {
			a.Gold.Relation = article.RelationOriginal
		}
		out = append(out, a)
	}
	if len(out) == 0 {
		t.Fatalf("match: newstest %s: no documents", file)
	}
	return out
}

// distractors returns real news documents in en, fr and de to index beside
// the fixtures, or none when ../shared is absent.
func distractors(t testing.TB) []*article.Article {
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "..", "..", "..", "shared")); err != nil {
		return nil
	}
	var out []*article.Article
	for _, f := range []struct{ file, lang string }{
		{"newstest2014-fren-src.en.sgm", "en"},
		{"newstest2014-fren-src.fr.sgm", "fr"},
		{"newstest2014-deen-src.de.sgm", "de"},
	} {
		for _, a := range newstest(t, f.file, f.lang) {
			a.ID = f.lang + ":" + a.ID
			out = append(out, a)
		}
	}
	return out
}

// TestNewstestRealCopies uses a real duplication in the WMT data: the
// English side of the fr-en and de-en test sets holds the same English
// original documents. Each must find its twin as a copy through the index,
// and no two different documents may be called copies.
func TestNewstestRealCopies(t *testing.T) {
	opts := Options{}
	fren := newstest(t, "newstest2014-fren-src.en.sgm", "en")
	deen := newstest(t, "newstest2014-deen-src.en.sgm", "en")
	ix := NewIndex(opts.Params)
	prepared := map[string]*Prepared{}
	for _, a := range fren {
		p := Prepare(a, opts)
		prepared[a.ID] = p
		ix.Add(a.ID, p.Bands())
	}
	twins, found, falseCopies := 0, 0, 0
	for _, a := range deen {
		q := Prepare(a, opts)
		_, hasTwin := prepared[a.ID]
		twin := hasTwin && a.Gold.Relation == article.RelationOriginal
		if twin {
			twins++
		}
		for _, cand := range ix.Candidates(q.Bands(), 10) {
			res := ComparePrepared(q, prepared[cand.ID], opts)
			switch {
			case cand.ID == a.ID && twin:
				if res.Verdict == Copy {
					found++
				} else {
					t.Errorf("%s: twin verdict %s (coverage %.2f/%.2f)", a.ID, res.Verdict, res.Coverage, res.OriginCoverage)
				}
			case cand.ID != a.ID && (res.Verdict == Copy || res.Verdict == EditedCopy):
				falseCopies++
				t.Errorf("%s vs %s: verdict %s (coverage %.2f/%.2f), want no copy between different documents", a.ID, cand.ID, res.Verdict, res.Coverage, res.OriginCoverage)
			}
		}
	}
	t.Logf("newstest2014 en: %d English originals in both sets, %d found as copies; %d false copies among %d queries", twins, found, falseCopies, len(deen))
	if twins < 50 || found != twins {
		t.Errorf("found %d of %d twins", found, twins)
	}
}
