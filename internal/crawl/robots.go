package crawl

import (
	"context"
	"errors"
	"net/url"
	"sync"
	"time"

	"github.com/temoto/robotstxt"
)

// robotsEntry is a host's robots.txt as last fetched.
type robotsEntry struct {
	group   *robotstxt.Group
	data    *robotstxt.RobotsData
	fetched time.Time
}

// robotsCache fetches each host's robots.txt once per RobotsTTL. A fetch
// in progress is shared: concurrent requests to a new host wait for it.
type robotsCache struct {
	mu   sync.Mutex
	m    map[string]*robotsEntry
	busy map[string]chan struct{}
}

// lookup returns the robots rules for u's origin, fetching them with
// fetch when missing or stale.
func (c *robotsCache) lookup(ctx context.Context, u *url.URL, ttl time.Duration, fetch func(ctx context.Context, robotsURL string) (int, []byte, error)) (*robotsEntry, error) {
	origin := u.Scheme + "://" + u.Host
	for {
		c.mu.Lock()
		if c.m == nil {
			c.m = make(map[string]*robotsEntry)
			c.busy = make(map[string]chan struct{})
		}
		if e, ok := c.m[origin]; ok && time.Since(e.fetched) < ttl {
			c.mu.Unlock()
			return e, nil
		}
		if ch, ok := c.busy[origin]; ok {
			c.mu.Unlock()
			select {
			case <-ch:
				continue
			case <-ctx.Done():
				return nil, ctx.Err()
			}
		}
		ch := make(chan struct{})
		c.busy[origin] = ch
		c.mu.Unlock()

		e, err := fetchRobots(ctx, origin, fetch)
		c.mu.Lock()
		delete(c.busy, origin)
		if err == nil {
			c.m[origin] = e
		}
		c.mu.Unlock()
		close(ch)
		return e, err
	}
}

// fetchRobots reads origin's robots.txt. As RFC 9309 says: a 4xx means
// no rules, a 5xx or an unreachable host means disallow everything (it
// is tried again on the next lookup, since a failed entry is not cached
// by the caller — only statuses are).
func fetchRobots(ctx context.Context, origin string, fetch func(ctx context.Context, robotsURL string) (int, []byte, error)) (*robotsEntry, error) {
	status, body, err := fetch(ctx, origin+"/robots.txt")
	if err != nil {
		var fe *FetchError
		if errors.As(err, &fe) && fe.Status >= 400 && fe.Status < 500 {
			status, err = fe.Status, nil
		} else if ctx.Err() != nil {
			return nil, ctx.Err()
		} else {
			// Unreachable: disallow all, and do not cache.
			data, _ := robotstxt.FromStatusAndBytes(500, nil)
			return &robotsEntry{data: data, group: data.FindGroup(Agent)}, err
		}
	}
	data, perr := robotstxt.FromStatusAndBytes(status, body)
	if perr != nil {
		// An unparseable file allows everything, as crawlers commonly do.
		data, _ = robotstxt.FromStatusAndBytes(404, nil)
	}
	return &robotsEntry{data: data, group: data.FindGroup(Agent), fetched: time.Now()}, nil
}

// allowed reports whether the entry lets newstrace fetch u.
func (e *robotsEntry) allowed(u *url.URL) bool {
	if e == nil || e.group == nil {
		return true
	}
	path := u.EscapedPath()
	if path == "" {
		path = "/"
	}
	if u.RawQuery != "" {
		path += "?" + u.RawQuery
	}
	return e.group.Test(path)
}
