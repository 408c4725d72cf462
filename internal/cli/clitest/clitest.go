// Package clitest runs newstrace commands in-process with buffer streams,
// for the commands' own tests.
package clitest

import (
	"bytes"
	"context"
	"testing"

	"github.com/newstrace/newstrace/internal/cli/factory"
	"github.com/newstrace/newstrace/internal/cli/iostreams"
	"github.com/newstrace/newstrace/internal/cli/root"
	"github.com/newstrace/newstrace/internal/sharedtest"
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
// the test when it is absent. It is sharedtest.Dir under the name the
// commands' tests already use.
func Shared(t testing.TB) string {
	t.Helper()
	return sharedtest.Dir(t)
}
