// Package article defines the one model every stage of newstrace shares.
//
// An Article is what ingest produces, extract fills, text and fingerprint
// read, and store persists. The package does no I/O and imports no stage,
// so every stage can depend on it without cycles.
package article

import (
	"strings"
	"time"
)

// Source kinds recorded in Provenance.Kind.
const (
	KindText  = "text"  // a plain-text file
	KindHTML  = "html"  // an HTML page
	KindJSONL = "jsonl" // a corpus JSON Lines record
	KindWARC  = "warc"  // a WARC response record
	KindFeed  = "feed"  // a feed entry
)

// Sources of a publication time, recorded in Article.PublishedFrom. Which
// of two articles came first is only as well known as both dates: a copy's
// claim to be later than its origin rests on where each date was read, so
// the source travels with the date into the store and the report.
const (
	// PublishedFromMetadata is a date the page states about itself:
	// JSON-LD datePublished, Open Graph article:published_time, meta
	// tags, or the date trafilatura read from the HTML.
	PublishedFromMetadata = "page_metadata"
	// PublishedFromFeed is the date a listing gave the page: an RSS, Atom
	// or JSON Feed item date, or a sitemap's news publication_date (else
	// its lastmod).
	PublishedFromFeed = "feed"
	// PublishedFromInput is a date the caller supplied with the article:
	// the published field of a corpus record, or an evaluation corpus's
	// own timeline.
	PublishedFromInput = "input"
	// PublishedFromFirstSeen is no publication date at all but the time
	// newstrace first fetched the page. The article was published no
	// later than that, so it is an upper bound on the publication, and
	// ordering two articles by it can prove only that the other one came
	// after it, never that it came after the other.
	PublishedFromFirstSeen = "first_seen"
)

// Marker kinds recorded in Marker.Kind.
const (
	// MarkerResidue is a republisher's leftover such as "EN SAVOIR PLUS:",
	// "Lien source" or "Read on the website".
	MarkerResidue = "residue"
	// MarkerTitleSuffix is a source name appended to the title
	// ("… — RT World News").
	MarkerTitleSuffix = "title_suffix"
	// MarkerSourceLink is an explicit link to an origin ("Source: …").
	MarkerSourceLink = "source_link"
)

// Gold relations of the corpus format.
const (
	RelationOriginal    = "original"
	RelationCopy        = "copy"
	RelationTranslation = "translation"
	RelationIndependent = "independent"
)

// Article is one news article as newstrace sees it. Text holds the main
// text as paragraphs separated by a blank line; everything else is metadata
// that may be missing.
type Article struct {
	ID            string    `json:"id"`
	URL           string    `json:"url,omitempty"`
	CanonicalURL  string    `json:"canonical_url,omitempty"`
	Site          string    `json:"site,omitempty"`      // host name, e.g. "lemonde.fr"
	SiteName      string    `json:"site_name,omitempty"` // display name, e.g. "Le Monde"
	Title         string    `json:"title,omitempty"`
	Byline        string    `json:"byline,omitempty"`
	Lang          string    `json:"lang,omitempty"` // BCP 47 primary tag, e.g. "fr"
	PublishedAt   time.Time `json:"published,omitzero"`
	PublishedFrom string    `json:"published_from,omitempty"` // a PublishedFrom constant; "" when unknown
	FetchedAt     time.Time `json:"fetched,omitzero"`
	Text          string    `json:"text"`
	ContentHash   string    `json:"content_hash,omitempty"`

	// Markers are residue and attribution signals found at extraction.
	// They stay in Text too: they are evidence, not noise to delete.
	Markers []Marker `json:"markers"`
	// AttributedSource is the source name found in a title suffix, or "".
	AttributedSource string `json:"attributed_source"`
	// Links are outbound links that may name an origin.
	Links []Link `json:"links"`

	Provenance Provenance `json:"provenance"`
	// Gold holds evaluation labels; nil outside evaluation corpora.
	Gold *Gold `json:"gold,omitempty"`
}

// Marker is a residue or attribution signal found in an article.
type Marker struct {
	Kind string `json:"kind"`
	Text string `json:"text"`
	// Paragraph is the index of the paragraph of Text it was found in,
	// or -1 for the title.
	Paragraph int `json:"paragraph"`
}

// Link is an outbound link found in the article body.
type Link struct {
	URL  string `json:"url"`
	Text string `json:"text,omitempty"`
	// Rel says why the link matters: "canonical", "og:url", "source".
	Rel string `json:"rel,omitempty"`
}

// Provenance records where and how an article was obtained, so that a
// verdict can point at the exact bytes seen.
type Provenance struct {
	Kind       string `json:"kind,omitempty"` // one of the Kind constants
	Path       string `json:"path,omitempty"` // file, WARC file, or feed URL
	Record     string `json:"record,omitempty"`
	Offset     int64  `json:"offset,omitempty"`
	HTTPStatus int    `json:"http_status,omitempty"`
	ETag       string `json:"etag,omitempty"`
}

// Gold is an evaluation label of the corpus format.
type Gold struct {
	Origin   string `json:"origin,omitempty"`
	Group    string `json:"group,omitempty"`
	Relation string `json:"relation,omitempty"`
}

// Articles is a list of articles.
type Articles []*Article

// New returns an Article whose slices are empty rather than nil, so that
// JSON shows [] rather than null.
func New() *Article {
	return &Article{Markers: []Marker{}, Links: []Link{}}
}

// Paragraphs splits Text on blank lines and returns the non-empty,
// trimmed paragraphs.
func (a *Article) Paragraphs() []string {
	return SplitParagraphs(a.Text)
}

// SplitParagraphs splits text on blank lines and drops empty paragraphs.
func SplitParagraphs(text string) []string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	var out []string
	for p := range strings.SplitSeq(text, "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// JoinParagraphs is the inverse of SplitParagraphs.
func JoinParagraphs(ps []string) string {
	return strings.Join(ps, "\n\n")
}
