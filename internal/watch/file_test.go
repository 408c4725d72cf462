package watch

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

// Concurrent Emits write whole lines that parse back, and a reopened
// file is appended to.
func TestFileConcurrent(t *testing.T) {
	for _, opts := range []FileOptions{{}, {SyncEvery: time.Millisecond}} {
		t.Run(fmt.Sprintf("sync=%s", opts.SyncEvery), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "events.jsonl")
			const writers, each = 8, 25
			for round := 0; round < 2; round++ {
				fs, err := OpenFile(path, opts)
				if err != nil {
					t.Fatal(err)
				}
				var wg sync.WaitGroup
				for g := range writers {
					wg.Go(func() {
						for i := range each {
							if err := fs.Emit(context.Background(), testEvent(fmt.Sprintf("r%d-g%d-%d", round, g, i))); err != nil {
								t.Error(err)
							}
						}
					})
				}
				wg.Wait()
				if err := fs.Close(); err != nil {
					t.Fatal(err)
				}
				if err := fs.Close(); err != nil {
					t.Errorf("second Close: %v", err)
				}
				if err := fs.Emit(context.Background(), testEvent("late")); !errors.Is(err, ErrClosed) {
					t.Errorf("Emit after Close: %v", err)
				}
			}
			fh, err := os.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer fh.Close()
			seen := map[string]bool{}
			sc := bufio.NewScanner(fh)
			for sc.Scan() {
				var e Event
				if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
					t.Fatalf("line %d: %v: %s", len(seen)+1, err, sc.Text())
				}
				if seen[e.Article.ID] || e.Evidence[0].OriginText != "a <b> & c" {
					t.Errorf("line %q repeated or altered", sc.Text())
				}
				seen[e.Article.ID] = true
			}
			if len(seen) != 2*writers*each {
				t.Errorf("%d lines, want %d", len(seen), 2*writers*each)
			}
		})
	}
}

func TestOpenFileError(t *testing.T) {
	_, err := OpenFile(filepath.Join(t.TempDir(), "missing", "events.jsonl"), FileOptions{})
	if err == nil || !errors.Is(err, os.ErrNotExist) {
		t.Errorf("err = %v, want a wrapped not-exist error", err)
	}
}

func TestMulti(t *testing.T) {
	dir := t.TempDir()
	a, err := OpenFile(filepath.Join(dir, "a.jsonl"), FileOptions{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := OpenFile(filepath.Join(dir, "b.jsonl"), FileOptions{})
	if err != nil {
		t.Fatal(err)
	}
	m := Multi(a, b)
	if err := m.Emit(context.Background(), testEvent("x")); err != nil {
		t.Fatal(err)
	}
	if err := m.Close(); err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{"a.jsonl", "b.jsonl"} {
		data, err := os.ReadFile(filepath.Join(dir, n))
		if err != nil || len(data) == 0 || data[len(data)-1] != '\n' {
			t.Errorf("%s: %q, %v", n, data, err)
		}
	}
}
