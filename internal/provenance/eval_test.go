package provenance

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/newstrace/newstrace/internal/article"
	"github.com/newstrace/newstrace/internal/eval/corpus"
	"github.com/newstrace/newstrace/internal/eval/metrics"
	"github.com/newstrace/newstrace/internal/lexicon"
	"github.com/newstrace/newstrace/internal/match"
	"github.com/newstrace/newstrace/internal/sharedtest"
	"github.com/newstrace/newstrace/internal/store/sqlite"
)

// TestEvalNewstest runs the whole trace on newstest2014 when
// NEWSTRACE_EVAL is set, for measuring rather than asserting: it takes
// minutes. NEWSTRACE_EVAL_PARTIAL=K and NEWSTRACE_EVAL_NO_ORIGINS=1 select
// the condition, NEWSTRACE_EVAL_WMT=wmttest2022.<pair>.all.xml evaluates
// that WMT22 file instead, NEWSTRACE_EVAL_SIGNALS the cross-lingual signals (a
// match.Signals bit set), NEWSTRACE_LEXICON a lexicon file ("" imports the
// installed dictionaries, FreeDict's and Apertium's, "none" runs without).
func TestEvalNewstest(t *testing.T) {
	if os.Getenv("NEWSTRACE_EVAL") == "" {
		t.Skip("set NEWSTRACE_EVAL=1 to run the newstest2014 evaluation")
	}
	ctx := context.Background()
	var opts corpus.Options
	opts.PartialK, _ = strconv.Atoi(os.Getenv("NEWSTRACE_EVAL_PARTIAL"))
	opts.DropOrigins = os.Getenv("NEWSTRACE_EVAL_NO_ORIGINS") != ""
	var arts []*article.Article
	var err error
	if wmt := os.Getenv("NEWSTRACE_EVAL_WMT"); wmt != "" {
		arts, err = corpus.ImportWMT(ctx, []string{sharedtest.Path(t, "eval", "wmt22", wmt)}, opts)
	} else {
		arts, err = corpus.ImportNewstest(ctx, sharedtest.Path(t, "eval", "newstest2014"), opts)
	}
	if err != nil {
		t.Fatal(err)
	}
	lex := evalLexicon(t)
	sig, _ := strconv.Atoi(os.Getenv("NEWSTRACE_EVAL_SIGNALS"))
	mopts := match.Options{Pivot: match.NewPivoter(lex), Signals: match.Signals(sig)}
	rep, secs := evalRun(t, ctx, arts, mopts)
	if os.Getenv("NEWSTRACE_EVAL_BRIEF") != "" {
		rep.ByPair = nil
	}
	b, _ := json.MarshalIndent(rep, "", "  ")
	t.Logf("trace %.1fs (%.0f docs/s)\n%s", secs, float64(len(arts))/secs, b)
}

func evalLexicon(t testing.TB) *lexicon.Lexicon {
	switch path := os.Getenv("NEWSTRACE_LEXICON"); path {
	case "none":
		return nil
	case "":
		l, _, err := lexicon.ImportDir(context.Background(), "/usr/share/dictd")
		if err != nil {
			t.Fatal(err)
		}
		l, _, err = lexicon.AddInstalled(context.Background(), l, lexicon.DefaultInstalled())
		if err != nil {
			t.Fatal(err)
		}
		return l
	default:
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		l, err := lexicon.Read(f)
		if err != nil {
			t.Fatal(err)
		}
		return l
	}
}

// evalRun stores arts with their sketches, traces each and scores the
// origins; it returns the report and the trace time.
func evalRun(t testing.TB, ctx context.Context, arts []*article.Article, mopts match.Options) (*metrics.Report, float64) {
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "eval.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	sk := &Sketcher{Match: mopts}
	for _, a := range arts {
		if _, _, err := st.Put(ctx, a, sk.Sketches(a)); err != nil {
			t.Fatal(err)
		}
	}
	start := time.Now()
	tr, err := NewTracer(ctx, st, Options{Match: mopts})
	if err != nil {
		t.Fatal(err)
	}
	preds := make([]metrics.Prediction, len(arts))
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range next {
				rep, err := tr.TraceID(ctx, arts[i].ID)
				if err != nil {
					t.Error(err)
					continue
				}
				preds[i] = metrics.Prediction{ID: arts[i].ID, Verdict: string(rep.Verdict)}
				if rep.Origin != nil {
					preds[i].Origin = rep.Origin.ID
				}
			}
		})
	}
	for i := range arts {
		next <- i
	}
	close(next)
	wg.Wait()
	secs := time.Since(start).Seconds()
	if os.Getenv("NEWSTRACE_EVAL_ERRORS") != "" { // for failure analysis
		byID := map[string]*article.Article{}
		for _, a := range arts {
			byID[a.ID] = a
		}
		for _, p := range preds {
			g := byID[p.ID].Gold
			want := g.Origin
			if _, ok := byID[want]; !ok {
				want = ""
			}
			if p.Origin != want {
				t.Logf("error %s: got %q (%s), want %q", p.ID, p.Origin, p.Verdict, want)
			}
		}
	}
	return metrics.Score(arts, preds), secs
}
