package lexiconcmd

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/newstrace/newstrace/internal/cli/factory"
	"github.com/newstrace/newstrace/internal/lexicon"
	"github.com/newstrace/newstrace/internal/match"
)

// LookupOptions are the inputs of `newstrace lexicon lookup`.
type LookupOptions struct {
	F     *factory.Factory
	Lang  string
	Words []string
}

// newLookupCmd returns `lexicon lookup`, which shows what the lexicon
// makes of words: a reader checking why a translation was matched (or
// missed) sees each word's English renderings, best first, and the terms
// the matcher compares, which a word and its translation must share.
func newLookupCmd(f *factory.Factory) *cobra.Command {
	opts := &LookupOptions{F: f}
	cmd := &cobra.Command{
		Use:   "lookup --lang xx WORD...",
		Short: "Show the English a word is matched through",
		Long: `Lookup prints, for each word of language --lang, the English renderings the
lexicon gives it, best first (after its suffix rules, an analyser's lemmas
or a relative language's table where the word itself is no headword), and
the pivot terms the matcher compares: the stems of its first renderings.
A word and its translation meet where they share a pivot term; names,
numbers and cognates meet by other keys.`,
		Example: `  newstrace lexicon lookup --lang uk роботу дякую
  newstrace lexicon lookup --lang de Liefertermin`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.Lang == "" {
				return fmt.Errorf("lexicon lookup: --lang is required")
			}
			opts.Words = args
			return RunLookup(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Lang, "lang", "", "language of the words (fr, uk, zh …)")
	return cmd
}

// RunLookup loads the lexicon as the tracing commands do and prints what
// it makes of each word.
func RunLookup(ctx context.Context, opts *LookupOptions) error {
	lex, err := Load(ctx, opts.F, opts.F.IO.ErrOut)
	if err != nil {
		return err
	}
	return printLookup(opts.F.IO.Out, lex, opts.Lang, opts.Words)
}

// printLookup writes one block per word: its renderings and its pivot
// terms, or that the lexicon has none.
func printLookup(w io.Writer, lex *lexicon.Lexicon, lang string, words []string) error {
	pv := match.NewPivoter(lex)
	for _, word := range words {
		en := lex.ToEnglish(lang, word)
		terms := pv.Terms(lang, word)
		var err error
		switch {
		case len(en) == 0 && len(terms) == 0:
			_, err = fmt.Fprintf(w, "%s [%s]: not in the lexicon\n", word, lang)
		case len(en) == 0:
			// A compound met through its parts (match's decompounding).
			_, err = fmt.Fprintf(w, "%s [%s]: no entry; matched through its parts as %s\n", word, lang, strings.Join(terms, " "))
		case len(terms) == 0:
			_, err = fmt.Fprintf(w, "%s [%s]: %s\n  pivot terms: none (a function word, or phrases only)\n", word, lang, strings.Join(en, "; "))
		default:
			_, err = fmt.Fprintf(w, "%s [%s]: %s\n  pivot terms: %s\n", word, lang, strings.Join(en, "; "), strings.Join(terms, " "))
		}
		if err != nil {
			return err
		}
	}
	return nil
}
