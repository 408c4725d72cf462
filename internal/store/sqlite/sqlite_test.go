package sqlite

import (
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newstrace/newstrace/internal/article"
	"github.com/newstrace/newstrace/internal/store"
	"github.com/newstrace/newstrace/internal/store/storetest"
)

// openFile opens a fresh file database in WAL mode for one test.
func openFile(t *testing.T) *Store {
	t.Helper()
	s, err := Open(t.Context(), filepath.Join(t.TempDir(), "newstrace.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return s
}

func TestConformanceFile(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store { return openFile(t) })
}

func TestConformanceMemory(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		s, err := Open(t.Context(), Memory)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	})
}

func TestOpenSettings(t *testing.T) {
	s := openFile(t)
	for _, tt := range []struct {
		db     *sql.DB
		pragma string
		want   string
	}{
		{s.write, "journal_mode", "wal"},
		{s.read, "journal_mode", "wal"},
		{s.write, "foreign_keys", "1"},
		{s.write, "busy_timeout", "10000"},
		{s.read, "busy_timeout", "10000"},
		{s.write, "synchronous", "1"}, // NORMAL
		{s.read, "query_only", "1"},
		{s.write, "query_only", "0"},
	} {
		var got string
		if err := tt.db.QueryRowContext(t.Context(), "PRAGMA "+tt.pragma).Scan(&got); err != nil {
			t.Fatalf("PRAGMA %s: %v", tt.pragma, err)
		}
		if got != tt.want {
			t.Errorf("PRAGMA %s = %s, want %s", tt.pragma, got, tt.want)
		}
	}
}

func TestOpenInvalidPath(t *testing.T) {
	for _, p := range []string{"", "db?mode=ro", filepath.Join(t.TempDir(), "missing-dir", "x.db")} {
		if s, err := Open(t.Context(), p); err == nil {
			s.Close()
			t.Errorf("Open(%q) succeeded", p)
		}
	}
}

func TestMigrateTwice(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "m.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.Put(ctx, &article.Article{ID: "kept", Text: "Gardé."}, nil); err != nil {
		t.Fatal(err)
	}
	// Explicitly again on the open database, then through a second Open.
	if err := Migrate(ctx, s.write); err != nil {
		t.Fatalf("second Migrate: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s, err = Open(ctx, path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer s.Close()
	if v, err := s.SchemaVersion(ctx); err != nil || v != schemaVersion {
		t.Errorf("SchemaVersion = %d, %v, want %d", v, err, schemaVersion)
	}
	var rows int
	if err := s.read.QueryRowContext(ctx, `SELECT count(*) FROM schema_version`).Scan(&rows); err != nil || rows != 1 {
		t.Errorf("schema_version has %d rows, %v; want 1", rows, err)
	}
	if _, err := s.Get(ctx, "kept"); err != nil {
		t.Errorf("article lost across migrations: %v", err)
	}
}

func TestMigrateNewerDatabase(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "newer.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.write.ExecContext(ctx, `UPDATE schema_version SET version = ?`, schemaVersion+1); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if s, err := Open(ctx, path); err == nil || !strings.Contains(err.Error(), "newer") {
		if s != nil {
			s.Close()
		}
		t.Errorf("Open of a newer database: %v, want a 'newer' error", err)
	}
}

// TestMigrateFromVersion1 upgrades a database written with schema 1, whose
// lsh rows carried band positions, and reads its sketches back in band
// order.
func TestMigrateFromVersion1(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "v1.db")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := migrations[0](tx); err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec(`
		CREATE TABLE schema_version (version INTEGER NOT NULL);
		INSERT INTO schema_version VALUES (1);
		INSERT INTO articles (seq, id, text, stored_at) VALUES (1, 'a', 'Texte a.', 0), (2, 'b', 'Texte b.', 0);
		INSERT INTO lsh (kind, article_seq, pos, key) VALUES
			('minhash', 1, 1, 20), ('minhash', 1, 0, -1), ('minhash', 1, 2, 30),
			('minhash', 2, 0, 20), ('xling', 2, 0, 7)`); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	db.Close()

	s, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("Open of a version 1 database: %v", err)
	}
	defer s.Close()
	got := map[string][]uint64{}
	if err := s.Sketches(ctx, "minhash", func(id string, keys []uint64) error { got[id] = keys; return nil }); err != nil {
		t.Fatal(err)
	}
	want := map[string][]uint64{"a": {1<<64 - 1, 20, 30}, "b": {20}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("Sketches after migration = %v, want %v", got, want)
	}
	c, err := s.Candidates(ctx, "minhash", []uint64{20, 30}, 0)
	if err != nil || fmt.Sprint(c) != "[{a 2} {b 1}]" {
		t.Errorf("Candidates after migration = %v, %v", c, err)
	}
}
