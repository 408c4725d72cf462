package extraction

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// sharedDir returns ../shared next to the module root, or skips.
func sharedDir(t *testing.T) string {
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
			t.Skip("no go.mod above the package; shared data not found")
		}
		dir = parent
	}
	shared := filepath.Join(filepath.Dir(dir), "shared")
	if _, err := os.Stat(shared); err != nil {
		t.Skipf("shared data not found at %s", shared)
	}
	return shared
}

// TestRunSets scores a few pages of each set, without and with the
// baseline, and checks that the reports are sane.
func TestRunSets(t *testing.T) {
	root := filepath.Join(sharedDir(t), "eval", "extraction")
	for _, set := range []string{SetAEB, SetTrafilatura, SetReadability} {
		for _, base := range []bool{false, true} {
			done := 0
			rep, err := Run(context.Background(), set, filepath.Join(root, set), Options{
				Baseline: base, NoFallback: true, Limit: 5,
				Progress: func(d, total int) { done = d },
			})
			if err != nil {
				t.Fatalf("%s: %v", set, err)
			}
			if rep.Pages != 5 || done != 5 || rep.Set != set {
				t.Errorf("%s: pages %d, progress %d, set %q", set, rep.Pages, done, rep.Set)
			}
			if rep.F1 < 0.5 || rep.F1 > 1 || rep.Precision > 1 || rep.Recall > 1 {
				t.Errorf("%s baseline=%v: implausible scores %+v", set, base, rep)
			}
		}
	}
}

func TestRunUnknownSet(t *testing.T) {
	if _, err := Run(context.Background(), "nope", t.TempDir(), Options{}); err == nil {
		t.Error("Run accepted an unknown set")
	}
}

func TestRunCancelled(t *testing.T) {
	root := filepath.Join(sharedDir(t), "eval", "extraction", SetAEB)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Run(ctx, SetAEB, root, Options{Limit: 2}); err == nil {
		t.Error("Run ignored a cancelled context")
	}
}
