package lexicon

import (
	"context"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// DefaultHunspellDir is where Debian installs Hunspell dictionaries.
const DefaultHunspellDir = "/usr/share/hunspell"

// hunspellLanguages are those whose Hunspell dictionary's word forms are
// added (AddHunspell): the ones measured to help. Czech (831,636 forms)
// halves the newstest2014 Czech tokens the lexicon lacks; French (65,193,
// hunspell-fr-classical) lifts WMT22 fr-de. German cost de-fr an origin,
// Ukrainian, Russian, Polish and Croatian together gained uk-en four
// origins for an import of eight minutes, and Italian's dictionary makes
// three million forms (its clitics). A read-only table.
var hunspellLanguages = map[string]bool{"cs": true, "fr": true}

// HunspellFiles returns the .aff files of dir that AddHunspell reads, one
// per language of hunspellLanguages: the language's own country's
// (cs_CZ) when there are several, else the first by name.
func HunspellFiles(dir string) ([]string, error) {
	affs, err := filepath.Glob(filepath.Join(dir, "*.aff"))
	if err != nil {
		return nil, err
	}
	slices.Sort(affs)
	best := map[string]string{}
	for _, p := range affs {
		lang, region := hunspellLocale(p)
		if !hunspellLanguages[lang] {
			continue
		}
		if _, ok := best[lang]; !ok || strings.EqualFold(region, lang) {
			best[lang] = p
		}
	}
	var out []string
	for _, l := range slices.Sorted(maps.Keys(best)) {
		out = append(out, best[l])
	}
	return out, nil
}

// hunspellLocale returns the language and region a dictionary's file name
// gives: "cs_CZ.aff" is cs and CZ, "fr.aff" fr alone.
func hunspellLocale(aff string) (lang, region string) {
	name := strings.ReplaceAll(strings.TrimSuffix(filepath.Base(aff), ".aff"), "-", "_")
	lang, region, _ = strings.Cut(name, "_")
	return strings.ToLower(lang), region
}

// AddHunspell returns base with the word forms of the Hunspell
// dictionaries in dir (normally DefaultHunspellDir) that base cannot look
// up, itself or through its suffix rules, given the English of the stem
// they are made from, ranked after everything else: Czech městě, svých
// find město, svůj. A stem base cannot translate lends its forms the
// English of the first of them it can (a stem that needs an affix is no
// word of its own). A missing directory adds nothing; an unreadable
// dictionary is skipped with a warning.
func AddHunspell(ctx context.Context, base *Lexicon, dir string) (*Lexicon, []string, error) {
	files, err := HunspellFiles(dir)
	if err != nil {
		return base, nil, err
	}
	out := base
	var warnings []string
	for _, aff := range files {
		lang, _ := hunspellLocale(aff)
		if out.table(lang) == nil {
			continue
		}
		l, n, err := addHunspellForms(ctx, out, lang, aff)
		if err != nil {
			if ctx.Err() != nil {
				return nil, nil, err
			}
			warnings = append(warnings, fmt.Sprintf("%s: skipped: %v", aff, err))
			continue
		}
		out = l
		warnings = append(warnings, fmt.Sprintf("%s: %d word forms through their stems (Hunspell %s)", lang, n, filepath.Base(aff)))
	}
	return out, warnings, nil
}

// addHunspellForms adds the forms of one dictionary, aff and the .dic
// beside it, for language lang.
func addHunspellForms(ctx context.Context, l *Lexicon, lang, aff string) (*Lexicon, int, error) {
	fa, err := os.Open(aff)
	if err != nil {
		return l, 0, err
	}
	af, err := readAffix(fa)
	fa.Close()
	if err != nil {
		return l, 0, fmt.Errorf("%s: %w", aff, err)
	}
	dicPath := strings.TrimSuffix(aff, ".aff") + ".dic"
	fd, err := os.Open(dicPath)
	if err != nil {
		return l, 0, err
	}
	defer fd.Close()
	b, n := newBuilder(), 0
	done := map[string]bool{}
	var forms []string
	entries := 0
	err = af.readDic(fd, func(stem string, flags []string) error {
		if entries++; entries%4096 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		forms = forms[:0]
		af.expand(stem, flags, func(f string) { forms = append(forms, strings.ToLower(f)) })
		// The stem is the first form unless it needs an affix, when it
		// is no word to look up.
		var en []string
		for _, f := range forms {
			if en = l.ToEnglish(lang, f); len(en) > 0 {
				break
			}
		}
		if len(en) == 0 {
			return nil
		}
		en = en[:min(len(en), bridgeKeep)]
		for _, f := range forms {
			if done[f] {
				continue
			}
			done[f] = true
			if len(l.ToEnglish(lang, f)) > 0 {
				continue
			}
			b.addDirect(lang, f, en)
			n++
		}
		return nil
	})
	if err != nil {
		return l, 0, fmt.Errorf("%s: %w", dicPath, err)
	}
	if n == 0 {
		return l, 0, nil
	}
	return mergeBridged(l, b.build()), n, nil
}
