//go:build langcompare

// This file measures the alternatives this package was chosen over. It
// is behind a build tag because importing lingua-go embeds its 124 MB of
// models in the test binary (a slow link on a small machine):
//
//	go test -tags langcompare ./internal/lang -run TestCompare -v -timeout 30m

package lang

import (
	"strings"
	"testing"

	"github.com/abadojack/whatlanggo"
	"github.com/pemistahl/lingua-go"

	"github.com/newstrace/newstrace/internal/sharedtest"
)

// whatlangCode maps a whatlanggo result to ISO 639-1.
func whatlangCode(l whatlanggo.Lang) string {
	switch l {
	case whatlanggo.Pes:
		return "fa"
	case -1:
		return ""
	}
	return l.Iso6391()
}

// TestCompare runs every candidate over the same data as TestAccuracy
// and logs one table per candidate and data set.
func TestCompare(t *testing.T) {
	shared := sharedtest.Dir(t)
	nt := loadNewstest(t, shared)
	wmt := loadWMT22(t, shared)
	own := loadSentences(t)

	var wlWhitelist = map[whatlanggo.Lang]bool{}
	var linguaLangs []lingua.Language
	for _, code := range DefaultLanguages() {
		l, _ := languageByCode(code)
		if l.model != 0 {
			wlWhitelist[l.model] = true
		}
		ll := lingua.GetLanguageFromIsoCode639_1(lingua.GetIsoCode639_1FromValue(code))
		if ll == lingua.Unknown {
			t.Fatalf("lingua lacks %s", code)
		}
		linguaLangs = append(linguaLangs, ll)
	}
	linguaCode := func(d lingua.LanguageDetector) func(string) string {
		return func(s string) string {
			l, ok := d.DetectLanguageOf(s)
			if !ok {
				return ""
			}
			return strings.ToLower(l.IsoCode639_1().String())
		}
	}
	hybrid := New()
	candidates := []struct {
		name   string
		detect func(string) string
	}{
		{"hybrid (this package)", func(s string) string { return hybrid.Detect(s).Lang }},
		{"whatlanggo unrestricted", func(s string) string { return whatlangCode(whatlanggo.Detect(s).Lang) }},
		{"whatlanggo whitelist", func(s string) string {
			return whatlangCode(whatlanggo.DetectWithOptions(s, whatlanggo.Options{Whitelist: wlWhitelist}).Lang)
		}},
		{"lingua low accuracy", linguaCode(lingua.NewLanguageDetectorBuilder().
			FromLanguages(linguaLangs...).WithLowAccuracyMode().WithPreloadedLanguageModels().Build())},
		{"lingua high accuracy", linguaCode(lingua.NewLanguageDetectorBuilder().
			FromLanguages(linguaLangs...).WithPreloadedLanguageModels().Build())},
	}
	for _, c := range candidates {
		ntS, ntL := score(nt.short, c.detect), score(nt.long, c.detect)
		wS, wL := score(wmt.short, c.detect), score(wmt.long, c.detect)
		o := score(own, c.detect)
		t.Logf("== %s\nnewstest2014\n%s\nwmt22\n%s\nown sentences %.3f (%d)",
			c.name, report(ntS, ntL), report(wS, wL), o.acc(), len(own))
		t.Logf("SUMMARY %-24s nt short %.3f long %.3f | wmt short %.3f long %.3f | own %.3f | short/s %.0f long/s %.0f",
			c.name, ntS.acc(), ntL.acc(), wS.acc(), wL.acc(), o.acc(),
			(ntS.rate()+wS.rate())/2, (ntL.rate()+wL.rate())/2)
	}
}
