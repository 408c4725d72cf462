package watch

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

// Defaults for WebhookOptions; each applies when its field is zero.
const (
	DefaultWebhookTimeout = 10 * time.Second
	DefaultWebhookRetries = 5
	DefaultRetryBase      = time.Second
	DefaultMaxRetryAfter  = time.Minute
	DefaultQueueSize      = 256
	DefaultDrainTimeout   = 10 * time.Second
)

// ErrQueueFull is returned, wrapped, by Webhook.Emit when the event was
// dropped because the delivery queue is full.
var ErrQueueFull = errors.New("watch: webhook queue full, event dropped")

// WebhookOptions configure a Webhook. The zero value is sane.
type WebhookOptions struct {
	// Client sends the requests; nil uses a plain http.Client. Timeout
	// bounds each attempt whatever the client's own timeout.
	Client  *http.Client
	Timeout time.Duration // one attempt (default 10 s)
	// MaxRetries is how many times a 429, a 5xx or a network failure is
	// retried (default 5; <0 never). The wait doubles from RetryBase
	// (default 1 s), or is what Retry-After says; a wait longer than
	// MaxRetryAfter (default 1 min) fails the delivery rather than hold
	// every later event back.
	MaxRetries    int
	RetryBase     time.Duration
	MaxRetryAfter time.Duration
	// QueueSize is how many events wait for delivery (default 256); an
	// event emitted when the queue is full is dropped and counted.
	QueueSize int
	// DrainTimeout bounds how long Close waits for queued events to be
	// delivered (default 10 s).
	DrainTimeout time.Duration
	// UserAgent is sent with each request (default "newstrace-watch").
	UserAgent string
	// OnError receives each failed delivery (a *DeliveryError); nil
	// ignores them. It is called from the delivery goroutine.
	OnError func(error)
}

// DeliveryError is an event the webhook could not deliver.
type DeliveryError struct {
	URL      string
	Event    string // the article ID
	Attempts int
	Status   int // the last HTTP status, 0 when none came
	Err      error
}

func (e *DeliveryError) Error() string {
	if e.Status != 0 {
		return fmt.Sprintf("watch: webhook %s: event %s: HTTP %d after %d attempts: %v", e.URL, e.Event, e.Status, e.Attempts, e.Err)
	}
	return fmt.Sprintf("watch: webhook %s: event %s after %d attempts: %v", e.URL, e.Event, e.Attempts, e.Err)
}

func (e *DeliveryError) Unwrap() error { return e.Err }

// WebhookStats count what a Webhook did.
type WebhookStats struct {
	Delivered int64 `json:"delivered"`
	Failed    int64 `json:"failed"`  // given up after retries or on a 4xx
	Dropped   int64 `json:"dropped"` // queue full, or still queued when Close gave up
	Retries   int64 `json:"retries"`
}

// Webhook is a sink that POSTs each event as application/json to a URL.
// Emit only queues: one goroutine delivers in order, retrying 429 and 5xx
// answers and network failures with backoff, so a slow or failing receiver
// never holds the crawl back; when the queue is full, events are dropped
// and counted.
type Webhook struct {
	url  string
	opts WebhookOptions

	mu     sync.Mutex
	closed bool
	queue  chan Event

	ctx    context.Context
	cancel context.CancelFunc
	done   chan struct{}

	delivered, failed, dropped, retries atomic.Int64
}

// NewWebhook returns a Webhook posting to rawURL, an http or https URL,
// and starts its delivery goroutine; Close stops it.
func NewWebhook(rawURL string, opts WebhookOptions) (*Webhook, error) {
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("watch: webhook %q is not an http or https URL", rawURL)
	}
	if opts.Client == nil {
		opts.Client = &http.Client{}
	}
	def := func(d *time.Duration, v time.Duration) {
		if *d <= 0 {
			*d = v
		}
	}
	def(&opts.Timeout, DefaultWebhookTimeout)
	def(&opts.RetryBase, DefaultRetryBase)
	def(&opts.MaxRetryAfter, DefaultMaxRetryAfter)
	def(&opts.DrainTimeout, DefaultDrainTimeout)
	switch {
	case opts.MaxRetries == 0:
		opts.MaxRetries = DefaultWebhookRetries
	case opts.MaxRetries < 0:
		opts.MaxRetries = 0
	}
	if opts.QueueSize <= 0 {
		opts.QueueSize = DefaultQueueSize
	}
	if opts.UserAgent == "" {
		opts.UserAgent = "newstrace-watch"
	}
	ctx, cancel := context.WithCancel(context.Background())
	w := &Webhook{url: u.String(), opts: opts, queue: make(chan Event, opts.QueueSize),
		ctx: ctx, cancel: cancel, done: make(chan struct{})}
	go w.run()
	return w, nil
}

// Emit queues e for delivery and returns at once. It returns an error
// wrapping ErrQueueFull when the queue is full and e was dropped.
func (w *Webhook) Emit(_ context.Context, e Event) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed {
		return fmt.Errorf("%w: webhook %s", ErrClosed, w.url)
	}
	select {
	case w.queue <- e:
		return nil
	default:
		n := w.dropped.Add(1)
		return fmt.Errorf("%w (webhook %s, %d dropped so far)", ErrQueueFull, w.url, n)
	}
}

// Stats returns the counts so far.
func (w *Webhook) Stats() WebhookStats {
	return WebhookStats{Delivered: w.delivered.Load(), Failed: w.failed.Load(), Dropped: w.dropped.Load(), Retries: w.retries.Load()}
}

// Close stops accepting events and waits up to DrainTimeout for the queued
// ones to be delivered; what is left then is dropped, and Close says how
// many.
func (w *Webhook) Close() error {
	w.mu.Lock()
	if !w.closed {
		w.closed = true
		close(w.queue)
	}
	w.mu.Unlock()
	t := time.NewTimer(w.opts.DrainTimeout)
	defer t.Stop()
	before := w.dropped.Load()
	select {
	case <-w.done:
	case <-t.C:
		w.cancel()
		<-w.done
	}
	w.cancel()
	if n := w.dropped.Load() - before; n > 0 {
		return fmt.Errorf("watch: webhook %s: %d events still queued after %s, dropped", w.url, n, w.opts.DrainTimeout)
	}
	return nil
}

func (w *Webhook) run() {
	defer close(w.done)
	for e := range w.queue {
		if w.ctx.Err() != nil {
			w.dropped.Add(1)
			continue
		}
		if err := w.deliver(w.ctx, e); err != nil {
			if w.ctx.Err() != nil {
				w.dropped.Add(1)
				continue
			}
			w.failed.Add(1)
			if w.opts.OnError != nil {
				w.opts.OnError(err)
			}
			continue
		}
		w.delivered.Add(1)
	}
}

// deliver POSTs e, retrying as the options say.
func (w *Webhook) deliver(ctx context.Context, e Event) error {
	body, err := Encode(e)
	if err != nil {
		return err
	}
	fail := func(attempts, status int, err error) error {
		return &DeliveryError{URL: w.url, Event: e.Article.ID, Attempts: attempts, Status: status, Err: err}
	}
	for attempt := 0; ; attempt++ {
		status, retryAfter, err := w.post(ctx, body)
		if err == nil {
			return nil
		}
		if ctx.Err() != nil {
			return fail(attempt+1, status, ctx.Err())
		}
		retryable := status == 0 || status == http.StatusTooManyRequests || status >= 500
		if !retryable || attempt >= w.opts.MaxRetries {
			return fail(attempt+1, status, err)
		}
		wait := w.opts.RetryBase << min(attempt, 30)
		if wait <= 0 || wait > w.opts.MaxRetryAfter {
			wait = w.opts.MaxRetryAfter
		}
		if retryAfter >= 0 {
			if retryAfter > w.opts.MaxRetryAfter {
				return fail(attempt+1, status, fmt.Errorf("%w; Retry-After %s exceeds %s", err, retryAfter, w.opts.MaxRetryAfter))
			}
			wait = retryAfter
		}
		w.retries.Add(1)
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return fail(attempt+1, status, ctx.Err())
		case <-t.C:
		}
	}
}

// post makes one attempt. It returns the status (0 when no response
// came), the wait Retry-After asks for (-1 when absent or unreadable), and
// an error unless the status is 2xx.
func (w *Webhook) post(ctx context.Context, body []byte) (int, time.Duration, error) {
	ctx, cancel := context.WithTimeout(ctx, w.opts.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, w.url, bytes.NewReader(body))
	if err != nil {
		return 0, -1, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", w.opts.UserAgent)
	resp, err := w.opts.Client.Do(req)
	if err != nil {
		return 0, -1, err
	}
	defer resp.Body.Close()
	// Read a little of the body so the connection can be reused.
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	if resp.StatusCode >= 200 && resp.StatusCode < 300 {
		return resp.StatusCode, -1, nil
	}
	return resp.StatusCode, retryAfter(resp.Header.Get("Retry-After"), time.Now()), errors.New(resp.Status)
}

// retryAfter reads a Retry-After value: seconds, or an HTTP date. It
// returns -1 when v is absent or unreadable.
func retryAfter(v string, now time.Time) time.Duration {
	if v == "" {
		return -1
	}
	if n, err := strconv.Atoi(v); err == nil {
		if n < 0 {
			return -1
		}
		if int64(n) > math.MaxInt64/int64(time.Second) {
			return math.MaxInt64 // longer than any wait we would honour
		}
		return time.Duration(n) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(t.Sub(now), 0)
	}
	return -1
}
