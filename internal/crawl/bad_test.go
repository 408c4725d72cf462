package crawl_test

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newstrace/newstrace/internal/crawl"
)

// badSite misbehaves in every way the crawler must survive.
func newBadSite(t *testing.T) (*httptest.Server, *siteLog) {
	t.Helper()
	log := &siteLog{}
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) })
	mux.HandleFunc("/slow.html", func(w http.ResponseWriter, r *http.Request) {
		select { // never answers in time; gives up when the client does
		case <-r.Context().Done():
		case <-time.After(10 * time.Second):
		}
	})
	mux.HandleFunc("/huge.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		chunk := []byte(strings.Repeat("<p>padding padding padding</p>\n", 100))
		for range 100 { // ~300 KB, unannounced (chunked)
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	})
	mux.HandleFunc("/truncated.html", func(w http.ResponseWriter, r *http.Request) {
		conn, buf, err := http.NewResponseController(w).Hijack()
		if err != nil {
			t.Error(err)
			return
		}
		defer conn.Close()
		fmt.Fprint(buf, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 5000\r\n\r\n<html><body><p>The first lines of a story that never")
		buf.Flush()
	})
	mux.HandleFunc("/cp1252.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html") // no charset
		w.Write([]byte("<html><body><p>Le caf\xe9 na\xeff du port a rouvert ses portes \x96 enfin.</p></body></html>"))
	})
	mux.HandleFunc("/loop-a", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop-b", http.StatusFound) })
	mux.HandleFunc("/loop-b", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop-a", http.StatusFound) })
	for i := range 8 {
		mux.HandleFunc(fmt.Sprintf("/hop%d", i), func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, fmt.Sprintf("/hop%d", i+1), http.StatusMovedPermanently)
		})
	}
	mux.HandleFunc("/bad-feed.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Broken</title><item><title>Half an item</ti`)
	})
	mux.HandleFunc("/bad-sitemap.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/xml")
		fmt.Fprint(w, `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>/a</loc></url><url><loc>`)
	})
	var busy atomic.Int32
	mux.HandleFunc("/busy.html", func(w http.ResponseWriter, r *http.Request) {
		if busy.Add(1) == 1 {
			w.Header().Set("Retry-After", "1")
			http.Error(w, "slow down", http.StatusTooManyRequests)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "<html><body><p>Served at last.</p></body></html>")
	})
	srv := httptest.NewServer(log.wrap(mux))
	t.Cleanup(srv.Close)
	return srv, log
}

func TestBadResponses(t *testing.T) {
	srv, log := newBadSite(t)
	opts := testOptions(nil)
	opts.Delay = 10 * time.Millisecond
	opts.Timeout = 300 * time.Millisecond
	opts.MaxBodySize = 64 << 10
	opts.MaxRetries = 1
	opts.MaxPerHost = 4
	f := crawl.NewFetcher(opts)
	ctx := context.Background()

	cases := []struct {
		path string
		want error  // errors.Is target; nil for success
		text string // in the error message
	}{
		{"/slow.html", nil, "no response within 300ms"},
		{"/huge.html", crawl.ErrBodyTooLarge, "more than 65536 bytes"},
		{"/truncated.html", nil, "body cut short"},
		{"/loop-a", crawl.ErrRedirectLoop, "/loop-b → " + srv.URL + "/loop-a"},
		{"/hop0", crawl.ErrTooManyRedirects, "limit 5"},
		{"/busy.html", nil, ""},
		{"/cp1252.html", nil, ""},
		{"/nowhere.html", crawl.ErrStatus, "status 404"},
	}
	for _, c := range cases {
		t.Run(strings.Trim(c.path, "/"), func(t *testing.T) {
			u := srv.URL + c.path
			resp, err := f.Fetch(ctx, u, crawl.Validators{})
			if c.text == "" {
				if err != nil {
					t.Fatalf("Fetch: %v", err)
				}
				return
			}
			if err == nil {
				t.Fatalf("Fetch %s succeeded (status %d), want an error", c.path, resp.Status)
			}
			if c.want != nil && !errors.Is(err, c.want) {
				t.Errorf("err = %v, want %v", err, c.want)
			}
			// The log line names the URL and says what went wrong.
			if msg := err.Error(); !strings.Contains(msg, u) || !strings.Contains(msg, c.text) {
				t.Errorf("error %q does not name %s and say %q", msg, u, c.text)
			}
		})
	}
	// 429 then 200: retried once, after the Retry-After second.
	var busy []hit
	for _, h := range log.snapshot() {
		if h.Path == "/busy.html" {
			busy = append(busy, h)
		}
	}
	if len(busy) != 2 || busy[0].Status != 429 || busy[1].Status != 200 {
		t.Fatalf("busy.html requests %+v, want a 429 then a 200", busy)
	}
	if gap := busy[1].At.Sub(busy[0].At); gap < 900*time.Millisecond {
		t.Errorf("retried %s after a 429 with Retry-After: 1", gap)
	}
	// Windows-1252 bytes arrive untouched, for extraction to decode.
	resp, _ := f.Fetch(ctx, srv.URL+"/cp1252.html", crawl.Validators{})
	if resp == nil || !strings.Contains(string(resp.Body), "caf\xe9") {
		t.Errorf("cp1252 body altered")
	}

	// Malformed listings: the round survives and names each URL.
	state, _ := crawl.LoadState("")
	got := runRound(t, opts, state, crawl.Seeds{
		Feeds:    []string{srv.URL + "/bad-feed.xml"},
		Sitemaps: []string{srv.URL + "/bad-sitemap.xml"},
		URLs:     []string{srv.URL + "/cp1252.html"},
	})
	if len(got.pages) != 1 || len(got.errs) != 2 {
		t.Fatalf("pages %d, errors %v; want 1 page and 2 errors", len(got.pages), got.errs)
	}
	for _, want := range []string{"/bad-feed.xml: status 200: not a readable feed", "/bad-sitemap.xml: status 200: not a readable sitemap"} {
		found := false
		for _, err := range got.errs {
			found = found || strings.Contains(err.Error(), srv.URL+want)
		}
		if !found {
			t.Errorf("no error naming %s in %v", want, got.errs)
		}
	}
}

// The SSRF guard: loopback is refused unless allowed, also when a
// public-looking name redirects there, and the server never sees the
// forbidden request.
func TestGuard(t *testing.T) {
	site := newNewsSite(t, "0")
	target := site.URL + "/news/" + stories[0].Slug + ".html"
	opts := testOptions(nil)
	opts.AllowPrivateAddresses = false

	_, err := crawl.NewFetcher(opts).Fetch(context.Background(), target, crawl.Validators{})
	if !errors.Is(err, crawl.ErrForbiddenAddress) || !strings.Contains(err.Error(), "127.0.0.1 is loopback") {
		t.Errorf("loopback fetch: err = %v, want ErrForbiddenAddress", err)
	}
	if n := len(site.log.snapshot()); n != 0 {
		t.Errorf("server saw %d requests", n)
	}

	// news.example "resolves" to a documentation address that the test
	// dialer routes to a redirector, which points at the loopback site.
	redirector := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		http.Redirect(w, r, target, http.StatusFound)
	}))
	defer redirector.Close()
	public := netip.MustParseAddr("192.0.2.10")
	opts.Resolve = func(_ context.Context, host string) ([]netip.Addr, error) {
		if host == "news.example" {
			return []netip.Addr{public}, nil
		}
		return nil, fmt.Errorf("test resolver: unknown host %s", host)
	}
	opts.Dial = func(ctx context.Context, network, addr string) (net.Conn, error) {
		if addr != "192.0.2.10:80" {
			return nil, fmt.Errorf("test dialer: refusing %s", addr) // never leave the machine
		}
		return (&net.Dialer{}).DialContext(ctx, network, strings.TrimPrefix(redirector.URL, "http://"))
	}
	_, err = crawl.NewFetcher(opts).Fetch(context.Background(), "http://news.example/story", crawl.Validators{})
	if !errors.Is(err, crawl.ErrForbiddenAddress) || !strings.Contains(err.Error(), "after redirects: "+target) {
		t.Errorf("redirect to loopback: err = %v, want ErrForbiddenAddress after the redirect", err)
	}
	if n := len(site.log.snapshot()); n != 0 {
		t.Errorf("server saw %d requests", n)
	}

	// With the flag, the same page is fetched.
	opts = testOptions(nil)
	resp, err := crawl.NewFetcher(opts).Fetch(context.Background(), target, crawl.Validators{})
	if err != nil || resp.Status != 200 {
		t.Fatalf("allowed fetch: %v", err)
	}
}
