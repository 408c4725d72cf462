// Package progress draws a progress bar for long batch work — documents
// done, documents per second, ETA — on a terminal, and nothing at all
// when the output is not one, so pipes and logs stay clean.
package progress

import (
	"fmt"
	"io"
	"sync/atomic"
	"time"

	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"
)

// Bar tracks a batch. Its methods are safe for concurrent use, and a nil
// or disabled Bar does nothing.
type Bar struct {
	p     *mpb.Progress
	bar   *mpb.Bar
	docs  atomic.Int64
	start time.Time
}

// New starts a bar on w when enabled is true. total is the amount of work
// in the unit the caller passes to Add (bytes read, say), or 0 when
// unknown. The label names the work ("ingest").
func New(w io.Writer, enabled bool, label string, total int64) *Bar {
	b := &Bar{start: time.Now()}
	if !enabled {
		return b
	}
	b.p = mpb.New(mpb.WithOutput(w), mpb.WithWidth(40), mpb.WithRefreshRate(200*time.Millisecond),
		// The caller decided w is a terminal; mpb cannot tell for every writer.
		mpb.ForceAutoRefresh())
	b.bar = b.p.AddBar(total,
		mpb.PrependDecorators(decor.Name(label+" ", decor.WCSyncSpaceR)),
		mpb.AppendDecorators(
			decor.Any(func(decor.Statistics) string { return b.rate() }, decor.WCSyncSpace),
			decor.OnComplete(decor.EwmaETA(decor.ET_STYLE_GO, 30, decor.WCSyncSpace), "done"),
		),
	)
	return b
}

func (b *Bar) rate() string {
	n := b.docs.Load()
	secs := time.Since(b.start).Seconds()
	if secs <= 0 {
		secs = 1e-9
	}
	return fmt.Sprintf("%d docs %.0f docs/s", n, float64(n)/secs)
}

// Add records docs finished documents and work units of progress.
func (b *Bar) Add(docs int, work int64) {
	if b == nil {
		return
	}
	b.docs.Add(int64(docs))
	if b.bar != nil {
		b.bar.EwmaIncrInt64(work, time.Since(b.start)/time.Duration(max(b.docs.Load(), 1)))
	}
}

// Docs returns the number of documents recorded so far.
func (b *Bar) Docs() int64 {
	if b == nil {
		return 0
	}
	return b.docs.Load()
}

// Done completes the bar and waits for the last frame to be drawn.
func (b *Bar) Done() {
	if b == nil || b.bar == nil {
		return
	}
	b.bar.SetTotal(-1, true)
	b.p.Wait()
}
