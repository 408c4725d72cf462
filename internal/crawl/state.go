package crawl

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// stateVersion is the format of the state file; a file of another
// version is refused rather than misread.
const stateVersion = 1

// Validators are what a server sent to make the next fetch conditional.
type Validators struct {
	ETag         string    `json:"etag,omitempty"`
	LastModified string    `json:"last_modified,omitempty"`
	Checked      time.Time `json:"checked"`
}

// State is what a crawl remembers between runs: the validators of the
// feeds and sitemaps it polls (for conditional GET) and the article URLs
// it has already handled (so they are not fetched again). It lives in a
// JSON file rather than in the store because it is the crawler's
// bookkeeping, not evidence: losing it costs refetches, never data,
// since storing an article twice stores it once. It is safe for
// concurrent use.
type State struct {
	path string

	mu         sync.Mutex
	validators map[string]Validators
	seen       map[string]time.Time
	dirty      bool
}

type stateFile struct {
	Version    int                   `json:"version"`
	Validators map[string]Validators `json:"validators"`
	Seen       map[string]time.Time  `json:"seen"`
}

// LoadState reads the state file at path; a missing file is an empty
// state. An empty path gives a state kept in memory only.
func LoadState(path string) (*State, error) {
	s := &State{path: path, validators: map[string]Validators{}, seen: map[string]time.Time{}}
	if path == "" {
		return s, nil
	}
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return s, nil
	}
	if err != nil {
		return nil, fmt.Errorf("crawl: state: %w", err)
	}
	var f stateFile
	if err := json.Unmarshal(b, &f); err != nil {
		return nil, fmt.Errorf("crawl: state %s: %w", path, err)
	}
	if f.Version != stateVersion {
		return nil, fmt.Errorf("crawl: state %s: version %d, want %d", path, f.Version, stateVersion)
	}
	if f.Validators != nil {
		s.validators = f.Validators
	}
	if f.Seen != nil {
		s.seen = f.Seen
	}
	return s, nil
}

// Save writes the state if it changed since the last Save, atomically: a
// temporary file in the same directory, synced, then renamed over the
// old one, so a crash leaves the old state or the new one.
func (s *State) Save() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.path == "" || !s.dirty {
		return nil
	}
	b, err := json.MarshalIndent(stateFile{Version: stateVersion, Validators: s.validators, Seen: s.seen}, "", " ")
	if err != nil {
		return fmt.Errorf("crawl: state: %w", err)
	}
	dir := filepath.Dir(s.path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("crawl: state: %w", err)
	}
	tmp, err := os.CreateTemp(dir, filepath.Base(s.path)+".tmp*")
	if err != nil {
		return fmt.Errorf("crawl: state: %w", err)
	}
	_, err = tmp.Write(b)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), s.path)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("crawl: state %s: %w", s.path, err)
	}
	s.dirty = false
	return nil
}

// Validators returns what was remembered for url.
func (s *State) Validators(url string) (Validators, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	v, ok := s.validators[url]
	return v, ok
}

// SetValidators remembers v for url; empty validators forget it.
func (s *State) SetValidators(url string, v Validators) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if v.ETag == "" && v.LastModified == "" {
		if _, ok := s.validators[url]; ok {
			delete(s.validators, url)
			s.dirty = true
		}
		return
	}
	s.validators[url] = v
	s.dirty = true
}

// Seen reports whether url was handled by an earlier fetch.
func (s *State) Seen(url string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ok := s.seen[url]
	return ok
}

// MarkSeen records url as handled at t.
func (s *State) MarkSeen(url string, t time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.seen[url] = t.UTC()
	s.dirty = true
}

// SeenCount returns how many URLs are recorded as handled.
func (s *State) SeenCount() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.seen)
}
