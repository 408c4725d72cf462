package lexicon

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// DefaultLocaleDir is where Debian installs gettext catalogues, iso-codes'
// among them.
const DefaultLocaleDir = "/usr/share/locale"

// DefaultI18nDir is where Debian's locales package installs glibc's locale
// sources.
const DefaultI18nDir = "/usr/share/i18n/locales"

// isoCatalogues are the iso-codes catalogues whose names AddNames reads:
// countries (Germany) and languages, whose names double as the adjective
// of a people in most languages (German, जर्मन).
var isoCatalogues = []string{"iso_3166-1.mo", "iso_639-2.mo"}

// englishDays and englishMonths are glibc's day and mon lists in English,
// in its order.
var (
	englishDays   = []string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"}
	englishMonths = []string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}
)

// AddNames returns base with the names of countries, languages, weekdays
// and months in each of base's languages: from the iso-codes catalogues
// under localeDir (normally DefaultLocaleDir; iso_3166-1 and iso_639-2)
// and from glibc's locale sources in i18nDir (normally DefaultI18nDir;
// LC_TIME's day, mon and alt_mon). Names of one word on both sides are
// kept; multi-word ones (United Kingdom) would pivot on their parts. They
// merge with base as any dictionary does, so that a headword base
// translates otherwise (Hindi जर्मनी, "Teutonic" in the inverted eng-hin)
// keeps its senses and gains the name. A missing directory adds nothing;
// an unreadable file is skipped with a warning.
func AddNames(ctx context.Context, base *Lexicon, localeDir, i18nDir string) (*Lexicon, []string, error) {
	b := newBuilder()
	var warnings []string
	counts := map[string]int{}
	add := func(lang, word, english string) {
		k, en := normalizeKey(word), normalizeKey(english)
		if k == "" || en == "" || strings.ContainsAny(k+en, " ,()") {
			return
		}
		b.addDirect(lang, k, []string{en})
		counts[lang]++
	}
	for _, lang := range base.Languages() {
		if lang == "en" {
			continue
		}
		if err := ctx.Err(); err != nil {
			return nil, nil, err
		}
		for _, dir := range localeDirs(localeDir, lang) {
			for _, name := range isoCatalogues {
				path := filepath.Join(dir, "LC_MESSAGES", name)
				all, err := readMOFile(path)
				if errors.Is(err, fs.ErrNotExist) {
					continue
				}
				if err != nil {
					warnings = append(warnings, fmt.Sprintf("%s: skipped: %v", path, err))
					continue
				}
				msgs := map[string]string{}
				for _, m := range all {
					if m.context == "" {
						msgs[m.id] = m.str
					}
				}
				// In msgid order, so that two English names a catalogue
				// gives one word (a country's name and its common name)
				// rank alike on every import.
				for _, en := range slices.Sorted(maps.Keys(msgs)) {
					add(lang, msgs[en], en)
				}
			}
		}
		for _, path := range localeDirs(i18nDir, lang) {
			t, err := readLocaleTime(path)
			if err != nil {
				warnings = append(warnings, fmt.Sprintf("%s: skipped: %v", path, err))
				continue
			}
			for _, l := range []struct{ words, english []string }{{t.day, englishDays}, {t.mon, englishMonths}, {t.altMon, englishMonths}} {
				if len(l.words) != len(l.english) {
					continue // not the calendar the English names are of
				}
				for i, w := range l.words {
					add(lang, w, l.english[i])
				}
			}
		}
	}
	if len(counts) == 0 {
		return base, warnings, nil
	}
	for _, lang := range slices.Sorted(maps.Keys(counts)) {
		warnings = append(warnings, fmt.Sprintf("%s: %d names of countries, languages, days and months (iso-codes, glibc locales)", lang, counts[lang]))
	}
	return Merge(base, b.build()), warnings, nil
}

// localeDirs returns the entries of dir named for language lang: "uk",
// "uk_UA", "sr_RS@latin" are sr's; sorted.
func localeDirs(dir, lang string) []string {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range ents {
		if localeLanguage(e.Name()) == lang {
			out = append(out, filepath.Join(dir, e.Name()))
		}
	}
	slices.Sort(out)
	return out
}

// localeLanguage returns the language a locale's name is of: uk_UA's is
// uk, sr_RS@latin's sr.
func localeLanguage(name string) string {
	l, _, _ := strings.Cut(name, "@")
	l, _, _ = strings.Cut(l, "_")
	return l
}

// maxLocaleCopies bounds a chain of LC_TIME copies.
const maxLocaleCopies = 4

// readLocaleTime reads the LC_TIME of the locale source at path,
// following its copy of another locale in the same directory.
func readLocaleTime(path string) (lcTime, error) {
	for range maxLocaleCopies {
		f, err := os.Open(path)
		if err != nil {
			return lcTime{}, err
		}
		t, err := readLCTime(f)
		f.Close()
		if err != nil {
			return t, err
		}
		if t.copy == "" {
			return t, nil
		}
		if strings.ContainsAny(t.copy, `/\`) {
			return t, fmt.Errorf("copy of %q: not a locale name", t.copy)
		}
		path = filepath.Join(filepath.Dir(path), t.copy)
	}
	return lcTime{}, fmt.Errorf("more than %d copies of LC_TIME", maxLocaleCopies)
}

// NameFiles returns the files AddNames may read under localeDir and
// i18nDir, for every language: the iso-codes catalogues and glibc's
// locale sources. A cache of an import keys on them.
func NameFiles(localeDir, i18nDir string) []string {
	var out []string
	if localeDir != "" {
		for _, name := range isoCatalogues {
			m, _ := filepath.Glob(filepath.Join(localeDir, "*", "LC_MESSAGES", name))
			out = append(out, m...)
		}
	}
	if i18nDir != "" {
		m, _ := filepath.Glob(filepath.Join(i18nDir, "*_*"))
		out = append(out, m...)
	}
	slices.Sort(out)
	return out
}
