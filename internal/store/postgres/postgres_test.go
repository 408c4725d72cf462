package postgres

import (
	"context"
	"crypto/rand"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/newstrace/newstrace/internal/article"
	"github.com/newstrace/newstrace/internal/store"
	"github.com/newstrace/newstrace/internal/store/storetest"
)

// dsnEnv names the variable holding the DSN of a database the tests may
// create schemas in; without it they skip.
const dsnEnv = "NEWSTRACE_PG_DSN"

// freshDSN creates an empty schema for one test, dropped when it ends,
// and returns a DSN whose search_path is that schema.
func freshDSN(t testing.TB) string {
	t.Helper()
	dsn := os.Getenv(dsnEnv)
	if dsn == "" {
		t.Skipf("postgres: %s is not set; set it to a database URL (e.g. postgres://user:pass@localhost/db) to run the PostgreSQL store tests", dsnEnv)
	}
	ctx := context.Background() // t.Context is canceled before cleanups run
	admin, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatalf("postgres: connect to %s: %v", dsnEnv, err)
	}
	defer admin.Close(ctx)
	// The extension lives in the DSN's own schema, not in the test's,
	// whose DROP would take it along.
	if _, err := admin.Exec(ctx, `CREATE EXTENSION IF NOT EXISTS unaccent`); err != nil {
		t.Fatalf("postgres: create extension unaccent: %v", err)
	}
	schema := "newstrace_test_" + strings.ToLower(rand.Text())
	if _, err := admin.Exec(ctx, `CREATE SCHEMA `+schema); err != nil {
		t.Fatalf("postgres: create schema: %v", err)
	}
	t.Cleanup(func() {
		conn, err := pgx.Connect(ctx, dsn)
		if err != nil {
			t.Errorf("postgres: drop schema %s: %v", schema, err)
			return
		}
		defer conn.Close(ctx)
		if _, err := conn.Exec(ctx, `DROP SCHEMA `+schema+` CASCADE`); err != nil {
			t.Errorf("postgres: drop schema %s: %v", schema, err)
		}
	})
	return withSearchPath(t, dsn, schema)
}

// withSearchPath returns dsn, a URL or keyword/value pairs, with its
// search_path set to schema.
func withSearchPath(t testing.TB, dsn, schema string) string {
	t.Helper()
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		u, err := url.Parse(dsn)
		if err != nil {
			t.Fatalf("postgres: %s is not a valid URL", dsnEnv)
		}
		q := u.Query()
		q.Set("search_path", schema)
		u.RawQuery = q.Encode()
		return u.String()
	}
	return dsn + " search_path=" + schema
}

// openFresh opens a store in a fresh schema, closed when the test ends.
func openFresh(t testing.TB) (*Store, string) {
	t.Helper()
	dsn := freshDSN(t)
	s, err := Open(context.Background(), dsn)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s, dsn
}

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		s, _ := openFresh(t)
		return s
	})
}

func TestOpenInvalidDSN(t *testing.T) {
	s, err := Open(t.Context(), "postgres://user:secret@[::1")
	if err == nil {
		s.Close()
		t.Fatal("Open of an invalid DSN succeeded")
	}
	if strings.Contains(err.Error(), "secret") {
		t.Errorf("error %q shows the password", err)
	}
}

func TestMigrateTwice(t *testing.T) {
	ctx := t.Context()
	s, dsn := openFresh(t)
	if _, _, err := s.Put(ctx, &article.Article{ID: "kept", Text: "Gardé."}, nil); err != nil {
		t.Fatal(err)
	}
	// Explicitly again on the open database, then through a second Open.
	if err := Migrate(ctx, s.pool); err != nil {
		t.Fatalf("second Migrate: %v", err)
	}
	s2, err := Open(ctx, dsn)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer s2.Close()
	if v, err := s2.SchemaVersion(ctx); err != nil || v != schemaVersion {
		t.Errorf("SchemaVersion = %d, %v, want %d", v, err, schemaVersion)
	}
	var rows int
	if err := s2.pool.QueryRow(ctx, `SELECT count(*) FROM schema_version`).Scan(&rows); err != nil || rows != 1 {
		t.Errorf("schema_version has %d rows, %v; want 1", rows, err)
	}
	if _, err := s2.Get(ctx, "kept"); err != nil {
		t.Errorf("article lost across migrations: %v", err)
	}
}

func TestMigrateConcurrently(t *testing.T) {
	dsn := freshDSN(t)
	errs := make(chan error, 4)
	for range cap(errs) {
		go func() {
			s, err := Open(t.Context(), dsn)
			if err == nil {
				s.Close()
			}
			errs <- err
		}()
	}
	for range cap(errs) {
		if err := <-errs; err != nil {
			t.Errorf("concurrent Open: %v", err)
		}
	}
}

func TestMigrateNewerDatabase(t *testing.T) {
	ctx := t.Context()
	s, dsn := openFresh(t)
	if _, err := s.pool.Exec(ctx, `UPDATE schema_version SET version = $1`, schemaVersion+1); err != nil {
		t.Fatal(err)
	}
	if s2, err := Open(ctx, dsn); err == nil || !strings.Contains(err.Error(), "newer") {
		if s2 != nil {
			s2.Close()
		}
		t.Errorf("Open of a newer database: %v, want a 'newer' error", err)
	}
}

// TestSearchFoldsWithUnaccent shows what the unaccent extension adds to
// folding in Go: letters without a combining mark.
func TestSearchFoldsWithUnaccent(t *testing.T) {
	s, _ := openFresh(t)
	for _, a := range []*article.Article{
		{ID: "strasse", Text: "Die Straße war gesperrt."},
		{ID: "oeuvre", Title: "Une œuvre", Text: "Le chef-d’œuvre du musée de Łódź."},
	} {
		if _, _, err := s.Put(t.Context(), a, nil); err != nil {
			t.Fatal(err)
		}
	}
	for _, tt := range []struct{ query, want string }{
		{"strasse", "strasse"},
		{"Straße", "strasse"},
		{"oeuvre", "oeuvre"},
		{"lodz", "oeuvre"},
		{"chef-d’œuvre", "oeuvre"},
	} {
		hits, err := s.Search(t.Context(), tt.query, 0)
		if err != nil || len(hits) != 1 || hits[0].ID != tt.want {
			t.Errorf("Search(%q) = %+v, %v, want %s", tt.query, hits, err, tt.want)
		}
	}
}

// TestSearchRanksTitleFirst checks that a word in the title outranks the
// same word in a text.
func TestSearchRanksTitleFirst(t *testing.T) {
	s, _ := openFresh(t)
	for _, a := range []*article.Article{
		{ID: "text", Title: "Autre chose", Text: "Le sommet de Vilnius a eu lieu hier."},
		{ID: "title", Title: "Sommet de Vilnius", Text: "La réunion a eu lieu hier."},
	} {
		if _, _, err := s.Put(t.Context(), a, nil); err != nil {
			t.Fatal(err)
		}
	}
	hits, err := s.Search(t.Context(), "vilnius", 0)
	if err != nil || len(hits) != 2 {
		t.Fatalf("Search = %+v, %v", hits, err)
	}
	if hits[0].ID != "title" || !(hits[0].Rank > hits[1].Rank) {
		t.Errorf("Search order = %s (%g), %s (%g); want the title match first with a higher rank",
			hits[0].ID, hits[0].Rank, hits[1].ID, hits[1].Rank)
	}
	if hits[0].Snippet != "Sommet de Vilnius" {
		t.Errorf("title-only snippet = %q, want the title", hits[0].Snippet)
	}
}
