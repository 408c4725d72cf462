// Package traceeval measures the whole tracing pipeline on a corpus with
// gold labels: it ingests the corpus into a fresh store, traces every
// stored article against all the others, and scores the origins found with
// eval/metrics.
//
// Every run starts from an empty store so that the result depends on the
// corpus alone, never on what an earlier run or a user's data directory
// left behind.
package traceeval

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/newstrace/newstrace/internal/article"
	"github.com/newstrace/newstrace/internal/eval/metrics"
	"github.com/newstrace/newstrace/internal/ingest"
	"github.com/newstrace/newstrace/internal/lang"
	"github.com/newstrace/newstrace/internal/lexicon"
	"github.com/newstrace/newstrace/internal/provenance"
	"github.com/newstrace/newstrace/internal/store"
	"github.com/newstrace/newstrace/internal/store/sqlite"
)

// Options control a Run. The zero value is sane.
type Options struct {
	// Workers is the number of goroutines for both ingest and tracing;
	// 0 means GOMAXPROCS.
	Workers int
	// Keep, when set, is the store file to build (it must not exist yet)
	// and to leave in place afterwards, for `newstrace trace --db` to
	// inspect. Empty means a temporary file, removed after the run.
	Keep string
	// Progress, when set, is called after each traced article with the
	// number traced so far and the total. It is called from several
	// goroutines, never concurrently.
	Progress func(done, total int)
	// OnError receives each corpus record that could not be ingested;
	// such records are skipped. Nil ignores them.
	OnError func(err error)
	// Lexicon pivots words to English for cross-lingual matching, as in
	// `newstrace trace`; nil evaluates without one (lower recall).
	Lexicon *lexicon.Lexicon
}

// Result is a scored run: the metrics, with the time each half took.
type Result struct {
	*metrics.Report
	// Ingest counts what ingesting the corpus did; Duplicates were
	// dropped by the store (same ID, URL or text as an earlier record)
	// and are therefore not scored.
	Ingest ingest.Stats `json:"ingest"`
	// IngestSeconds is the wall time of ingest (extract, language,
	// sketch, store); IngestDocsPerSecond is ingested records over it.
	IngestSeconds       float64 `json:"ingest_seconds"`
	IngestDocsPerSecond float64 `json:"ingest_docs_per_second"`
	// TraceSeconds is the wall time of tracing every stored article,
	// index warm-up included; Report.DocsPerSecond is traced articles
	// over it.
	TraceSeconds float64 `json:"trace_seconds"`
	// IngestCPUSeconds and TraceCPUSeconds are the process CPU time of
	// each half (0 where not measured): on a shared machine, docs per
	// CPU-second compare better across runs than docs per second.
	IngestCPUSeconds float64 `json:"ingest_cpu_seconds"`
	TraceCPUSeconds  float64 `json:"trace_cpu_seconds"`
	// Errors is the number of articles whose trace failed; they count as
	// predicting no origin.
	Errors int `json:"trace_errors"`
}

// Run ingests the corpus JSON Lines file at corpusPath into a fresh store,
// traces every stored article and scores the predicted origins against the
// gold labels read back from the store.
func Run(ctx context.Context, corpusPath string, opts Options) (*Result, error) {
	if _, err := os.Stat(corpusPath); err != nil {
		return nil, fmt.Errorf("traceeval: corpus: %w", err)
	}
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	path, cleanup, err := storePath(opts.Keep)
	if err != nil {
		return nil, err
	}
	defer cleanup()
	st, err := sqlite.Open(ctx, path)
	if err != nil {
		return nil, fmt.Errorf("traceeval: %w", err)
	}
	defer st.Close()

	res := &Result{}
	start, cpuStart := time.Now(), cpuTime()
	res.Ingest, err = load(ctx, st, corpusPath, workers, opts.Lexicon, opts.OnError)
	if err != nil {
		return nil, err
	}
	res.IngestSeconds = time.Since(start).Seconds()
	res.IngestCPUSeconds = (cpuTime() - cpuStart).Seconds()
	res.IngestDocsPerSecond = perSecond(res.Ingest.Docs, res.IngestSeconds)

	gold, err := storedArticles(ctx, st)
	if err != nil {
		return nil, err
	}
	start, cpuStart = time.Now(), cpuTime()
	preds, failed, err := TraceAll(ctx, st, gold, workers, opts.Lexicon, opts.Progress)
	if err != nil {
		return nil, err
	}
	res.TraceSeconds = time.Since(start).Seconds()
	res.TraceCPUSeconds = (cpuTime() - cpuStart).Seconds()
	res.Errors = failed
	res.Report = metrics.Score(gold, preds)
	res.DocsPerSecond = perSecond(len(gold), res.TraceSeconds)
	return res, nil
}

// TraceAll builds a Tracer over st and traces each of arts on workers
// goroutines. It returns one prediction per article, in the order of arts,
// and the number of articles whose trace failed (those predict no origin).
// Only a cancelled context or a failure to build the Tracer is an error.
func TraceAll(ctx context.Context, st store.Store, arts []*article.Article, workers int, lex *lexicon.Lexicon, progress func(done, total int)) ([]metrics.Prediction, int, error) {
	tr, err := provenance.NewTracer(ctx, st, provenance.Options{Lexicon: lex})
	if err != nil {
		return nil, 0, fmt.Errorf("traceeval: %w", err)
	}
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	preds := make([]metrics.Prediction, len(arts))
	var (
		next, failed atomic.Int64
		mu           sync.Mutex // serialises progress calls
		done         int
		wg           sync.WaitGroup
	)
	for range min(workers, max(len(arts), 1)) {
		wg.Go(func() {
			for ctx.Err() == nil {
				i := int(next.Add(1)) - 1
				if i >= len(arts) {
					return
				}
				a := arts[i]
				preds[i] = metrics.Prediction{ID: a.ID}
				if rep, err := tr.TraceID(ctx, a.ID); err != nil {
					failed.Add(1)
				} else {
					preds[i].Verdict = string(rep.Verdict)
					if rep.Origin != nil {
						preds[i].Origin = rep.Origin.ID
					}
				}
				if progress != nil {
					mu.Lock()
					done++
					progress(done, len(arts))
					mu.Unlock()
				}
			}
		})
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, 0, fmt.Errorf("traceeval: %w", err)
	}
	return preds, int(failed.Load()), nil
}

// load ingests the corpus file into st the way `newstrace ingest` would.
func load(ctx context.Context, st store.Store, corpusPath string, workers int, lex *lexicon.Lexicon, onError func(error)) (ingest.Stats, error) {
	stats, err := ingest.Run(ctx, []string{corpusPath}, ingest.Options{
		Store:    st,
		Sketcher: provenance.NewSketcherWithLexicon(lex),
		Lang:     lang.New(),
		Workers:  workers,
		OnError:  onError,
	})
	if err != nil {
		return stats, fmt.Errorf("traceeval: %w", err)
	}
	return stats, nil
}

// storedArticles reads every article back from st, with its gold label.
func storedArticles(ctx context.Context, st store.Store) ([]*article.Article, error) {
	var arts []*article.Article
	err := st.List(ctx, store.Query{}, func(a *article.Article) error {
		arts = append(arts, a)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("traceeval: read back: %w", err)
	}
	return arts, nil
}

// storePath returns the store file to use and how to clean it up: keep,
// which must not exist yet (a stale store would mix corpora), or a file in
// a new temporary directory.
func storePath(keep string) (string, func(), error) {
	if keep != "" {
		if _, err := os.Stat(keep); err == nil {
			return "", nil, fmt.Errorf("traceeval: store %s already exists; each run needs a fresh one", keep)
		} else if !errors.Is(err, os.ErrNotExist) {
			return "", nil, fmt.Errorf("traceeval: %w", err)
		}
		return keep, func() {}, nil
	}
	dir, err := os.MkdirTemp("", "newstrace-eval-")
	if err != nil {
		return "", nil, fmt.Errorf("traceeval: %w", err)
	}
	return filepath.Join(dir, "eval.db"), func() { os.RemoveAll(dir) }, nil
}

func perSecond(n int, secs float64) float64 {
	if secs <= 0 {
		return 0
	}
	return float64(n) / secs
}
