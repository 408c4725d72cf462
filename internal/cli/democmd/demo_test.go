package democmd_test

import (
	"bufio"
	"encoding/json"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/newstrace/newstrace/internal/cli/clitest"
	"github.com/newstrace/newstrace/internal/demo"
	"github.com/newstrace/newstrace/internal/ingest/jsonl"
)

type report struct {
	ID      string
	Verdict string
	Origin  *struct{ ID string }
	Path    []struct {
		ID        string
		Published time.Time
		Relation  string
	}
}

// The demo must trace every copy in its corpus to the true origin, and
// give no origin to originals and independent reports of the same events.
//
// Without a lexicon (no FreeDict dictionaries installed: .ci/run installs
// them) cross-language matching rests on names, numbers and cognates alone
// and is known to give an independent report a false origin in another
// language; the test then checks same-language claims strictly and logs
// the cross-language ones.
func TestDemoFindsTrueOrigins(t *testing.T) {
	dir := t.TempDir()
	out, errOut, err := clitest.Run(t, dir, "demo", "--json")
	if err != nil {
		t.Fatal(err)
	}
	noLexicon := strings.Contains(errOut.String(), "lexicon missing")
	if noLexicon {
		t.Log("no lexicon: cross-language false origins are logged, not failed")
	}
	got := map[string]report{}
	sc := bufio.NewScanner(out)
	sc.Buffer(nil, 1<<22)
	for sc.Scan() {
		var r report
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("bad JSON line: %v", err)
		}
		got[r.ID] = r
	}

	rd := jsonl.NewReader(demo.Corpus())
	n := 0
	for {
		rec, err := rd.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		n++
		r, ok := got[rec.ID]
		if !ok {
			t.Errorf("%s: not in the demo report", rec.ID)
			continue
		}
		checkPath(t, r)
		g := rec.Gold
		switch {
		case g.Origin != "":
			if r.Origin == nil || r.Origin.ID != g.Origin {
				t.Errorf("%s (%s): origin %+v, want %s", rec.ID, g.Relation, r.Origin, g.Origin)
			}
			if g.Relation == "translation" {
				if r.Verdict != "translation" {
					t.Errorf("%s: verdict %q, want translation", rec.ID, r.Verdict)
				}
			} else if !strings.Contains(r.Verdict, "copy") {
				t.Errorf("%s: verdict %q, want copy or edited_copy", rec.ID, r.Verdict)
			}
		default:
			switch {
			case r.Origin == nil:
			case noLexicon && r.Verdict == "translation":
				t.Logf("%s (%s): given origin %s across languages without a lexicon", rec.ID, g.Relation, r.Origin.ID)
			default:
				t.Errorf("%s (%s): given origin %s, want none", rec.ID, g.Relation, r.Origin.ID)
			}
		}
	}
	if n != len(got) {
		t.Errorf("report has %d articles, corpus %d", len(got), n)
	}
}

func TestDemoHumanReport(t *testing.T) {
	out, _, err := clitest.Run(t, t.TempDir(), "demo")
	if err != nil {
		t.Fatal(err)
	}
	s := out.String()
	for _, want := range []string{"ARTICLE", "VERDICT", "ORIGIN", "Check against the corpus labels:", "signal residue_marker"} {
		if !strings.Contains(s, want) {
			t.Errorf("demo output lacks %q", want)
		}
	}
}

// checkPath checks a report's chain: from its origin to the article
// itself, in time order, every hop after the first with a relation.
func checkPath(t *testing.T, r report) {
	t.Helper()
	if r.Origin == nil {
		if len(r.Path) != 0 {
			t.Errorf("%s: a path %v without an origin", r.ID, r.Path)
		}
		return
	}
	if len(r.Path) < 2 || r.Path[0].ID != r.Origin.ID || r.Path[len(r.Path)-1].ID != r.ID {
		t.Errorf("%s: path %+v does not run from origin %s to the article", r.ID, r.Path, r.Origin.ID)
		return
	}
	for i := 1; i < len(r.Path); i++ {
		if r.Path[i].Relation == "" || r.Path[i].Published.Before(r.Path[i-1].Published) {
			t.Errorf("%s: hop %d of %+v has no relation or goes back in time", r.ID, i, r.Path)
		}
	}
}
