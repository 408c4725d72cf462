package lexicon

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// ImportVersion names what ImportDir, AddCatalogues, AddApertium, AddHunspell, AddNames and AddWordNet do with the
// dictionaries they read (which ones they bridge or compose, how they stem
// and rank). A cache of an import keys on it, beside the dictionaries
// themselves, so that a new build does not go on with an import made the
// old way. Bump it on any change that alters what either returns.
const ImportVersion = 14

// ErrNoDictionaries is returned by ImportDir when the directory holds no
// usable dictionary with English on one side, FreeDict or CC-CEDICT.
var ErrNoDictionaries = errors.New("lexicon: neither a FreeDict dictionary with an English side nor CC-CEDICT")

// wantedLanguages are the languages newstrace's corpora need a pivot for;
// ImportDir warns when one of them has no dictionary or only an inverted
// English→X one. Debian ships them as dict-freedict-<xxx>-eng and
// dict-freedict-eng-<xxx>.
var wantedLanguages = []string{"cs", "de", "es", "fr", "hi", "it", "pl", "ru"}

// dictPair is one freedict-<from>-<to> dictionary found on disk.
type dictPair struct {
	name, index, dict string
	from, to          string // ISO 639-3 as in the file name
}

// ImportDir imports every FreeDict dictionary in dir (normally
// /usr/share/dictd, where Debian's dict-freedict-* packages install them)
// that has English on one side, and CC-CEDICT when dir holds it as
// cedict_ts.u8 (CEDICTFile), and merges them. Dictionaries that cannot be
// used (unknown language code, missing .dict.dz, corrupt data) are skipped
// with a warning, as are wanted languages with no dictionary or only an
// inverted one; the returned error is for an unreadable directory, a
// cancelled context, or no usable dictionary at all (ErrNoDictionaries).
//
// A dictionary with neither side English (deu-rus) is then used to bridge
// into a language whose English table stays small (see bridgeMaxHeadwords):
// its words get the English of their translations in the other language,
// ranked after any translation from a dictionary with an English side.
func ImportDir(ctx context.Context, dir string) (*Lexicon, []string, error) {
	return importDir(ctx, dir, defaultBridgeRule)
}

func importDir(ctx context.Context, dir string, rule bridgeRule) (*Lexicon, []string, error) {
	pairs, third, warnings, err := findPairs(dir)
	if err != nil {
		return nil, nil, err
	}
	var parts []*Lexicon
	direct := map[string]string{}  // lang → dictionary name
	inverse := map[string]string{} // lang → dictionary name
	for _, p := range pairs {
		lang, inv, err := direction(p.from, p.to)
		if err != nil {
			warnings = append(warnings, fmt.Sprintf("%s: skipped: %v", p.name, err))
			continue
		}
		l, err := ImportDictd(ctx, p.index, p.dict, p.from, p.to)
		if err != nil {
			if ctx.Err() != nil {
				return nil, nil, err
			}
			warnings = append(warnings, fmt.Sprintf("%s: skipped: %v", p.name, err))
			continue
		}
		parts = append(parts, l)
		if inv {
			inverse[lang] = p.name
		} else {
			direct[lang] = p.name
		}
	}
	l, err := importCEDICTFile(ctx, filepath.Join(dir, CEDICTFile))
	switch {
	case err == nil:
		parts = append(parts, l)
	case ctx.Err() != nil:
		return nil, nil, err
	case !errors.Is(err, fs.ErrNotExist):
		warnings = append(warnings, fmt.Sprintf("%s: skipped: %v", CEDICTFile, err))
	default:
		warnings = append(warnings, fmt.Sprintf("zh: no dictionary (put CC-CEDICT's %s in %s: .ci/install-cedict)", CEDICTFile, dir))
	}
	if len(parts) == 0 {
		return nil, warnings, fmt.Errorf("%w in %s", ErrNoDictionaries, dir)
	}
	for _, lang := range wantedLanguages {
		x := iso639Of(lang)
		switch {
		case direct[lang] == "" && inverse[lang] == "":
			warnings = append(warnings, fmt.Sprintf("%s: no dictionary (install dict-freedict-%s-eng or dict-freedict-eng-%s)", lang, x, x))
		case direct[lang] == "":
			warnings = append(warnings, fmt.Sprintf("%s: no %s-eng dictionary; only the inverted %s is used", lang, x, inverse[lang]))
		}
	}
	l = Merge(parts...)
	if len(third) == 0 {
		return l, warnings, nil
	}
	bps, w := rule.pick(third, l.Stats())
	warnings = append(warnings, w...)
	if len(bps) == 0 {
		return l, warnings, nil
	}
	br, w, err := bridge(ctx, l, bps)
	if err != nil {
		return nil, nil, err
	}
	return mergeBridged(l, br), append(warnings, w...), nil
}

// importCEDICTFile imports the CC-CEDICT file at path; a missing file is
// an error wrapping fs.ErrNotExist.
func importCEDICTFile(ctx context.Context, path string) (*Lexicon, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("lexicon: %w", err)
	}
	defer f.Close()
	return ImportCEDICT(ctx, f)
}

// findPairs lists the freedict-xxx-yyy dictionaries of dir whose names are
// well formed: those with English on one side, then the others, each
// sorted by name.
func findPairs(dir string) (pairs, third []dictPair, warnings []string, err error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("lexicon: %w", err)
	}
	for _, e := range ents {
		base, ok := strings.CutSuffix(e.Name(), ".index")
		if !ok || e.IsDir() {
			continue
		}
		rest, ok := strings.CutPrefix(base, "freedict-")
		if !ok {
			continue
		}
		from, to, ok := strings.Cut(rest, "-")
		if !ok || len(from) != 3 || len(to) != 3 || from == to {
			continue
		}
		p := dictPair{name: base, index: filepath.Join(dir, e.Name()), from: from, to: to}
		for _, ext := range []string{".dict.dz", ".dict"} {
			if _, err := os.Stat(filepath.Join(dir, base+ext)); err == nil {
				p.dict = filepath.Join(dir, base+ext)
				break
			}
		}
		switch {
		case p.dict == "":
			warnings = append(warnings, fmt.Sprintf("%s: skipped: %s.index has no %s.dict.dz beside it", base, base, base))
		case canonLang(from) == "" || canonLang(to) == "":
			warnings = append(warnings, fmt.Sprintf("%s: skipped: unknown language code", base))
		case from != "eng" && to != "eng":
			third = append(third, p)
		default:
			pairs = append(pairs, p)
		}
	}
	byName := func(a, b dictPair) int { return strings.Compare(a.name, b.name) }
	slices.SortFunc(pairs, byName)
	slices.SortFunc(third, byName)
	return pairs, third, warnings, nil
}

// iso639Of is the reverse of canonLang for FreeDict file names.
func iso639Of(lang string) string {
	best := ""
	for k, v := range iso639 {
		// Several bibliographic codes map to one language; FreeDict uses the
		// terminological one, which sorts first for every language we want.
		if v == lang && (best == "" || k < best) {
			best = k
		}
	}
	if best == "" {
		return lang
	}
	return best
}
