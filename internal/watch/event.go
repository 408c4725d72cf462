package watch

import (
	"time"

	"github.com/newstrace/newstrace/internal/provenance"
)

// Bases of an event: what tied the article to the watched source.
const (
	// BasisOrigin: the trace resolved the article's origin to an article
	// of the source, by its text.
	BasisOrigin = "origin"
	// BasisTitleSuffix: the origin is not stored, but the article's
	// title ends with the source's name.
	BasisTitleSuffix = "title_suffix"
	// BasisSourceLink: the origin is not stored, but the article links to
	// the source as its source ("Lien source").
	BasisSourceLink = "source_link"
)

// Event says that an article of a watched source reappeared on another
// site, with what a person needs to check it: the verdict of the trace,
// the aligned passages, and the signals beyond the text. Events are what
// the sinks write, one JSON object each.
type Event struct {
	// Time is when the reappearance was detected.
	Time time.Time `json:"time"`
	// Source is the watched source's name (Source.Name).
	Source string `json:"source"`
	// Basis says what tied the article to the source; one of the Basis
	// constants.
	Basis string `json:"basis"`
	// Article is the reappearance: the article on the other site.
	Article provenance.Ref `json:"article"`
	// Origin is the source's article the trace found, or null when the
	// source's article is not stored and the tie is the article's own
	// attribution.
	Origin *provenance.Ref `json:"origin"`
	// Verdict is the article's relation to Origin (copy, edited_copy,
	// translation), or none without an origin.
	Verdict  string  `json:"verdict"`
	Score    float64 `json:"score"`
	Coverage float64 `json:"coverage"`
	// Lag is how long after the origin the article was published, when
	// both dates are known ("2h0m").
	Lag string `json:"lag,omitempty"`
	// Evidence lists the aligned passage pairs behind the verdict.
	Evidence []Passage `json:"evidence"`
	// Signals are the trace's other evidence: publication times, residue
	// markers, title suffix, source links, canonical URL.
	Signals []provenance.Signal `json:"signals"`
	// Label is the source's registry label ("RT (Russia) —
	// state-controlled; EU broadcast ban since …"), or "" for a source
	// the registry does not know.
	Label string `json:"label,omitempty"`
}

// Passage is one aligned pair of paragraphs: the article's and the
// origin's, with their paragraph indexes (from 0, as article.Paragraphs
// counts them) and the share of the article's paragraph found in the
// origin's.
type Passage struct {
	ArticleParagraph int     `json:"article_paragraph"`
	OriginParagraph  int     `json:"origin_paragraph"`
	ArticleText      string  `json:"article_text"`
	OriginText       string  `json:"origin_text"`
	Score            float64 `json:"score"`
}

// Key identifies the reappearance an event reports, so that a consumer
// can drop repeats: the article and the source.
func (e *Event) Key() string { return e.Source + "\x00" + e.Article.ID }
