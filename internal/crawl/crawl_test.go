package crawl_test

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/nlnwa/gowarc/v3"

	"github.com/newstrace/newstrace/internal/crawl"
	"github.com/newstrace/newstrace/internal/crawl/archive"
	"github.com/newstrace/newstrace/internal/ingest/warc"
)

const testContact = "https://example.org/newstrace-test"

// testOptions are fast, local-only crawl options.
func testOptions(aw *archive.Writer) crawl.Options {
	return crawl.Options{
		Version:               "test",
		ContactURL:            testContact,
		AllowPrivateAddresses: true,
		Delay:                 50 * time.Millisecond,
		MaxPerHost:            2,
		Timeout:               2 * time.Second,
		RetryBase:             20 * time.Millisecond,
		MaxRetries:            2,
		Archive:               aw,
	}
}

// crawled is the outcome of one round.
type crawled struct {
	stats crawl.Stats
	pages []*crawl.Page
	errs  []error
}

func runRound(t *testing.T, opts crawl.Options, state *crawl.State, seeds crawl.Seeds) crawled {
	t.Helper()
	var (
		mu  sync.Mutex
		out crawled
	)
	c := crawl.NewCrawler(crawl.NewFetcher(opts), state)
	c.OnError = func(err error) { mu.Lock(); out.errs = append(out.errs, err); mu.Unlock() }
	stats, err := c.Run(context.Background(), seeds, func(_ context.Context, p *crawl.Page) error {
		mu.Lock()
		out.pages = append(out.pages, p)
		mu.Unlock()
		return nil
	})
	if err != nil {
		t.Fatalf("crawl round: %v", err)
	}
	out.stats = stats
	return out
}

// The whole politeness contract, asserted on the server's request log:
// robots.txt first and obeyed, each article fetched once although three
// listings name it, the per-host cap and pace respected, the contact in
// the User-Agent, and on a second run only conditional requests answered
// 304, with no article fetched again.
func TestCrawlNewsSite(t *testing.T) {
	site := newNewsSite(t, "0.1")
	dir := t.TempDir()
	aw, err := archive.NewWriter(archive.Options{Dir: filepath.Join(dir, "warc")})
	if err != nil {
		t.Fatal(err)
	}
	statePath := filepath.Join(dir, "state.json")
	state, err := crawl.LoadState(statePath)
	if err != nil {
		t.Fatal(err)
	}
	seeds := crawl.Seeds{
		Feeds:    []string{site.URL + "/rss.xml", site.URL + "/atom.xml"},
		Sitemaps: []string{site.URL + "/sitemap_index.xml"},
	}
	got := runRound(t, testOptions(aw), state, seeds)
	if err := aw.Rotate(); err != nil {
		t.Fatal(err)
	}
	if err := state.Save(); err != nil {
		t.Fatal(err)
	}
	if len(got.errs) != 0 {
		t.Errorf("errors: %v", got.errs)
	}

	hits := site.log.snapshot()
	if len(hits) == 0 || hits[0].Path != "/robots.txt" {
		t.Fatalf("first request %v, want /robots.txt", hits)
	}
	if n := site.log.count("/robots.txt"); n != 1 {
		t.Errorf("robots.txt fetched %d times, want 1", n)
	}
	for _, h := range hits {
		if strings.HasPrefix(h.Path, "/private/") {
			t.Errorf("fetched %s, which robots.txt disallows", h.Path)
		}
		if want := "newstrace/test (+" + testContact + ")"; h.UserAgent != want {
			t.Errorf("User-Agent %q, want %q", h.UserAgent, want)
		}
	}
	for _, s := range stories {
		if n := site.log.count("/news/" + s.Slug + ".html"); n != 1 {
			t.Errorf("%s fetched %d times, want 1", s.Slug, n)
		}
	}
	if len(got.pages) != len(stories) {
		t.Errorf("handed over %d pages, want %d", len(got.pages), len(stories))
	}
	if got.stats.Disallowed != 2 {
		t.Errorf("disallowed = %d, want 2 (%+v)", got.stats.Disallowed, got.stats)
	}
	if got.stats.Listings != 4 { // rss, atom, index, news sitemap
		t.Errorf("listings = %d, want 4 (%+v)", got.stats.Listings, got.stats)
	}
	if site.log.maxIn > 2 {
		t.Errorf("%d requests in flight at once, cap is 2", site.log.maxIn)
	}
	// Crawl-delay 0.1 s raises the 50 ms delay: the starts of n requests
	// span at least (n-1)·100 ms. Only a lower bound, halved for the
	// jitter of the first arrival, so a slow machine cannot fail it.
	span := hits[len(hits)-1].At.Sub(hits[0].At)
	if min := time.Duration(len(hits)-2) * 50 * time.Millisecond; span < min {
		t.Errorf("%d requests within %s, want at least %s between first and last", len(hits), span, min)
	}
	// Listing hints travel with the page.
	for _, p := range got.pages {
		if p.Source == "" || p.Title == "" || p.Published.IsZero() {
			t.Errorf("page %s lacks listing hints: source %q title %q published %v", p.FinalURL, p.Source, p.Title, p.Published)
		}
		if p.Archive.File == "" || p.Archive.RecordID == "" {
			t.Errorf("page %s not archived: %+v", p.FinalURL, p.Archive)
		}
	}

	checkWARC(t, filepath.Join(dir, "warc"), got.pages, len(hits))

	// Second run, a new process: state from the file.
	site.log.reset()
	state2, err := crawl.LoadState(statePath)
	if err != nil {
		t.Fatal(err)
	}
	again := runRound(t, testOptions(nil), state2, seeds)
	if len(again.errs) != 0 || len(again.pages) != 0 {
		t.Errorf("second run: %d pages, errors %v; want none", len(again.pages), again.errs)
	}
	if again.stats.NotModified != 3 {
		t.Errorf("second run: %d not modified, want 3 (rss, atom, index): %+v", again.stats.NotModified, again.stats)
	}
	for _, h := range site.log.snapshot() {
		switch {
		case h.Path == "/robots.txt":
		case h.IfNoneMatch != siteETag || h.IfModSince != siteLastModified:
			t.Errorf("second run: %s asked without validators (If-None-Match %q)", h.Path, h.IfNoneMatch)
		case h.Status != 304:
			t.Errorf("second run: %s answered %d, want 304", h.Path, h.Status)
		}
	}
}

// checkWARC reads the archive back with both readers: newstrace's own
// (the pages, with record IDs and offsets the crawl handed out) and
// gowarc's (every response paired with its request).
func checkWARC(t *testing.T, dir string, pages []*crawl.Page, exchanges int) {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "*.warc.gz"))
	if len(files) == 0 {
		t.Fatalf("no WARC file in %s", dir)
	}
	want := map[string]crawl.Page{}
	for _, p := range pages {
		want[p.Archive.RecordID] = *p
	}
	found := 0
	responses, requests := map[string]string{}, map[string]string{}
	for _, file := range files {
		fh, err := os.Open(file)
		if err != nil {
			t.Fatal(err)
		}
		r, err := warc.NewReader(fh, file)
		if err != nil {
			t.Fatal(err)
		}
		for {
			pg, err := r.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("warc reader: %v", err)
			}
			p, ok := want[pg.RecordID]
			if !ok {
				continue
			}
			found++
			if pg.Offset != p.Archive.Offset || file != p.Archive.File || pg.URL != p.FinalURL || string(pg.Body) != string(p.Body) {
				t.Errorf("record %s: at %s:%d url %s; crawl said %s:%d url %s (bodies equal: %v)",
					pg.RecordID, file, pg.Offset, pg.URL, p.Archive.File, p.Archive.Offset, p.FinalURL, string(pg.Body) == string(p.Body))
			}
		}
		fh.Close()

		gr, err := gowarc.NewWarcFileReader(file, 0)
		if err != nil {
			t.Fatal(err)
		}
		for rec, err := range gr.Records() {
			if err != nil {
				t.Fatalf("gowarc: %s: %v", file, err)
			}
			h := rec.WarcRecord.WarcHeader()
			id, to := h.GetId(gowarc.WarcRecordID), h.GetId(gowarc.WarcConcurrentTo)
			switch rec.WarcRecord.Type() {
			case gowarc.Response:
				responses[id] = to
			case gowarc.Request:
				requests[id] = to
			}
			for _, v := range rec.Validation {
				t.Errorf("gowarc validation: %s record %s: %v", rec.WarcRecord.Type(), id, v)
			}
			rec.Close()
		}
		gr.Close()
	}
	if found != len(pages) {
		t.Errorf("found %d of %d pages in the WARC files", found, len(pages))
	}
	if len(responses) != exchanges || len(requests) != exchanges {
		t.Errorf("%d responses and %d requests archived, want %d of each", len(responses), len(requests), exchanges)
	}
	for resp, req := range responses {
		if requests[req] != resp {
			t.Errorf("response %s names request %s, which names %s", resp, req, requests[req])
		}
	}
}

// A round interrupted by its context stops promptly and reports it.
func TestCrawlCancel(t *testing.T) {
	site := newNewsSite(t, "1") // a Crawl-delay that makes the round take seconds
	state, _ := crawl.LoadState("")
	ctx, cancel := context.WithCancel(context.Background())
	c := crawl.NewCrawler(crawl.NewFetcher(testOptions(nil)), state)
	var n atomic.Int32
	_, err := c.Run(ctx, crawl.Seeds{Feeds: []string{site.URL + "/rss.xml"}}, func(context.Context, *crawl.Page) error {
		n.Add(1)
		cancel()
		return nil
	})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
	if n.Load() >= 4 {
		t.Errorf("%d pages handled although the first cancelled the round", n.Load())
	}
	if !slices.ContainsFunc(site.log.snapshot(), func(h hit) bool { return h.Path == "/rss.xml" }) {
		t.Error("feed never fetched")
	}
}
