package crawl

import (
	"context"
	"net"
	"net/netip"
	"time"

	"github.com/newstrace/newstrace/internal/crawl/archive"
)

// Defaults for Options; each applies when its field is zero.
const (
	DefaultTimeout       = 30 * time.Second
	DefaultMaxBodySize   = 10 << 20
	DefaultMaxRedirects  = 5
	DefaultMaxRetries    = 3
	DefaultRetryBase     = 2 * time.Second
	DefaultMaxRetryAfter = 10 * time.Minute
	DefaultDelay         = time.Second
	DefaultMaxPerHost    = 2
	DefaultMaxCrawlDelay = time.Minute
	DefaultWorkers       = 8
	DefaultRobotsTTL     = 24 * time.Hour
)

// Agent is the product token robots.txt groups are matched against.
const Agent = "newstrace"

// Options configure a Fetcher and a Crawler. The zero value is a polite
// crawler that refuses private addresses; set ContactURL so that site
// operators can reach whoever runs it.
type Options struct {
	// Version and ContactURL make the User-Agent
	// "newstrace/VERSION (+CONTACT_URL)". UserAgent overrides it whole.
	Version    string
	ContactURL string
	UserAgent  string

	Timeout      time.Duration // one attempt, headers and body (default 30 s)
	MaxBodySize  int64         // bytes; a longer body is an error (default 10 MiB)
	MaxRedirects int           // hops followed per fetch (default 5; <0 follows none)
	// MaxRetries is how many times a 429, a 5xx or a network failure is
	// retried (default 3; <0 never). The wait doubles from RetryBase, or
	// is what Retry-After says, up to MaxRetryAfter; a longer Retry-After
	// fails the fetch rather than stall the crawl.
	MaxRetries    int
	RetryBase     time.Duration
	MaxRetryAfter time.Duration

	// Delay is the least time between the starts of two requests to one
	// host (default 1 s); a robots.txt Crawl-delay raises it, up to
	// MaxCrawlDelay (default 1 min). MaxPerHost caps requests in flight
	// per host (default 2).
	Delay         time.Duration
	MaxCrawlDelay time.Duration
	MaxPerHost    int
	// Workers caps fetches in flight over all hosts (default 8).
	Workers int
	// RobotsTTL is how long a host's robots.txt is trusted (default 24 h).
	RobotsTTL time.Duration

	// AllowPrivateAddresses lets the crawler connect to loopback, private,
	// link-local, unspecified and multicast addresses. Off, such an
	// address is refused when dialling, whichever name or redirect led
	// there.
	AllowPrivateAddresses bool
	// Resolve looks up a host's addresses; nil uses the system resolver.
	// Every address it returns is checked before it is dialled.
	Resolve func(ctx context.Context, host string) ([]netip.Addr, error)
	// Dial connects to an address that passed the check; nil uses a
	// net.Dialer whose Control checks the socket's address once more.
	// Tests use it to reach a local server under a public-looking name.
	Dial func(ctx context.Context, network, addr string) (net.Conn, error)

	// Archive receives every exchange; nil archives nothing.
	Archive *archive.Writer
}

func (o Options) withDefaults() Options {
	def := func(d *time.Duration, v time.Duration) {
		if *d <= 0 {
			*d = v
		}
	}
	def(&o.Timeout, DefaultTimeout)
	def(&o.RetryBase, DefaultRetryBase)
	def(&o.MaxRetryAfter, DefaultMaxRetryAfter)
	def(&o.Delay, DefaultDelay)
	def(&o.MaxCrawlDelay, DefaultMaxCrawlDelay)
	def(&o.RobotsTTL, DefaultRobotsTTL)
	if o.MaxBodySize <= 0 {
		o.MaxBodySize = DefaultMaxBodySize
	}
	switch {
	case o.MaxRedirects == 0:
		o.MaxRedirects = DefaultMaxRedirects
	case o.MaxRedirects < 0:
		o.MaxRedirects = 0
	}
	switch {
	case o.MaxRetries == 0:
		o.MaxRetries = DefaultMaxRetries
	case o.MaxRetries < 0:
		o.MaxRetries = 0
	}
	if o.MaxPerHost <= 0 {
		o.MaxPerHost = DefaultMaxPerHost
	}
	if o.Workers <= 0 {
		o.Workers = DefaultWorkers
	}
	if o.Version == "" {
		o.Version = "dev"
	}
	if o.UserAgent == "" {
		o.UserAgent = Agent + "/" + o.Version
		if o.ContactURL != "" {
			o.UserAgent += " (+" + o.ContactURL + ")"
		}
	}
	return o
}
