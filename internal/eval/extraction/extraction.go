// Package extraction scores newstrace's HTML extraction on public
// evaluation sets, each with its own published metric:
//
//   - aeb: ScrapingHub's article-extraction-benchmark, word 4-gram
//     (shingle) precision and recall per page, averaged over pages, F1 of
//     the averages;
//   - trafilatura: trafilatura's evaluation set, "with" strings found are
//     true positives and "without" strings found false positives, pooled
//     over all pages; publication date to the day;
//   - readability: Mozilla Readability's test pages, token precision and
//     recall against expected.html, title and date from
//     expected-metadata.json.
//
// Baseline runs go-trafilatura alone, as the sets' own scripts run it, so
// that what newstrace adds can be measured against it.
package extraction

import (
	"bytes"
	"context"
	"fmt"
	"net/url"
	"strings"
	"time"

	trafilatura "github.com/markusmobius/go-trafilatura"

	"github.com/newstrace/newstrace/internal/extract"
)

// Sets that Run knows.
const (
	SetAEB         = "aeb"
	SetTrafilatura = "trafilatura"
	SetReadability = "readability"
)

// Options control a run.
type Options struct {
	Baseline   bool // go-trafilatura alone, no newstrace additions
	NoFallback bool // disable trafilatura's readability/domdistiller fallback
	Limit      int  // score only the first Limit pages (in sorted order); 0 means all
	// Progress, when set, is called after each page.
	Progress func(done, total int)
}

// Report is the outcome of one run.
type Report struct {
	Set            string  `json:"set"`
	Baseline       bool    `json:"baseline"`
	Fallback       bool    `json:"fallback"`
	Pages          int     `json:"pages"`
	Failed         int     `json:"failed"` // pages where extraction returned an error
	Precision      float64 `json:"precision"`
	Recall         float64 `json:"recall"`
	F1             float64 `json:"f1"`
	DateAccuracy   float64 `json:"date_accuracy"`
	DatePages      int     `json:"date_pages"` // pages with a gold date
	TitleAccuracy  float64 `json:"title_accuracy"`
	TitlePages     int     `json:"title_pages"`      // pages with a gold title
	PagesPerSecond float64 `json:"pages_per_second"` // wall clock, extraction only
	// CPUPagesPerSecond is pages per second of process CPU time (0 where
	// not measured): the figure to compare on a shared machine.
	CPUPagesPerSecond float64 `json:"cpu_pages_per_second"`
}

// Run scores extraction on set, whose files are in dir.
func Run(ctx context.Context, set, dir string, opts Options) (*Report, error) {
	var pages []page
	var err error
	switch set {
	case SetAEB:
		pages, err = loadAEB(dir)
	case SetTrafilatura:
		pages, err = loadTrafilatura(dir)
	case SetReadability:
		pages, err = loadReadability(dir)
	default:
		return nil, fmt.Errorf("extraction: unknown set %q (want aeb, trafilatura or readability)", set)
	}
	if err != nil {
		return nil, err
	}
	if opts.Limit > 0 && opts.Limit < len(pages) {
		pages = pages[:opts.Limit]
	}

	rep := &Report{Set: set, Baseline: opts.Baseline, Fallback: !opts.NoFallback, Pages: len(pages)}
	var (
		mac             macro
		pooled          counts
		dateOK, titleOK int
		elapsed, cpu    time.Duration
	)
	for i, p := range pages {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("extraction: %w", err)
		}
		raw, err := p.load()
		if err != nil {
			return nil, err
		}
		start, cpuStart := time.Now(), cpuTime()
		got, err := extractPage(raw, p.url, opts)
		elapsed += time.Since(start)
		cpu += cpuTime() - cpuStart
		if err != nil {
			rep.Failed++
		}

		switch set {
		case SetAEB:
			mac.add(shingleCounts(p.gold.text, strings.ReplaceAll(got.text, "\u00ad", "")))
		case SetTrafilatura:
			pooled = addCounts(pooled, withWithout(got.text, p.gold.with, p.gold.without))
		case SetReadability:
			mac.add(tokenCounts(p.gold.text, got.text))
		}
		if p.gold.date != "" {
			rep.DatePages++
			if !got.date.IsZero() && got.date.Format(time.DateOnly) == p.gold.date {
				dateOK++
			}
		}
		if p.gold.title != "" {
			rep.TitlePages++
			if sameTitle(got.title, p.gold.title) {
				titleOK++
			}
		}
		if opts.Progress != nil {
			opts.Progress(i+1, len(pages))
		}
	}

	if set == SetTrafilatura {
		rep.Precision, rep.Recall, rep.F1 = pooled.micro()
	} else {
		rep.Precision, rep.Recall, rep.F1 = mac.scores()
	}
	if rep.DatePages > 0 {
		rep.DateAccuracy = float64(dateOK) / float64(rep.DatePages)
	}
	if rep.TitlePages > 0 {
		rep.TitleAccuracy = float64(titleOK) / float64(rep.TitlePages)
	}
	if s := elapsed.Seconds(); s > 0 {
		rep.PagesPerSecond = float64(len(pages)) / s
	}
	if s := cpu.Seconds(); s > 0 {
		rep.CPUPagesPerSecond = float64(len(pages)) / s
	}
	return rep, nil
}

// extracted is what a run compares against the gold data.
type extracted struct {
	text, title string
	date        time.Time
}

// extractPage runs newstrace's extraction, or go-trafilatura alone for a
// baseline. A failed page scores as empty output.
func extractPage(raw []byte, pageURL string, opts Options) (extracted, error) {
	if opts.Baseline {
		topts := trafilatura.Options{EnableFallback: !opts.NoFallback, ExcludeComments: true}
		if u, err := url.Parse(pageURL); err == nil && u.IsAbs() {
			topts.OriginalURL = u
		}
		res, err := trafilatura.Extract(bytes.NewReader(raw), topts)
		if err != nil {
			return extracted{}, err
		}
		return extracted{text: res.ContentText, title: res.Metadata.Title, date: res.Metadata.Date}, nil
	}
	a, err := extract.Extract(bytes.NewReader(raw), extract.Options{URL: pageURL, NoFallback: opts.NoFallback})
	if err != nil {
		return extracted{}, err
	}
	return extracted{text: a.Text, title: a.Title, date: a.PublishedAt}, nil
}

func addCounts(a, b counts) counts {
	return counts{tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn, tn: a.tn + b.tn}
}
