package provenance

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/newstrace/newstrace/internal/article"
	"github.com/newstrace/newstrace/internal/artifact"
	"github.com/newstrace/newstrace/internal/match"
	"github.com/newstrace/newstrace/internal/registry"
	"github.com/newstrace/newstrace/internal/store"
)

// Report is the answer to "where does this article come from?": the
// verdict, the origin, the aligned passages and every signal that went into
// it, so that a person can check the claim without newstrace.
type Report struct {
	ID               string           `json:"id"`
	URL              string           `json:"url,omitempty"`
	Site             string           `json:"site"`
	SiteName         string           `json:"site_name,omitempty"`
	Lang             string           `json:"lang"`
	Title            string           `json:"title"`
	Published        time.Time        `json:"published,omitzero"`
	PublishedFrom    string           `json:"published_from,omitempty"` // where Published was read
	Markers          []article.Marker `json:"markers"`
	AttributedSource string           `json:"attributed_source"`

	// Verdict is the relation to Origin: copy, edited_copy, translation,
	// related, or none when no origin was found.
	Verdict  match.Verdict `json:"verdict"`
	Score    float64       `json:"score"`
	Coverage float64       `json:"coverage"`
	Origin   *Ref          `json:"origin"`
	// Evidence lists the aligned passage pairs behind the verdict.
	Evidence []match.Passage `json:"evidence"`
	// Path is the chain from the origin to this article: the origin, any
	// intermediate copy this article was made from, then this article,
	// each with its relation to the hop before and the lag. Empty when
	// there is no origin.
	Path []Hop `json:"path"`
	// Signals say what decided the origin, beyond the text itself.
	Signals []Signal `json:"signals"`
	// Artifacts are machine-translation and spinning artifacts, when the
	// Tracer looks for them; Weak ones are hints, not evidence.
	Artifacts []artifact.Finding `json:"artifacts,omitempty"`
	// Related lists the other articles that share text with this one,
	// best first: siblings copied from the same origin, later copies of
	// this article, or independent coverage quoting the same words.
	Related []Link `json:"related"`
}

// Ref identifies an article in a report.
type Ref struct {
	ID        string    `json:"id"`
	URL       string    `json:"url,omitempty"`
	Site      string    `json:"site"`
	Lang      string    `json:"lang"`
	Title     string    `json:"title"`
	Published time.Time `json:"published,omitzero"`
	// PublishedFrom says where Published was read (article.PublishedFrom):
	// a lag between two hops is only as sure as both dates' sources.
	PublishedFrom string `json:"published_from,omitempty"`
	// Lag is how long after the origin the query appeared, when both
	// dates are known.
	Lag string `json:"lag,omitempty"`
	// Outlet, Label and Citations say who the origin's publisher is when
	// the source registry knows it: "RT (Russia) — state-controlled; EU
	// broadcast ban since …", with the acts and reports behind each fact.
	Outlet    string              `json:"outlet,omitempty"`
	Label     string              `json:"label,omitempty"`
	Citations []registry.Citation `json:"citations,omitempty"`
}

// Hop is one step of a chain: an article, how it derives from the hop
// before (empty for the origin) and how long after it appeared.
type Hop struct {
	Ref
	Relation match.Verdict `json:"relation,omitempty"`
}

// Link roles.
const (
	// RoleSibling: derived from the same origin, or an earlier text the
	// query derives from that is not its origin.
	RoleSibling = "sibling"
	// RoleLaterCopy: published after the query and derived from it.
	RoleLaterCopy = "later_copy"
	// RoleRelated: shares some text, derives from nothing.
	RoleRelated = "related"
)

// Link is another article related to the query.
type Link struct {
	Ref
	Verdict  match.Verdict `json:"verdict"`
	Score    float64       `json:"score"`
	Coverage float64       `json:"coverage"`
	// Role says how it relates: RoleSibling, RoleLaterCopy, RoleRelated.
	Role string `json:"role"`
}

// Signal is one piece of evidence about who copied whom.
type Signal struct {
	Kind   string `json:"kind"`
	Detail string `json:"detail"`
}

// Signal kinds.
const (
	SignalEarlier     = "published_earlier"
	SignalResidue     = "residue_marker"
	SignalTitleSuffix = "title_suffix"
	SignalSourceLink  = "source_link"
	SignalCanonical   = "canonical_elsewhere"
	SignalRegistry    = "registry"
	// SignalStandout: a text with too little sentence evidence for a
	// translation on its own (a short one, or one whose lexicon is weak)
	// aligned with its origin clearly better than with any other candidate
	// (see promoteStandout).
	SignalStandout = "standout_match"
	// SignalChain: the origin was reached through an intermediate copy
	// or translation (see Tracer.upstream).
	SignalChain = "chain"
)

func refOf(a *article.Article) *Ref {
	return &Ref{ID: a.ID, URL: a.URL, Site: a.Site, Lang: a.Lang, Title: a.Title,
		Published: a.PublishedAt, PublishedFrom: a.PublishedFrom}
}

// Matches returns what the store keeps of the report: the origin claim
// with its evidence, signals and path (none when there is no origin), so
// that later stages (the site network) read verdicts without tracing
// again.
func (r *Report) Matches() ([]store.Match, error) {
	var ms []store.Match
	if r.Origin != nil {
		ev, err := json.Marshal(struct {
			Evidence []match.Passage `json:"evidence"`
			Signals  []Signal        `json:"signals"`
			Path     []Hop           `json:"path"`
		}{r.Evidence, r.Signals, r.Path})
		if err != nil {
			return nil, fmt.Errorf("provenance: evidence of %s: %w", r.ID, err)
		}
		ms = append(ms, store.Match{QueryID: r.ID, OriginID: r.Origin.ID, Verdict: string(r.Verdict),
			Score: r.Score, Coverage: r.Coverage, Evidence: ev})
	}
	return ms, nil
}

// Save stores the report's matches under its article, replacing earlier
// ones; a report with no origin clears them.
func Save(ctx context.Context, st store.Store, r *Report) error {
	ms, err := r.Matches()
	if err != nil {
		return err
	}
	if err := st.PutMatches(ctx, r.ID, ms); err != nil {
		return fmt.Errorf("provenance: save trace of %s: %w", r.ID, err)
	}
	return nil
}
