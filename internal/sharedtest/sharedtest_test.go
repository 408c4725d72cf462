package sharedtest

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// TestFind builds a module with a shared folder beside it and checks that
// find reaches the folder from a nested package directory, and reports it
// absent once removed.
func TestFind(t *testing.T) {
	tmp := t.TempDir()
	root := filepath.Join(tmp, "repo")
	pkg := filepath.Join(root, "internal", "pkg")
	if err := os.MkdirAll(pkg, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "go.mod"), []byte("module example.com/m\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	shared := filepath.Join(tmp, "shared")
	if _, err := find(pkg); err == nil || errors.Is(err, errNoModule) {
		t.Fatalf("find without shared folder: err = %v, want a not-found error", err)
	}
	if err := os.Mkdir(shared, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, start := range []string{pkg, root} {
		got, err := find(start)
		if err != nil {
			t.Fatalf("find(%s): %v", start, err)
		}
		if got != shared {
			t.Errorf("find(%s) = %s, want %s", start, got, shared)
		}
	}
}

// TestDir checks the real checkout: ../shared beside the module root that
// holds this package, as an absolute path (skips without it).
func TestDir(t *testing.T) {
	dir := Dir(t)
	if !filepath.IsAbs(dir) {
		t.Errorf("Dir = %s, want an absolute path", dir)
	}
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("test assumes the module root is ../..: %v", err)
	}
	if want := filepath.Join(filepath.Dir(root), "shared"); dir != want {
		t.Errorf("Dir = %s, want %s", dir, want)
	}
}

// TestPath checks that Path joins under Dir and skips, without going on,
// when the joined path is absent.
func TestPath(t *testing.T) {
	dir := Dir(t)
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) == 0 {
		t.Skipf("%s is empty", dir)
	}
	name := entries[0].Name()
	if got, want := Path(t, name), filepath.Join(dir, name); got != want {
		t.Errorf("Path(%q) = %s, want %s", name, got, want)
	}

	var sub *testing.T
	reached := false
	t.Run("absent", func(t *testing.T) {
		sub = t
		Path(t, "sharedtest-no-such-entry", "x")
		reached = true
	})
	if !sub.Skipped() {
		t.Error("Path of a missing entry did not skip")
	}
	if reached {
		t.Error("Path of a missing entry returned instead of skipping")
	}
}
