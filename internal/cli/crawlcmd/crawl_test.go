package crawlcmd_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newstrace/newstrace/internal/article"
	"github.com/newstrace/newstrace/internal/cli/clitest"
	"github.com/newstrace/newstrace/internal/cli/crawlcmd"
	"github.com/newstrace/newstrace/internal/cli/factory"
	"github.com/newstrace/newstrace/internal/cli/iostreams"
	"github.com/newstrace/newstrace/internal/crawl"
	"github.com/newstrace/newstrace/internal/store/sqlite"
)

// Fictional paragraphs shared by an original and its republished copy.
var paras = []string{
	"Dock workers at the port of Ostvik voted on Thursday to strike for three days next week, after talks over night-shift pay broke down late on Wednesday evening.",
	"The union said nine in ten of its members who took part backed the walkout, which would halt container traffic through the town's two main terminals for the first time in a decade.",
	"The port authority called the vote regrettable and said it remained open to further talks before the strike begins on Monday morning, when the first ships are due.",
	"Shipping agents warned that several lines could divert their vessels to the neighbouring port of Brekka, where the quays are shorter but the cranes are newer.",
}

func page(title, published string, ps []string, extra string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<!doctype html><html><head><meta charset="utf-8"><title>%s</title><meta property="article:published_time" content="%s"></head><body><article><h1>%s</h1>`, title, published, title)
	for _, p := range ps {
		fmt.Fprintf(&b, "<p>%s</p>\n", p)
	}
	b.WriteString(extra + "</article></body></html>")
	return b.String()
}

// newSite serves a feed listing an original, a copy of it on the same
// site, and a windows-1252 page sent without a charset.
func newSite(t *testing.T) (*httptest.Server, *atomic.Int32) {
	hits := new(atomic.Int32)
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "User-agent: *\nDisallow: /admin/\n") })
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("ETag", `"f1"`)
		if r.Header.Get("If-None-Match") == `"f1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		base := "http://" + r.Host
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Courier</title>
<item><title>Harbour workers vote to strike</title><link>%[1]s/news/strike.html</link><pubDate>Thu, 02 May 2024 08:00:00 +0000</pubDate></item>
<item><title>Port faces strike</title><link>%[1]s/digest/port-strike.html</link><pubDate>Thu, 02 May 2024 11:00:00 +0000</pubDate></item>
<item><title>Café</title><link>%[1]s/news/cafe.html</link><pubDate>Fri, 03 May 2024 09:00:00 +0000</pubDate></item>
<item><title>Admin</title><link>%[1]s/admin/panel.html</link></item>
</channel></rss>`, base)
	})
	// The same two pages listed copy first, as a feed sorted by title or
	// an aggregator's own listing may have them.
	mux.HandleFunc("/copy-first.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		base := "http://" + r.Host
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Digest</title>
<item><title>Port faces strike</title><link>%[1]s/digest/port-strike.html</link></item>
<item><title>Harbour workers vote to strike</title><link>%[1]s/news/strike.html</link></item>
</channel></rss>`, base)
	})
	serve := func(body string, ctype string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			hits.Add(1)
			w.Header().Set("Content-Type", ctype)
			fmt.Fprint(w, body)
		}
	}
	mux.HandleFunc("/news/strike.html", serve(page("Harbour workers vote to strike", "2024-05-02T08:00:00Z", paras, ""), "text/html; charset=utf-8"))
	mux.HandleFunc("/digest/port-strike.html", serve(page("Port of Ostvik faces strike | Daily Digest", "2024-05-02T11:00:00Z", paras[:4], "<p>READ MORE: Ferry fares to rise</p>"), "text/html; charset=utf-8"))
	mux.HandleFunc("/news/cafe.html", serve("<html><head><title>Le caf\xe9 du port</title></head><body><article><h1>Le caf\xe9 du port rouvre</h1>"+
		"<p>Le caf\xe9 du port a rouvert ses portes vendredi apr\xe8s deux ann\xe9es de travaux, au grand plaisir des p\xeacheurs du quai nord.</p>"+
		"<p>La propri\xe9taire, qui a repris l'\xe9tablissement de ses parents, promet les m\xeames cr\xeapes et un caf\xe9 \xe0 un euro le matin.</p>"+
		"<p>Les habitu\xe9s ont salu\xe9 le nouveau comptoir en ch\xeane, taill\xe9 par un menuisier de la vall\xe9e.</p></article></body></html>", "text/html"))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv, hits
}

func TestCrawlFeed(t *testing.T) {
	srv, hits := newSite(t)
	dir := t.TempDir()
	// One fetch at a time, in the feed's order: the copy is traced when it
	// arrives, so it can name its original only if that came first (with
	// fetches in flight together either may land first, and the original
	// then lists the copy as a later copy instead).
	args := []string{"crawl", "--feed", srv.URL + "/feed.xml", "--contact", "https://example.org/contact",
		"--allow-private-addresses", "--delay", "10ms", "--workers", "1"}
	out, errOut, err := clitest.Run(t, dir, args...)
	if err != nil {
		t.Fatalf("crawl: %v\n%s", err, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 3 {
		t.Fatalf("%d new articles, want 3:\n%s\n%s", len(lines), out, errOut)
	}
	var copyLine string
	for _, l := range lines {
		if strings.Contains(l, "/digest/port-strike.html") {
			copyLine = l
		}
	}
	if f := strings.Split(copyLine, "\t"); len(f) != 5 || f[2] == "none" || f[4] != srv.URL+"/news/strike.html" {
		t.Errorf("copy line %q: want a verdict with the original as origin\n%s", copyLine, errOut)
	}
	if !strings.Contains(errOut.String(), "New article") || !strings.Contains(errOut.String(), "user_agent=\"newstrace/") {
		t.Errorf("stderr lacks the per-article log lines:\n%s", errOut)
	}

	// The store holds each article with its evidence in the WARC archive.
	st, err := sqlite.Open(context.Background(), filepath.Join(dir, "newstrace.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if n, _ := st.Count(context.Background()); n != 3 {
		t.Errorf("store holds %d articles, want 3", n)
	}
	cafe, err := st.GetByURL(context.Background(), srv.URL+"/news/cafe.html")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(cafe.Text, "Le café du port a rouvert") || cafe.Lang != "fr" {
		t.Errorf("windows-1252 page decoded as %q (lang %q)", cafe.Text, cafe.Lang)
	}
	p := cafe.Provenance
	if p.Kind != article.KindWARC || p.Record == "" || p.HTTPStatus != 200 {
		t.Errorf("provenance %+v, want a WARC record", p)
	}
	if _, err := os.Stat(p.Path); err != nil {
		t.Errorf("provenance file: %v", err)
	}
	if cafe.PublishedAt.IsZero() || cafe.PublishedFrom != article.PublishedFromFeed {
		t.Errorf("published %v from %q, want the feed's date", cafe.PublishedAt, cafe.PublishedFrom)
	}
	// The page's own date wins over the feed's.
	if strike, err := st.GetByURL(context.Background(), srv.URL+"/news/strike.html"); err != nil || strike.PublishedFrom != article.PublishedFromMetadata {
		t.Errorf("strike page: %v, published from %q, want page_metadata", err, strike.PublishedFrom)
	}

	// A second run resumes: the feed answers 304, no page is fetched.
	before := hits.Load()
	out, errOut, err = clitest.Run(t, dir, args...)
	if err != nil {
		t.Fatal(err)
	}
	if out.Len() != 0 || hits.Load() != before || !strings.Contains(errOut.String(), "not_modified=1") {
		t.Errorf("second run fetched %d pages, printed %q\n%s", hits.Load()-before, out, errOut)
	}
}

func TestCrawlRefusesLoopbackAndRequiresContact(t *testing.T) {
	srv, hits := newSite(t)
	dir := t.TempDir()
	_, _, err := clitest.Run(t, dir, "crawl", srv.URL+"/news/strike.html")
	if err == nil || !strings.Contains(err.Error(), "--contact URL is required") {
		t.Errorf("without --contact: err = %v", err)
	}
	t.Setenv("NEWSTRACE_CONTACT", "mailto:ops@example.org")
	out, errOut, err := clitest.Run(t, dir, "crawl", srv.URL+"/news/strike.html")
	if err != nil {
		t.Fatal(err)
	}
	if out.Len() != 0 || hits.Load() != 0 || !strings.Contains(errOut.String(), "is loopback") {
		t.Errorf("loopback crawl: out %q hits %d\n%s", out, hits.Load(), errOut)
	}
}

// --every repeats rounds until the context ends, and an interrupt is a
// normal end.
func TestCrawlEvery(t *testing.T) {
	srv, _ := newSite(t)
	ios, _, out, errOut := iostreams.Test()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	// Interrupt once the second round is done, like Ctrl-C would.
	ios.ErrOut = &roundWatcher{w: errOut, after: 2, cancel: cancel}
	f := factory.NewTest(ios, t.TempDir())
	cmd := newRoot(f)
	cmd.SetArgs([]string{"crawl", "--feed", srv.URL + "/feed.xml", "--contact", "https://example.org/c",
		"--allow-private-addresses", "--delay", "1ms", "--every", "100ms"})
	if err := cmd.ExecuteContext(ctx); err != nil {
		t.Fatalf("crawl --every: %v\n%s", err, errOut)
	}
	if n := strings.Count(errOut.String(), "Crawl round done"); n < 2 {
		t.Errorf("%d rounds, want at least 2\n%s", n, errOut)
	}
	if n := strings.Count(strings.TrimSpace(out.String()), "\n") + 1; n != 3 {
		t.Errorf("%d new articles over all rounds, want 3:\n%s", n, out)
	}
}

// roundWatcher passes log output through and cancels after a number of
// finished rounds.
type roundWatcher struct {
	w      io.Writer
	after  int
	n      int
	cancel func()
}

func (r *roundWatcher) Write(p []byte) (int, error) {
	if r.n += strings.Count(string(p), "Crawl round done"); r.n >= r.after {
		r.cancel()
	}
	return r.w.Write(p)
}

// TestPageArticleDates checks the order of the date sources: the page's
// own, else the listing's, else the fetch time as first seen.
func TestPageArticleDates(t *testing.T) {
	fetched := time.Date(2024, 5, 4, 7, 30, 0, 0, time.UTC)
	listed := time.Date(2024, 5, 2, 8, 0, 0, 0, time.UTC)
	dated := page("Harbour workers vote to strike", "2024-05-02T07:45:00Z", paras, "")
	undated := strings.Replace(dated, `<meta property="article:published_time" content="2024-05-02T07:45:00Z">`, "", 1)
	for _, tc := range []struct {
		name, body string
		listed     time.Time
		wantAt     time.Time
		wantFrom   string
	}{
		{"page date", dated, listed, time.Date(2024, 5, 2, 7, 45, 0, 0, time.UTC), article.PublishedFromMetadata},
		{"feed date", undated, listed, listed, article.PublishedFromFeed},
		{"no date", undated, time.Time{}, fetched, article.PublishedFromFirstSeen},
	} {
		p := &crawl.Page{Response: &crawl.Response{
			URL: "https://courier.example/news/strike.html", FinalURL: "https://courier.example/news/strike.html", Status: 200,
			Header: http.Header{"Content-Type": {"text/html; charset=utf-8"}}, Body: []byte(tc.body), FetchedAt: fetched,
		}, Published: tc.listed}
		a, err := crawlcmd.PageArticle(p, nil)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if !a.PublishedAt.Equal(tc.wantAt) || a.PublishedFrom != tc.wantFrom {
			t.Errorf("%s: published %v from %q, want %v from %q", tc.name, a.PublishedAt, a.PublishedFrom, tc.wantAt, tc.wantFrom)
		}
	}
}

// A copy fetched before its original is traced without it; when the
// original arrives, the copy is traced again and its stored trace names
// the original.
func TestCrawlTracesEarlierCopyAgain(t *testing.T) {
	srv, _ := newSite(t)
	dir := t.TempDir()
	out, errOut, err := clitest.Run(t, dir, "crawl", "--feed", srv.URL+"/copy-first.xml", "--contact", "https://example.org/contact",
		"--allow-private-addresses", "--delay", "1ms", "--workers", "1")
	if err != nil {
		t.Fatalf("crawl: %v\n%s", err, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 2 || !strings.Contains(lines[0], "/digest/port-strike.html") || strings.Split(lines[0], "\t")[2] != "none" {
		t.Fatalf("want the copy first, traced with no origin yet:\n%s", out)
	}
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(dir, "newstrace.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	cp, err := st.GetByURL(ctx, srv.URL+"/digest/port-strike.html")
	if err != nil {
		t.Fatal(err)
	}
	orig, err := st.GetByURL(ctx, srv.URL+"/news/strike.html")
	if err != nil {
		t.Fatal(err)
	}
	ms, err := st.Matches(ctx, cp.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) != 1 || ms[0].OriginID != orig.ID {
		t.Errorf("stored trace of the copy %+v, want the original %s as origin", ms, orig.ID)
	}
	if !strings.Contains(errOut.String(), "Traced again") {
		t.Errorf("stderr does not say the copy was traced again:\n%s", errOut)
	}
}
