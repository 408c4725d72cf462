package lexicon

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"
)

// DefaultLibreOfficeDir is where Debian's libreoffice-l10n-* packages
// install LibreOffice's translated messages: one gettext catalogue per
// module under <lang>/LC_MESSAGES.
const DefaultLibreOfficeDir = "/usr/lib/libreoffice/program/resource"

// maxCatalogueSenses bounds the English senses one word gets from the
// catalogues: a word a few menus translate loosely keeps its commonest.
const maxCatalogueSenses = 3

// LibreOffice's user interface, translated by its community into some
// hundred languages, is a parallel word list of everyday vocabulary —
// number, name, date, table, image, delete, send — in which a menu item or
// a button of one word is translated by one word. Ukrainian число, назва,
// видалити; Hindi तालिका: words FreeDict lacks or reaches only through a
// pivot. Only LibreOffice's catalogues are read, not every program's under
// /usr/share/locale: on WMT22 uk-en those of the system's own programs
// (coreutils, GTK) cost origins that LibreOffice's alone gained
// (docs/EVALUATION.md, session 11).

// AddCatalogues returns base with the one-word messages of the gettext
// catalogues under dir/<lang>/LC_MESSAGES (normally DefaultLibreOfficeDir)
// for every language dir has catalogues of, each word with the English
// words that translate it most often (at most maxCatalogueSenses), and
// the words that Model 1 aligns in their longer messages (alignedWords)
// where no one-word message gave them, merged as any dictionary is. A language base lacks gets a table of its own
// (Ukrainian, before Apertium bridges it through Russian). A missing
// directory adds nothing; an unreadable catalogue is skipped with a
// warning naming it.
func AddCatalogues(ctx context.Context, base *Lexicon, dir string) (*Lexicon, []string, error) {
	b := newBuilder()
	var warnings []string
	words, alignedCount := map[string]int{}, map[string]int{} // by language
	langs := catalogueLanguages(dir)
	for _, lang := range langs {
		pairs := map[[2]string]int{}       // word, English → catalogue messages
		longer := map[string][2][]string{} // messages of more words, once each
		for _, d := range localeDirs(dir, lang) {
			files, _ := filepath.Glob(filepath.Join(d, "LC_MESSAGES", "*.mo"))
			for _, path := range files {
				if err := ctx.Err(); err != nil {
					return nil, nil, err
				}
				msgs, err := readMOFile(path)
				if errors.Is(err, fs.ErrNotExist) {
					continue
				}
				if err != nil {
					warnings = append(warnings, fmt.Sprintf("%s: skipped: %v", path, err))
					continue
				}
				for _, m := range msgs {
					if w, en, ok := oneWordMessage(m); ok {
						pairs[[2]string{w, en}]++
					} else if en, tr, ok := alignWords(m); ok && (len(en) > 1 || len(tr) > 1) {
						longer[strings.Join(en, " ")+"\x00"+strings.Join(tr, " ")] = [2][]string{en, tr}
					}
				}
			}
		}
		senses := map[string][][2]string{} // word → its pairs
		for p := range pairs {
			senses[p[0]] = append(senses[p[0]], p)
		}
		for _, w := range slices.Sorted(maps.Keys(senses)) {
			ps := senses[w]
			// Commonest first; ties in English order, so that every
			// import ranks alike.
			slices.SortFunc(ps, func(a, b [2]string) int {
				return cmp.Or(pairs[b]-pairs[a], strings.Compare(a[1], b[1]))
			})
			var en []string
			for _, p := range ps[:min(len(ps), maxCatalogueSenses)] {
				en = append(en, p[1])
			}
			b.addDirect(lang, w, en)
			words[lang]++
		}
		var corpus [][2][]string
		for _, k := range slices.Sorted(maps.Keys(longer)) {
			corpus = append(corpus, longer[k])
		}
		aligned := alignedWords(corpus)
		for _, w := range slices.Sorted(maps.Keys(aligned)) {
			if senses[w] == nil {
				b.addDirect(lang, w, []string{aligned[w]})
				alignedCount[lang]++
			}
		}
	}
	var added bool
	for _, lang := range langs {
		if words[lang]+alignedCount[lang] > 0 {
			added = true
			warnings = append(warnings, fmt.Sprintf("%s: %d words of one-word messages, %d aligned in longer ones (LibreOffice's catalogues)", lang, words[lang], alignedCount[lang]))
		}
	}
	if !added {
		return base, warnings, nil
	}
	return Merge(base, b.build()), warnings, nil
}

// catalogueLanguages returns the languages dir has catalogues of, English
// aside: the codes its entries are named for (zh_CN is zh's, ca@valencia
// ca's), sorted.
func catalogueLanguages(dir string) []string {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range ents {
		l := localeLanguage(e.Name())
		if len(l) < 2 || len(l) > 3 || strings.Trim(l, "abcdefghijklmnopqrstuvwxyz") != "" || l == "en" {
			continue // not a language (LibreOffice's "common"), or English
		}
		if !slices.Contains(out, l) {
			out = append(out, l)
		}
	}
	slices.Sort(out)
	return out
}

// oneWordMessage returns the message's translation and its English, both
// normalised, when each is one word: English of two or more letters, and
// a translation of letters and marks (Hindi's vowel signs) that is not
// the English left untranslated. LibreOffice marks a menu's accelerator
// with a tilde (~File), GTK with an underscore; CJK translations carry it
// after the word (ファイル(~F)); a button may end in an ellipsis or a
// colon.
func oneWordMessage(m moMessage) (word, english string, ok bool) {
	en, tr := cleanMessage(m.id), cleanMessage(m.str)
	if len(en) < 2 || strings.EqualFold(en, tr) {
		return "", "", false
	}
	for _, r := range en {
		if (r < 'a' || r > 'z') && (r < 'A' || r > 'Z') {
			return "", "", false
		}
	}
	n := 0
	for _, r := range tr {
		if !unicode.IsLetter(r) && !unicode.IsMark(r) {
			return "", "", false
		}
		n++
	}
	if n < 2 {
		return "", "", false
	}
	word, english = normalizeKey(tr), normalizeKey(en)
	return word, english, word != "" && english != ""
}

// cleanMessage strips a message of its accelerator marks and of the
// punctuation a menu item ends with.
func cleanMessage(s string) string {
	s = trimMenuPunct(strings.NewReplacer("~", "", "_", "").Replace(s))
	// An accelerator after a word: (F), ( e). A one-letter parenthesis
	// ends a message of more than one word otherwise ("Function (x)"),
	// which is no pair either way.
	if i := strings.LastIndexByte(s, '('); i >= 0 && strings.HasSuffix(s, ")") {
		if inner := strings.TrimSpace(s[i+1 : len(s)-1]); len(inner) == 1 && unicode.IsLetter(rune(inner[0])) {
			s = trimMenuPunct(s[:i])
		}
	}
	return s
}

// trimMenuPunct trims spaces and the ellipses and colons a menu item or a
// label ends with.
func trimMenuPunct(s string) string {
	for {
		t := strings.TrimRight(strings.TrimSpace(s), ".:…")
		if t == s {
			return s
		}
		s = t
	}
}

// CatalogueFiles returns the catalogues AddCatalogues may read under dir,
// for every language. A cache of an import keys on them.
func CatalogueFiles(dir string) []string {
	if dir == "" {
		return nil
	}
	m, _ := filepath.Glob(filepath.Join(dir, "*", "LC_MESSAGES", "*.mo"))
	slices.Sort(m)
	return m
}
