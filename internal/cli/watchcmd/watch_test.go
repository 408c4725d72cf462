package watchcmd_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newstrace/newstrace/internal/cli/clitest"
	"github.com/newstrace/newstrace/internal/cli/factory"
	"github.com/newstrace/newstrace/internal/cli/iostreams"
	"github.com/newstrace/newstrace/internal/cli/watchcmd"
	"github.com/newstrace/newstrace/internal/watch"
)

// Fictional paragraphs of the watched outlet's article.
var origin = []string{
	"Engineers building the flood barrier on the Lerna river said on Tuesday that the last of its eleven steel gates would be installed by the end of September, two months later than first planned.",
	"The barrier, which spans the river just upstream of the old town of Varos, is meant to protect some forty thousand residents from the spring floods that have hit the valley three times in the past decade.",
	"Delays in the delivery of the hydraulic pumps, which are made by a single supplier abroad, pushed the schedule back, the project's chief engineer told reporters at the site.",
	"The regional council has already approved an extra twelve million for the works, and officials said the final cost would stay within the revised budget agreed last winter.",
	"Residents of the lower town, who have campaigned for the barrier since the floods of 2016, welcomed the news but asked the council to publish the full inspection reports.",
}

// The aggregator's edited copy: reworded here and there, the last
// paragraph dropped, and its template's residue left in.
var copied = []string{
	"Engineers building the flood barrier on the Lerna river said this week that the last of its eleven steel gates would be installed by the end of September, two months later than first planned.",
	origin[1],
	origin[2],
	"The regional council has already approved an extra twelve million for the works, and officials insisted the final cost would stay within the revised budget agreed last winter.",
	"READ MORE: Bridge tolls to rise in Varos",
}

var unrelated = []string{
	"The harvest festival in the hill village of Dosk drew a record crowd on Saturday, with stalls selling smoked cheese, plum brandy and hand-carved spoons along the main street.",
	"Organisers said more than six thousand visitors came, twice as many as last year, and the village bakery ran out of its walnut bread before noon.",
	"A brass band from the coast closed the day with a concert in the square, and the mayor promised that next year's festival would last a whole weekend.",
}

func page(title, published string, ps []string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>%s</title><meta property="article:published_time" content="%s"></head><body><article><h1>%s</h1>`, title, published, title)
	for _, p := range ps {
		fmt.Fprintf(&b, "<p>%s</p>\n", p)
	}
	b.WriteString("</article></body></html>")
	return b.String()
}

type item struct{ path, title, published, body string }

// sites serves two fictional sites by Host: the watched outlet, with its
// article, an unrelated one and its own digest republishing the article,
// and an aggregator republishing the article as an edited copy.
func sites(t *testing.T) *httptest.Server {
	const (
		vov = "vov-news.example"
		agg = "daily-aggregator.example"
	)
	items := map[string][]item{
		vov: {
			{"/en/lerna-barrier.html", "Lerna flood barrier to be finished by autumn", "2024-05-02T08:00:00Z", page("Lerna flood barrier to be finished by autumn", "2024-05-02T08:00:00Z", origin)},
			{"/en/dosk-festival.html", "Record crowd at Dosk festival", "2024-05-04T10:00:00Z", page("Record crowd at Dosk festival", "2024-05-04T10:00:00Z", unrelated)},
			// The outlet republishing itself is no reappearance.
			{"/digest/week.html", "The week in brief", "2024-05-03T09:00:00Z", page("The week in brief", "2024-05-03T09:00:00Z", origin[:4])},
		},
		agg: {
			{"/world/lerna-barrier-delayed.html", "Lerna barrier delayed", "2024-05-02T11:00:00Z", page("Lerna barrier delayed until autumn", "2024-05-02T11:00:00Z", copied)},
		},
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		host, _, err := net.SplitHostPort(r.Host)
		if err != nil {
			host = r.Host
		}
		list, ok := items[host]
		if !ok {
			http.NotFound(w, r)
			return
		}
		switch r.URL.Path {
		case "/robots.txt":
			fmt.Fprint(w, "User-agent: *\nDisallow: /admin/\n")
			return
		case "/feed.xml":
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>%s</title>`, host)
			for _, it := range list {
				pub, _ := time.Parse(time.RFC3339, it.published)
				fmt.Fprintf(w, "<item><title>%s</title><link>http://%s%s</link><pubDate>%s</pubDate></item>\n", it.title, host, it.path, pub.Format(time.RFC1123Z))
			}
			fmt.Fprint(w, "</channel></rss>")
			return
		}
		for _, it := range list {
			if it.path == r.URL.Path {
				w.Header().Set("Content-Type", "text/html; charset=utf-8")
				fmt.Fprint(w, it.body)
				return
			}
		}
		http.NotFound(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// hook is a webhook receiver that fails its first fail requests with 500.
type hook struct {
	mu     sync.Mutex
	fail   int
	calls  int
	bodies [][]byte
	ctypes []string
}

func (h *hook) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	h.mu.Lock()
	defer h.mu.Unlock()
	h.calls++
	if h.calls <= h.fail {
		http.Error(w, "busy", http.StatusInternalServerError)
		return
	}
	h.bodies = append(h.bodies, body)
	h.ctypes = append(h.ctypes, r.Header.Get("Content-Type"))
}

// run executes the watch command with the test's resolver and dialer,
// which send the fictional hosts to the local server and nothing
// anywhere else.
func run(t *testing.T, dir string, srv *httptest.Server, args ...string) (string, string, error) {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	f := factory.NewTest(ios, dir)
	cmd := watchcmd.NewCmd(f, func(ctx context.Context, o *watchcmd.Options) error {
		o.Crawl.Resolve = func(_ context.Context, host string) ([]netip.Addr, error) {
			if strings.HasSuffix(host, ".example") {
				return []netip.Addr{netip.MustParseAddr("127.0.0.1")}, nil
			}
			return nil, fmt.Errorf("test resolver: unknown host %s", host)
		}
		o.Crawl.Dial = func(ctx context.Context, network, addr string) (net.Conn, error) {
			if addr != "127.0.0.1:80" {
				return nil, fmt.Errorf("test dialer: refusing %s", addr)
			}
			return (&net.Dialer{}).DialContext(ctx, network, srv.Listener.Addr().String())
		}
		o.Crawl.Timeout = 10 * time.Second
		o.WebhookOptions.RetryBase = 10 * time.Millisecond
		return watchcmd.Run(ctx, o)
	})
	cmd.SetArgs(args)
	cmd.SetOut(out)
	cmd.SetErr(errOut)
	err := cmd.ExecuteContext(context.Background())
	return out.String(), errOut.String(), err
}

func readEvents(t *testing.T, path string) []watch.Event {
	t.Helper()
	fh, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	var out []watch.Event
	sc := bufio.NewScanner(fh)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var e watch.Event
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			t.Fatalf("%s: line %d is not JSON: %v\n%s", path, len(out)+1, err, sc.Text())
		}
		out = append(out, e)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// checkEvent asserts what the aggregator's reappearance must say.
func checkEvent(t *testing.T, e watch.Event, source, label string) {
	t.Helper()
	if e.Source != source || e.Basis != watch.BasisOrigin {
		t.Errorf("source, basis = %q, %q; want %q, origin", e.Source, e.Basis, source)
	}
	if e.Article.Site != "daily-aggregator.example" || e.Article.URL != "http://daily-aggregator.example/world/lerna-barrier-delayed.html" {
		t.Errorf("article = %+v, want the aggregator's copy", e.Article)
	}
	if e.Origin == nil || e.Origin.URL != "http://vov-news.example/en/lerna-barrier.html" {
		t.Fatalf("origin = %+v, want the outlet's article", e.Origin)
	}
	if e.Verdict != "edited_copy" && e.Verdict != "copy" {
		t.Errorf("verdict = %q, want a copy", e.Verdict)
	}
	if e.Lag != "3h0m" {
		t.Errorf("lag = %q, want 3h0m", e.Lag)
	}
	if len(e.Evidence) < 3 || e.Score <= 0 || e.Coverage < 0.5 {
		t.Errorf("evidence %d passages, score %.2f, coverage %.2f: want the aligned paragraphs", len(e.Evidence), e.Score, e.Coverage)
	}
	found := false
	for _, p := range e.Evidence {
		if p.ArticleText == origin[1] && p.OriginText == origin[1] {
			found = true
		}
	}
	if !found {
		t.Errorf("evidence lacks the verbatim paragraph: %+v", e.Evidence)
	}
	var residue bool
	for _, s := range e.Signals {
		residue = residue || (s.Kind == "residue_marker" && strings.Contains(s.Detail, "READ MORE"))
	}
	if !residue {
		t.Errorf("signals %+v lack the residue marker", e.Signals)
	}
	if e.Label != label {
		t.Errorf("label = %q, want %q", e.Label, label)
	}
}

// A crawl of both sites, watching the outlet by its registry name, emits
// the aggregator's copy once — to a webhook that fails first, and to a
// file — and nothing for the outlet's own pages.
func TestWatchCrawl(t *testing.T) {
	srv := sites(t)
	h := &hook{fail: 1}
	hsrv := httptest.NewServer(h)
	defer hsrv.Close()
	dir := t.TempDir()
	outFile := filepath.Join(dir, "events.jsonl")
	out, errOut, err := run(t, dir, srv, "--source", "VOV News", "--registry", filepath.Join("testdata", "registry.json"),
		"--webhook", hsrv.URL+"/hook", "--out", outFile,
		"--feed", "http://vov-news.example/feed.xml", "--feed", "http://daily-aggregator.example/feed.xml",
		"--contact", "https://example.org/contact", "--allow-private-addresses", "--delay", "1ms")
	if err != nil {
		t.Fatalf("watch: %v\n%s", err, errOut)
	}
	if !strings.Contains(errOut, "pages=4") {
		t.Errorf("want 4 pages crawled:\n%s", errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 1 || !strings.Contains(lines[0], "\tVOV News\t") {
		t.Fatalf("stdout %q: want one event line\n%s", out, errOut)
	}
	const label = "VOV News (Examplestan) — state-owned"
	events := readEvents(t, outFile)
	if len(events) != 1 {
		t.Fatalf("%d events in the file, want 1:\n%s", len(events), errOut)
	}
	checkEvent(t, events[0], "VOV News", label)

	h.mu.Lock()
	defer h.mu.Unlock()
	if h.calls != 2 || len(h.bodies) != 1 {
		t.Fatalf("webhook: %d calls, %d delivered; want a retry after the 500, then one event\n%s", h.calls, len(h.bodies), errOut)
	}
	if h.ctypes[0] != "application/json" {
		t.Errorf("Content-Type %q", h.ctypes[0])
	}
	var e watch.Event
	if err := json.Unmarshal(h.bodies[0], &e); err != nil {
		t.Fatal(err)
	}
	checkEvent(t, e, "VOV News", label)
	if !strings.Contains(errOut, "delivered=1") || !strings.Contains(errOut, "retries=1") {
		t.Errorf("stderr lacks the webhook's counts:\n%s", errOut)
	}

	// A second round finds nothing new and emits nothing.
	out, errOut, err = run(t, dir, srv, "--source", "vov-news.example", "--out", outFile,
		"--feed", "http://vov-news.example/feed.xml", "--feed", "http://daily-aggregator.example/feed.xml",
		"--contact", "https://example.org/contact", "--allow-private-addresses", "--delay", "1ms")
	if err != nil || out != "" {
		t.Errorf("second run: err %v, stdout %q\n%s", err, out, errOut)
	}

	// A scan of the store finds the same reappearance, for the domain
	// the registry is not told about, without a label.
	scanFile := filepath.Join(dir, "scan.jsonl")
	out, errOut, err = run(t, dir, srv, "--from-store", "--source", "vov-news.example", "--out", scanFile)
	if err != nil {
		t.Fatalf("watch --from-store: %v\n%s", err, errOut)
	}
	events = readEvents(t, scanFile)
	if len(events) != 1 || strings.Count(out, "\n") != 1 {
		t.Fatalf("--from-store: %d events, stdout %q\n%s", len(events), out, errOut)
	}
	checkEvent(t, events[0], "vov-news.example", "")

	// Watching the aggregator instead, nothing of its reappears anywhere.
	out, errOut, err = run(t, dir, srv, "--from-store", "--source", "daily-aggregator.example", "--out", filepath.Join(dir, "none.jsonl"))
	if err != nil || out != "" {
		t.Errorf("watching the aggregator: err %v, stdout %q\n%s", err, out, errOut)
	}
}

func TestWatchFlags(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"watch", "--out", "x", "--from-store"}, "watch: give at least one --source"},
		{[]string{"watch", "--source", "rt.com", "--from-store"}, "watch: give --webhook URL or --out FILE"},
		{[]string{"watch", "--source", "rt.com", "--out", "x"}, "watch: nothing to crawl"},
		{[]string{"watch", "--source", "rt.com", "--out", "x", "--from-store", "--feed", "http://a.example/f"}, "watch: --from-store scans the store and crawls nothing"},
		{[]string{"watch", "--source", "No Such Outlet", "--out", filepath.Join(dir, "x"), "--from-store"}, `watch: unknown source "No Such Outlet"`},
		{[]string{"watch", "--source", "rt.com", "--webhook", "ftp://x", "--from-store"}, `watch: webhook "ftp://x" is not an http or https URL`},
	} {
		_, _, err := clitest.Run(t, dir, tc.args...)
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%q: err = %v, want %q", tc.args, err, tc.want)
		}
	}
	t.Setenv("NEWSTRACE_CONTACT", "")
	_, _, err := clitest.Run(t, dir, "watch", "--source", "rt.com", "--out", "x", "--feed", "http://a.example/f")
	if err == nil || !strings.Contains(err.Error(), "--contact URL is required") {
		t.Errorf("without --contact: err = %v", err)
	}
}
