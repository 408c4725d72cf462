package ingest

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/url"
	"strings"

	"github.com/newstrace/newstrace/internal/article"
	"github.com/newstrace/newstrace/internal/extract"
	"github.com/newstrace/newstrace/internal/ingest/jsonl"
	"github.com/newstrace/newstrace/internal/ingest/source"
	"github.com/newstrace/newstrace/internal/lang"
	"github.com/newstrace/newstrace/internal/text"
)

// Prepare turns one raw input item into an article ready to be sketched
// and stored: extracted, annotated with residue markers, its language
// identified and its content hashed. It returns an error naming the item
// when nothing usable can be made of it.
func Prepare(it source.Item, det *lang.Detector) (*article.Article, error) {
	a, err := fromItem(it)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", where(it), err)
	}
	if strings.TrimSpace(a.Text) == "" {
		return nil, fmt.Errorf("%s: no text", where(it))
	}
	Finish(a, det)
	return a, nil
}

// Finish fills what every article needs whatever its source: markers,
// language, site, content hash and a stable ID. It is idempotent.
func Finish(a *article.Article, det *lang.Detector) {
	extract.Annotate(a)
	if det != nil {
		// A declared language (html lang, corpus field) is only a hint:
		// aggregators keep their template's lang after translating.
		if r := det.Detect(a.Title + "\n\n" + a.Text); r.Lang != "" {
			a.Lang = r.Lang
		}
	}
	if a.Site == "" {
		a.Site = hostOf(firstNonEmpty(a.CanonicalURL, a.URL))
	}
	a.ContentHash = ContentHash(a.Text)
	if a.ID == "" {
		a.ID = StableID(a)
	}
}

// ContentHash is the hex SHA-256 of the normalised text, so the same
// article re-encoded or re-spaced hashes the same.
func ContentHash(s string) string {
	sum := sha256.Sum256([]byte(text.Normalize(s)))
	return hex.EncodeToString(sum[:])
}

// StableID derives an ID from the canonical URL, else the URL, else the
// content, so re-ingesting the same page yields the same ID.
func StableID(a *article.Article) string {
	key := firstNonEmpty(a.CanonicalURL, a.URL)
	if key == "" {
		key = a.ContentHash
	}
	sum := sha256.Sum256([]byte(key))
	return "a-" + hex.EncodeToString(sum[:6])
}

func fromItem(it source.Item) (*article.Article, error) {
	if it.Err != nil {
		return nil, it.Err
	}
	opts := extract.Options{URL: it.URL, ContentType: it.ContentType}
	var (
		a   *article.Article
		err error
	)
	switch it.Kind {
	case article.KindJSONL:
		return fromRecord(it)
	case article.KindHTML, article.KindWARC:
		a, err = extract.Extract(bytes.NewReader(it.Body), opts)
	case article.KindText:
		a, err = extract.FromText(bytes.NewReader(it.Body), opts)
	default:
		return nil, fmt.Errorf("unsupported kind %q", it.Kind)
	}
	if err != nil {
		return nil, err
	}
	if a.URL == "" {
		a.URL = it.URL
	}
	if a.FetchedAt.IsZero() {
		a.FetchedAt = it.FetchedAt
	}
	a.Provenance = provenance(it)
	return a, nil
}

// fromRecord builds an article from a corpus record. A record with html
// is extracted, and the record's own fields, which a person or an
// importer set deliberately, win over what extraction guessed.
func fromRecord(it source.Item) (*article.Article, error) {
	rec := it.Record
	if rec == nil {
		return nil, fmt.Errorf("jsonl item without record")
	}
	a := rec.Article()
	if rec.HTML != "" && strings.TrimSpace(rec.Text) == "" {
		x, err := extract.Extract(strings.NewReader(rec.HTML), extract.Options{URL: rec.URL})
		if err != nil {
			return nil, fmt.Errorf("record %q: %w", rec.ID, err)
		}
		overlay(x, rec)
		a = x
	}
	a.Provenance = provenance(it)
	return a, nil
}

func overlay(a *article.Article, rec *jsonl.Record) {
	a.ID = rec.ID
	set := func(dst *string, v string) {
		if v != "" {
			*dst = v
		}
	}
	set(&a.URL, rec.URL)
	set(&a.Site, rec.Site)
	set(&a.Lang, rec.Lang)
	set(&a.Title, rec.Title)
	if !rec.Published.IsZero() {
		a.PublishedAt, a.PublishedFrom = rec.Published, article.PublishedFromInput
	}
	a.Gold = rec.Gold
}

func provenance(it source.Item) article.Provenance {
	p := article.Provenance{Kind: it.Kind, Path: it.Path, Offset: it.Offset, HTTPStatus: it.HTTPStatus}
	switch {
	case it.RecordID != "":
		p.Record = it.RecordID
	case it.Line > 0:
		p.Record = fmt.Sprintf("line %d", it.Line)
	}
	return p
}

func where(it source.Item) string {
	switch {
	case it.Line > 0:
		return fmt.Sprintf("%s:%d", it.Path, it.Line)
	case it.RecordID != "":
		return fmt.Sprintf("%s (record %s at offset %d)", it.Path, it.RecordID, it.Offset)
	}
	return it.Path
}

func hostOf(u string) string {
	p, err := url.Parse(u)
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(p.Hostname()), "www.")
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}
