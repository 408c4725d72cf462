package evalcmd

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/newstrace/newstrace/internal/cli/factory"
	"github.com/newstrace/newstrace/internal/cli/progress"
	"github.com/newstrace/newstrace/internal/eval/extraction"
)

// ExtractionOptions are the inputs of `newstrace eval extraction SET DIR`.
type ExtractionOptions struct {
	F          *factory.Factory
	Set        string
	Dir        string
	JSON       bool
	Baseline   bool
	NoFallback bool
	Limit      int
}

// NewCmdExtraction returns `eval extraction`.
func NewCmdExtraction(f *factory.Factory, runF func(context.Context, *ExtractionOptions) error) *cobra.Command {
	opts := &ExtractionOptions{F: f}
	cmd := &cobra.Command{
		Use:   "extraction aeb|trafilatura|readability DIR",
		Short: "Score HTML extraction on a public extraction set",
		Long: `Extraction runs newstrace's HTML extraction over an evaluation set and
scores it with the set's own metric: aeb (ScrapingHub's article extraction
benchmark: shingle precision and recall), trafilatura (trafilatura's set:
"with"/"without" strings, publication dates) or readability (Mozilla
Readability's test pages: token precision and recall, title, date).

--baseline runs go-trafilatura alone, to measure what newstrace adds.`,
		Example:   `  newstrace eval extraction aeb ../shared/eval/extraction/aeb`,
		Args:      cobra.ExactArgs(2),
		ValidArgs: []string{extraction.SetAEB, extraction.SetTrafilatura, extraction.SetReadability},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Set, opts.Dir = args[0], args[1]
			switch opts.Set {
			case extraction.SetAEB, extraction.SetTrafilatura, extraction.SetReadability:
			default:
				return fmt.Errorf("eval extraction: unknown set %q (want aeb, trafilatura or readability)", opts.Set)
			}
			if opts.Limit < 0 {
				return fmt.Errorf("eval extraction: --limit must be at least 0, got %d", opts.Limit)
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return RunExtraction(cmd.Context(), opts)
		},
	}
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print the report as JSON")
	cmd.Flags().BoolVar(&opts.Baseline, "baseline", false, "go-trafilatura alone, without newstrace's additions")
	cmd.Flags().BoolVar(&opts.NoFallback, "no-fallback", false, "disable trafilatura's readability/domdistiller fallback")
	cmd.Flags().IntVar(&opts.Limit, "limit", 0, "score only the first N pages (0: all)")
	return cmd
}

// RunExtraction scores extraction on opts.Set.
func RunExtraction(ctx context.Context, opts *ExtractionOptions) error {
	f := opts.F
	var bar *progress.Bar
	rep, err := extraction.Run(ctx, opts.Set, opts.Dir, extraction.Options{
		Baseline:   opts.Baseline,
		NoFallback: opts.NoFallback,
		Limit:      opts.Limit,
		Progress: func(done, total int) {
			if bar == nil {
				bar = progress.New(f.IO.ErrOut, f.IO.ErrTTY, opts.Set, int64(total))
			}
			bar.Add(1, 1)
		},
	})
	bar.Done()
	if err != nil {
		return err
	}
	if opts.JSON {
		enc := json.NewEncoder(f.IO.Out)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	return renderExtraction(f.IO.Out, f.IO.OutTTY, rep)
}
