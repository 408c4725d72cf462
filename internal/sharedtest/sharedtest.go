// Package sharedtest locates the read-only ../shared data folder for tests.
//
// The folder sits beside the module root (the directory holding go.mod),
// outside the repository, so a checkout without it must still pass its
// tests: every helper here skips the calling test instead of failing it.
// It imports testing and is meant for _test.go files and test-support
// packages only.
package sharedtest

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// Dir returns the absolute path of ../shared seen from the module root, or calls tb.Skip when it is absent.
func Dir(tb testing.TB) string {
	tb.Helper()
	wd, err := os.Getwd()
	if err != nil {
		tb.Fatalf("sharedtest: %v", err)
	}
	dir, err := find(wd)
	if err != nil {
		tb.Skip(err)
	}
	return dir
}

// Path joins elems under Dir(tb), and skips when that path does not exist.
func Path(tb testing.TB, elems ...string) string {
	tb.Helper()
	p := filepath.Join(append([]string{Dir(tb)}, elems...)...)
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("sharedtest: shared data not found at %s", p)
	}
	return p
}

// errNoModule says that no directory above the start holds go.mod.
var errNoModule = errors.New("sharedtest: no go.mod above the test directory, so no ../shared")

// find walks up from start to the first directory holding go.mod and
// returns the shared folder beside it, or an error saying which of the
// two is missing. It takes start rather than reading the working
// directory so that its test can run it on a tree of its own.
func find(start string) (string, error) {
	dir := start
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errNoModule
		}
		dir = parent
	}
	shared := filepath.Join(filepath.Dir(dir), "shared")
	if _, err := os.Stat(shared); err != nil {
		return "", fmt.Errorf("sharedtest: shared data not found at %s", shared)
	}
	return shared, nil
}
