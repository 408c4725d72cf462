// Package clitest runs newstrace commands in-process with buffer streams,
// for the commands' own tests.
package clitest

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/newstrace/newstrace/internal/cli/factory"
	"github.com/newstrace/newstrace/internal/cli/iostreams"
	"github.com/newstrace/newstrace/internal/cli/root"
)

// Run executes the newstrace command line args against the data directory
// dir and returns what it printed.
func Run(t testing.TB, dir string, args ...string) (stdout, stderr *bytes.Buffer, err error) {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	f := factory.NewTest(ios, dir)
	cmd := root.NewCmd(f)
	cmd.SetArgs(args)
	err = cmd.ExecuteContext(context.Background())
	return out, errOut, err
}

// Shared returns the path of ../shared seen from the module root, or skips
// the test when it is absent.
func Shared(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("go.mod not found above the test directory")
		}
		dir = parent
	}
	shared := filepath.Join(dir, "..", "shared")
	if _, err := os.Stat(shared); err != nil {
		t.Skipf("shared data not found at %s", shared)
	}
	return shared
}
