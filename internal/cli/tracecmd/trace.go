// Package tracecmd implements `newstrace trace FILE|URL|ID`.
package tracecmd

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/newstrace/newstrace/internal/article"
	"github.com/newstrace/newstrace/internal/cli/factory"
	"github.com/newstrace/newstrace/internal/cli/lexiconcmd"
	"github.com/newstrace/newstrace/internal/ingest"
	"github.com/newstrace/newstrace/internal/ingest/source"
	"github.com/newstrace/newstrace/internal/lang"
	"github.com/newstrace/newstrace/internal/provenance"
	"github.com/newstrace/newstrace/internal/registry"
	"github.com/newstrace/newstrace/internal/store"
)

// Options are the trace command's inputs.
type Options struct {
	F      *factory.Factory
	Target string
	JSON   bool
}

// NewCmd returns the trace command.
func NewCmd(f *factory.Factory, runF func(context.Context, *Options) error) *cobra.Command {
	opts := &Options{F: f}
	cmd := &cobra.Command{
		Use:   "trace FILE|URL|ID",
		Short: "Say whether an article is a copy, of what, and show the evidence",
		Long: `Trace one article against the store: a file (HTML, text, JSON Lines — its
first article — or WARC — its first page; traced without being stored), or the
URL or ID of a stored article. Prints the verdict, the origin, the signals and
the aligned passages; --json prints the report as JSON.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Target = args[0]
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return Run(cmd.Context(), opts)
		},
	}
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print the report as JSON")
	return cmd
}

// Run traces opts.Target.
func Run(ctx context.Context, opts *Options) error {
	f := opts.F
	st, err := f.OpenStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	a, err := resolveTarget(ctx, st, opts.Target)
	if err != nil {
		return err
	}
	lex, err := lexiconcmd.LoadFor(ctx, f, st)
	if err != nil {
		return err
	}
	reg, err := registry.LoadData(f.DataDir)
	if err != nil {
		return err
	}
	tr, err := provenance.NewTracer(ctx, st, provenance.Options{Lexicon: lex, Registry: reg, Artifacts: true})
	if err != nil {
		return err
	}
	rep, err := tr.Trace(ctx, a)
	if err != nil {
		return err
	}
	if opts.JSON {
		enc := json.NewEncoder(f.IO.Out)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	Render(f.IO.Out, rep, 0)
	return nil
}

// resolveTarget finds the article a target names: a stored ID, a stored
// URL, or a file to read.
func resolveTarget(ctx context.Context, st store.Store, target string) (*article.Article, error) {
	if a, err := st.Get(ctx, target); err == nil {
		return a, nil
	} else if !errors.Is(err, store.ErrNotFound) {
		return nil, err
	}
	if a, err := st.GetByURL(ctx, target); err == nil {
		return a, nil
	} else if !errors.Is(err, store.ErrNotFound) {
		return nil, err
	}
	if _, err := os.Stat(target); err != nil {
		return nil, fmt.Errorf("trace: %q is neither a stored article ID or URL nor a readable file", target)
	}
	return FirstArticle(ctx, target)
}

// errFound stops a walk at its first article.
var errFound = errors.New("found")

// FirstArticle reads and prepares the first article in a file.
func FirstArticle(ctx context.Context, path string) (*article.Article, error) {
	var (
		a       *article.Article
		lastErr error
	)
	det := lang.New()
	err := source.Walk(ctx, []string{path}, func(it source.Item) error {
		p, err := ingest.Prepare(it, det)
		if err != nil {
			lastErr = err
			return nil
		}
		a = p
		return errFound
	})
	if err != nil && !errors.Is(err, errFound) {
		return nil, fmt.Errorf("trace: %w", err)
	}
	if a == nil {
		if lastErr != nil {
			return nil, fmt.Errorf("trace: %w", lastErr)
		}
		return nil, fmt.Errorf("trace: %s: no article found", path)
	}
	return a, nil
}
