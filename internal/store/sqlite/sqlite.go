// Package sqlite implements store.Store on SQLite, through the pure-Go
// driver modernc.org/sqlite, so newstrace runs embedded with no server and
// no cgo.
//
// # Connections
//
// SQLite allows one writer at a time. Rather than let several pooled
// connections race for the write lock (in WAL mode a deferred transaction
// that reads and then writes can fail with SQLITE_BUSY at once, without
// waiting for busy_timeout), a file database gets two pools: a writer pool
// of exactly one connection, whose transactions begin IMMEDIATE, and a
// reader pool of several query_only connections. Goroutines that write
// queue in database/sql for the single writer, so writes never see
// "database is locked" within one process; WAL lets readers run
// alongside. Another process writing the same file is waited for up to
// busy_timeout.
//
// ":memory:" is private to a connection, so an in-memory store uses the one
// writer connection for reading too. List and Sketches read in pages and
// release the connection before calling back, so a callback may still use
// the store.
//
// # Encoding
//
// Times are stored as INTEGER Unix nanoseconds in UTC, NULL when zero:
// compact, indexable and compared as numbers; they come back in UTC. A
// time outside 1678–2262 cannot be stored and makes Put fail. LSH band
// keys (uint64) are stored twice: per article as a BLOB of little-endian
// uint64s in band order (table sketches, streamed by Sketches), and one
// row per key as INTEGER by a bit cast to int64 (table lsh, searched by
// Candidates). Markers, links and gold labels are JSON text columns.
package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"runtime"
	"strings"

	"github.com/newstrace/newstrace/internal/store"

	_ "modernc.org/sqlite" // registers the "sqlite" database/sql driver
)

// Memory is the path of a private in-memory database.
const Memory = ":memory:"

// busyTimeoutMS is how long a connection waits for another process's lock.
const busyTimeoutMS = 10000

// Store is a store.Store on one SQLite database.
type Store struct {
	write *sql.DB // exactly one connection; transactions BEGIN IMMEDIATE
	read  *sql.DB // query_only pool; the same as write for Memory

	candidates *sql.Stmt // candidatesSQL on read
}

var _ store.Store = (*Store)(nil)

// Open opens, creating it if needed, the SQLite database at path (a file
// name, or Memory) and migrates it to the current schema.
func Open(ctx context.Context, path string) (*Store, error) {
	if path == "" || strings.ContainsRune(path, '?') {
		return nil, fmt.Errorf("sqlite: invalid database path %q", path)
	}
	pragmas := []string{
		fmt.Sprintf("busy_timeout(%d)", busyTimeoutMS),
		"foreign_keys(1)",
	}
	mem := path == Memory
	if !mem {
		// NORMAL is the setting SQLite recommends with WAL: a crash of the
		// process loses nothing; a power cut may lose the last commits but
		// never corrupts the file.
		pragmas = append(pragmas, "journal_mode(WAL)", "synchronous(NORMAL)")
	}
	write, err := sql.Open("sqlite", dsn(path, pragmas, "_txlock=immediate"))
	if err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	write.SetMaxOpenConns(1)
	write.SetMaxIdleConns(1)
	write.SetConnMaxLifetime(0) // an in-memory database lives as long as its connection
	write.SetConnMaxIdleTime(0)
	s := &Store{write: write, read: write}
	if err := Migrate(ctx, write); err != nil {
		write.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	if !mem {
		if s.read, err = openReader(ctx, path, pragmas[:2:2]); err != nil {
			write.Close()
			return nil, err
		}
	}
	if s.candidates, err = s.read.PrepareContext(ctx, candidatesSQL); err != nil {
		s.Close()
		return nil, fmt.Errorf("sqlite: open %s: prepare: %w", path, err)
	}
	return s, nil
}

// openReader opens the query_only reader pool of a file database.
func openReader(ctx context.Context, path string, pragmas []string) (*sql.DB, error) {
	read, err := sql.Open("sqlite", dsn(path, append(pragmas, "query_only(1)")))
	if err != nil {
		return nil, fmt.Errorf("sqlite: open %s for reading: %w", path, err)
	}
	read.SetMaxOpenConns(max(4, runtime.GOMAXPROCS(0)))
	if err := read.PingContext(ctx); err != nil {
		read.Close()
		return nil, fmt.Errorf("sqlite: open %s for reading: %w", path, err)
	}
	return read, nil
}

// dsn builds a modernc.org/sqlite data source name: a plain path, whose
// query string the driver reads and strips.
func dsn(path string, pragmas []string, extra ...string) string {
	var params []string
	for _, p := range pragmas {
		params = append(params, "_pragma="+p)
	}
	params = append(params, extra...)
	return path + "?" + strings.Join(params, "&")
}

// Close closes the database.
func (s *Store) Close() error {
	var err error
	if s.candidates != nil {
		err = s.candidates.Close()
	}
	if s.read != s.write {
		err = errors.Join(err, s.read.Close())
	}
	return errors.Join(err, s.write.Close())
}

// SchemaVersion returns the schema version the database is at.
func (s *Store) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	err := s.read.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_version`).Scan(&v)
	if err != nil {
		return 0, fmt.Errorf("sqlite: schema version: %w", err)
	}
	return v, nil
}
