package factory

import (
	"log/slog"
	"path/filepath"

	"github.com/newstrace/newstrace/internal/cli/iostreams"
)

// NewTest returns a Factory for tests: buffer streams and a data directory
// of the caller's choosing (usually t.TempDir()).
func NewTest(ios *iostreams.IOStreams, dataDir string) *Factory {
	return &Factory{
		IO:      ios,
		Logger:  NewLogger(ios.ErrOut, slog.LevelInfo),
		DataDir: dataDir,
		DBPath:  filepath.Join(dataDir, "newstrace.db"),
	}
}
