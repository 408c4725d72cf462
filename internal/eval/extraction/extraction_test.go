package extraction

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/newstrace/newstrace/internal/sharedtest"
)

// TestRunSets scores a few pages of each set, without and with the
// baseline, and checks that the reports are sane.
func TestRunSets(t *testing.T) {
	root := sharedtest.Path(t, "eval", "extraction")
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
	root := sharedtest.Path(t, "eval", "extraction", SetAEB)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Run(ctx, SetAEB, root, Options{Limit: 2}); err == nil {
		t.Error("Run ignored a cancelled context")
	}
}
