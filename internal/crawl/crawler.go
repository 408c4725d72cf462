package crawl

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/newstrace/newstrace/internal/ingest/feed"
	"github.com/newstrace/newstrace/internal/ingest/sitemap"
)

// DefaultMaxSitemapDepth bounds how deep sitemap indexes are followed.
const DefaultMaxSitemapDepth = 3

// Seeds are where a crawl round starts.
type Seeds struct {
	Feeds    []string // RSS, Atom or JSON Feed URLs
	Sitemaps []string // sitemap or sitemap index URLs
	// URLs are article pages, or feeds and sitemaps recognised by their
	// content once fetched.
	URLs []string
}

// Page is a fetched article page handed to the caller.
type Page struct {
	*Response
	// Source is the feed or sitemap that listed the page, "" for a seed.
	Source string
	// Title and Published are what the listing said about the page; they
	// help when the page itself lacks them.
	Title     string
	Published time.Time
}

// Stats count what a round did.
type Stats struct {
	Listings    int `json:"listings"`     // feeds and sitemaps fetched
	NotModified int `json:"not_modified"` // listings answered 304
	Discovered  int `json:"discovered"`   // article URLs listed
	Skipped     int `json:"skipped"`      // listed but handled in an earlier round
	Pages       int `json:"pages"`        // article pages fetched and handed over
	Disallowed  int `json:"disallowed"`   // URLs robots.txt kept us from
	Errors      int `json:"errors"`       // fetches or handlers that failed
}

// Crawler runs crawl rounds: it fetches the seeds, follows feeds and
// sitemaps to the article pages they list, skips pages handled before
// (State), and hands each new page to a handler.
type Crawler struct {
	Fetcher *Fetcher
	State   *State
	// MaxSitemapDepth bounds index → sitemap nesting (default 3).
	MaxSitemapDepth int
	// OnError receives each failure (a *FetchError naming the URL, or the
	// handler's error); the round goes on. Nil ignores them. URLs that
	// robots.txt disallows are not failures: they are only counted.
	OnError func(error)
}

// NewCrawler returns a Crawler over f remembering state in st.
func NewCrawler(f *Fetcher, st *State) *Crawler {
	return &Crawler{Fetcher: f, State: st, MaxSitemapDepth: DefaultMaxSitemapDepth}
}

type taskKind int

const (
	taskSeed taskKind = iota
	taskFeed
	taskSitemap
	taskPage
)

type task struct {
	kind      taskKind
	url       string
	source    string
	title     string
	published time.Time
	depth     int
}

// Run crawls one round from seeds, calling handle for each new article
// page from up to Workers goroutines at once. A page is remembered as
// handled once fetched, whether or not handle succeeds (an unusable page
// stays unusable); a page whose fetch failed in a way that may pass is
// tried again next round. Run returns early only when ctx ends or the
// archive fails.
func (c *Crawler) Run(ctx context.Context, seeds Seeds, handle func(context.Context, *Page) error) (Stats, error) {
	r := &round{c: c, handle: handle, queued: map[string]bool{}}
	r.cond = sync.NewCond(&r.mu)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	r.cancel = cancel
	for _, u := range seeds.Feeds {
		r.push(task{kind: taskFeed, url: u})
	}
	for _, u := range seeds.Sitemaps {
		r.push(task{kind: taskSitemap, url: u})
	}
	for _, u := range seeds.URLs {
		r.push(task{kind: taskSeed, url: u})
	}
	stop := context.AfterFunc(ctx, func() {
		r.mu.Lock()
		r.cond.Broadcast()
		r.mu.Unlock()
	})
	defer stop()
	var wg sync.WaitGroup
	for range c.Fetcher.opts.Workers {
		wg.Go(func() {
			for {
				t, ok := r.pop(ctx)
				if !ok {
					return
				}
				r.do(ctx, t)
				r.done()
			}
		})
	}
	wg.Wait()
	if r.fatal != nil {
		return r.stats, r.fatal
	}
	return r.stats, ctx.Err()
}

// round is the shared state of one Run.
type round struct {
	c      *Crawler
	handle func(context.Context, *Page) error
	cancel func()

	mu     sync.Mutex
	cond   *sync.Cond
	queue  []task
	active int
	queued map[string]bool // URLs queued this round
	stats  Stats
	fatal  error
}

func (r *round) push(t task) {
	r.mu.Lock()
	defer r.mu.Unlock()
	key := fmt.Sprint(t.kind == taskPage, t.url)
	if r.queued[key] {
		return
	}
	r.queued[key] = true
	r.queue = append(r.queue, t)
	r.cond.Signal()
}

// pop waits for a task; it reports false when the round is over: nothing
// queued and nothing running that could queue more, or ctx done.
func (r *round) pop(ctx context.Context) (task, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for len(r.queue) == 0 && r.active > 0 && ctx.Err() == nil {
		r.cond.Wait()
	}
	if len(r.queue) == 0 || ctx.Err() != nil {
		r.cond.Broadcast()
		return task{}, false
	}
	t := r.queue[0]
	r.queue = r.queue[1:]
	r.active++
	return t, true
}

func (r *round) done() {
	r.mu.Lock()
	r.active--
	r.cond.Broadcast()
	r.mu.Unlock()
}

func (r *round) count(f func(*Stats)) {
	r.mu.Lock()
	f(&r.stats)
	r.mu.Unlock()
}

// fail reports err, or ends the round on an archive failure.
func (r *round) fail(err error) {
	if errors.Is(err, context.Canceled) {
		return
	}
	if errors.Is(err, ErrDisallowed) {
		// Not a failure: the site asked, and is obeyed.
		r.count(func(s *Stats) { s.Disallowed++ })
		return
	}
	r.count(func(s *Stats) { s.Errors++ })
	if errors.Is(err, ErrArchive) {
		r.mu.Lock()
		if r.fatal == nil {
			r.fatal = err
		}
		r.mu.Unlock()
		r.cancel()
		return
	}
	if r.c.OnError != nil {
		r.c.OnError(err)
	}
}

func (r *round) do(ctx context.Context, t task) {
	switch t.kind {
	case taskPage:
		r.page(ctx, t)
	default:
		r.listing(ctx, t)
	}
}

// listing fetches a feed, a sitemap or a seed and queues what it lists.
func (r *round) listing(ctx context.Context, t task) {
	st := r.c.State
	if t.kind == taskSeed && st.Seen(t.url) {
		r.count(func(s *Stats) { s.Skipped++ })
		return
	}
	v, _ := st.Validators(t.url)
	resp, err := r.c.Fetcher.Fetch(ctx, t.url, v)
	if err != nil {
		r.fail(err)
		if t.kind == taskSeed && permanent(err) {
			st.MarkSeen(t.url, time.Now())
		}
		return
	}
	if resp.NotModified() {
		r.count(func(s *Stats) { s.Listings++; s.NotModified++ })
		return
	}
	kind := t.kind
	if kind == taskSeed {
		kind = sniff(resp)
		if kind == taskPage {
			r.count(func(s *Stats) { s.Discovered++ })
			r.deliver(ctx, t, resp)
			return
		}
	}
	r.count(func(s *Stats) { s.Listings++ })
	var listed []task
	switch kind {
	case taskFeed:
		fd, err := feed.Parse(bytes.NewReader(resp.Body), resp.FinalURL)
		if err != nil {
			r.fail(&FetchError{URL: t.url, Status: resp.Status, Err: fmt.Errorf("not a readable feed: %w", err)})
			return
		}
		for _, e := range fd.Entries {
			listed = append(listed, task{kind: taskPage, url: e.URL, source: t.url, title: e.Title, published: e.Published})
		}
	case taskSitemap:
		sm, err := sitemap.Parse(bytes.NewReader(resp.Body))
		if err != nil {
			r.fail(&FetchError{URL: t.url, Status: resp.Status, Err: fmt.Errorf("not a readable sitemap: %w", err)})
			return
		}
		for _, ref := range sm.Sitemaps {
			if t.depth >= r.c.maxDepth() {
				r.fail(&FetchError{URL: ref.Loc, Err: fmt.Errorf("sitemap index nested deeper than %d, not followed", r.c.maxDepth())})
				break
			}
			listed = append(listed, task{kind: taskSitemap, url: absolute(resp.FinalURL, ref.Loc), source: t.url, depth: t.depth + 1})
		}
		for _, u := range sm.URLs {
			p := task{kind: taskPage, url: absolute(resp.FinalURL, u.Loc), source: t.url, published: u.Published()}
			if u.News != nil {
				p.title = u.News.Title
			}
			listed = append(listed, p)
		}
	}
	st.SetValidators(t.url, resp.Validators())
	for _, l := range listed {
		if l.kind == taskPage {
			r.count(func(s *Stats) { s.Discovered++ })
			if st.Seen(l.url) {
				r.count(func(s *Stats) { s.Skipped++ })
				continue
			}
		}
		r.push(l)
	}
}

// page fetches an article page and hands it over.
func (r *round) page(ctx context.Context, t task) {
	resp, err := r.c.Fetcher.Fetch(ctx, t.url, Validators{})
	if err != nil {
		r.fail(err)
		if permanent(err) {
			r.c.State.MarkSeen(t.url, time.Now())
		}
		return
	}
	r.deliver(ctx, t, resp)
}

func (r *round) deliver(ctx context.Context, t task, resp *Response) {
	r.count(func(s *Stats) { s.Pages++ })
	p := &Page{Response: resp, Source: t.source, Title: t.title, Published: t.published}
	if err := r.handle(ctx, p); err != nil {
		r.fail(err)
	}
	if ctx.Err() == nil {
		r.c.State.MarkSeen(t.url, resp.FetchedAt)
		if resp.FinalURL != t.url {
			r.c.State.MarkSeen(resp.FinalURL, resp.FetchedAt)
		}
	}
}

func (c *Crawler) maxDepth() int {
	if c.MaxSitemapDepth <= 0 {
		return DefaultMaxSitemapDepth
	}
	return c.MaxSitemapDepth
}

// permanent reports a failure that fetching again will not cure: the
// page is gone (404, 410), refused by robots (until robots changes, which
// is rare enough to not refetch for), or unusable as sent.
func permanent(err error) bool {
	var fe *FetchError
	if !errors.As(err, &fe) {
		return false
	}
	switch {
	case fe.Status == http.StatusNotFound, fe.Status == http.StatusGone:
		return true
	case errors.Is(err, ErrBodyTooLarge), errors.Is(err, ErrUnsupportedURL), errors.Is(err, ErrRedirectLoop), errors.Is(err, ErrTooManyRedirects):
		return true
	}
	return false
}

// sniff classifies a seed's response: a feed, a sitemap or a page.
func sniff(resp *Response) taskKind {
	mt := mediaType(resp.ContentType())
	if mt == "text/html" || mt == "application/xhtml+xml" || mt == "text/plain" {
		return taskPage
	}
	head := resp.Body
	if len(head) > 2048 {
		head = head[:2048]
	}
	s := strings.ToLower(string(head))
	switch {
	case strings.Contains(s, "<urlset") || strings.Contains(s, "<sitemapindex") || len(head) > 1 && head[0] == 0x1f && head[1] == 0x8b:
		return taskSitemap
	case strings.Contains(s, "<rss") || strings.Contains(s, "<feed") || strings.Contains(s, "<rdf:rdf") || strings.Contains(s, "jsonfeed.org"):
		return taskFeed
	}
	return taskPage
}

// absolute resolves ref against base, leaving it as is when either does
// not parse (the fetch then reports it).
func absolute(base, ref string) string {
	b, err := parseHTTPURL(base)
	if err != nil {
		return ref
	}
	u, err := b.Parse(strings.TrimSpace(ref))
	if err != nil {
		return ref
	}
	return u.String()
}
