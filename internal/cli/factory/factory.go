// Package factory builds the dependencies every command shares — streams,
// logger, data directory and store — once in main, so commands receive
// them instead of reaching for globals, and tests can build their own.
package factory

import (
	"context"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"regexp"

	"github.com/newstrace/newstrace/internal/cli/iostreams"
	"github.com/newstrace/newstrace/internal/store"
	"github.com/newstrace/newstrace/internal/store/postgres"
	"github.com/newstrace/newstrace/internal/store/sqlite"
)

// Factory carries the dependencies of commands.
type Factory struct {
	IO     *iostreams.IOStreams
	Logger *slog.Logger

	// DataDir holds the store and the imported lexicon. DBPath overrides
	// the store's location.
	DataDir string
	DBPath  string
	// PG, when set, is a PostgreSQL DSN: the store is then PostgreSQL
	// (store/postgres) instead of the SQLite file.
	PG DSN
}

// DSN is a PostgreSQL data source name, a URL or keyword/value pairs. As
// a flag value it prints without its password, so that --help does not
// show one taken from the environment.
type DSN string

// String returns the DSN with its password replaced by "xxxxx".
func (d *DSN) String() string {
	s := string(*d)
	if u, err := url.Parse(s); err == nil && u.User != nil {
		return u.Redacted()
	}
	return dsnPassword.ReplaceAllString(s, "${1}xxxxx")
}

// dsnPassword finds the password of a keyword/value DSN.
var dsnPassword = regexp.MustCompile(`(password\s*=\s*)('(?:[^'\\]|\\.)*'|\S+)`)

// Set sets the DSN; it implements pflag.Value.
func (d *DSN) Set(s string) error { *d = DSN(s); return nil }

// Type names the flag's value in --help.
func (d *DSN) Type() string { return "DSN" }

// New returns a Factory on the process's streams, with the data directory
// from NEWSTRACE_DATA or the XDG data home, and the PostgreSQL DSN from
// NEWSTRACE_PG_DSN. Only New reads the environment: a Factory built by
// hand, as in tests, uses SQLite unless PG is set.
func New() *Factory {
	ios := iostreams.System()
	return &Factory{
		IO:      ios,
		Logger:  NewLogger(ios.ErrOut, slog.LevelInfo),
		DataDir: DefaultDataDir(),
		PG:      DSN(os.Getenv("NEWSTRACE_PG_DSN")),
	}
}

// NewLogger returns the text logger commands use on stderr.
func NewLogger(w interface{ Write([]byte) (int, error) }, level slog.Level) *slog.Logger {
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: level}))
}

// DefaultDataDir is $NEWSTRACE_DATA, else $XDG_DATA_HOME/newstrace, else
// ~/.local/share/newstrace, else ./.newstrace.
func DefaultDataDir() string {
	if d := os.Getenv("NEWSTRACE_DATA"); d != "" {
		return d
	}
	if d := os.Getenv("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, "newstrace")
	}
	if home, err := os.UserHomeDir(); err == nil {
		return filepath.Join(home, ".local", "share", "newstrace")
	}
	return ".newstrace"
}

// StorePath returns where the store lives.
func (f *Factory) StorePath() string {
	if f.DBPath != "" {
		return f.DBPath
	}
	return filepath.Join(f.DataDir, "newstrace.db")
}

// LexiconPath returns where `lexicon import` writes the merged lexicon.
func (f *Factory) LexiconPath() string {
	return filepath.Join(f.DataDir, "lexicon.bin")
}

// OpenStore opens (creating and migrating if needed) the store: the
// PostgreSQL database PG names when it is set, else the embedded SQLite
// file.
func (f *Factory) OpenStore(ctx context.Context) (store.Store, error) {
	if f.PG != "" {
		return postgres.Open(ctx, string(f.PG))
	}
	path := f.StorePath()
	if path != ":memory:" {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return nil, fmt.Errorf("data directory: %w", err)
		}
	}
	return sqlite.Open(ctx, path)
}
