package crawl

import (
	"context"
	"sync"
	"time"
)

// gate paces the requests to one host: at most cap in flight, and starts
// at least delay apart. A Retry-After from the host pushes the next start
// back for every request to it, not just the one retried.
type gate struct {
	sem chan struct{}

	mu    sync.Mutex
	delay time.Duration
	next  time.Time // earliest start of the next request
}

func newGate(maxInFlight int, delay time.Duration) *gate {
	return &gate{sem: make(chan struct{}, maxInFlight), delay: delay}
}

// acquire waits for a slot and for the host's turn, and returns the
// function that gives the slot back.
func (g *gate) acquire(ctx context.Context) (release func(), err error) {
	select {
	case g.sem <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	g.mu.Lock()
	now := time.Now()
	start := now
	if g.next.After(now) {
		start = g.next
	}
	g.next = start.Add(g.delay)
	g.mu.Unlock()
	if wait := time.Until(start); wait > 0 {
		t := time.NewTimer(wait)
		select {
		case <-t.C:
		case <-ctx.Done():
			t.Stop()
			<-g.sem
			return nil, ctx.Err()
		}
	}
	return func() { <-g.sem }, nil
}

// raise sets the host's delay to at least d (a robots.txt Crawl-delay).
func (g *gate) raise(d time.Duration) {
	g.mu.Lock()
	if d > g.delay {
		g.delay = d
	}
	g.mu.Unlock()
}

// backoff keeps the host quiet until t.
func (g *gate) backoff(t time.Time) {
	g.mu.Lock()
	if t.After(g.next) {
		g.next = t
	}
	g.mu.Unlock()
}

// gates holds one gate per host.
type gates struct {
	maxInFlight int
	delay       time.Duration

	mu sync.Mutex
	m  map[string]*gate
}

func (gs *gates) get(host string) *gate {
	gs.mu.Lock()
	defer gs.mu.Unlock()
	if gs.m == nil {
		gs.m = make(map[string]*gate)
	}
	g, ok := gs.m[host]
	if !ok {
		g = newGate(gs.maxInFlight, gs.delay)
		gs.m[host] = g
	}
	return g
}
