package provenance

import (
	"strings"
	"testing"
	"time"

	"github.com/newstrace/newstrace/internal/article"
)

// dated is fixture with its publication time read from the given source.
func dated(t *testing.T, id string, lag time.Duration, from string) *article.Article {
	a := fixture(t, id, lag)
	a.PublishedFrom = from
	return a
}

func signalOf(r *Report, kind string) (string, bool) {
	for _, s := range r.Signals {
		if s.Kind == kind {
			return s.Detail, true
		}
	}
	return "", false
}

// The earlier signal names where each date was read, and so do the
// origin, the path and the related links of the JSON report.
func TestEarlierSignalNamesDateSources(t *testing.T) {
	reps := traceAll(t, fixtureLexicon(t),
		dated(t, "en-dam", 0, article.PublishedFromMetadata),
		dated(t, "fr-dam", 5*time.Hour, article.PublishedFromFeed),
	)
	r := reps["fr-dam"]
	if originOf(r) != "en-dam" {
		t.Fatalf("fr-dam: origin %q, want en-dam (signals %v)", originOf(r), r.Signals)
	}
	want := "origin published 2025-03-04T08:00:00Z (page metadata), 5h0m before this article (feed)"
	if got, _ := signalOf(r, SignalEarlier); got != want {
		t.Errorf("earlier signal %q, want %q", got, want)
	}
	if r.PublishedFrom != article.PublishedFromFeed || r.Origin.PublishedFrom != article.PublishedFromMetadata {
		t.Errorf("report from %q, origin from %q; want feed, page_metadata", r.PublishedFrom, r.Origin.PublishedFrom)
	}
	if n := len(r.Path); n < 2 || r.Path[0].PublishedFrom != article.PublishedFromMetadata || r.Path[n-1].PublishedFrom != article.PublishedFromFeed {
		t.Errorf("path %+v does not carry both sources", r.Path)
	}
	var linked bool
	for _, l := range reps["en-dam"].Related {
		if l.ID == "fr-dam" {
			linked = true
			if l.PublishedFrom != article.PublishedFromFeed || l.Role != "later_copy" {
				t.Errorf("en-dam's link to fr-dam: from %q, role %q; want feed, later_copy", l.PublishedFrom, l.Role)
			}
		}
	}
	if !linked {
		t.Errorf("en-dam: fr-dam not among related %+v", reps["en-dam"].Related)
	}
}

// A first-seen date orders the pair only with a warning.
func TestEarlierSignalFlagsFirstSeen(t *testing.T) {
	reps := traceAll(t, fixtureLexicon(t),
		dated(t, "en-dam", 0, article.PublishedFromMetadata),
		dated(t, "fr-dam", 2*time.Hour, article.PublishedFromFirstSeen),
	)
	got, _ := signalOf(reps["fr-dam"], SignalEarlier)
	want := "origin published 2025-03-04T08:00:00Z (page metadata), 2h0m before this article (first seen); the order rests on a first-seen time"
	if !strings.HasPrefix(got, want) {
		t.Errorf("earlier signal %q, want it to start %q", got, want)
	}
}

// An origin first seen after its copy's stated date may still have been
// published before it: its first-seen time does not make it a later copy,
// and no earlier signal is claimed.
func TestFirstSeenDoesNotProveLater(t *testing.T) {
	reps := traceAll(t, fixtureLexicon(t),
		dated(t, "en-dam", 6*time.Hour, article.PublishedFromFirstSeen),
		dated(t, "fr-dam", 2*time.Hour, article.PublishedFromMetadata),
	)
	r := reps["fr-dam"]
	if originOf(r) != "en-dam" {
		t.Errorf("fr-dam: origin %q, want en-dam (related %+v)", originOf(r), r.Related)
	}
	if d, ok := signalOf(r, SignalEarlier); ok {
		t.Errorf("earlier signal %q for an origin first seen after the copy", d)
	}
}
