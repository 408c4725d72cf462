package watch

import (
	"context"
	"errors"
	"fmt"
	"os"
	"sync"
	"time"
)

// FileOptions configure a File sink. The zero value syncs every line.
type FileOptions struct {
	// SyncEvery is how often written lines are synced to disk: 0 syncs
	// each line before Emit returns; a positive interval syncs at most
	// that often in the background, and on Close, trading the last
	// interval's events in a crash for fewer disk flushes.
	SyncEvery time.Duration
}

// File is a sink that appends events to a JSON Lines file, one object per
// line. Each line is one write to a file opened for appending, so lines
// from concurrent Emits never interleave, and other processes appending to
// the same file keep whole lines too.
type File struct {
	path string
	opts FileOptions

	mu     sync.Mutex
	f      *os.File
	dirty  bool
	closed bool

	stop     chan struct{}
	done     chan struct{}
	stopOnce sync.Once
}

// OpenFile opens (creating it if needed) the JSON Lines file at path for
// appending.
func OpenFile(path string, opts FileOptions) (*File, error) {
	fh, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("watch: %w", err)
	}
	s := &File{path: path, opts: opts, f: fh}
	if opts.SyncEvery > 0 {
		s.stop, s.done = make(chan struct{}), make(chan struct{})
		go s.syncLoop()
	}
	return s, nil
}

// Emit appends e as one line.
func (s *File) Emit(_ context.Context, e Event) error {
	line, err := Encode(e)
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return fmt.Errorf("%w: %s", ErrClosed, s.path)
	}
	if _, err := s.f.Write(line); err != nil {
		return fmt.Errorf("watch: write %s: %w", s.path, err)
	}
	if s.opts.SyncEvery > 0 {
		s.dirty = true
		return nil
	}
	if err := s.f.Sync(); err != nil {
		return fmt.Errorf("watch: sync %s: %w", s.path, err)
	}
	return nil
}

func (s *File) syncLoop() {
	defer close(s.done)
	t := time.NewTicker(s.opts.SyncEvery)
	defer t.Stop()
	for {
		select {
		case <-s.stop:
			return
		case <-t.C:
			// A failed background sync is reported by Close, which
			// syncs again.
			_ = s.sync()
		}
	}
}

func (s *File) sync() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.dirty || s.closed {
		return nil
	}
	if err := s.f.Sync(); err != nil {
		return fmt.Errorf("watch: sync %s: %w", s.path, err)
	}
	s.dirty = false
	return nil
}

// Close syncs and closes the file.
func (s *File) Close() error {
	if s.stop != nil {
		s.stopOnce.Do(func() { close(s.stop) })
		<-s.done
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil
	}
	s.closed = true
	serr := s.f.Sync()
	if serr != nil {
		serr = fmt.Errorf("watch: sync %s: %w", s.path, serr)
	}
	cerr := s.f.Close()
	if cerr != nil {
		cerr = fmt.Errorf("watch: close %s: %w", s.path, cerr)
	}
	return errors.Join(serr, cerr)
}
