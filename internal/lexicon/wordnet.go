package lexicon

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// DefaultWordNetDir is where Debian's wordnet-base installs WordNet's
// database, its exception lists among it.
const DefaultWordNetDir = "/usr/share/wordnet"

// wordNetExceptionFiles are the exception lists AddWordNet reads, in the
// order their base forms win: an irregular verb's past (*bought*, *found*,
// *left*) is what glosses and news inflect most, so verb.exc comes first.
var wordNetExceptionFiles = []string{"verb.exc", "noun.exc", "adj.exc", "adv.exc"}

// WordNetFiles returns the exception lists AddWordNet reads in dir, in
// the order their base forms win, whether or not they exist.
func WordNetFiles(dir string) []string {
	out := make([]string, len(wordNetExceptionFiles))
	for i, name := range wordNetExceptionFiles {
		out[i] = filepath.Join(dir, name)
	}
	return out
}

// maxExceptionLine bounds a line of an exception list; WordNet's longest
// is under 100 bytes.
const maxExceptionLine = 4096

// AddWordNet returns base with the English base forms of WordNet's
// exception lists in dir (normally DefaultWordNetDir): *bought* → *buy*,
// *given* → *give*, *children* → *child* (see Lexicon.BaseForm). A
// dictionary glosses German gekauft as *bought* and French acheté as
// *buy*, and an English report says *bought*: the suffix stemmer the
// pivot uses cannot join an irregular form to its base, and the two
// translations met on nothing. A missing directory adds nothing (the
// lexicon works without it, with lower recall); a missing or unreadable
// list is skipped with a warning naming it. The forms replace any base
// already holds.
func AddWordNet(ctx context.Context, base *Lexicon, dir string) (*Lexicon, []string, error) {
	if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		return base, nil, nil
	}
	var warnings []string
	forms := map[string]string{}
	for _, path := range WordNetFiles(dir) {
		if err := ctx.Err(); err != nil {
			return base, warnings, err
		}
		f, err := os.Open(path)
		if err != nil {
			warnings = append(warnings, fmt.Sprintf("wordnet: %v", err))
			continue
		}
		pairs, err := ReadExceptions(f)
		f.Close()
		if err != nil {
			warnings = append(warnings, fmt.Sprintf("wordnet: %s: %v", path, err))
			continue
		}
		for _, p := range pairs {
			if _, ok := forms[p[0]]; !ok {
				forms[p[0]] = p[1]
			}
		}
	}
	if len(forms) == 0 {
		return base, warnings, nil
	}
	out := &Lexicon{}
	if base != nil {
		c := *base
		c.fingerprint = ""
		out = &c
	}
	out.setForms(forms)
	return out, warnings, nil
}

// ReadExceptions parses a WordNet exception list ("bought buy", one
// inflected form and its base forms per line, words of a phrase joined
// by underscores) into inflected form → first base form pairs, in file
// order. Phrases and forms equal to their base are left out; a line of
// one word is an error naming its number.
func ReadExceptions(r io.Reader) ([][2]string, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 256), maxExceptionLine)
	var out [][2]string
	line := 0
	for sc.Scan() {
		line++
		f := strings.Fields(sc.Text())
		if len(f) == 0 {
			continue
		}
		if len(f) < 2 {
			return nil, fmt.Errorf("line %d: %q has no base form", line, sc.Text())
		}
		form, base := normalizeKey(f[0]), normalizeKey(f[1])
		if form == "" || base == "" || form == base || strings.ContainsRune(form+base, '_') {
			continue
		}
		out = append(out, [2]string{form, base})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("line %d: %w", line+1, err)
	}
	return out, nil
}

// setForms replaces l's English base forms with forms.
func (l *Lexicon) setForms(forms map[string]string) {
	l.forms = make([]string, 0, len(forms))
	for f := range forms {
		l.forms = append(l.forms, f)
	}
	slices.Sort(l.forms)
	l.bases = make([]string, len(l.forms))
	for i, f := range l.forms {
		l.bases[i] = forms[f]
	}
}

// BaseForm returns the base form of an English word that inflects
// irregularly (*bought* → *buy*, *went* → *go*, *mice* → *mouse*), as
// WordNet's exception lists give it, and word itself otherwise or when
// the lexicon holds no such list. word must be lower-case.
func (l *Lexicon) BaseForm(word string) string {
	if l == nil {
		return word
	}
	if i, ok := slices.BinarySearch(l.forms, word); ok {
		return l.bases[i]
	}
	return word
}

// BaseForms returns how many English irregular forms the lexicon maps to
// their base (see BaseForm).
func (l *Lexicon) BaseForms() int {
	if l == nil {
		return 0
	}
	return len(l.forms)
}
