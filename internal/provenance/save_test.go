package provenance

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/newstrace/newstrace/internal/match"
	"github.com/newstrace/newstrace/internal/store/sqlite"
)

func TestSaveKeepsTheOriginClaim(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, sqlite.Memory)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	r := &Report{ID: "copy-1", Verdict: match.EditedCopy, Score: 0.8, Coverage: 0.7,
		Origin:   &Ref{ID: "orig-1"},
		Evidence: []match.Passage{{Query: 0, Origin: 1, QueryText: "a", OriginText: "a", Score: 1}},
		Path:     []Hop{{Ref: Ref{ID: "orig-1"}}, {Ref: Ref{ID: "copy-1"}, Relation: match.EditedCopy}},
	}
	if err := Save(ctx, st, r); err != nil {
		t.Fatal(err)
	}
	ms, err := st.Matches(ctx, "copy-1")
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) != 1 || ms[0].OriginID != "orig-1" || ms[0].Verdict != "edited_copy" || ms[0].Score != 0.8 {
		t.Fatalf("stored %+v, want the one origin claim", ms)
	}
	var ev struct {
		Evidence []match.Passage
		Path     []Hop
	}
	if err := json.Unmarshal(ms[0].Evidence, &ev); err != nil {
		t.Fatal(err)
	}
	if len(ev.Evidence) != 1 || len(ev.Path) != 2 || ev.Path[1].Relation != match.EditedCopy {
		t.Errorf("evidence %+v lost passages or path", ev)
	}

	// Tracing again with no origin clears the claim.
	if err := Save(ctx, st, &Report{ID: "copy-1", Verdict: match.None}); err != nil {
		t.Fatal(err)
	}
	if ms, _ := st.Matches(ctx, "copy-1"); len(ms) != 0 {
		t.Errorf("matches after a trace without origin: %+v", ms)
	}
}
