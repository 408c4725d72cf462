package crawlcmd_test

import (
	"github.com/spf13/cobra"

	"github.com/newstrace/newstrace/internal/cli/factory"
	"github.com/newstrace/newstrace/internal/cli/root"
)

func newRoot(f *factory.Factory) *cobra.Command { return root.NewCmd(f) }
