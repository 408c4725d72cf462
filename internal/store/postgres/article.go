package postgres

import (
	"context"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"math"
	"slices"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/newstrace/newstrace/internal/article"
	"github.com/newstrace/newstrace/internal/store"
)

// articleColumns are the columns scanArticle reads, in its order.
const articleColumns = `id, url, canonical_url, site, site_name, title, byline, lang,
	published_at, fetched_at, text, content_hash, markers, attributed_source, links, gold,
	prov_kind, prov_path, prov_record, prov_offset, prov_http_status, prov_etag, published_from`

// articleRow is an article in its column encoding.
type articleRow struct {
	id                  string
	urlKey, contentHash *string // nil for NULL
	published, fetched  *int64
	markers, links      string
	gold                *string
}

// encodeArticle validates a and encodes it for its columns, assigning an
// ID when a has none.
func encodeArticle(a *article.Article) (*articleRow, error) {
	r := &articleRow{id: a.ID}
	if r.id == "" {
		r.id = rand.Text()
	}
	var err error
	if r.published, err = encodeTime(a.PublishedAt); err != nil {
		return nil, fmt.Errorf("postgres: article %s: published: %w", r.id, err)
	}
	if r.fetched, err = encodeTime(a.FetchedAt); err != nil {
		return nil, fmt.Errorf("postgres: article %s: fetched: %w", r.id, err)
	}
	key := a.CanonicalURL
	if key == "" {
		key = a.URL
	}
	if key != "" {
		r.urlKey = &key
	}
	if a.ContentHash != "" {
		r.contentHash = &a.ContentHash
	}
	markers, links := a.Markers, a.Links
	if markers == nil {
		markers = []article.Marker{}
	}
	if links == nil {
		links = []article.Link{}
	}
	b, err := json.Marshal(markers)
	if err != nil {
		return nil, fmt.Errorf("postgres: article %s: markers: %w", r.id, err)
	}
	r.markers = string(b)
	if b, err = json.Marshal(links); err != nil {
		return nil, fmt.Errorf("postgres: article %s: links: %w", r.id, err)
	}
	r.links = string(b)
	if a.Gold != nil {
		if b, err = json.Marshal(a.Gold); err != nil {
			return nil, fmt.Errorf("postgres: article %s: gold: %w", r.id, err)
		}
		g := string(b)
		r.gold = &g
	}
	return r, nil
}

// flatSketches are sketches as parallel arrays, one element per key, for
// unnest: the kind, the band key and (implicitly) the band position.
type flatSketches struct {
	kinds []string
	keys  []int64
}

// flattenSketches validates sketches and flattens them. A sketch without
// keys is not stored.
func flattenSketches(sketches []store.Sketch) (flatSketches, error) {
	var f flatSketches
	seen := make(map[string]bool, len(sketches))
	for i, sk := range sketches {
		if sk.Kind == "" {
			return f, fmt.Errorf("sketch %d has no kind", i)
		}
		if seen[sk.Kind] {
			return f, fmt.Errorf("sketch kind %q given twice", sk.Kind)
		}
		seen[sk.Kind] = true
		for _, k := range sk.Keys {
			f.kinds = append(f.kinds, sk.Kind)
			f.keys = append(f.keys, int64(k))
		}
	}
	return f, nil
}

// putSQL inserts an article and its sketches unless a duplicate exists,
// in one statement, and returns the stored ID and whether it inserted.
// The ID match wins over a URL or hash match with another article. Band
// positions come from WITH ORDINALITY; a key repeated within a sketch is
// indexed once.
const putSQL = `
WITH dup AS (
	SELECT id FROM articles WHERE id = $1 OR url_key = $4
		OR (content_hash = $13 AND (site = $5 OR site = '' OR $5 = ''))
	ORDER BY id = $1 DESC LIMIT 1
), a AS (
	INSERT INTO articles (id, url, canonical_url, url_key, site, site_name, title, byline, lang,
		published_at, fetched_at, text, content_hash, markers, attributed_source, links, gold,
		prov_kind, prov_path, prov_record, prov_offset, prov_http_status, prov_etag, stored_at, fts, published_from)
	SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17,
		$18, $19, $20, $21, $22, $23, $24,
		setweight(to_tsvector('simple', %[1]s($25)), 'A') || setweight(to_tsvector('simple', %[1]s($26)), 'B'),
		$29
	WHERE NOT EXISTS (SELECT 1 FROM dup)
	RETURNING seq, id
), k AS (
	SELECT k.kind, k.key, k.pos FROM unnest($27::text[], $28::bigint[]) WITH ORDINALITY AS k (kind, key, pos)
), s AS (
	INSERT INTO sketches (kind, article_seq, keys)
	SELECT k.kind, a.seq, array_agg(k.key ORDER BY k.pos) FROM a, k GROUP BY k.kind, a.seq
), l AS (
	INSERT INTO lsh (kind, key, article_seq)
	SELECT DISTINCT k.kind, k.key, a.seq FROM a, k
)
SELECT coalesce((SELECT id FROM dup), (SELECT id FROM a)), EXISTS (SELECT 1 FROM a)`

// Put stores a with its sketches in one transaction; see store.Store.
//
// Put is one round trip: a batch, which PostgreSQL runs as one implicit
// transaction, of two statements. The first takes transaction-scoped
// advisory locks on the article's ID, URL key and content hash, so that
// concurrent Puts of duplicates (which no unique index can describe, as
// the hash matches only on the same site) run one after the other; the
// second, which takes its snapshot after the locks are held, inserts
// unless a duplicate is stored.
func (s *Store) Put(ctx context.Context, a *article.Article, sketches []store.Sketch) (id string, created bool, err error) {
	if a == nil {
		return "", false, errors.New("postgres: put: nil article")
	}
	r, err := encodeArticle(a)
	if err != nil {
		return "", false, err
	}
	flat, err := flattenSketches(sketches)
	if err != nil {
		return "", false, fmt.Errorf("postgres: put %s: %w", r.id, err)
	}
	var b pgx.Batch
	b.Queue(`SELECT pg_advisory_xact_lock(k) FROM unnest($1::bigint[]) AS k`, putLocks(r))
	b.Queue(s.putSQL,
		r.id, a.URL, a.CanonicalURL, r.urlKey, a.Site, a.SiteName, a.Title, a.Byline, a.Lang,
		r.published, r.fetched, a.Text, r.contentHash, r.markers, a.AttributedSource, r.links, r.gold,
		a.Provenance.Kind, a.Provenance.Path, a.Provenance.Record, a.Provenance.Offset,
		a.Provenance.HTTPStatus, a.Provenance.ETag, time.Now().UnixNano(),
		foldText(a.Title), foldText(a.Text), flat.kinds, flat.keys, a.PublishedFrom,
	).QueryRow(func(row pgx.Row) error { return row.Scan(&id, &created) })
	if err := s.pool.SendBatch(ctx, &b).Close(); err != nil {
		return "", false, fmt.Errorf("postgres: put %s: %w", r.id, err)
	}
	if !created {
		return id, false, nil
	}
	return r.id, true, nil
}

// putLocks returns the advisory lock keys of an article's identities,
// sorted so that concurrent Puts take them in one order and cannot
// deadlock. A hash collision only serializes two unrelated Puts.
func putLocks(r *articleRow) []int64 {
	key := func(kind, v string) int64 {
		h := fnv.New64a()
		h.Write([]byte(kind))
		h.Write([]byte{0})
		h.Write([]byte(v))
		return int64(h.Sum64())
	}
	keys := []int64{key("id", r.id)}
	if r.urlKey != nil {
		keys = append(keys, key("url", *r.urlKey))
	}
	if r.contentHash != nil {
		keys = append(keys, key("hash", *r.contentHash))
	}
	slices.Sort(keys)
	return slices.Compact(keys)
}

// Get returns the article with the given ID; see store.Store.
func (s *Store) Get(ctx context.Context, id string) (*article.Article, error) {
	row := s.pool.QueryRow(ctx, `SELECT `+articleColumns+` FROM articles WHERE id = $1`, id)
	a, err := scanArticle(row)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, fmt.Errorf("postgres: article %q: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("postgres: article %q: %w", id, err)
	}
	return a, nil
}

// GetByURL returns the article with the given canonical URL or URL; see
// store.Store.
func (s *Store) GetByURL(ctx context.Context, url string) (*article.Article, error) {
	if url == "" {
		return nil, fmt.Errorf("postgres: article with empty url: %w", store.ErrNotFound)
	}
	row := s.pool.QueryRow(ctx, `
		SELECT `+articleColumns+` FROM articles WHERE url_key = $1 OR url = $1
		ORDER BY canonical_url = $1 DESC, seq LIMIT 1`, url)
	a, err := scanArticle(row)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, fmt.Errorf("postgres: article with url %q: %w", url, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("postgres: article with url %q: %w", url, err)
	}
	return a, nil
}

// Count returns the number of stored articles.
func (s *Store) Count(ctx context.Context) (int, error) {
	var n int
	if err := s.pool.QueryRow(ctx, `SELECT count(*) FROM articles`).Scan(&n); err != nil {
		return 0, fmt.Errorf("postgres: count articles: %w", err)
	}
	return n, nil
}

// scanArticle reads the articleColumns of one row, then extra.
func scanArticle(row pgx.Row, extra ...any) (*article.Article, error) {
	a := article.New()
	var (
		published, fetched   *int64
		contentHash          *string
		markers, links, gold []byte
	)
	dest := []any{&a.ID, &a.URL, &a.CanonicalURL, &a.Site, &a.SiteName, &a.Title, &a.Byline, &a.Lang,
		&published, &fetched, &a.Text, &contentHash, &markers, &a.AttributedSource, &links, &gold,
		&a.Provenance.Kind, &a.Provenance.Path, &a.Provenance.Record, &a.Provenance.Offset,
		&a.Provenance.HTTPStatus, &a.Provenance.ETag, &a.PublishedFrom}
	if err := row.Scan(append(dest, extra...)...); err != nil {
		return nil, err
	}
	a.PublishedAt = decodeTime(published)
	a.FetchedAt = decodeTime(fetched)
	if contentHash != nil {
		a.ContentHash = *contentHash
	}
	if err := json.Unmarshal(markers, &a.Markers); err != nil {
		return nil, fmt.Errorf("markers: %w", err)
	}
	if err := json.Unmarshal(links, &a.Links); err != nil {
		return nil, fmt.Errorf("links: %w", err)
	}
	if a.Markers == nil { // the column held null
		a.Markers = []article.Marker{}
	}
	if a.Links == nil {
		a.Links = []article.Link{}
	}
	if gold != nil {
		a.Gold = new(article.Gold)
		if err := json.Unmarshal(gold, a.Gold); err != nil {
			return nil, fmt.Errorf("gold: %w", err)
		}
	}
	return a, nil
}

// Unix nanoseconds in an int64 cover these times.
var (
	minTime = time.Unix(0, math.MinInt64)
	maxTime = time.Unix(0, math.MaxInt64)
)

// encodeTime encodes t as Unix nanoseconds, nil for the zero time.
func encodeTime(t time.Time) (*int64, error) {
	if t.IsZero() {
		return nil, nil
	}
	if t.Before(minTime) || t.After(maxTime) {
		return nil, fmt.Errorf("time %s out of the storable range %d–%d", t.Format(time.RFC3339), minTime.Year(), maxTime.Year())
	}
	n := t.UnixNano()
	return &n, nil
}

// decodeTime is the inverse of encodeTime, in UTC.
func decodeTime(n *int64) time.Time {
	if n == nil {
		return time.Time{}
	}
	return time.Unix(0, *n).UTC()
}
