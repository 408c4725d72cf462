package traceeval

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// tiny.jsonl holds three fictional originals (two English, one French),
// four copies of them (lightly edited, with residue, cut to the lead) and
// one independent article on a neighbouring subject.
const tinyCorpus = "testdata/tiny.jsonl"

func TestRunTiny(t *testing.T) {
	var (
		mu    sync.Mutex
		calls int
		last  [2]int
	)
	res, err := Run(context.Background(), tinyCorpus, Options{Workers: 3, Progress: func(done, total int) {
		mu.Lock()
		defer mu.Unlock()
		calls++
		last = [2]int{done, total}
	}})
	if err != nil {
		t.Fatal(err)
	}
	if res.Docs != 8 || res.CopyQueries != 4 {
		t.Fatalf("docs %d, copy queries %d; want 8 and 4", res.Docs, res.CopyQueries)
	}
	if res.Ingest.Created != 8 || res.Ingest.Errors != 0 {
		t.Errorf("ingest %+v, want 8 created and no errors", res.Ingest)
	}
	if res.OriginAccuracy != 1 {
		t.Errorf("origin accuracy %v, want 1", res.OriginAccuracy)
	}
	if res.FalseOriginRate != 0 {
		t.Errorf("false origin rate %v, want 0", res.FalseOriginRate)
	}
	if b := res.ByPair["fr-fr"]; b == nil || b.CopyQueries != 1 || b.OriginAccuracy != 1 {
		t.Errorf("fr-fr %+v, want one query found", b)
	}
	if b := res.ByPair["en-en"]; b == nil || b.CopyQueries != 3 {
		t.Errorf("en-en %+v, want three queries", b)
	}
	if res.DocsPerSecond <= 0 || res.IngestDocsPerSecond <= 0 {
		t.Errorf("rates %v and %v, want both above 0", res.DocsPerSecond, res.IngestDocsPerSecond)
	}
	if calls != 8 || last != [2]int{8, 8} {
		t.Errorf("progress called %d times, last %v; want 8 times ending at 8/8", calls, last)
	}
}

func TestRunKeep(t *testing.T) {
	keep := filepath.Join(t.TempDir(), "kept.db")
	if _, err := Run(context.Background(), tinyCorpus, Options{Keep: keep}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(keep); err != nil {
		t.Fatalf("kept store: %v", err)
	}
	// A second run must not mix its corpus into the first one's store.
	_, err := Run(context.Background(), tinyCorpus, Options{Keep: keep})
	if err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Fatalf("second run into the kept store: got %v, want an 'already exists' error", err)
	}
}

func TestRunMissingCorpus(t *testing.T) {
	_, err := Run(context.Background(), "testdata/nope.jsonl", Options{})
	if !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("got %v, want a not-exist error", err)
	}
	if want := "traceeval: corpus: stat testdata/nope.jsonl: no such file or directory"; err.Error() != want {
		t.Errorf("got %q, want %q", err, want)
	}
}

func TestRunCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Run(ctx, tinyCorpus, Options{}); !errors.Is(err, context.Canceled) {
		t.Fatalf("got %v, want context.Canceled", err)
	}
}
