// Package ingest runs the first half of the pipeline over local inputs:
// it walks files (HTML, plain text, corpus JSON Lines, WARC), extracts
// and prepares each article, sketches it and stores it.
//
// A bad file or record is reported through Options.OnError and the batch
// goes on; what is already stored is never touched, and ingesting the same
// article twice stores it once (the store's Put is idempotent).
package ingest

import (
	"context"
	"fmt"
	"runtime"
	"sync"

	"github.com/newstrace/newstrace/internal/article"
	"github.com/newstrace/newstrace/internal/ingest/source"
	"github.com/newstrace/newstrace/internal/lang"
	"github.com/newstrace/newstrace/internal/store"
)

// Sketcher computes the LSH sketches an article is indexed under.
type Sketcher interface {
	Sketches(a *article.Article) []store.Sketch
}

// Options configure a Run. Store and Sketcher are required.
type Options struct {
	Store    store.Store
	Sketcher Sketcher
	Lang     *lang.Detector
	// Workers is the number of extraction goroutines; 0 means GOMAXPROCS.
	Workers int
	// OnError receives each item that could not be ingested. Nil ignores.
	OnError func(err error)
	// OnStored receives each article after Put, with created=false for a
	// duplicate. bytes is the input consumed for it, for progress.
	OnStored func(a *article.Article, id string, created bool, bytes int64)
}

// Stats count what a Run did.
type Stats struct {
	Docs       int `json:"docs"`       // articles read and prepared
	Created    int `json:"created"`    // newly stored
	Duplicates int `json:"duplicates"` // already stored
	Errors     int `json:"errors"`     // items that could not be ingested
}

type prepared struct {
	a     *article.Article
	sk    []store.Sketch
	bytes int64
	err   error
}

// Run ingests every input under paths. Extraction runs on Workers
// goroutines; stores happen on one, so idempotency checks see every
// earlier article. It returns early only on context cancellation or a
// store failure.
func Run(ctx context.Context, paths []string, opts Options) (Stats, error) {
	if opts.Store == nil || opts.Sketcher == nil {
		return Stats{}, fmt.Errorf("ingest: store and sketcher are required")
	}
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	items := make(chan source.Item, workers*2)
	results := make(chan prepared, workers*2)
	var walkErr error
	go func() {
		defer close(items)
		walkErr = source.Walk(ctx, paths, func(it source.Item) error {
			select {
			case items <- it:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for it := range items {
				p := prepared{bytes: int64(len(it.Body))}
				p.a, p.err = Prepare(it, opts.Lang)
				if p.err == nil {
					p.sk = opts.Sketcher.Sketches(p.a)
				}
				select {
				case results <- p:
				case <-ctx.Done():
					return
				}
			}
		})
	}
	go func() { wg.Wait(); close(results) }()

	var st Stats
	var storeErr error
	for p := range results {
		if storeErr != nil {
			continue // drain so the workers can finish
		}
		if p.err != nil {
			st.Errors++
			if opts.OnError != nil {
				opts.OnError(fmt.Errorf("ingest: %w", p.err))
			}
			continue
		}
		st.Docs++
		id, created, err := opts.Store.Put(ctx, p.a, p.sk)
		if err != nil {
			storeErr = fmt.Errorf("ingest: store %s: %w", p.a.ID, err)
			cancel()
			continue
		}
		if created {
			st.Created++
		} else {
			st.Duplicates++
		}
		if opts.OnStored != nil {
			opts.OnStored(p.a, id, created, p.bytes)
		}
	}
	if storeErr != nil {
		return st, storeErr
	}
	if walkErr != nil {
		return st, fmt.Errorf("ingest: %w", walkErr)
	}
	return st, ctx.Err()
}
