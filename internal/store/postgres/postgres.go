// Package postgres implements store.Store on PostgreSQL, for deployments
// where several stateless worker processes share one database, as
// DESIGN.md's "at scale" describes. It also holds a small work queue
// (Enqueue, Claim, Done) from which those workers take articles with
// SELECT … FOR UPDATE SKIP LOCKED; the queue is not part of store.Store.
//
// # Connections
//
// The store talks to the server through a native pgx connection pool
// (github.com/jackc/pgx/v5/pgxpool), not database/sql: pgx pipelines a
// batch of statements in one round trip, which makes Put a single round
// trip, and caches prepared statements per connection. The DSN is
// anything pgx accepts, a URL or keyword/value pairs; pool settings such
// as pool_max_conns go in it too. A search_path in the DSN chooses the
// schema the store lives in, so several stores can share one database.
//
// # Encoding
//
// The encoding follows store/sqlite, so that both engines return the same
// values: times are BIGINT Unix nanoseconds in UTC, NULL when zero (the
// storable range is 1678–2262), and uint64 band keys are BIGINT by a bit
// cast. Each article's keys are kept once as a BIGINT[] in band order
// (table sketches, streamed by Sketches) and once per key (table lsh,
// searched by Candidates). Markers, links, gold labels and match evidence
// are JSONB. PostgreSQL text cannot hold NUL bytes or invalid UTF-8, so an
// article with either makes Put fail, where SQLite would store it.
//
// # Full-text search
//
// Words are split and folded in Go, so that the result does not depend on
// the database's locale: a word is a run of letters, digits and marks, and
// folding lower-cases it and strips combining marks, as SQLite's
// unicode61 tokenizer does. The folded words then go through the unaccent
// extension, which also folds what has no combining mark (ß, æ, ø, ł), into
// a tsvector of the simple configuration; the title weighs more than the
// text. A query is folded the same way, each of its words becomes a
// phrase, and all must occur. Migration 1 creates the extension if it is
// missing; unaccent is a trusted extension, so the owner of the database
// may create it.
package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/newstrace/newstrace/internal/store"
)

// Store is a store.Store on one PostgreSQL schema.
type Store struct {
	pool *pgxpool.Pool
	// unaccent is the schema-qualified name of the unaccent function,
	// found at Open wherever the extension was installed.
	unaccent string
	// putSQL is the package's putSQL with unaccent filled in.
	putSQL string
}

var _ store.Store = (*Store)(nil)

// Open connects to the PostgreSQL database dsn names, migrates it to the
// current schema and returns a Store on it. The database must be encoded
// in UTF8.
func Open(ctx context.Context, dsn string) (*Store, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		// pgx's message may quote the DSN, password included.
		return nil, errors.New("postgres: invalid DSN")
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("postgres: connect: %w", err)
	}
	s := &Store{pool: pool}
	if err := s.init(ctx); err != nil {
		pool.Close()
		return nil, err
	}
	return s, nil
}

// init checks the server, migrates, and finds the unaccent function.
func (s *Store) init(ctx context.Context) error {
	var enc string
	if err := s.pool.QueryRow(ctx, `SHOW server_encoding`).Scan(&enc); err != nil {
		return fmt.Errorf("postgres: connect: %w", err)
	}
	if enc != "UTF8" {
		return fmt.Errorf("postgres: database encoding is %s, want UTF8", enc)
	}
	if err := Migrate(ctx, s.pool); err != nil {
		return err
	}
	var schema string
	err := s.pool.QueryRow(ctx, `
		SELECT n.nspname FROM pg_extension AS e JOIN pg_namespace AS n ON n.oid = e.extnamespace
		WHERE e.extname = 'unaccent'`).Scan(&schema)
	if err != nil {
		return fmt.Errorf("postgres: find the unaccent extension: %w", err)
	}
	s.unaccent = pgx.Identifier{schema, "unaccent"}.Sanitize()
	s.putSQL = fmt.Sprintf(putSQL, s.unaccent)
	return nil
}

// Close closes the pool, waiting for connections in use to be released.
func (s *Store) Close() error {
	s.pool.Close()
	return nil
}

// SchemaVersion returns the schema version the database is at.
func (s *Store) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	if err := s.pool.QueryRow(ctx, `SELECT coalesce(max(version), 0) FROM schema_version`).Scan(&v); err != nil {
		return 0, fmt.Errorf("postgres: schema version: %w", err)
	}
	return v, nil
}
