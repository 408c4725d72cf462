// Package store defines how newstrace persists articles, their LSH
// sketches and trace results, independently of the database engine.
//
// The embedded default is the SQLite implementation in store/sqlite; a
// PostgreSQL one for several worker processes shares this interface and
// the conformance suite in store/storetest, so both must behave the same
// way for every method documented here.
package store

import (
	"context"
	"encoding/json"
	"errors"
	"time"

	"github.com/newstrace/newstrace/internal/article"
)

// ErrNotFound is returned, wrapped, when a requested article does not
// exist. Callers test for it with errors.Is.
var ErrNotFound = errors.New("store: not found")

// Sketch is one kind of LSH signature of an article: the band keys under
// which the article is indexed. Two articles that share a band key are
// candidates for a closer comparison.
type Sketch struct {
	// Kind names the sketch family, e.g. "minhash" or, later, "xling";
	// keys of different kinds are never compared with each other.
	Kind string
	// Keys are the band keys, in band order. The order is kept, so a
	// caller may rely on Keys[i] being band i when it reads them back.
	Keys []uint64
}

// Candidate is an article that shares band keys with a query.
type Candidate struct {
	ID string
	// Hits is the number of distinct query keys the article shares.
	Hits int
}

// Match is one stored trace result: the claim that QueryID derives from
// OriginID, with the evidence a person needs to check it. The network and
// provenance stages read these back.
type Match struct {
	QueryID  string
	OriginID string
	Verdict  string // e.g. "copy", "edited_copy", "translation", "related"
	Score    float64
	Coverage float64
	// Evidence is the verdict's evidence as a JSON document; it must be
	// valid JSON or nil. Engines may re-encode it, so compare it as JSON
	// values rather than as bytes.
	Evidence  json.RawMessage
	CreatedAt time.Time
}

// SearchHit is one full-text search result.
type SearchHit struct {
	ID    string
	Title string
	// Snippet is plain text (no markup) around the best match, with "…"
	// where it was cut.
	Snippet string
	// Rank orders the hits: higher is more relevant. Its scale depends on
	// the engine, so only compare ranks from one search.
	Rank float64
}

// Store persists articles, sketches and matches. Implementations are safe
// for concurrent use by several goroutines. Times come back in UTC.
//
// List and Sketches call fn while iterating; fn may call other methods of
// the same Store (implementations must not hold a connection that fn would
// wait for). Returning an error from fn stops the iteration and that error
// is returned, unwrapped.
type Store interface {
	// Put stores a, with its sketches, in one transaction. It is
	// idempotent: if an article with the same ID, the same canonical URL
	// (or URL when there is no canonical URL), or the same ContentHash on
	// the same Site (or where either has no Site) is already stored,
	// nothing is written and the existing ID is returned with
	// created=false. The same text on another site is a verbatim copy —
	// the very evidence newstrace looks for — and is stored. If a.ID is empty, Put assigns a new unique ID
	// and returns it; a itself is never modified. A failed Put writes
	// nothing.
	Put(ctx context.Context, a *article.Article, sketches []Sketch) (id string, created bool, err error)
	// Get returns the article with the given ID, or an error wrapping
	// ErrNotFound. Slices of the result are never nil.
	Get(ctx context.Context, id string) (*article.Article, error)
	// GetByURL returns the article whose canonical URL or URL is url,
	// preferring a canonical match, or an error wrapping ErrNotFound.
	GetByURL(ctx context.Context, url string) (*article.Article, error)
	// Candidates returns the articles that share at least one of keys
	// under the sketch kind, most hits first, then by ID. A limit <= 0
	// means no limit.
	Candidates(ctx context.Context, kind string, keys []uint64, limit int) ([]Candidate, error)
	// PutSketches replaces the sketches of the stored article id, kind by
	// kind, in one transaction: each kind given replaces what is stored
	// under it (a kind given without keys removes it), and kinds not
	// given stay. It is how stored articles are sketched again after the
	// sketching changes (a new lexicon). It returns an error wrapping
	// ErrNotFound when no article has the ID; a failed call writes
	// nothing.
	PutSketches(ctx context.Context, id string, sketches []Sketch) error
	// Sketches calls fn once per article that has a sketch of the kind,
	// in storage order, with its keys in band order; it is meant to warm
	// an in-memory index.
	Sketches(ctx context.Context, kind string, fn func(id string, keys []uint64) error) error
	// Search runs a full-text search over titles and texts. query is
	// plain words, all of which must occur (case and diacritics are
	// ignored); operators and punctuation have no special meaning. A
	// query without words returns no hits. A limit <= 0 means no limit.
	Search(ctx context.Context, query string, limit int) ([]SearchHit, error)
	// PutMatches replaces all stored matches of queryID with ms, in one
	// transaction. Each match is stored under queryID whatever its
	// QueryID field says; a zero CreatedAt is set to the current time.
	// An empty ms deletes the query's matches.
	PutMatches(ctx context.Context, queryID string, ms []Match) error
	// Matches returns the matches of queryID in the order they were put;
	// none is not an error.
	Matches(ctx context.Context, queryID string) ([]Match, error)
	// List calls fn for each article that passes q's filters, oldest
	// publication first, undated articles last, ties in storage order.
	List(ctx context.Context, q Query, fn func(*article.Article) error) error
	// Count returns the number of stored articles.
	Count(ctx context.Context) (int, error)
	// Setting returns the value SetSetting stored under key, "" when none:
	// facts about the store as a whole, such as the lexicon its sketches
	// were made with.
	Setting(ctx context.Context, key string) (string, error)
	// SetSetting stores value under key, replacing any earlier value.
	SetSetting(ctx context.Context, key, value string) error
	// Close releases the store's resources.
	Close() error
}
