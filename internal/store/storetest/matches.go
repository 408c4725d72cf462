package storetest

import (
	"encoding/json"
	"reflect"
	"testing"
	"time"

	"github.com/newstrace/newstrace/internal/store"
)

// sameJSON reports whether a and b encode the same JSON value (or are
// both empty).
func sameJSON(a, b json.RawMessage) bool {
	if len(a) == 0 || len(b) == 0 {
		return len(a) == len(b)
	}
	var x, y any
	return json.Unmarshal(a, &x) == nil && json.Unmarshal(b, &y) == nil && reflect.DeepEqual(x, y)
}

func checkMatches(t *testing.T, s store.Store, queryID string, want []store.Match) {
	t.Helper()
	got, err := s.Matches(t.Context(), queryID)
	if err != nil {
		t.Fatalf("Matches(%s): %v", queryID, err)
	}
	if len(got) != len(want) {
		t.Fatalf("Matches(%s) = %d matches, want %d: %+v", queryID, len(got), len(want), got)
	}
	for i, g := range got {
		w := want[i]
		if g.QueryID != queryID || g.OriginID != w.OriginID || g.Verdict != w.Verdict ||
			g.Score != w.Score || g.Coverage != w.Coverage || !sameJSON(g.Evidence, w.Evidence) {
			t.Errorf("Matches(%s)[%d] = %+v, want %+v", queryID, i, g, w)
		}
		if !w.CreatedAt.IsZero() && !g.CreatedAt.Equal(w.CreatedAt) {
			t.Errorf("Matches(%s)[%d].CreatedAt = %v, want %v", queryID, i, g.CreatedAt, w.CreatedAt)
		}
		if g.CreatedAt.IsZero() {
			t.Errorf("Matches(%s)[%d].CreatedAt is zero", queryID, i)
		}
	}
}

func testPutMatchesReplaces(t *testing.T, open Opener) {
	s := open(t)
	ctx := t.Context()
	at := time.Date(2024, 3, 28, 9, 30, 0, 42, time.UTC)
	first := []store.Match{
		{QueryID: "ignored", OriginID: "rt-1", Verdict: "translation", Score: 0.93, Coverage: 0.8,
			Evidence: json.RawMessage(`{"pairs": [[0, 1, 0.91]], "signals": ["title_suffix"]}`), CreatedAt: at},
		{OriginID: "other-2", Verdict: "related", Score: 0.31, Coverage: 0.1},
	}
	if err := s.PutMatches(ctx, "q1", first); err != nil {
		t.Fatal(err)
	}
	if err := s.PutMatches(ctx, "q2", []store.Match{{OriginID: "x", Verdict: "copy", Score: 1, Coverage: 1}}); err != nil {
		t.Fatal(err)
	}
	checkMatches(t, s, "q1", first)

	second := []store.Match{{OriginID: "rt-1", Verdict: "edited_copy", Score: 0.7, Coverage: 0.6,
		Evidence: json.RawMessage(`[1, "two", null]`)}}
	if err := s.PutMatches(ctx, "q1", second); err != nil {
		t.Fatal(err)
	}
	checkMatches(t, s, "q1", second)
	checkMatches(t, s, "q2", []store.Match{{OriginID: "x", Verdict: "copy", Score: 1, Coverage: 1}})

	if err := s.PutMatches(ctx, "q1", nil); err != nil {
		t.Fatal(err)
	}
	checkMatches(t, s, "q1", nil)
	checkMatches(t, s, "q2", []store.Match{{OriginID: "x", Verdict: "copy", Score: 1, Coverage: 1}})
}

func testPutMatchesInvalid(t *testing.T, open Opener) {
	s := open(t)
	ctx := t.Context()
	keep := []store.Match{{OriginID: "o", Verdict: "copy", Score: 0.5, Coverage: 0.5}}
	if err := s.PutMatches(ctx, "q", keep); err != nil {
		t.Fatal(err)
	}
	bad := []store.Match{
		{OriginID: "ok", Verdict: "copy"},
		{OriginID: "broken", Verdict: "copy", Evidence: json.RawMessage(`{"unterminated": `)},
	}
	if err := s.PutMatches(ctx, "q", bad); err == nil {
		t.Error("PutMatches with invalid evidence JSON succeeded")
	}
	checkMatches(t, s, "q", keep)
}
