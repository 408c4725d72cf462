package evalcmd

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/newstrace/newstrace/internal/article"
	"github.com/newstrace/newstrace/internal/cli/factory"
	"github.com/newstrace/newstrace/internal/eval/corpus"
)

// Formats `eval import` reads.
const (
	FormatNewstest2014 = "newstest2014"
	FormatWMTXML       = "wmt-xml"
)

// ImportOptions are the inputs of `newstrace eval import FORMAT PATH...`.
type ImportOptions struct {
	F      *factory.Factory
	Format string   // FormatNewstest2014 or FormatWMTXML
	Paths  []string // the newstest directory, or the WMT XML files
	// Output is the corpus file to write; "" or "-" is stdout.
	Output    string
	PartialK  int
	NoOrigins bool
}

// NewCmdImport returns `eval import` with one subcommand per format.
func NewCmdImport(f *factory.Factory, runF func(context.Context, *ImportOptions) error) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "import FORMAT",
		Short: "Import a public translation test set as a corpus with gold labels",
		Long: `Import reads a machine-translation test set and writes it as corpus JSON
Lines: each original article and each of its translations, with gold labels
saying which article each one derives from.

--partial K cuts every translation to its first K sentences (a republisher
that keeps the lead); --no-origins drops every original, so that the right
answer for every remaining article is "no origin here".`,
		Args: cobra.NoArgs,
	}
	cmd.AddCommand(
		newImportFormatCmd(f, runF, FormatNewstest2014, "newstest2014 DIR", cobra.ExactArgs(1),
			"Import WMT newstest2014 (the SGML files of every pair in DIR)"),
		newImportFormatCmd(f, runF, FormatWMTXML, "wmt-xml FILE...", cobra.MinimumNArgs(1),
			"Import WMT22 general test sets (wmttest2022.<pair>.all.xml), every domain"),
	)
	return cmd
}

func newImportFormatCmd(f *factory.Factory, runF func(context.Context, *ImportOptions) error, format, use string, args cobra.PositionalArgs, short string) *cobra.Command {
	opts := &ImportOptions{F: f, Format: format}
	cmd := &cobra.Command{
		Use:   use,
		Short: short,
		Args:  args,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			if opts.PartialK < 0 {
				return fmt.Errorf("eval import: --partial must be at least 0, got %d", opts.PartialK)
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return RunImport(cmd.Context(), opts)
		},
	}
	cmd.Flags().IntVar(&opts.PartialK, "partial", 0, "cut translations to their first K sentences (0: whole)")
	cmd.Flags().BoolVar(&opts.NoOrigins, "no-origins", false, "drop the originals (the no-counterpart condition)")
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", "corpus file to write (default stdout)")
	return cmd
}

// RunImport imports opts.Paths and writes the corpus.
func RunImport(ctx context.Context, opts *ImportOptions) error {
	copts := corpus.Options{PartialK: opts.PartialK, DropOrigins: opts.NoOrigins}
	var (
		arts []*article.Article
		err  error
	)
	switch opts.Format {
	case FormatNewstest2014:
		arts, err = corpus.ImportNewstest(ctx, opts.Paths[0], copts)
	case FormatWMTXML:
		arts, err = corpus.ImportWMT(ctx, opts.Paths, copts)
	default:
		err = fmt.Errorf("eval import: unknown format %q", opts.Format)
	}
	if err != nil {
		return err
	}
	if opts.Output == "" || opts.Output == "-" {
		return corpus.WriteJSONL(opts.F.IO.Out, arts)
	}
	if err := writeFile(opts.Output, func(w io.Writer) error { return corpus.WriteJSONL(w, arts) }); err != nil {
		return err
	}
	fmt.Fprintf(opts.F.IO.Out, "wrote %d articles to %s\n", len(arts), opts.Output)
	return nil
}

// writeFile writes path through write, leaving no half-written file
// behind on failure.
func writeFile(path string, write func(io.Writer) error) (err error) {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("eval import: %w", err)
	}
	defer func() {
		if cerr := f.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("eval import: %w", cerr)
		}
		if err != nil {
			err = errors.Join(err, removeIfExists(path))
		}
	}()
	return write(f)
}

func removeIfExists(path string) error {
	if err := os.Remove(path); err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("eval import: %w", err)
	}
	return nil
}
