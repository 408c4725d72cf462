package provenance

import (
	"strings"
	"testing"
	"time"

	"github.com/newstrace/newstrace/internal/article"
	"github.com/newstrace/newstrace/internal/match"
)

// preparedWith returns a prepared fictional article of n sentences.
func preparedWith(id, lang string, n int) *match.Prepared {
	a := article.New()
	a.ID, a.Lang = id, lang
	a.Text = strings.TrimSpace(strings.Repeat("The council of Verdane met on Tuesday to vote on the harbour plan. ", n))
	return match.Prepare(a, match.Options{})
}

func TestPromoteStandout(t *testing.T) {
	related := func(p *match.Prepared, score, strength, rendered float64) compared {
		return compared{p, match.Result{Verdict: match.Related, Score: score, Strength: strength, RareStrength: strength, Coverage: 0.8, OriginCoverage: 0.7, Rendered: rendered}}
	}
	// sharing is a candidate whose evidence lies in words common in the
	// store: much of its Strength, little of its RareStrength.
	sharing := func(p *match.Prepared, strength, rare float64) compared {
		return compared{p, match.Result{Verdict: match.Related, Score: 0.9, Strength: strength, RareStrength: rare, Coverage: 0.8, OriginCoverage: 0.8, Rendered: 1}}
	}
	partOf := func(p *match.Prepared, lead bool) compared {
		return compared{p, match.Result{Verdict: match.Related, Score: 0.7, Strength: 0.6, RareStrength: 0.6, Coverage: 0.9, OriginCoverage: 0.1, Rendered: 1, Lead: lead}}
	}
	// runOf is a run of candidate p's sentences rendered in order, not
	// at its start, covering run of the candidate between its first and
	// last aligned sentences.
	runOf := func(p *match.Prepared, run float64) compared {
		return compared{p, match.Result{Verdict: match.Related, Score: 0.7, Strength: 0.6, RareStrength: 0.6, Coverage: 0.9, OriginCoverage: 0.1, Rendered: 1, RunCoverage: run}}
	}
	// wholeOf is candidate p rendered nearly whole by a query of more
	// sentences, rendered of them.
	wholeOf := func(p *match.Prepared, rendered float64) compared {
		return compared{p, match.Result{Verdict: match.Related, Score: 0.7, Strength: 0.6, RareStrength: 0.6, Coverage: 0.8, OriginCoverage: 0.9, Rendered: rendered}}
	}
	// leadOf is the lead of candidate p rendered whole, scoring score.
	leadOf := func(p *match.Prepared, score float64) compared {
		return compared{p, match.Result{Verdict: match.Related, Score: score, Strength: 0.6, RareStrength: 0.6, Coverage: 0.9, OriginCoverage: 0.1, Rendered: 1, Lead: true}}
	}
	candLong := preparedWith("c-long", "en", 12)
	short := preparedWith("q-short", "fr", 3)
	line := preparedWith("q-line", "fr", 1)
	long := preparedWith("q-long", "fr", 8)
	cand := preparedWith("c", "en", 3)
	rival := preparedWith("r", "de", 3)
	tests := []struct {
		name  string
		q     *match.Prepared
		found []compared
		want  string
	}{
		{"short query far above its rival", short, []compared{related(cand, 0.7, 0.6, 1), related(rival, 0.2, 0.1, 1)}, "c"},
		{"short query near its rival", short, []compared{related(cand, 0.7, 0.6, 1), related(rival, 0.4, 0.5, 1)}, ""},
		{"short query a quarter above its rival's evidence", short, []compared{related(cand, 0.7, 0.6, 1), related(rival, 0.4, 0.47, 1)}, "c"},
		{"a rival sharing the query's common words", short, []compared{related(cand, 0.7, 0.45, 1), sharing(rival, 0.4, 0.1)}, "c"},
		{"a rival sharing the query's rare words", short, []compared{related(cand, 0.7, 0.45, 1), sharing(rival, 0.1, 0.4)}, ""},
		{"the candidate with the most evidence is judged, not the best score", short, []compared{related(cand, 0.9, 0.2, 1), related(rival, 0.5, 0.6, 1)}, "r"},
		{"a rival sharing a word scores near, with a third of the evidence", short, []compared{related(cand, 1, 0.45, 1), related(rival, 0.9, 0.15, 1)}, "c"},
		{"a rival scoring low with as much evidence", short, []compared{related(cand, 0.9, 0.3, 1), related(rival, 0.3, 0.27, 1)}, ""},
		{"a weak alignment three times its rival's evidence", short, []compared{related(cand, 0.25, 0.6, 1), related(rival, 0.1, 0.15, 1)}, "c"},
		{"a weak alignment twice its rival's evidence", short, []compared{related(cand, 0.25, 0.6, 1), related(rival, 0.1, 0.25, 1)}, ""},
		{"a weak alignment alone: no margin to measure", short, []compared{related(cand, 0.25, 0.6, 1)}, ""},
		{"a one-line message on a weak alignment, far ahead on a word or two", line, []compared{related(cand, 0.25, 0.6, 1), related(rival, 0.1, 0.15, 1)}, ""},
		{"short query alone but strong", short, []compared{related(cand, 0.6, 0.3, 1)}, "c"},
		{"short query alone and weak: two texts on one subject", short, []compared{related(cand, 0.3, 0.3, 1)}, ""},
		{"short query rendering too few sentences", short, []compared{related(cand, 0.7, 0.6, 0.34)}, ""},
		{"too few sentences rendered, the candidate rendered whole", short, []compared{wholeOf(cand, 0.34)}, "c"},
		{"a long query rendering some, the candidate nearly whole", long, []compared{wholeOf(cand, 0.7)}, "c"},
		{"a small part of the candidate", short, []compared{partOf(cand, false)}, ""},
		{"a small part of the candidate: its lead", short, []compared{partOf(cand, true)}, "c"},
		{"a small part of the candidate: a run of it rendered whole", short, []compared{runOf(candLong, 0.9)}, "c-long"},
		{"a small part of the candidate: sentences scattered over it", short, []compared{runOf(candLong, 0.2)}, ""},
		{"the lead of a long candidate, whose small coverage keeps the score down", short, []compared{leadOf(candLong, 0.3)}, "c-long"},
		{"the lead of a short candidate, scoring low", short, []compared{leadOf(cand, 0.3)}, ""},
		{"long query rendering most of its sentences", long, []compared{related(cand, 0.7, 0.6, 0.9), related(rival, 0.1, 0.05, 1)}, "c"},
		{"long query rendering some: two reports of one event", long, []compared{related(cand, 0.7, 0.6, 0.7), related(rival, 0.1, 0.05, 1)}, ""},
	}
	// A later translation of an earlier candidate in a third language is
	// the query's sibling: that candidate is judged in its place, and
	// without it as a rival, even where the sibling renders the query as
	// a translation; an earlier sibling is no rival either; a later text
	// that translates no candidate is judged itself, as before.
	at := func(p *match.Prepared, h int) *match.Prepared {
		p.Article.PublishedAt = time.Date(2014, 1, 2, h, 0, 0, 0, time.UTC)
		return p
	}
	dq := at(preparedWith("q-hi", "hi", 3), 12)
	dorig := at(preparedWith("orig-en", "en", 3), 10)
	dsib := at(preparedWith("sib-fr", "fr", 3), 14)
	dother := at(preparedWith("other-de", "de", 3), 14)
	dearly := at(preparedWith("early-ru", "ru", 3), 11)
	sibling := func(r, o *compared) bool { return (r.p == dsib || r.p == dearly) && o.p == dorig }
	translationOf := func(p *match.Prepared) compared {
		c := related(p, 0.8, 0.9, 1)
		c.res.Verdict = match.Translation
		return c
	}
	weakTranslationOf := func(p *match.Prepared) compared {
		c := related(p, 0.5, 0.4, 1)
		c.res.Verdict = match.Translation
		return c
	}
	for _, tt := range []struct {
		name  string
		found []compared
		want  string
	}{
		{"a later sibling aligning more closely", []compared{related(dorig, 0.3, 0.5, 1), related(dsib, 0.6, 0.9, 1), related(rival, 0.1, 0.1, 1)}, "orig-en"},
		{"a later sibling rendering the query whole", []compared{related(dorig, 0.5, 0.5, 1), translationOf(dsib)}, "orig-en"},
		{"a later sibling, and a rival near the original", []compared{related(dorig, 0.3, 0.5, 1), related(dsib, 0.6, 0.9, 1), related(rival, 0.3, 0.45, 1)}, ""},
		{"an earlier sibling near the original: it leads there too", []compared{related(dorig, 0.5, 0.5, 1), related(dearly, 0.5, 0.45, 1)}, "orig-en"},
		{"a later text translating no candidate", []compared{related(dorig, 0.3, 0.5, 1), related(dother, 0.6, 0.9, 1)}, "other-de"},
		{"a later translation of the query translating no candidate", []compared{related(dorig, 0.3, 0.5, 1), translationOf(dother)}, ""},
		{"a later sibling rendering the query, with less evidence than the original", []compared{related(dorig, 0.5, 0.6, 1), weakTranslationOf(dsib)}, "orig-en"},
		{"a later text rendering the query, with a little less evidence than the candidate", []compared{related(dorig, 0.5, 0.45, 1), weakTranslationOf(dother)}, ""},
		{"a later text rendering the query, with a third less evidence than the candidate", []compared{related(dorig, 0.5, 0.6, 1), weakTranslationOf(dother)}, "orig-en"},
	} {
		found := append([]compared(nil), tt.found...)
		if got := promoteStandout(dq, found, sibling); got != tt.want {
			t.Errorf("%s: promoted %q, want %q", tt.name, got, tt.want)
		}
	}
	for _, tt := range tests {
		found := append([]compared(nil), tt.found...)
		got := promoteStandout(tt.q, found, nil)
		if got != tt.want {
			t.Errorf("%s: promoted %q, want %q", tt.name, got, tt.want)
		}
		for _, f := range found {
			if promoted := f.res.Verdict == match.Translation; promoted != (f.p.Article.ID == got) {
				t.Errorf("%s: %s verdict %s after promoting %q", tt.name, f.p.Article.ID, f.res.Verdict, got)
			}
		}
	}
}

// A one-line message too short for the sentence evidence alone is traced
// to the text it renders when it stands out from the other candidates, and
// the report says by how much: the figures a reader checks the verdict by.
func TestTraceStandoutSignal(t *testing.T) {
	reps := traceAll(t, fixtureLexicon(t),
		fixture(t, "en-chat", 0),
		fixture(t, "en-chat-other", time.Hour),
		fixture(t, "fr-chat", 2*time.Hour),
	)
	r := reps["fr-chat"]
	if got := originOf(r); got != "en-chat" || r.Verdict != match.Translation {
		t.Fatalf("fr-chat: origin %q (%s, signals %v, related %+v), want en-chat as a translation", got, r.Verdict, r.Signals, r.Related)
	}
	var detail string
	for _, s := range r.Signals {
		if s.Kind == SignalStandout {
			detail = s.Detail
		}
	}
	if !strings.Contains(detail, "evidence") || !strings.Contains(detail, "en-chat") {
		t.Errorf("fr-chat: standout signal %q, want one naming en-chat with the evidence figures", detail)
	}
	t.Log(detail)
}

// TestClearlyAligned checks the candidate upstream takes for a common
// original: the cross-lingual one with the most evidence, by the
// standout's margin, rendering half the query's sentences and covering
// the standout's share of its words at least, whatever its score; none
// when a rival comes close or the alignment renders or covers too little,
// and never a text in the query's language.
func TestClearlyAligned(t *testing.T) {
	q := preparedWith("q-en", "en", 2).Article
	orig := preparedWith("orig-ja", "ja", 2)
	other := preparedWith("other-ja", "ja", 2)
	twin := preparedWith("twin-en", "en", 2)
	rel := func(p *match.Prepared, rare, rendered float64) compared {
		return compared{p, match.Result{Verdict: match.Related, Score: 0.2, Coverage: 0.8, RareStrength: rare, Rendered: rendered}}
	}
	copyOf := func(p *match.Prepared) compared {
		return compared{p, match.Result{Verdict: match.EditedCopy, Score: 0.9, RareStrength: 2, Rendered: 1}}
	}
	for _, tt := range []struct {
		name  string
		found []compared
		want  *match.Prepared
	}{
		{"far ahead of the other, a twin beside", []compared{copyOf(twin), rel(orig, 0.5, 1), rel(other, 0.2, 1)}, orig},
		{"alone", []compared{rel(orig, 0.5, 1)}, orig},
		{"a rival near it", []compared{rel(orig, 0.5, 1), rel(other, 0.45, 1)}, nil},
		{"too little of the query rendered", []compared{rel(orig, 0.5, 0.4), rel(other, 0.1, 1)}, nil},
		// One sentence of a long report meeting another's on its figures
		// renders half its sentences where the two are cut alike, but
		// covers a fifth of its words.
		{"too little of the query covered", []compared{func() compared { c := rel(orig, 0.5, 1); c.res.Coverage = 0.2; return c }(), rel(other, 0.1, 1)}, nil},
		{"nothing in another language", []compared{copyOf(twin)}, nil},
	} {
		if got := clearlyAligned(q, tt.found); got != tt.want {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}
