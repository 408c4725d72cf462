package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
)

// migrations are the schema changes, in order; migrations[i] takes the
// schema from version i to i+1. The list is append-only: a released step
// is never edited, a change is a new step. They start from the shape
// store/sqlite reached after its own migrations, not from its history.
var migrations = []func(ctx context.Context, tx pgx.Tx) error{
	// 1: articles with their search vector, sketches, LSH band keys and
	// trace matches.
	func(ctx context.Context, tx pgx.Tx) error {
		_, err := tx.Exec(ctx, `
CREATE EXTENSION IF NOT EXISTS unaccent;

CREATE TABLE articles (
	seq               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, -- storage order
	id                TEXT COLLATE "C" NOT NULL UNIQUE, -- byte order, as in SQLite
	url               TEXT NOT NULL DEFAULT '',
	canonical_url     TEXT NOT NULL DEFAULT '',
	url_key           TEXT, -- canonical_url, else url; NULL when both are empty
	site              TEXT NOT NULL DEFAULT '',
	site_name         TEXT NOT NULL DEFAULT '',
	title             TEXT NOT NULL DEFAULT '',
	byline            TEXT NOT NULL DEFAULT '',
	lang              TEXT NOT NULL DEFAULT '',
	published_at      BIGINT, -- Unix ns UTC, NULL when unknown
	fetched_at        BIGINT, -- Unix ns UTC, NULL when unknown
	text              TEXT NOT NULL DEFAULT '',
	content_hash      TEXT, -- NULL when empty
	markers           JSONB NOT NULL DEFAULT '[]',
	attributed_source TEXT NOT NULL DEFAULT '',
	links             JSONB NOT NULL DEFAULT '[]',
	gold              JSONB, -- NULL outside evaluation corpora
	prov_kind         TEXT NOT NULL DEFAULT '',
	prov_path         TEXT NOT NULL DEFAULT '',
	prov_record       TEXT NOT NULL DEFAULT '',
	prov_offset       BIGINT NOT NULL DEFAULT 0,
	prov_http_status  INTEGER NOT NULL DEFAULT 0,
	prov_etag         TEXT NOT NULL DEFAULT '',
	stored_at         BIGINT NOT NULL, -- Unix ns UTC
	fts               TSVECTOR NOT NULL -- folded title (weight A) and text (B)
);
CREATE UNIQUE INDEX articles_url_key ON articles (url_key) WHERE url_key IS NOT NULL;
CREATE INDEX articles_content_hash ON articles (content_hash, site) WHERE content_hash IS NOT NULL;
CREATE INDEX articles_url ON articles (url);
CREATE INDEX articles_published ON articles ((coalesce(published_at, 9223372036854775807)), seq);
CREATE INDEX articles_fts ON articles USING gin (fts);

CREATE TABLE sketches (
	kind        TEXT NOT NULL,
	article_seq BIGINT NOT NULL REFERENCES articles (seq) ON DELETE CASCADE,
	keys        BIGINT[] NOT NULL, -- uint64 band keys, bit-cast, in band order
	PRIMARY KEY (kind, article_seq)
);

-- No foreign key: deleting an article must delete its lsh rows by the
-- keys in its sketches rows, as in store/sqlite.
CREATE TABLE lsh (
	kind        TEXT NOT NULL,
	key         BIGINT NOT NULL, -- uint64 band key, bit-cast
	article_seq BIGINT NOT NULL,
	PRIMARY KEY (kind, key, article_seq)
);

-- Matches are not tied to articles by foreign keys: a query may be traced
-- without being stored.
CREATE TABLE matches (
	query_id   TEXT NOT NULL,
	pos        INTEGER NOT NULL, -- order given to PutMatches
	origin_id  TEXT NOT NULL,
	verdict    TEXT NOT NULL,
	score      DOUBLE PRECISION NOT NULL,
	coverage   DOUBLE PRECISION NOT NULL,
	evidence   JSONB,
	created_at BIGINT NOT NULL, -- Unix ns UTC
	PRIMARY KEY (query_id, pos)
);
CREATE INDEX matches_origin ON matches (origin_id);
`)
		return err
	},

	// 2: the work queue from which worker processes claim articles.
	// An item is claimable while claimed_by is NULL or its claim is older
	// than the claimer's lease; Done deletes it.
	func(ctx context.Context, tx pgx.Tx) error {
		_, err := tx.Exec(ctx, `
CREATE TABLE work_queue (
	seq         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, -- FIFO order
	article_id  TEXT COLLATE "C" NOT NULL UNIQUE,
	enqueued_at BIGINT NOT NULL, -- Unix ns UTC
	claimed_by  TEXT,
	claimed_at  BIGINT, -- Unix ns UTC, NULL while unclaimed
	attempts    INTEGER NOT NULL DEFAULT 0
);`)
		return err
	},

	// 3: where published_at was read (article.PublishedFrom): which of two
	// articles came first is only as sure as both dates' sources. Rows
	// stored before keep '' (unknown).
	func(ctx context.Context, tx pgx.Tx) error {
		_, err := tx.Exec(ctx, `ALTER TABLE articles ADD COLUMN published_from TEXT NOT NULL DEFAULT ''`)
		return err
	},

	// 4: settings of the store as a whole (Store.Setting), such as the
	// lexicon its sketches were made with.
	func(ctx context.Context, tx pgx.Tx) error {
		_, err := tx.Exec(ctx, `CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)`)
		return err
	},
}

// schemaVersion is the version a fully migrated database is at.
var schemaVersion = len(migrations)

// migrateLock is the advisory lock key that serializes migrations of all
// processes on one database ("newstrace" in ASCII).
const migrateLock = 0x6e657773747261

// beginner begins transactions: a *pgxpool.Pool, *pgx.Conn or pgx.Tx.
type beginner interface {
	Begin(ctx context.Context) (pgx.Tx, error)
}

// Migrate brings the schema on db's search_path to schemaVersion, one
// transaction per step, recording each step in schema_version. It is
// safe to run on a migrated database and by several processes at once:
// each step holds a transaction-scoped advisory lock and re-reads the
// version under it. A database newer than this program is an error.
func Migrate(ctx context.Context, db beginner) error {
	for {
		done, err := migrateStep(ctx, db)
		if err != nil || done {
			return err
		}
	}
}

// migrateStep runs the next pending migration, if any, in its own
// transaction, and reports done when there was none.
func migrateStep(ctx context.Context, db beginner) (done bool, err error) {
	tx, err := db.Begin(ctx)
	if err != nil {
		return false, fmt.Errorf("postgres: migrate: %w", err)
	}
	defer tx.Rollback(context.WithoutCancel(ctx)) // no-op after Commit

	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, int64(migrateLock)); err != nil {
		return false, fmt.Errorf("postgres: migrate: lock: %w", err)
	}
	if _, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)`); err != nil {
		return false, fmt.Errorf("postgres: create schema_version: %w", err)
	}
	var v int
	if err := tx.QueryRow(ctx, `SELECT coalesce(max(version), 0) FROM schema_version`).Scan(&v); err != nil {
		return false, fmt.Errorf("postgres: read schema version: %w", err)
	}
	switch {
	case v > schemaVersion:
		return false, fmt.Errorf("postgres: database schema version %d is newer than this program's %d", v, schemaVersion)
	case v == schemaVersion:
		// Commit keeps a schema_version table this step created.
		if err := tx.Commit(ctx); err != nil {
			return false, fmt.Errorf("postgres: migrate: commit: %w", err)
		}
		return true, nil
	}
	if err := migrations[v](ctx, tx); err != nil {
		return false, fmt.Errorf("postgres: migration %d: %w", v+1, err)
	}
	if _, err := tx.Exec(ctx, `DELETE FROM schema_version`); err != nil {
		return false, fmt.Errorf("postgres: migration %d: %w", v+1, err)
	}
	if _, err := tx.Exec(ctx, `INSERT INTO schema_version (version) VALUES ($1)`, v+1); err != nil {
		return false, fmt.Errorf("postgres: migration %d: %w", v+1, err)
	}
	if err := tx.Commit(ctx); err != nil {
		return false, fmt.Errorf("postgres: migration %d: commit: %w", v+1, err)
	}
	return false, nil
}
