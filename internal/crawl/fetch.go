// Package crawl fetches the web politely and defensively for newstrace:
// it honours robots.txt (with Crawl-delay), paces and caps requests per
// host, makes conditional requests with remembered validators, retries
// 429s and 5xx with backoff honouring Retry-After, bounds time, body size
// and redirects, names itself and its operator in the User-Agent, refuses
// to connect to private addresses (SSRF), and archives every exchange to
// WARC. A Crawler on top discovers articles from feeds, sitemaps and URLs
// and hands each new page to its caller.
//
// The package never logs: failures are returned (a *FetchError naming the
// URL) or passed to Crawler.OnError.
package crawl

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/http/httptrace"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/newstrace/newstrace/internal/crawl/archive"
)

// ErrArchive wraps a failure to write the evidence archive; a crawl
// should stop on it rather than fetch what it cannot keep.
var ErrArchive = errors.New("archive failed")

// Response is the outcome of a fetch that got a final response.
type Response struct {
	URL       string // as asked for
	FinalURL  string // after redirects
	Status    int
	Header    http.Header
	Body      []byte // content coding undone; nil for a 304
	FetchedAt time.Time
	// Archive locates the final response's WARC record; zero when the
	// Fetcher has no archive.
	Archive archive.Ref
}

// NotModified reports a 304 answer to a conditional request.
func (r *Response) NotModified() bool { return r.Status == http.StatusNotModified }

// ContentType returns the Content-Type header.
func (r *Response) ContentType() string { return r.Header.Get("Content-Type") }

// Validators returns what makes the next fetch of the URL conditional.
func (r *Response) Validators() Validators {
	return Validators{ETag: r.Header.Get("ETag"), LastModified: r.Header.Get("Last-Modified"), Checked: r.FetchedAt}
}

// Fetcher makes polite, guarded HTTP GET requests. It is safe for
// concurrent use; share one per crawl so per-host limits hold.
type Fetcher struct {
	opts   Options
	client *http.Client
	gates  gates
	robots robotsCache
}

// NewFetcher returns a Fetcher with opts (zero fields take defaults).
func NewFetcher(opts Options) *Fetcher {
	opts = opts.withDefaults()
	g := newGuard(opts)
	tr := &http.Transport{
		Proxy:                 nil, // a proxy would be dialled instead of the checked address
		DialContext:           g.DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConnsPerHost:   opts.MaxPerHost,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: opts.Timeout,
		// Bodies are asked for gzipped and kept so in the archive, as
		// sent; Fetch decodes them itself.
		DisableCompression: true,
	}
	return &Fetcher{
		opts: opts,
		client: &http.Client{
			Transport: tr,
			// Redirects are followed by Fetch, hop by hop, so each hop is
			// checked against robots.txt, paced and archived.
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		},
		gates: gates{maxInFlight: opts.MaxPerHost, delay: opts.Delay},
	}
}

// UserAgent returns the User-Agent the Fetcher sends.
func (f *Fetcher) UserAgent() string { return f.opts.UserAgent }

// Fetch GETs rawURL, following redirects. With validators it asks
// conditionally, and a 304 is a success (Response.NotModified). Any other
// final status but 2xx is a *FetchError wrapping ErrStatus, returned with
// the Response.
func (f *Fetcher) Fetch(ctx context.Context, rawURL string, v Validators) (*Response, error) {
	return f.fetch(ctx, rawURL, v, true)
}

func (f *Fetcher) fetch(ctx context.Context, rawURL string, v Validators, robots bool) (*Response, error) {
	u, err := parseHTTPURL(rawURL)
	if err != nil {
		return nil, &FetchError{URL: rawURL, Err: err}
	}
	chain := []string{u.String()}
	fail := func(status int, err error) *FetchError {
		if len(chain) > 1 {
			err = fmt.Errorf("%w (after redirects: %s)", err, strings.Join(chain[1:], " → "))
		}
		return &FetchError{URL: rawURL, Status: status, Err: err}
	}
	for hop := 0; ; hop++ {
		if robots && u.Path != "/robots.txt" {
			if err := f.checkRobots(ctx, u); err != nil {
				return nil, fail(0, err)
			}
		}
		resp, err := f.attempts(ctx, u, v)
		if err != nil {
			status := 0
			if resp != nil {
				status = resp.Status
			}
			return resp, fail(status, err)
		}
		if loc := resp.Header.Get("Location"); isRedirect(resp.Status) && loc != "" {
			next, err := u.Parse(loc)
			if err == nil {
				next, err = parseHTTPURL(next.String())
			}
			switch {
			case err != nil:
				return resp, fail(resp.Status, fmt.Errorf("redirect to %q: %w", loc, err))
			case slices.Contains(chain, next.String()):
				chain = append(chain, next.String())
				return resp, fail(resp.Status, ErrRedirectLoop)
			case hop >= f.opts.MaxRedirects:
				chain = append(chain, next.String())
				return resp, fail(resp.Status, fmt.Errorf("%w (limit %d)", ErrTooManyRedirects, f.opts.MaxRedirects))
			}
			chain = append(chain, next.String())
			u, v = next, Validators{} // validators belong to the URL asked for
			continue
		}
		resp.URL, resp.FinalURL = rawURL, u.String()
		if resp.Status/100 == 2 || resp.NotModified() {
			return resp, nil
		}
		return resp, fail(resp.Status, ErrStatus)
	}
}

// checkRobots applies u's robots.txt: it raises the host's delay to the
// Crawl-delay and refuses disallowed paths. An unreachable robots.txt
// refuses the fetch (RFC 9309: assume complete disallow).
func (f *Fetcher) checkRobots(ctx context.Context, u *url.URL) error {
	e, err := f.robots.lookup(ctx, u, f.opts.RobotsTTL, func(ctx context.Context, robotsURL string) (int, []byte, error) {
		resp, err := f.fetch(ctx, robotsURL, Validators{}, false)
		if err != nil {
			return 0, nil, err
		}
		return resp.Status, resp.Body, nil
	})
	if err != nil {
		return fmt.Errorf("robots.txt unreachable, not fetching: %w", err)
	}
	if e.group != nil && e.group.CrawlDelay > 0 {
		f.gates.get(u.Host).raise(min(e.group.CrawlDelay, f.opts.MaxCrawlDelay))
	}
	if !e.allowed(u) {
		return ErrDisallowed
	}
	return nil
}

// attempts makes one request, retrying network failures, 429 and 5xx.
// It returns the last response when the retries are spent.
func (f *Fetcher) attempts(ctx context.Context, u *url.URL, v Validators) (*Response, error) {
	for attempt := 0; ; attempt++ {
		resp, retry, err := f.once(ctx, u, v)
		if !retry || attempt >= f.opts.MaxRetries || ctx.Err() != nil {
			if err == nil && retry && resp != nil {
				err = fmt.Errorf("%w: gave up after %d attempts", ErrStatus, attempt+1)
			}
			return resp, err
		}
		wait := f.opts.RetryBase << attempt
		if resp != nil {
			if ra, ok := retryAfter(resp.Header, time.Now()); ok {
				if ra > f.opts.MaxRetryAfter {
					return resp, fmt.Errorf("%w: Retry-After %s exceeds the %s limit", ErrStatus, ra, f.opts.MaxRetryAfter)
				}
				wait = ra
			}
		}
		f.gates.get(u.Host).backoff(time.Now().Add(wait))
	}
}

// once makes a single paced request and reads its body. retry says the
// failure is worth another attempt.
func (f *Fetcher) once(ctx context.Context, u *url.URL, v Validators) (resp *Response, retry bool, err error) {
	release, err := f.gates.get(u.Host).acquire(ctx)
	if err != nil {
		return nil, false, err
	}
	defer release()
	actx, cancel := context.WithTimeout(ctx, f.opts.Timeout)
	defer cancel()

	var remote string
	actx = httptrace.WithClientTrace(actx, &httptrace.ClientTrace{GotConn: func(ci httptrace.GotConnInfo) {
		if host, _, err := net.SplitHostPort(ci.Conn.RemoteAddr().String()); err == nil {
			remote = host
		}
	}})
	req, err := http.NewRequestWithContext(actx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, false, err
	}
	req.Header.Set("User-Agent", f.opts.UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,*/*;q=0.8")
	req.Header.Set("Accept-Encoding", "gzip")
	if v.ETag != "" {
		req.Header.Set("If-None-Match", v.ETag)
	}
	if v.LastModified != "" {
		req.Header.Set("If-Modified-Since", v.LastModified)
	}
	start := time.Now()
	hr, err := f.client.Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return nil, false, ctx.Err()
		}
		if errors.Is(err, ErrForbiddenAddress) {
			return nil, false, err
		}
		if errors.Is(err, context.DeadlineExceeded) {
			err = fmt.Errorf("no response within %s: %w", f.opts.Timeout, err)
		}
		return nil, true, err
	}
	defer hr.Body.Close()

	raw, truncated, bodyErr := f.readBody(actx, hr)
	resp = &Response{URL: u.String(), FinalURL: u.String(), Status: hr.StatusCode, Header: hr.Header, FetchedAt: start.UTC()}
	if f.opts.Archive != nil {
		ref, aerr := f.opts.Archive.Write(&archive.Exchange{Request: req, Response: hr, Body: raw, Truncated: truncated, IP: remote, Date: start})
		if aerr != nil {
			return nil, false, fmt.Errorf("%w: %w", ErrArchive, aerr)
		}
		resp.Archive = ref
	}
	if bodyErr != nil {
		if ctx.Err() != nil {
			return nil, false, ctx.Err()
		}
		return resp, !errors.Is(bodyErr, ErrBodyTooLarge), bodyErr
	}
	if resp.Body, err = f.decode(hr.Header.Get("Content-Encoding"), raw); err != nil {
		return resp, false, err
	}
	if hr.StatusCode == http.StatusTooManyRequests || hr.StatusCode >= 500 && hr.StatusCode != http.StatusNotImplemented {
		return resp, true, nil
	}
	return resp, false, nil
}

// readBody reads at most MaxBodySize bytes. A longer body is kept cut, as
// evidence, and reported as ErrBodyTooLarge; a body that ends early or
// stalls is kept too and reported.
func (f *Fetcher) readBody(ctx context.Context, hr *http.Response) (body []byte, truncated string, err error) {
	limit := f.opts.MaxBodySize
	if hr.ContentLength > limit {
		return nil, archive.TruncatedLength, fmt.Errorf("%w: Content-Length %d > %d bytes", ErrBodyTooLarge, hr.ContentLength, limit)
	}
	body, err = io.ReadAll(io.LimitReader(hr.Body, limit+1))
	switch {
	case int64(len(body)) > limit:
		return body[:limit], archive.TruncatedLength, fmt.Errorf("%w: more than %d bytes", ErrBodyTooLarge, limit)
	case err != nil && ctx.Err() != nil:
		return body, archive.TruncatedTime, fmt.Errorf("body cut short after %d bytes by the %s timeout: %w", len(body), f.opts.Timeout, err)
	case err != nil:
		return body, archive.TruncatedDisconnect, fmt.Errorf("body cut short after %d bytes: %w", len(body), err)
	}
	return body, "", nil
}

// decode undoes a gzip content coding, bounded like the raw body.
func (f *Fetcher) decode(coding string, raw []byte) ([]byte, error) {
	switch strings.ToLower(strings.TrimSpace(coding)) {
	case "", "identity":
		return raw, nil
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(bytes.NewReader(raw))
		if err != nil {
			return nil, fmt.Errorf("gzip body: %w", err)
		}
		defer zr.Close()
		body, err := io.ReadAll(io.LimitReader(zr, f.opts.MaxBodySize+1))
		if err != nil {
			return nil, fmt.Errorf("gzip body: %w", err)
		}
		if int64(len(body)) > f.opts.MaxBodySize {
			return nil, fmt.Errorf("%w: more than %d bytes decompressed", ErrBodyTooLarge, f.opts.MaxBodySize)
		}
		return body, nil
	}
	return nil, fmt.Errorf("unsupported Content-Encoding %q", coding)
}

// retryAfter parses a Retry-After header: delay seconds or an HTTP date.
func retryAfter(h http.Header, now time.Time) (time.Duration, bool) {
	s := strings.TrimSpace(h.Get("Retry-After"))
	if s == "" {
		return 0, false
	}
	if n, err := strconv.Atoi(s); err == nil && n >= 0 {
		return time.Duration(n) * time.Second, true
	}
	if t, err := http.ParseTime(s); err == nil {
		return max(t.Sub(now), 0), true
	}
	return 0, false
}

func isRedirect(status int) bool {
	switch status {
	case http.StatusMovedPermanently, http.StatusFound, http.StatusSeeOther,
		http.StatusTemporaryRedirect, http.StatusPermanentRedirect:
		return true
	}
	return false
}

// parseHTTPURL accepts absolute http and https URLs only, without the
// fragment.
func parseHTTPURL(raw string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrUnsupportedURL, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return nil, fmt.Errorf("%w: %q is not an absolute http(s) URL", ErrUnsupportedURL, raw)
	}
	u.Fragment = ""
	return u, nil
}

// mediaType returns the lower-case media type of a Content-Type.
func mediaType(contentType string) string {
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		mt, _, _ = strings.Cut(contentType, ";")
	}
	return strings.ToLower(strings.TrimSpace(mt))
}
