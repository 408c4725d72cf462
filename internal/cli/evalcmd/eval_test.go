package evalcmd

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newstrace/newstrace/internal/article"
	"github.com/newstrace/newstrace/internal/cli/factory"
	"github.com/newstrace/newstrace/internal/cli/iostreams"
	"github.com/newstrace/newstrace/internal/cli/lexiconcmd"
	"github.com/newstrace/newstrace/internal/eval/metrics"
	"github.com/newstrace/newstrace/internal/eval/traceeval"
	"github.com/newstrace/newstrace/internal/ingest"
	"github.com/newstrace/newstrace/internal/ingest/jsonl"
)

// tinyCorpus is traceeval's fixture: three fictional originals (two
// English, one French), four copies of them and one independent article.
var tinyCorpus = filepath.Join("..", "..", "eval", "traceeval", "testdata", "tiny.jsonl")

// runCommand runs `eval args...` with buffer IO, as main would, and
// returns what it wrote to stdout and stderr.
func runCommand(t *testing.T, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	f := &factory.Factory{IO: ios, Logger: factory.NewLogger(errOut, slog.LevelInfo), DataDir: t.TempDir()}
	cmd := NewCmd(f, nil)
	cmd.SetArgs(args)
	cmd.SetOut(out)
	cmd.SetErr(errOut)
	cmd.SilenceUsage, cmd.SilenceErrors = true, true
	err = cmd.ExecuteContext(context.Background())
	return out.String(), errOut.String(), err
}

// readCorpus decodes corpus JSON Lines into articles.
func readCorpus(t *testing.T, r io.Reader) map[string]*article.Article {
	t.Helper()
	arts := map[string]*article.Article{}
	jr := jsonl.NewReader(r)
	for {
		rec, err := jr.Next()
		if errors.Is(err, io.EOF) {
			return arts
		}
		if err != nil {
			t.Fatal(err)
		}
		a := rec.Article()
		arts[a.ID] = a
	}
}

func TestImportNewstest(t *testing.T) {
	out, stderr, err := runCommand(t, "import", "newstest2014", filepath.Join("testdata", "newstest"))
	if err != nil {
		t.Fatal(err)
	}
	if stderr != "" {
		t.Errorf("stderr %q, want nothing", stderr)
	}
	arts := readCorpus(t, strings.NewReader(out))
	if len(arts) != 4 {
		t.Fatalf("got %d articles, want 4:\n%s", len(arts), out)
	}
	for id, want := range map[string]article.Gold{
		"nt14-10-gazettefr-fr": {Group: "nt14-10-gazettefr", Relation: article.RelationOriginal},
		"nt14-10-gazettefr-en": {Origin: "nt14-10-gazettefr-fr", Group: "nt14-10-gazettefr", Relation: article.RelationTranslation},
		"nt14-11-example-en":   {Group: "nt14-11-example", Relation: article.RelationOriginal},
		"nt14-11-example-fr":   {Origin: "nt14-11-example-en", Group: "nt14-11-example", Relation: article.RelationTranslation},
	} {
		a := arts[id]
		if a == nil || a.Gold == nil || *a.Gold != want {
			t.Errorf("%s: got %+v, want gold %+v", id, a, want)
		}
	}
	if a := arts["nt14-10-gazettefr-en"]; a != nil && (a.Title != "Brisac's Christmas market opens its doors" || a.Lang != "en") {
		t.Errorf("translation title %q lang %q", a.Title, a.Lang)
	}
}

func TestImportConditionsToFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nt.jsonl")
	out, _, err := runCommand(t, "import", "newstest2014", filepath.Join("testdata", "newstest"),
		"--no-origins", "--partial", "1", "-o", path)
	if err != nil {
		t.Fatal(err)
	}
	if want := "wrote 2 articles to " + path + "\n"; out != want {
		t.Errorf("stdout %q, want %q", out, want)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	arts := readCorpus(t, f)
	// Only the translations remain, each cut to its first sentence.
	if len(arts) != 2 || arts["nt14-10-gazettefr-en"] == nil || arts["nt14-11-example-fr"] == nil {
		t.Fatalf("got %v, want the two translations", arts)
	}
	if got, want := arts["nt14-10-gazettefr-en"].Text, "Forty chalets have been set up on the church square."; got != want {
		t.Errorf("partial text %q, want %q", got, want)
	}
}

func TestImportWMT(t *testing.T) {
	out, _, err := runCommand(t, "import", "wmt-xml", filepath.Join("testdata", "wmttest2022.de-fr.mini.xml"))
	if err != nil {
		t.Fatal(err)
	}
	arts := readCorpus(t, strings.NewReader(out))
	src := "wmt22-de-fr-bergdorf.7-src"
	if a := arts[src]; len(arts) != 3 || a == nil || a.Gold.Relation != article.RelationOriginal {
		t.Fatalf("got %v, want the source and two translations", arts)
	}
	for _, id := range []string{"wmt22-de-fr-bergdorf.7-ref-A", "wmt22-de-fr-bergdorf.7-hyp-Sys-1"} {
		if a := arts[id]; a == nil || a.Gold.Origin != src || a.Lang != "fr" {
			t.Errorf("%s: %+v, want a French translation of %s", id, a, src)
		}
	}
}

func TestImportErrors(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"import", "newstest2014", filepath.Join("testdata", "nope")},
			"corpus: newstest: open testdata/nope: no such file or directory"},
		{[]string{"import", "newstest2014", "testdata"},
			"corpus: newstest: no newstest2014-*.sgm files in testdata"},
		{[]string{"import", "wmt-xml", filepath.Join("testdata", "nope.xml")},
			"corpus: wmt: open testdata/nope.xml: no such file or directory"},
		{[]string{"import", "newstest2014", filepath.Join("testdata", "newstest"), "--partial", "-1"},
			"eval import: --partial must be at least 0, got -1"},
	} {
		out, _, err := runCommand(t, tc.args...)
		if err == nil || err.Error() != tc.want {
			t.Errorf("%v: got error %v, want %q", tc.args, err, tc.want)
		}
		if out != "" {
			t.Errorf("%v: stdout %q, want nothing", tc.args, out)
		}
	}
}

func TestEvalCorpusJSON(t *testing.T) {
	out, _, err := runCommand(t, "--corpus", tinyCorpus, "--json")
	if err != nil {
		t.Fatal(err)
	}
	var rep struct {
		Docs            int     `json:"docs"`
		CopyQueries     int     `json:"copy_queries"`
		OriginAccuracy  float64 `json:"origin_accuracy"`
		FalseOriginRate float64 `json:"false_origin_rate"`
		DocsPerSecond   float64 `json:"docs_per_second"`
		ByPair          map[string]struct {
			CopyQueries int `json:"copy_queries"`
		} `json:"by_pair"`
		Ingest struct {
			Created int `json:"created"`
		} `json:"ingest"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("%v in %s", err, out)
	}
	if rep.Docs != 8 || rep.CopyQueries != 4 || rep.Ingest.Created != 8 {
		t.Errorf("docs %d, queries %d, created %d; want 8, 4, 8", rep.Docs, rep.CopyQueries, rep.Ingest.Created)
	}
	if rep.OriginAccuracy != 1 || rep.FalseOriginRate != 0 {
		t.Errorf("origin accuracy %v, false origin rate %v; want 1 and 0", rep.OriginAccuracy, rep.FalseOriginRate)
	}
	if rep.ByPair["en-en"].CopyQueries != 3 || rep.ByPair["fr-fr"].CopyQueries != 1 {
		t.Errorf("by pair %+v", rep.ByPair)
	}
	if rep.DocsPerSecond <= 0 {
		t.Errorf("docs per second %v", rep.DocsPerSecond)
	}
}

func TestEvalCorpusTSV(t *testing.T) {
	out, stderr, err := runCommand(t, "--corpus", tinyCorpus)
	if err != nil {
		t.Fatal(err)
	}
	// Off a terminal stderr stays quiet, but for the one-line warning of
	// a machine without the FreeDict dictionaries.
	if s := strings.TrimPrefix(stderr, lexiconWarning); s != "" {
		t.Errorf("stderr %q, want nothing off a terminal", stderr)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 4 {
		t.Fatalf("got %d lines, want header, all, en-en, fr-fr:\n%s", len(lines), out)
	}
	if want := "pair\tdocs\tcopy_queries\torigin_accuracy\tfalse_origin_rate\tpair_precision\tpair_recall\tpair_f1\tdocs_per_second\tingest_docs_per_second"; lines[0] != want {
		t.Errorf("header\n got %q\nwant %q", lines[0], want)
	}
	for i, prefix := range []string{
		"all\t8\t4\t1.000\t0.000\t1.000\t1.000\t1.000\t",
		"en-en\t3\t3\t1.000\t0.000\t1.000\t1.000\t1.000\t\t",
		"fr-fr\t1\t1\t1.000\t0.000\t1.000\t1.000\t1.000\t\t",
	} {
		if !strings.HasPrefix(lines[i+1], prefix) {
			t.Errorf("line %d: got %q, want prefix %q", i+1, lines[i+1], prefix)
		}
	}
}

func TestEvalErrors(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--corpus", filepath.Join("testdata", "nope.jsonl")},
			"traceeval: corpus: stat testdata/nope.jsonl: no such file or directory"},
		{nil, "eval: --corpus FILE is required (or a subcommand: import, extraction)"},
		{[]string{"bogus"}, `unknown command "bogus" for "eval"`},
	} {
		out, _, err := runCommand(t, tc.args...)
		if err == nil || err.Error() != tc.want {
			t.Errorf("%v: got error %v, want %q", tc.args, err, tc.want)
		}
		if out != "" {
			t.Errorf("%v: stdout %q, want nothing", tc.args, out)
		}
	}
}

func TestExtraction(t *testing.T) {
	out, _, err := runCommand(t, "extraction", "readability", filepath.Join("testdata", "readability"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 2 || lines[0] != "set\tpages\tfailed\tprecision\trecall\tf1\tdate_accuracy\ttitle_accuracy\tpages_per_second" {
		t.Fatalf("got\n%s", out)
	}
	// One fictional page whose article is four plain paragraphs between
	// a menu, a sidebar and a footer.
	if want := "readability\t1\t0\t1.000\t1.000\t1.000\t1.000\t1.000\t"; !strings.HasPrefix(lines[1], want) {
		t.Errorf("got %q, want prefix %q", lines[1], want)
	}

	out, _, err = runCommand(t, "extraction", "readability", filepath.Join("testdata", "readability"), "--json", "--baseline", "--limit", "1")
	if err != nil {
		t.Fatal(err)
	}
	var rep struct {
		Set      string `json:"set"`
		Baseline bool   `json:"baseline"`
		Pages    int    `json:"pages"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("%v in %s", err, out)
	}
	if rep.Set != "readability" || !rep.Baseline || rep.Pages != 1 {
		t.Errorf("got %+v", rep)
	}
}

func TestExtractionErrors(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"extraction", "cleaneval", "testdata"},
			`eval extraction: unknown set "cleaneval" (want aeb, trafilatura or readability)`},
		{[]string{"extraction", "readability", filepath.Join("testdata", "nope")},
			"extraction: open testdata/nope/test-pages: no such file or directory"},
		{[]string{"extraction", "aeb"}, "accepts 2 arg(s), received 1"},
	} {
		_, _, err := runCommand(t, tc.args...)
		if err == nil || err.Error() != tc.want {
			t.Errorf("%v: got error %v, want %q", tc.args, err, tc.want)
		}
	}
}

func TestRenderTraceTTY(t *testing.T) {
	res := &traceeval.Result{
		Report: &metrics.Report{Docs: 3, CopyQueries: 1, OriginAccuracy: 1, PairPrecision: 0.5, PairRecall: 1, PairF1: 2.0 / 3, DocsPerSecond: 150,
			ByPair: map[string]*metrics.Report{"fr-en": {Docs: 2, CopyQueries: 1, OriginAccuracy: 1, PairPrecision: 0.5, PairRecall: 1, PairF1: 2.0 / 3}}},
		Ingest:              ingest.Stats{Docs: 3, Created: 3},
		IngestSeconds:       1.5,
		IngestDocsPerSecond: 2,
		IngestCPUSeconds:    0.5,
		TraceSeconds:        0.02,
	}
	var b strings.Builder
	if err := renderTrace(&b, true, res); err != nil {
		t.Fatal(err)
	}
	want := `PAIR   DOCS  COPY_QUERIES  ORIGIN_ACCURACY  FALSE_ORIGIN_RATE  PAIR_PRECISION  PAIR_RECALL  PAIR_F1  DOCS_PER_SECOND  INGEST_DOCS_PER_SECOND
all    3     1             1.000            0.000              0.500           1.000        0.667    150.0            2.0
fr-en  2     1             1.000            0.000              0.500           1.000        0.667    -                -

ingest 3 docs in 1.5s (2.0 docs/s, 6.0 per CPU-second); trace 3 docs in 0.0s (150.0 docs/s)
`
	if got := b.String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// lexiconWarning is what every command prints once where no lexicon can be
// loaded (no FreeDict dictionaries installed).
const lexiconWarning = lexiconcmd.MissingWarning + "\n"
