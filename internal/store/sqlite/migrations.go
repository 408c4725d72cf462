package sqlite

import (
	"context"
	"database/sql"
	"fmt"
)

// migrations are the schema changes, in order; migrations[i] takes the
// schema from version i to i+1. The list is append-only: a released step
// is never edited, a change is a new step.
var migrations = []func(tx *sql.Tx) error{
	// 1: articles with full-text search, LSH band keys, trace matches.
	func(tx *sql.Tx) error {
		_, err := tx.Exec(`
CREATE TABLE articles (
	seq               INTEGER PRIMARY KEY, -- storage order; the FTS rowid
	id                TEXT NOT NULL UNIQUE,
	url               TEXT NOT NULL DEFAULT '',
	canonical_url     TEXT NOT NULL DEFAULT '',
	url_key           TEXT, -- canonical_url, else url; NULL when both are empty
	site              TEXT NOT NULL DEFAULT '',
	site_name         TEXT NOT NULL DEFAULT '',
	title             TEXT NOT NULL DEFAULT '',
	byline            TEXT NOT NULL DEFAULT '',
	lang              TEXT NOT NULL DEFAULT '',
	published_at      INTEGER, -- Unix ns UTC, NULL when unknown
	fetched_at        INTEGER, -- Unix ns UTC, NULL when unknown
	text              TEXT NOT NULL DEFAULT '',
	content_hash      TEXT, -- NULL when empty
	markers           TEXT NOT NULL DEFAULT '[]', -- JSON
	attributed_source TEXT NOT NULL DEFAULT '',
	links             TEXT NOT NULL DEFAULT '[]', -- JSON
	gold              TEXT, -- JSON, NULL outside evaluation corpora
	prov_kind         TEXT NOT NULL DEFAULT '',
	prov_path         TEXT NOT NULL DEFAULT '',
	prov_record       TEXT NOT NULL DEFAULT '',
	prov_offset       INTEGER NOT NULL DEFAULT 0,
	prov_http_status  INTEGER NOT NULL DEFAULT 0,
	prov_etag         TEXT NOT NULL DEFAULT '',
	stored_at         INTEGER NOT NULL -- Unix ns UTC
);
CREATE UNIQUE INDEX articles_url_key ON articles (url_key) WHERE url_key IS NOT NULL;
CREATE UNIQUE INDEX articles_content_hash ON articles (content_hash) WHERE content_hash IS NOT NULL;
CREATE INDEX articles_url ON articles (url);
CREATE INDEX articles_published ON articles (coalesce(published_at, 9223372036854775807), seq);

CREATE VIRTUAL TABLE articles_fts USING fts5 (
	title, text,
	content = 'articles', content_rowid = 'seq',
	tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
	INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
	INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
	INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
	INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
END;

CREATE TABLE lsh (
	kind        TEXT NOT NULL,
	article_seq INTEGER NOT NULL REFERENCES articles (seq) ON DELETE CASCADE,
	pos         INTEGER NOT NULL, -- band index within the sketch
	key         INTEGER NOT NULL, -- uint64 band key, bit-cast to int64
	PRIMARY KEY (kind, article_seq, pos)
) WITHOUT ROWID;
CREATE INDEX lsh_key ON lsh (kind, key, article_seq);

-- Matches are not tied to articles by foreign keys: a query may be traced
-- without being stored.
CREATE TABLE matches (
	query_id   TEXT NOT NULL,
	pos        INTEGER NOT NULL, -- order given to PutMatches
	origin_id  TEXT NOT NULL,
	verdict    TEXT NOT NULL,
	score      REAL NOT NULL,
	coverage   REAL NOT NULL,
	evidence   TEXT, -- JSON
	created_at INTEGER NOT NULL, -- Unix ns UTC
	PRIMARY KEY (query_id, pos)
) WITHOUT ROWID;
CREATE INDEX matches_origin ON matches (origin_id);
`)
		return err
	},

	// 2: each article's band keys also go into one BLOB row (sketches), so
	// that streaming them to warm an index reads one row per article, not
	// one per key; lsh keeps one row per key for lookups, with (kind, key,
	// article_seq) as its primary key instead of a second index. lsh loses
	// its foreign key: deleting an article must delete its lsh rows by the
	// keys in its sketches row.
	func(tx *sql.Tx) error {
		if _, err := tx.Exec(`
CREATE TABLE sketches (
	kind        TEXT NOT NULL,
	article_seq INTEGER NOT NULL REFERENCES articles (seq) ON DELETE CASCADE,
	keys        BLOB NOT NULL, -- little-endian uint64s in band order
	PRIMARY KEY (kind, article_seq)
) WITHOUT ROWID;`); err != nil {
			return err
		}
		if err := backfillSketches(tx); err != nil {
			return err
		}
		_, err := tx.Exec(`
ALTER TABLE lsh RENAME TO lsh_v1;
CREATE TABLE lsh (
	kind        TEXT NOT NULL,
	key         INTEGER NOT NULL, -- uint64 band key, bit-cast to int64
	article_seq INTEGER NOT NULL,
	PRIMARY KEY (kind, key, article_seq)
) WITHOUT ROWID;
INSERT OR IGNORE INTO lsh (kind, key, article_seq) SELECT kind, key, article_seq FROM lsh_v1;
DROP TABLE lsh_v1;`)
		return err
	},

	// 3: the same text on another site is a verbatim copy to keep, not a
	// duplicate, so content_hash is no longer unique; Put looks it up
	// together with the site.
	func(tx *sql.Tx) error {
		_, err := tx.Exec(`
DROP INDEX articles_content_hash;
CREATE INDEX articles_content_hash ON articles (content_hash, site) WHERE content_hash IS NOT NULL;`)
		return err
	},

	// 4: where published_at was read (article.PublishedFrom): which of two
	// articles came first is only as sure as both dates' sources. Rows
	// stored before keep '' (unknown).
	func(tx *sql.Tx) error {
		_, err := tx.Exec(`ALTER TABLE articles ADD COLUMN published_from TEXT NOT NULL DEFAULT ''`)
		return err
	},

	// 5: settings of the store as a whole (Store.Setting), such as the
	// lexicon its sketches were made with.
	func(tx *sql.Tx) error {
		_, err := tx.Exec(`CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID`)
		return err
	},
}

// backfillSketches fills sketches from the version 1 lsh table, whose
// rows carry their band position.
func backfillSketches(tx *sql.Tx) error {
	type sketch struct {
		kind string
		seq  int64
		keys []uint64
	}
	rows, err := tx.Query(`SELECT kind, article_seq, key FROM lsh ORDER BY kind, article_seq, pos`)
	if err != nil {
		return err
	}
	var all []sketch
	for rows.Next() {
		var kind string
		var seq, key int64
		if err := rows.Scan(&kind, &seq, &key); err != nil {
			rows.Close()
			return err
		}
		if n := len(all); n == 0 || all[n-1].kind != kind || all[n-1].seq != seq {
			all = append(all, sketch{kind: kind, seq: seq})
		}
		all[len(all)-1].keys = append(all[len(all)-1].keys, uint64(key))
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, sk := range all {
		if _, err := tx.Exec(`INSERT INTO sketches (kind, article_seq, keys) VALUES (?, ?, ?)`,
			sk.kind, sk.seq, encodeKeys(sk.keys)); err != nil {
			return err
		}
	}
	return nil
}

// schemaVersion is the version a fully migrated database is at.
var schemaVersion = len(migrations)

// Migrate brings the database to schemaVersion, one transaction per step,
// recording each step in schema_version. It is safe to run on a migrated
// database, and by several processes at once when db begins transactions
// IMMEDIATE (as Open's does): each step re-reads the version inside its
// transaction. A database newer than this program is an error.
func Migrate(ctx context.Context, db *sql.DB) error {
	if _, err := db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)`); err != nil {
		return fmt.Errorf("sqlite: create schema_version: %w", err)
	}
	for {
		done, err := migrateStep(ctx, db)
		if err != nil || done {
			return err
		}
	}
}

// migrateStep runs the next pending migration, if any, in its own
// transaction, and reports done when there was none.
func migrateStep(ctx context.Context, db *sql.DB) (done bool, err error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return false, fmt.Errorf("sqlite: migrate: %w", err)
	}
	defer tx.Rollback() // no-op after Commit

	var v int
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_version`).Scan(&v); err != nil {
		return false, fmt.Errorf("sqlite: read schema version: %w", err)
	}
	switch {
	case v > schemaVersion:
		return false, fmt.Errorf("sqlite: database schema version %d is newer than this program's %d", v, schemaVersion)
	case v == schemaVersion:
		return true, nil
	}
	if err := migrations[v](tx); err != nil {
		return false, fmt.Errorf("sqlite: migration %d: %w", v+1, err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM schema_version`); err != nil {
		return false, fmt.Errorf("sqlite: migration %d: %w", v+1, err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_version (version) VALUES (?)`, v+1); err != nil {
		return false, fmt.Errorf("sqlite: migration %d: %w", v+1, err)
	}
	if err := tx.Commit(); err != nil {
		return false, fmt.Errorf("sqlite: migration %d: commit: %w", v+1, err)
	}
	return false, nil
}
