package sqlite

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"time"

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
	urlKey, contentHash sql.NullString
	published, fetched  sql.NullInt64
	markers, links      string
	gold                sql.NullString
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
		return nil, fmt.Errorf("sqlite: article %s: published: %w", r.id, err)
	}
	if r.fetched, err = encodeTime(a.FetchedAt); err != nil {
		return nil, fmt.Errorf("sqlite: article %s: fetched: %w", r.id, err)
	}
	key := a.CanonicalURL
	if key == "" {
		key = a.URL
	}
	r.urlKey = sql.NullString{String: key, Valid: key != ""}
	r.contentHash = sql.NullString{String: a.ContentHash, Valid: a.ContentHash != ""}

	markers, links := a.Markers, a.Links
	if markers == nil {
		markers = []article.Marker{}
	}
	if links == nil {
		links = []article.Link{}
	}
	b, err := json.Marshal(markers)
	if err != nil {
		return nil, fmt.Errorf("sqlite: article %s: markers: %w", r.id, err)
	}
	r.markers = string(b)
	if b, err = json.Marshal(links); err != nil {
		return nil, fmt.Errorf("sqlite: article %s: links: %w", r.id, err)
	}
	r.links = string(b)
	if a.Gold != nil {
		if b, err = json.Marshal(a.Gold); err != nil {
			return nil, fmt.Errorf("sqlite: article %s: gold: %w", r.id, err)
		}
		r.gold = sql.NullString{String: string(b), Valid: true}
	}
	return r, nil
}

// Put stores a with its sketches in one transaction; see store.Store.
func (s *Store) Put(ctx context.Context, a *article.Article, sketches []store.Sketch) (id string, created bool, err error) {
	if a == nil {
		return "", false, errors.New("sqlite: put: nil article")
	}
	r, err := encodeArticle(a)
	if err != nil {
		return "", false, err
	}
	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		return "", false, fmt.Errorf("sqlite: put %s: %w", r.id, err)
	}
	defer tx.Rollback() // no-op after Commit; undoes everything on error

	// The ID match wins over a URL or hash match with another article.
	err = tx.QueryRowContext(ctx, `
		SELECT id FROM articles WHERE id = ?1 OR url_key = ?2
			OR (content_hash = ?3 AND (site = ?4 OR site = '' OR ?4 = ''))
		ORDER BY id = ?1 DESC LIMIT 1`, r.id, r.urlKey, r.contentHash, a.Site).Scan(&id)
	switch {
	case err == nil:
		return id, false, nil
	case !errors.Is(err, sql.ErrNoRows):
		return "", false, fmt.Errorf("sqlite: put %s: look up duplicates: %w", r.id, err)
	}

	res, err := tx.ExecContext(ctx, `
		INSERT INTO articles (id, url, canonical_url, url_key, site, site_name, title, byline, lang,
			published_at, fetched_at, text, content_hash, markers, attributed_source, links, gold,
			prov_kind, prov_path, prov_record, prov_offset, prov_http_status, prov_etag, stored_at, published_from)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		r.id, a.URL, a.CanonicalURL, r.urlKey, a.Site, a.SiteName, a.Title, a.Byline, a.Lang,
		r.published, r.fetched, a.Text, r.contentHash, r.markers, a.AttributedSource, r.links, r.gold,
		a.Provenance.Kind, a.Provenance.Path, a.Provenance.Record, a.Provenance.Offset,
		a.Provenance.HTTPStatus, a.Provenance.ETag, time.Now().UnixNano(), a.PublishedFrom)
	if err != nil {
		return "", false, fmt.Errorf("sqlite: put %s: %w", r.id, err)
	}
	seq, err := res.LastInsertId()
	if err != nil {
		return "", false, fmt.Errorf("sqlite: put %s: %w", r.id, err)
	}
	if err := insertSketches(ctx, tx, seq, sketches); err != nil {
		return "", false, fmt.Errorf("sqlite: put %s: %w", r.id, err)
	}
	if err := tx.Commit(); err != nil {
		return "", false, fmt.Errorf("sqlite: put %s: commit: %w", r.id, err)
	}
	return r.id, true, nil
}

// Get returns the article with the given ID; see store.Store.
func (s *Store) Get(ctx context.Context, id string) (*article.Article, error) {
	row := s.read.QueryRowContext(ctx, `SELECT `+articleColumns+` FROM articles WHERE id = ?`, id)
	a, err := scanArticle(row)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("sqlite: article %q: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("sqlite: article %q: %w", id, err)
	}
	return a, nil
}

// GetByURL returns the article with the given canonical URL or URL; see
// store.Store.
func (s *Store) GetByURL(ctx context.Context, url string) (*article.Article, error) {
	if url == "" {
		return nil, fmt.Errorf("sqlite: article with empty url: %w", store.ErrNotFound)
	}
	row := s.read.QueryRowContext(ctx, `
		SELECT `+articleColumns+` FROM articles WHERE url_key = ?1 OR url = ?1
		ORDER BY canonical_url = ?1 DESC, seq LIMIT 1`, url)
	a, err := scanArticle(row)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("sqlite: article with url %q: %w", url, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("sqlite: article with url %q: %w", url, err)
	}
	return a, nil
}

// Count returns the number of stored articles.
func (s *Store) Count(ctx context.Context) (int, error) {
	var n int
	if err := s.read.QueryRowContext(ctx, `SELECT count(*) FROM articles`).Scan(&n); err != nil {
		return 0, fmt.Errorf("sqlite: count articles: %w", err)
	}
	return n, nil
}

// scanner is a *sql.Row or *sql.Rows.
type scanner interface{ Scan(dest ...any) error }

// scanArticle reads the articleColumns of one row.
func scanArticle(sc scanner, extra ...any) (*article.Article, error) {
	a := article.New()
	var (
		published, fetched sql.NullInt64
		contentHash, gold  sql.NullString
		markers, links     string
	)
	dest := []any{&a.ID, &a.URL, &a.CanonicalURL, &a.Site, &a.SiteName, &a.Title, &a.Byline, &a.Lang,
		&published, &fetched, &a.Text, &contentHash, &markers, &a.AttributedSource, &links, &gold,
		&a.Provenance.Kind, &a.Provenance.Path, &a.Provenance.Record, &a.Provenance.Offset,
		&a.Provenance.HTTPStatus, &a.Provenance.ETag, &a.PublishedFrom}
	if err := sc.Scan(append(dest, extra...)...); err != nil {
		return nil, err
	}
	a.PublishedAt = decodeTime(published)
	a.FetchedAt = decodeTime(fetched)
	a.ContentHash = contentHash.String
	if err := json.Unmarshal([]byte(markers), &a.Markers); err != nil {
		return nil, fmt.Errorf("markers: %w", err)
	}
	if err := json.Unmarshal([]byte(links), &a.Links); err != nil {
		return nil, fmt.Errorf("links: %w", err)
	}
	if a.Markers == nil { // the column held null
		a.Markers = []article.Marker{}
	}
	if a.Links == nil {
		a.Links = []article.Link{}
	}
	if gold.Valid {
		a.Gold = new(article.Gold)
		if err := json.Unmarshal([]byte(gold.String), a.Gold); err != nil {
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

// encodeTime encodes t as Unix nanoseconds, NULL for the zero time.
func encodeTime(t time.Time) (sql.NullInt64, error) {
	if t.IsZero() {
		return sql.NullInt64{}, nil
	}
	if t.Before(minTime) || t.After(maxTime) {
		return sql.NullInt64{}, fmt.Errorf("time %s out of the storable range %d–%d", t.Format(time.RFC3339), minTime.Year(), maxTime.Year())
	}
	return sql.NullInt64{Int64: t.UnixNano(), Valid: true}, nil
}

// decodeTime is the inverse of encodeTime, in UTC.
func decodeTime(n sql.NullInt64) time.Time {
	if !n.Valid {
		return time.Time{}
	}
	return time.Unix(0, n.Int64).UTC()
}
