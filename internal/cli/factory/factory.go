// Package factory builds the dependencies every command shares — streams,
// logger, data directory and store — once in main, so commands receive
// them instead of reaching for globals, and tests can build their own.
package factory

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"

	"github.com/newstrace/newstrace/internal/cli/iostreams"
	"github.com/newstrace/newstrace/internal/store"
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
}

// New returns a Factory on the process's streams, with the data directory
// from NEWSTRACE_DATA or the XDG data home.
func New() *Factory {
	ios := iostreams.System()
	return &Factory{
		IO:      ios,
		Logger:  NewLogger(ios.ErrOut, slog.LevelInfo),
		DataDir: DefaultDataDir(),
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

// OpenStore opens (creating and migrating if needed) the embedded store.
func (f *Factory) OpenStore(ctx context.Context) (store.Store, error) {
	path := f.StorePath()
	if path != ":memory:" {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return nil, fmt.Errorf("data directory: %w", err)
		}
	}
	return sqlite.Open(ctx, path)
}
