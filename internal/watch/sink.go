package watch

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
)

// Sink receives events. Emit must not block the caller — the crawl — for
// long: a sink that delivers slowly queues. Implementations are safe for
// concurrent use.
type Sink interface {
	Emit(ctx context.Context, e Event) error
	// Close delivers or flushes what is pending, within the sink's own
	// bound, and releases its resources; Emit after Close fails.
	Close() error
}

// ErrClosed is returned, wrapped, by Emit on a closed sink.
var ErrClosed = errors.New("watch: sink closed")

// Multi returns a sink that emits to each of sinks in turn and closes
// them all; errors are joined.
func Multi(sinks ...Sink) Sink { return multi(sinks) }

type multi []Sink

func (m multi) Emit(ctx context.Context, e Event) error {
	var errs []error
	for _, s := range m {
		errs = append(errs, s.Emit(ctx, e))
	}
	return errors.Join(errs...)
}

func (m multi) Close() error {
	var errs []error
	for _, s := range m {
		errs = append(errs, s.Close())
	}
	return errors.Join(errs...)
}

// Encode returns e as one line of JSON, with its newline: the form both
// sinks write. HTML characters are left as they are, since the passages
// are text to be read, not markup.
func Encode(e Event) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(e); err != nil {
		return nil, fmt.Errorf("watch: encode event %s: %w", e.Article.ID, err)
	}
	return b.Bytes(), nil
}
