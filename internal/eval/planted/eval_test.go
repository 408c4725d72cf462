package planted

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/newstrace/newstrace/internal/article"
	"github.com/newstrace/newstrace/internal/eval/metrics"
	"github.com/newstrace/newstrace/internal/eval/traceeval"
	"github.com/newstrace/newstrace/internal/match"
	"github.com/newstrace/newstrace/internal/store"
	"github.com/newstrace/newstrace/internal/store/sqlite"
)

// strictEnv turns the cross-lingual targets from logged figures into
// failures; the lead sets it once cross-lingual matching has landed.
const strictEnv = "NEWSTRACE_STRICT_EVAL"

// Targets of issues 3 and 4 on these sets.
const (
	maxFalseCopyRate       = 0.05 // related: independents given a copy/translation origin
	minChainOriginAccuracy = 0.9
)

// evaluation is one traceeval run over an embedded corpus, with what the
// run's summary leaves out: the gold articles as stored and each
// article's prediction, verdict included.
type evaluation struct {
	res   *traceeval.Result
	arts  []*article.Article
	byID  map[string]*article.Article
	preds map[string]metrics.Prediction
}

// evaluate writes the corpus to a temporary file, scores it with
// traceeval.Run, and traces the store that run built once more for the
// per-article verdicts.
func evaluate(t *testing.T, name string, corpus io.Reader) *evaluation {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, name)
	data, err := io.ReadAll(corpus)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "eval.db")
	lex := loadLexicon(t)
	res, err := traceeval.Run(ctx, path, traceeval.Options{Keep: db, Lexicon: lex, OnError: func(err error) { t.Errorf("ingest %s: %v", name, err) }})
	if err != nil {
		t.Fatal(err)
	}
	if res.Ingest.Created != res.Ingest.Docs || res.Errors != 0 {
		t.Fatalf("%s: ingest %+v, %d trace errors; want every record stored and traced", name, res.Ingest, res.Errors)
	}
	st, err := sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ev := &evaluation{res: res, byID: map[string]*article.Article{}, preds: map[string]metrics.Prediction{}}
	err = st.List(ctx, store.Query{}, func(a *article.Article) error {
		ev.arts = append(ev.arts, a)
		ev.byID[a.ID] = a
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	preds, failed, err := traceeval.TraceAll(ctx, st, ev.arts, 0, lex, nil)
	if err != nil || failed != 0 {
		t.Fatalf("%s: trace: %d failed, %v", name, failed, err)
	}
	for _, p := range preds {
		ev.preds[p.ID] = p
	}
	return ev
}

// logReport logs the run's headline figures, overall and per pair.
func (ev *evaluation) logReport(t *testing.T, name string) {
	t.Helper()
	r := ev.res.Report
	t.Logf("%s: docs %d, copy_queries %d, origin_accuracy %.3f, false_origin_rate %.3f, pair P/R/F1 %.3f/%.3f/%.3f",
		name, r.Docs, r.CopyQueries, r.OriginAccuracy, r.FalseOriginRate, r.PairPrecision, r.PairRecall, r.PairF1)
	keys := make([]string, 0, len(r.ByPair))
	for k := range r.ByPair {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		b := r.ByPair[k]
		t.Logf("  %-6s docs %2d, queries %2d, origin_accuracy %.3f, false_origin_rate %.3f",
			k, b.Docs, b.CopyQueries, b.OriginAccuracy, b.FalseOriginRate)
	}
}

// derives reports whether a verdict claims that one text was made from
// the other, as opposed to merely related coverage.
func derives(v string) bool {
	switch match.Verdict(v) {
	case match.Copy, match.EditedCopy, match.Translation:
		return true
	}
	return false
}

// rate is a share with its counts, for logs.
type rate struct{ n, of int }

func (r rate) value() float64 {
	if r.of == 0 {
		return 0
	}
	return float64(r.n) / float64(r.of)
}

func (r rate) String() string { return fmt.Sprintf("%.3f (%d/%d)", r.value(), r.n, r.of) }

// relatedFigures are the false-copy rates of the related set: the share
// of independent reports given an origin with a copy, edited_copy or
// translation verdict, overall and split by whether the claimed origin is
// in the article's language; and the share of its true copies and
// translations resolved to their gold origin.
type relatedFigures struct {
	falseCopy, falseCopySame, falseCopyCross rate
	copiesFound, translationsFound           rate
	falseCopies                              []string
}

func (ev *evaluation) related() relatedFigures {
	var f relatedFigures
	for _, a := range ev.arts {
		p := ev.preds[a.ID]
		switch a.Gold.Relation {
		case article.RelationIndependent:
			f.falseCopy.of++
			if p.Origin == "" || !derives(p.Verdict) {
				continue
			}
			f.falseCopy.n++
			f.falseCopies = append(f.falseCopies, fmt.Sprintf("%s → %s (%s)", a.ID, p.Origin, p.Verdict))
			if o := ev.byID[p.Origin]; o != nil && o.Lang == a.Lang {
				f.falseCopySame.n++
			} else {
				f.falseCopyCross.n++
			}
		case article.RelationCopy:
			f.copiesFound.of++
			if p.Origin == a.Gold.Origin {
				f.copiesFound.n++
			}
		case article.RelationTranslation:
			f.translationsFound.of++
			if p.Origin == a.Gold.Origin {
				f.translationsFound.n++
			}
		}
	}
	// The denominators of the split are the same independents: a false
	// copy is either in the article's language or not.
	f.falseCopySame.of, f.falseCopyCross.of = f.falseCopy.of, f.falseCopy.of
	return f
}

// chainFigures grade the chains set by the step of the path: copies on
// the first aggregator, translations on the second, which must resolve
// past the copy they were made from to the true origin.
type chainFigures struct {
	copies, translations rate
	// viaCopy counts translations resolved to the intermediate copy:
	// the right chain, the wrong end of it.
	viaCopy      int
	falseOrigins rate
	misses       []string
}

func (ev *evaluation) chains(paths map[string][]string) chainFigures {
	var f chainFigures
	for _, a := range ev.arts {
		p := ev.preds[a.ID]
		switch a.Gold.Relation {
		case article.RelationCopy, article.RelationTranslation:
			r := &f.copies
			if a.Gold.Relation == article.RelationTranslation {
				r = &f.translations
			}
			r.of++
			if p.Origin == a.Gold.Origin {
				r.n++
				continue
			}
			if path := paths[a.ID]; len(path) > 2 && p.Origin == path[len(path)-2] {
				f.viaCopy++
			}
			f.misses = append(f.misses, fmt.Sprintf("%s → %q (%s), want %s", a.ID, p.Origin, p.Verdict, a.Gold.Origin))
		default:
			f.falseOrigins.of++
			if p.Origin != "" {
				f.falseOrigins.n++
				f.misses = append(f.misses, fmt.Sprintf("%s → %s (%s), want none", a.ID, p.Origin, p.Verdict))
			}
		}
	}
	return f
}

// TestEvalRelated asserts what the engine does reliably within one
// language on independent coverage of the same event: it never calls
// such a report a copy of a same-language report, and still finds the
// real same-language copies next to it.
func TestEvalRelated(t *testing.T) {
	ev := evaluate(t, "related.jsonl", Related())
	ev.logReport(t, "related")
	f := ev.related()
	t.Logf("related: false_copy_rate %v (same language %v, cross-language %v); copies found %v, translations found %v",
		f.falseCopy, f.falseCopySame, f.falseCopyCross, f.copiesFound, f.translationsFound)
	for _, s := range f.falseCopies {
		t.Logf("  false copy: %s", s)
	}
	if f.falseCopy.of < 40 {
		t.Fatalf("%d independent reports traced, want 40+", f.falseCopy.of)
	}
	if f.falseCopySame.n != 0 {
		t.Errorf("same-language false copies %v, want none", f.falseCopySame)
	}
	if f.copiesFound.of != 3 || f.copiesFound.n != f.copiesFound.of {
		t.Errorf("same-language copies found %v, want all 3", f.copiesFound)
	}
}

// TestEvalChains asserts the same-language half of every planted chain:
// the aggregator's verbatim or edited copy resolves to the true origin,
// and no original or distractor is given an origin within its language.
func TestEvalChains(t *testing.T) {
	paths, err := Paths()
	if err != nil {
		t.Fatal(err)
	}
	ev := evaluate(t, "chains.jsonl", Chains())
	ev.logReport(t, "chains")
	f := ev.chains(paths)
	t.Logf("chains: copies resolved %v, translations resolved %v (%d to the intermediate copy), false origins %v",
		f.copies, f.translations, f.viaCopy, f.falseOrigins)
	for _, s := range f.misses {
		t.Logf("  miss: %s", s)
	}
	if f.copies.of < 10 || f.copies.n != f.copies.of {
		t.Errorf("same-language copies resolved %v, want all of 10+", f.copies)
	}
	for _, a := range ev.arts {
		p := ev.preds[a.ID]
		if a.Gold.Origin != "" || p.Origin == "" {
			continue
		}
		if o := ev.byID[p.Origin]; o != nil && o.Lang == a.Lang {
			t.Errorf("%s (no origin) given same-language origin %s (%s)", a.ID, p.Origin, p.Verdict)
		}
	}
}

// TestCrossLingualTargets measures the targets that depend on
// cross-lingual matching: a false-copy rate of at most 0.05 on the related
// set (independent reports in two languages are the hard negatives of
// translation detection) and an origin accuracy of at least 0.9 on the
// chains, whose second step is always a translation. It logs the figures
// and fails only when NEWSTRACE_STRICT_EVAL=1.
func TestCrossLingualTargets(t *testing.T) {
	strict := os.Getenv(strictEnv) == "1"
	check := func(ok bool, format string, args ...any) {
		t.Helper()
		switch {
		case ok:
			t.Logf("met: "+format, args...)
		case strict:
			t.Errorf("missed: "+format, args...)
		default:
			t.Logf("missed (not enforced without %s=1): "+format, append([]any{strictEnv}, args...)...)
		}
	}

	rel := evaluate(t, "related.jsonl", Related()).related()
	check(rel.falseCopy.value() <= maxFalseCopyRate, "related false_copy_rate %v, target ≤ %.2f", rel.falseCopy, maxFalseCopyRate)
	t.Logf("related translations found %v (not a target: both counterparts are present)", rel.translationsFound)

	paths, err := Paths()
	if err != nil {
		t.Fatal(err)
	}
	ch := evaluate(t, "chains.jsonl", Chains())
	f := ch.chains(paths)
	check(ch.res.OriginAccuracy >= minChainOriginAccuracy, "chains origin_accuracy %.3f (translations %v), target ≥ %.2f",
		ch.res.OriginAccuracy, f.translations, minChainOriginAccuracy)
	t.Logf("chains false_origin_rate %.3f (not a target)", ch.res.FalseOriginRate)
}
