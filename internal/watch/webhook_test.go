package watch

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"math"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// receiver is a webhook endpoint answering from a script of statuses
// (200 once the script runs out) and recording what it got.
type receiver struct {
	mu      sync.Mutex
	script  []int
	headers map[string]string // sent with every scripted answer
	times   []time.Time
	bodies  []Event
	ctypes  []string
}

func (rc *receiver) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	b, _ := io.ReadAll(r.Body)
	rc.mu.Lock()
	defer rc.mu.Unlock()
	rc.times = append(rc.times, time.Now())
	rc.ctypes = append(rc.ctypes, r.Header.Get("Content-Type"))
	status := http.StatusOK
	if len(rc.script) > 0 {
		status, rc.script = rc.script[0], rc.script[1:]
		for k, v := range rc.headers {
			w.Header().Set(k, v)
		}
	}
	if status == http.StatusOK {
		var e Event
		if err := json.Unmarshal(b, &e); err == nil {
			rc.bodies = append(rc.bodies, e)
		}
	}
	w.WriteHeader(status)
}

func (rc *receiver) calls() int {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	return len(rc.times)
}

func testEvent(id string) Event {
	return Event{Time: detected, Source: "vov-news.example", Basis: BasisOrigin, Verdict: "copy",
		Evidence: []Passage{{ArticleText: "a <b> & c", OriginText: "a <b> & c", Score: 1}}}.withID(id)
}

func (e Event) withID(id string) Event { e.Article.ID = id; return e }

func newReceiver(t *testing.T, rc *receiver) string {
	srv := httptest.NewServer(rc)
	t.Cleanup(srv.Close)
	return srv.URL + "/events"
}

func TestWebhookRetriesServerError(t *testing.T) {
	rc := &receiver{script: []int{500, 502}}
	wh, err := NewWebhook(newReceiver(t, rc), WebhookOptions{RetryBase: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	if err := wh.Emit(context.Background(), testEvent("a1")); err != nil {
		t.Fatal(err)
	}
	if err := wh.Close(); err != nil {
		t.Fatal(err)
	}
	if s := wh.Stats(); s != (WebhookStats{Delivered: 1, Retries: 2}) {
		t.Errorf("stats %+v", s)
	}
	if rc.calls() != 3 || len(rc.bodies) != 1 || rc.bodies[0].Article.ID != "a1" || rc.bodies[0].Evidence[0].ArticleText != "a <b> & c" {
		t.Errorf("%d calls, bodies %+v", rc.calls(), rc.bodies)
	}
	for _, ct := range rc.ctypes {
		if ct != "application/json" {
			t.Errorf("Content-Type %q", ct)
		}
	}
	if err := wh.Emit(context.Background(), testEvent("a2")); !errors.Is(err, ErrClosed) {
		t.Errorf("Emit after Close: %v", err)
	}
}

// A 429 waits as long as Retry-After says, not the (much shorter) backoff.
func TestWebhookHonoursRetryAfter(t *testing.T) {
	rc := &receiver{script: []int{429}, headers: map[string]string{"Retry-After": "1"}}
	wh, err := NewWebhook(newReceiver(t, rc), WebhookOptions{RetryBase: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	if err := wh.Emit(context.Background(), testEvent("a1")); err != nil {
		t.Fatal(err)
	}
	if err := wh.Close(); err != nil {
		t.Fatal(err)
	}
	if rc.calls() != 2 || len(rc.bodies) != 1 {
		t.Fatalf("%d calls, %d delivered", rc.calls(), len(rc.bodies))
	}
	if gap := rc.times[1].Sub(rc.times[0]); gap < 900*time.Millisecond {
		t.Errorf("retried after %s, want the 1 s Retry-After honoured", gap)
	}
}

func TestWebhookGivesUp(t *testing.T) {
	for _, tc := range []struct {
		name    string
		rc      *receiver
		calls   int
		status  int
		message string
	}{
		{"server errors", &receiver{script: []int{503, 503, 503, 503}}, 3, 503, "503 Service Unavailable"},
		{"client error", &receiver{script: []int{400}}, 1, 400, "400 Bad Request"},
		{"long Retry-After", &receiver{script: []int{429}, headers: map[string]string{"Retry-After": "3600"}}, 1, 429, "Retry-After 1h0m0s exceeds 1s"},
	} {
		var got []error
		var mu sync.Mutex
		wh, err := NewWebhook(newReceiver(t, tc.rc), WebhookOptions{RetryBase: time.Millisecond, MaxRetries: 2,
			MaxRetryAfter: time.Second, OnError: func(err error) { mu.Lock(); got = append(got, err); mu.Unlock() }})
		if err != nil {
			t.Fatal(err)
		}
		if err := wh.Emit(context.Background(), testEvent("a1")); err != nil {
			t.Fatal(err)
		}
		if err := wh.Close(); err != nil {
			t.Fatal(err)
		}
		var de *DeliveryError
		if len(got) != 1 || !errors.As(got[0], &de) || de.Status != tc.status || de.Attempts != tc.calls || !strings.Contains(de.Error(), tc.message) {
			t.Errorf("%s: errors %v, want one DeliveryError with HTTP %d after %d attempts, saying %q", tc.name, got, tc.status, tc.calls, tc.message)
		}
		if tc.rc.calls() != tc.calls || wh.Stats().Failed != 1 || wh.Stats().Delivered != 0 {
			t.Errorf("%s: %d calls, stats %+v", tc.name, tc.rc.calls(), wh.Stats())
		}
	}
}

// blocking is an endpoint that holds each request until released or
// cancelled, signalling each arrival.
type blocking struct {
	arrived chan struct{}
	release chan struct{}
}

func (b *blocking) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	b.arrived <- struct{}{}
	select {
	case <-b.release:
	case <-r.Context().Done():
	}
}

// A full queue drops the event at once instead of blocking the caller.
func TestWebhookQueueFull(t *testing.T) {
	b := &blocking{arrived: make(chan struct{}, 10), release: make(chan struct{})}
	srv := httptest.NewServer(b)
	defer srv.Close()
	wh, err := NewWebhook(srv.URL, WebhookOptions{QueueSize: 1})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if err := wh.Emit(ctx, testEvent("a1")); err != nil {
		t.Fatal(err)
	}
	<-b.arrived // a1 is in flight, the queue is empty
	if err := wh.Emit(ctx, testEvent("a2")); err != nil {
		t.Fatal(err)
	}
	if err := wh.Emit(ctx, testEvent("a3")); !errors.Is(err, ErrQueueFull) || !strings.Contains(err.Error(), "1 dropped so far") {
		t.Errorf("third Emit: %v, want ErrQueueFull", err)
	}
	close(b.release)
	if err := wh.Close(); err != nil {
		t.Fatal(err)
	}
	if s := wh.Stats(); s.Delivered != 2 || s.Dropped != 1 {
		t.Errorf("stats %+v, want 2 delivered, 1 dropped", s)
	}
}

// Close gives up on a receiver that never answers, within DrainTimeout.
func TestWebhookCloseBounded(t *testing.T) {
	b := &blocking{arrived: make(chan struct{}, 10), release: make(chan struct{})}
	srv := httptest.NewServer(b)
	defer srv.Close()
	defer close(b.release)
	wh, err := NewWebhook(srv.URL, WebhookOptions{DrainTimeout: 50 * time.Millisecond, Timeout: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"a1", "a2"} {
		if err := wh.Emit(context.Background(), testEvent(id)); err != nil {
			t.Fatal(err)
		}
	}
	err = wh.Close()
	if err == nil || !strings.Contains(err.Error(), "2 events still queued") {
		t.Errorf("Close: %v, want both events reported dropped", err)
	}
	if s := wh.Stats(); s.Dropped != 2 || s.Failed != 0 {
		t.Errorf("stats %+v", s)
	}
}

func TestRetryAfter(t *testing.T) {
	now := time.Date(2024, 5, 2, 12, 0, 0, 0, time.UTC)
	for v, want := range map[string]time.Duration{
		"": -1, "0": 0, "120": 2 * time.Minute, "-3": -1, "soon": -1, "1.5": -1,
		"Thu, 02 May 2024 12:00:30 GMT": 30 * time.Second,
		"Thu, 02 May 2024 11:00:00 GMT": 0,             // in the past: now
		"9227000000":                    math.MaxInt64, // past time.Duration: longer than any wait
	} {
		if got := retryAfter(v, now); got != want {
			t.Errorf("retryAfter(%q) = %s, want %s", v, got, want)
		}
	}
}

func TestNewWebhookRejects(t *testing.T) {
	for _, u := range []string{"", "ftp://x.example/", "http://", "example.org/hook", "://"} {
		if _, err := NewWebhook(u, WebhookOptions{}); err == nil {
			t.Errorf("NewWebhook(%q) accepted", u)
		}
	}
}
