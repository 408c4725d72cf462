package crawl_test

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// hit is one request the simulated site received.
type hit struct {
	Path        string
	At          time.Time
	UserAgent   string
	IfNoneMatch string
	IfModSince  string
	Status      int
}

// siteLog records requests and the most requests in flight at once.
type siteLog struct {
	mu       sync.Mutex
	hits     []hit
	inFlight int
	maxIn    int
}

func (l *siteLog) wrap(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		l.mu.Lock()
		l.inFlight++
		l.maxIn = max(l.maxIn, l.inFlight)
		i := len(l.hits)
		l.hits = append(l.hits, hit{Path: r.URL.RequestURI(), At: time.Now(), UserAgent: r.UserAgent(),
			IfNoneMatch: r.Header.Get("If-None-Match"), IfModSince: r.Header.Get("If-Modified-Since")})
		l.mu.Unlock()
		rec := &statusRecorder{ResponseWriter: w, status: 200}
		h.ServeHTTP(rec, r)
		l.mu.Lock()
		l.inFlight--
		l.hits[i].Status = rec.status
		l.mu.Unlock()
	})
}

func (l *siteLog) snapshot() []hit {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]hit(nil), l.hits...)
}

func (l *siteLog) reset() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.hits = nil
	l.maxIn = 0
}

func (l *siteLog) count(path string) int {
	n := 0
	for _, h := range l.snapshot() {
		if h.Path == path {
			n++
		}
	}
	return n
}

type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(code int) { r.status = code; r.ResponseWriter.WriteHeader(code) }

// Unwrap lets http.ResponseController reach the real writer (to hijack).
func (r *statusRecorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// story is one fictional article of the simulated site.
type story struct {
	Slug, Title, Published string
	Paras                  []string
}

// stories are invented for these tests; any resemblance is accidental.
var stories = []story{
	{"harbour-strike", "Harbour workers in Ostvik vote to strike", "2024-05-02T08:00:00Z", []string{
		"Dock workers at the port of Ostvik voted on Thursday to strike for three days next week, after talks over night-shift pay broke down late on Wednesday.",
		"The union said nine in ten of its members who took part backed the walkout, which would halt container traffic through the town's two main terminals.",
		"The port authority called the vote regrettable and said it remained open to further talks before the strike begins on Monday morning.",
	}},
	{"ferry-fares", "Ferry fares to the northern islands will rise in June", "2024-05-02T10:30:00Z", []string{
		"Passengers on the ferry routes to the northern islands will pay about a tenth more from the first of June, the regional transport office announced.",
		"Officials blamed the rise on fuel costs and on the repair of the older of the two vessels, which spent most of the winter in dry dock.",
		"Island councils said the increase would hit families and small traders hardest and asked for a discount for residents.",
	}},
	{"library-reopens", "Old town library reopens after two years of repairs", "2024-05-03T07:15:00Z", []string{
		"The old town library reopened its doors on Friday after two years of repairs to its roof, its heating and the reading room's painted ceiling.",
		"Around four hundred visitors queued before opening time, some of them carrying books they had borrowed before the building closed.",
		"The librarians have added a children's corner and longer opening hours on Saturdays, paid for by a grant from the regional council.",
	}},
	{"river-levels", "River levels fall as the spring floods recede", "2024-05-03T12:00:00Z", []string{
		"Water levels on the Lunde river fell below the warning mark on Friday for the first time in eleven days, the flood service said.",
		"Farmers along the lower valley began to count the damage to fields that stood under water for most of April.",
		"The service warned that heavy rain forecast for the middle of next week could bring the river up again, though not to the April peak.",
	}},
	{"chess-final", "Seventeen-year-old wins the national chess final", "2024-05-04T18:45:00Z", []string{
		"A seventeen-year-old student from the coast won the national chess final on Saturday, beating the defending champion in a long endgame.",
		"She had entered the tournament as the ninth seed and lost only one game in seven rounds, to a player twice her age.",
		"Her coach said the win would let her play in the European youth championship in the autumn, if the club can raise the travel money.",
	}},
	{"bakery-prize", "Village bakery wins the regional bread prize", "2024-05-05T09:20:00Z", []string{
		"A family bakery from the village of Brekka won the regional bread prize on Sunday with a rye loaf made from a recipe kept since the 1930s.",
		"The jury praised the crust and the sour, slightly sweet crumb, and said the loaf stood out among more than sixty entries.",
		"The bakers said they would not change a thing, except perhaps to bake more on Saturdays, when the loaf sells out before noon.",
	}},
}

func (s story) html() string {
	var b strings.Builder
	fmt.Fprintf(&b, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>%s | The Ostvik Courier</title>
<meta property="article:published_time" content="%s"></head><body><header><nav><a href="/">Home</a></nav></header>
<article><h1>%s</h1>`, s.Title, s.Published, s.Title)
	for _, p := range s.Paras {
		fmt.Fprintf(&b, "<p>%s</p>\n", p)
	}
	b.WriteString("</article><footer>© The Ostvik Courier</footer></body></html>")
	return b.String()
}

// newsSite is a simulated news site: robots.txt (a Disallow and a
// Crawl-delay), RSS and Atom feeds, a sitemap index pointing at a gzipped
// Google News sitemap, and the article pages. Feeds and sitemaps answer
// conditional requests.
type newsSite struct {
	*httptest.Server
	log *siteLog
}

const (
	siteETag         = `"v1"`
	siteLastModified = "Sun, 05 May 2024 10:00:00 GMT"
)

func newNewsSite(t *testing.T, crawlDelay string) *newsSite {
	t.Helper()
	s := &newsSite{log: &siteLog{}}
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "User-agent: *\nDisallow: /private/\nCrawl-delay: %s\n", crawlDelay)
	})
	listing := func(ctype string, body func(base string) []byte) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("ETag", siteETag)
			w.Header().Set("Last-Modified", siteLastModified)
			if r.Header.Get("If-None-Match") == siteETag {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("Content-Type", ctype)
			w.Write(body("http://" + r.Host))
		}
	}
	mux.HandleFunc("/rss.xml", listing("application/rss+xml", func(base string) []byte { return rss(base, stories[:4], true) }))
	mux.HandleFunc("/atom.xml", listing("application/atom+xml", func(base string) []byte { return atom(base, stories[2:5]) }))
	mux.HandleFunc("/sitemap_index.xml", listing("application/xml", func(base string) []byte {
		return fmt.Appendf(nil, `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>%s/sitemap-news.xml.gz</loc><lastmod>2024-05-05T10:00:00Z</lastmod></sitemap>
</sitemapindex>`, base)
	}))
	mux.HandleFunc("/sitemap-news.xml.gz", listing("application/x-gzip", func(base string) []byte {
		return gzipped(newsSitemap(base, stories[3:], true))
	}))
	for _, st := range stories {
		mux.HandleFunc("/news/"+st.Slug+".html", func(w http.ResponseWriter, r *http.Request) {
			time.Sleep(5 * time.Millisecond) // long enough for requests to overlap if the cap let them
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Header().Set("ETag", `"`+st.Slug+`"`)
			fmt.Fprint(w, st.html())
		})
	}
	mux.HandleFunc("/private/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "<html><body><p>Staff only.</p></body></html>")
	})
	s.Server = httptest.NewServer(s.log.wrap(mux))
	t.Cleanup(s.Close)
	return s
}

func rss(base string, ss []story, private bool) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>The Ostvik Courier</title><link>%s/</link><description>Local news</description>`, base)
	for _, s := range ss {
		t, _ := time.Parse(time.RFC3339, s.Published)
		fmt.Fprintf(&b, "<item><title>%s</title><link>%s/news/%s.html</link><guid isPermaLink=\"false\">courier-%s</guid><pubDate>%s</pubDate></item>\n",
			s.Title, base, s.Slug, s.Slug, t.Format(time.RFC1123Z))
	}
	if private {
		fmt.Fprintf(&b, "<item><title>Staff rota</title><link>%s/private/rota.html</link></item>\n", base)
	}
	b.WriteString("</channel></rss>")
	return b.Bytes()
}

func atom(base string, ss []story) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>The Ostvik Courier</title><id>urn:courier</id><updated>2024-05-05T10:00:00Z</updated>`)
	for _, s := range ss {
		// Relative links, as some CMSs write them: resolved against the feed.
		fmt.Fprintf(&b, `<entry><title>%s</title><id>urn:courier:%s</id><link href="/news/%s.html"/><published>%s</published><updated>%s</updated></entry>`+"\n",
			s.Title, s.Slug, s.Slug, s.Published, s.Published)
	}
	b.WriteString("</feed>")
	return b.Bytes()
}

func newsSitemap(base string, ss []story, private bool) []byte {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">`)
	for _, s := range ss {
		fmt.Fprintf(&b, `<url><loc>%s/news/%s.html</loc><news:news><news:publication><news:name>The Ostvik Courier</news:name><news:language>en</news:language></news:publication><news:publication_date>%s</news:publication_date><news:title>%s</news:title></news:news></url>`+"\n",
			base, s.Slug, s.Published, s.Title)
	}
	if private {
		fmt.Fprintf(&b, "<url><loc>%s/private/payroll.html</loc></url>\n", base)
	}
	b.WriteString("</urlset>")
	return b.Bytes()
}

func gzipped(b []byte) []byte {
	var out bytes.Buffer
	zw := gzip.NewWriter(&out)
	zw.Write(b)
	zw.Close()
	return out.Bytes()
}
