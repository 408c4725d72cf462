// Command newstrace traces news articles to their source: which articles
// are copies or translations of which, how, since when and through which
// sites. Run `newstrace demo` for a tour, `newstrace --help` for the verbs.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"

	"github.com/newstrace/newstrace/internal/cli/factory"
	"github.com/newstrace/newstrace/internal/cli/root"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	f := factory.New()
	if err := root.NewCmd(f).ExecuteContext(ctx); err != nil {
		fmt.Fprintln(f.IO.ErrOut, "newstrace:", err)
		os.Exit(1)
	}
}
