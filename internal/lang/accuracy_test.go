package lang

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/newstrace/newstrace/internal/sharedtest"
)

// The accuracy harness reads the public evaluation sets in ../shared/eval:
//
//   - newstest2014 SGML: every document of newstest2014-xxen-{src,ref}.L.sgm
//     is in language L (en fr de ru cs hi);
//   - WMT22 XML: the <src> and first <ref> of each news document (and of
//     the documents without a domain) are in their lang attribute (de fr
//     ru uk ja en zh hr).
//
// A long sample is a whole document of at least minLongRunes
// characters, its segments joined by newlines; a
// short sample is one segment of 40 to 120 characters, at most
// maxShortPerLang per language spread evenly over the data.

const (
	maxShortPerLang = 400
	// minLongRunes keeps the WMT22 chat messages (most Ukrainian
	// "documents" are one line) out of the long samples.
	minLongRunes = 400
)

// sample is a text and the language it is in.
type sample struct {
	lang, text string
}

// evalData holds the samples of one evaluation set.
type evalData struct {
	short, long []sample
}

var (
	sgmDoc = regexp.MustCompile(`(?s)<doc [^>]*>(.*?)</doc>`)
	sgmSeg = regexp.MustCompile(`<seg[^>]*>(.*?)</seg>`)
	sgmLng = regexp.MustCompile(`\.([a-z]{2})\.sgm$`)
)

// loadNewstest reads every newstest2014 SGML file.
func loadNewstest(tb testing.TB, shared string) evalData {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join(shared, "eval", "newstest2014", "*.sgm"))
	if err != nil || len(files) == 0 {
		tb.Skipf("lang: no newstest2014 files in %s", shared)
	}
	slices.Sort(files)
	var docs []document
	for _, f := range files {
		m := sgmLng.FindStringSubmatch(f)
		if m == nil {
			tb.Fatalf("lang: %s: no language in the file name", f)
		}
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		for _, d := range sgmDoc.FindAllSubmatch(b, -1) {
			doc := document{lang: m[1]}
			for _, s := range sgmSeg.FindAllSubmatch(d[1], -1) {
				doc.segs = append(doc.segs, html.UnescapeString(string(s[1])))
			}
			docs = append(docs, doc)
		}
	}
	return samplesOf(docs)
}

// wmtDataset is the part of a WMT22 test set the harness reads.
type wmtDataset struct {
	Docs []struct {
		Domain string    `xml:"domain,attr"`
		Src    wmtText   `xml:"src"`
		Refs   []wmtText `xml:"ref"`
	} `xml:"collection>doc"`
}

type wmtText struct {
	Lang string   `xml:"lang,attr"`
	Segs []string `xml:"p>seg"`
}

// loadWMT22 reads the news documents of every WMT22 test set.
func loadWMT22(tb testing.TB, shared string) evalData {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join(shared, "eval", "wmt22", "*.xml"))
	if err != nil || len(files) == 0 {
		tb.Skipf("lang: no wmt22 files in %s", shared)
	}
	slices.Sort(files)
	var docs []document
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			tb.Fatal(err)
		}
		var ds wmtDataset
		err = xml.NewDecoder(bufio.NewReader(fh)).Decode(&ds)
		fh.Close()
		if err != nil {
			tb.Fatalf("lang: %s: %v", f, err)
		}
		for _, d := range ds.Docs {
			if d.Domain != "news" && d.Domain != "" {
				continue
			}
			docs = append(docs, document{lang: d.Src.Lang, segs: d.Src.Segs})
			if len(d.Refs) > 0 {
				docs = append(docs, document{lang: d.Refs[0].Lang, segs: d.Refs[0].Segs})
			}
		}
	}
	return samplesOf(docs)
}

// document is one evaluation document.
type document struct {
	lang string
	segs []string
}

// samplesOf turns documents into long and short samples, dropping
// duplicates (newstest repeats its English documents in five pairs).
func samplesOf(docs []document) evalData {
	var data evalData
	seen := map[string]bool{}
	shortByLang := map[string][]sample{}
	for _, d := range docs {
		long := strings.Join(d.segs, "\n")
		if seen[long] {
			continue
		}
		seen[long] = true
		if utf8.RuneCountInString(long) >= minLongRunes {
			data.long = append(data.long, sample{d.lang, long})
		}
		for _, s := range d.segs {
			s = strings.TrimSpace(s)
			if n := utf8.RuneCountInString(s); n < 40 || n > 120 || seen[s] {
				continue
			}
			seen[s] = true
			shortByLang[d.lang] = append(shortByLang[d.lang], sample{d.lang, s})
		}
	}
	langs := make([]string, 0, len(shortByLang))
	for l := range shortByLang {
		langs = append(langs, l)
	}
	slices.Sort(langs)
	for _, l := range langs {
		all := shortByLang[l]
		n := min(len(all), maxShortPerLang)
		for i := range n {
			data.short = append(data.short, all[i*len(all)/n])
		}
	}
	return data
}

// loadSentences reads testdata/sentences.tsv, the sentences written for
// the languages the shared data lacks.
func loadSentences(tb testing.TB) []sample {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "sentences.tsv"))
	if err != nil {
		tb.Fatal(err)
	}
	var out []sample
	for i, line := range strings.Split(string(b), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		code, text, ok := strings.Cut(line, "\t")
		if !ok {
			tb.Fatalf("lang: testdata/sentences.tsv:%d: no tab", i+1)
		}
		out = append(out, sample{code, text})
	}
	return out
}

// tally counts correct answers per language.
type tally struct {
	correct, total map[string]int
	confusions     map[string]int // "want→got"
	elapsed        time.Duration
}

// score runs detect over samples.
func score(samples []sample, detect func(string) string) tally {
	t := tally{correct: map[string]int{}, total: map[string]int{}, confusions: map[string]int{}}
	start := time.Now()
	for _, s := range samples {
		got := detect(s.text)
		t.total[s.lang]++
		if got == s.lang {
			t.correct[s.lang]++
		} else {
			t.confusions[s.lang+"→"+got]++
		}
	}
	t.elapsed = time.Since(start)
	return t
}

// acc is the accuracy over the given languages, or all when none given.
func (t tally) acc(langs ...string) float64 {
	if len(langs) == 0 {
		for l := range t.total {
			langs = append(langs, l)
		}
	}
	var c, n int
	for _, l := range langs {
		c += t.correct[l]
		n += t.total[l]
	}
	if n == 0 {
		return 0
	}
	return float64(c) / float64(n)
}

// rate is samples per second.
func (t tally) rate() float64 {
	var n int
	for _, v := range t.total {
		n += v
	}
	return float64(n) / t.elapsed.Seconds()
}

// report is a per-language table of short and long accuracy.
func report(short, long tally) string {
	langs := map[string]bool{}
	for l := range short.total {
		langs[l] = true
	}
	for l := range long.total {
		langs[l] = true
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%-4s %14s %14s\n", "lang", "short", "long")
	for _, l := range slices.Sorted(func(yield func(string) bool) {
		for l := range langs {
			if !yield(l) {
				return
			}
		}
	}) {
		fmt.Fprintf(&b, "%-4s %5.3f (%4d) %5.3f (%4d)\n", l, short.acc(l), short.total[l], long.acc(l), long.total[l])
	}
	fmt.Fprintf(&b, "all  %5.3f        %5.3f         %.0f short/s %.0f long/s\n",
		short.acc(), long.acc(), short.rate(), long.rate())
	type conf struct {
		k string
		n int
	}
	var cs []conf
	for k, n := range short.confusions {
		cs = append(cs, conf{k, n})
	}
	for k, n := range long.confusions {
		cs = append(cs, conf{"long " + k, n})
	}
	slices.SortFunc(cs, func(a, b conf) int { return b.n - a.n })
	b.WriteString("errors:")
	for i, c := range cs {
		if i == 15 {
			break
		}
		fmt.Fprintf(&b, " %s×%d", c.k, c.n)
	}
	return b.String()
}

// newstestLangs are the languages of newstest2014.
var newstestLangs = []string{"en", "fr", "de", "ru", "cs", "hi"}

// TestAccuracy measures the Detector on the shared evaluation data and
// holds it to floors: per newstest language, whole documents ≥ 0.98 and
// sentences ≥ 0.90. Run it with -v to see the tables:
//
//	go test ./internal/lang -run TestAccuracy -v
func TestAccuracy(t *testing.T) {
	shared := sharedtest.Dir(t)
	d := New()
	detect := func(s string) string { return d.Detect(s).Lang }

	nt := loadNewstest(t, shared)
	ntShort, ntLong := score(nt.short, detect), score(nt.long, detect)
	t.Logf("newstest2014\n%s", report(ntShort, ntLong))
	for _, l := range newstestLangs {
		if a := ntLong.acc(l); a < 0.98 {
			t.Errorf("newstest2014 %s: document accuracy %.3f, want ≥ 0.98", l, a)
		}
		if a := ntShort.acc(l); a < 0.90 {
			t.Errorf("newstest2014 %s: sentence accuracy %.3f, want ≥ 0.90", l, a)
		}
	}

	wmt := loadWMT22(t, shared)
	wShort, wLong := score(wmt.short, detect), score(wmt.long, detect)
	t.Logf("wmt22 news\n%s", report(wShort, wLong))
	for l := range wLong.total {
		if a := wLong.acc(l); a < 0.95 {
			t.Errorf("wmt22 %s: document accuracy %.3f, want ≥ 0.95", l, a)
		}
		if a := wShort.acc(l); a < 0.85 {
			t.Errorf("wmt22 %s: sentence accuracy %.3f, want ≥ 0.85", l, a)
		}
	}
}
