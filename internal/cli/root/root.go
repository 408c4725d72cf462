// Package root assembles the newstrace command tree from one package per
// verb.
package root

import (
	"github.com/spf13/cobra"

	"github.com/newstrace/newstrace/internal/cli/crawlcmd"
	"github.com/newstrace/newstrace/internal/cli/democmd"
	"github.com/newstrace/newstrace/internal/cli/evalcmd"
	"github.com/newstrace/newstrace/internal/cli/factory"
	"github.com/newstrace/newstrace/internal/cli/ingestcmd"
	"github.com/newstrace/newstrace/internal/cli/lexiconcmd"
	"github.com/newstrace/newstrace/internal/cli/networkcmd"
	"github.com/newstrace/newstrace/internal/cli/reindexcmd"
	"github.com/newstrace/newstrace/internal/cli/tracecmd"
	"github.com/newstrace/newstrace/internal/cli/watchcmd"
)

// NewCmd returns the root command with every verb attached.
func NewCmd(f *factory.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "newstrace",
		Short: "Trace news articles to their source",
		Long: `newstrace finds which articles are copies or translations of others,
of what, since when and through which sites, and shows the evidence.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	cmd.SetOut(f.IO.Out)
	cmd.SetErr(f.IO.ErrOut)
	cmd.PersistentFlags().StringVar(&f.DataDir, "data", f.DataDir, "data directory (store, lexicon); env NEWSTRACE_DATA")
	cmd.PersistentFlags().StringVar(&f.DBPath, "db", "", "store file (default DATA/newstrace.db)")
	cmd.PersistentFlags().Var(&f.PG, "pg", "PostgreSQL DSN: store in PostgreSQL instead of the SQLite file; env NEWSTRACE_PG_DSN")
	cmd.AddCommand(
		crawlcmd.NewCmd(f, nil),
		democmd.NewCmd(f, nil),
		evalcmd.NewCmd(f, nil),
		ingestcmd.NewCmd(f, nil),
		lexiconcmd.NewCmd(f, nil),
		networkcmd.NewCmd(f, nil),
		reindexcmd.NewCmd(f, nil),
		tracecmd.NewCmd(f, nil),
		watchcmd.NewCmd(f, nil),
	)
	return cmd
}
