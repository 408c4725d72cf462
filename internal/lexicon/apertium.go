package lexicon

import (
	"context"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"
)

// Apertium, the rule-based translation platform, ships its language pairs
// as Debian packages (apertium-rus-ukr, apertium-hbs-eng …) whose
// bilingual dictionaries, compiled to lttoolbox transducers, map lemmas of
// one language to lemmas of the other: /usr/share/apertium/apertium-rus-ukr
// /ukr-rus.autobil.bin takes Ukrainian to Russian. A bidix with English on
// its right side adds a language's English table directly, like a FreeDict
// X→English dictionary; one between two other languages lets the language
// on its left borrow the English of the right one's table where its own is
// small (Ukrainian through Russian), composed and ranked like a bridge.
// A pair's morphological analyser (xxx-yyy.automorf.bin, of language xxx)
// adds the word forms our stemmers cannot reduce to a known lemma
// (addInflections). The rest of a pair (tagger, transfer rules) is not
// read. The data is GPL: read where it is installed, never shipped.

// DefaultApertiumDir is where Debian installs Apertium's language data.
const DefaultApertiumDir = "/usr/share/apertium"

const (
	// apertiumMaxDepth bounds the symbols followed along one path: lemmas
	// are shorter, and the bound keeps the walk finite on loops.
	apertiumMaxDepth = 64
	// apertiumMaxPairs bounds the lemma pairs taken from one dictionary.
	apertiumMaxPairs = 1 << 21
	// apertiumStepsPerArc bounds the walk: a dictionary's paths share
	// their arcs, and a real one is walked in well under this many steps
	// per arc, while a damaged file could spell exponentially many paths.
	apertiumStepsPerArc = 256
	// apertiumClassArcs: this many letters each leading from one state to
	// one other, unchanged, spell a character class ("any letter"), which
	// some dictionaries use to pass unknown names through, not a word.
	apertiumClassArcs = 16
)

// bidixPair is one lemma pair of an Apertium bilingual dictionary.
type bidixPair struct{ left, right string }

// lemmaPairs returns the single-word lemma pairs of every section of a
// compiled bilingual dictionary, in the transducer's order, each once. A
// path spells the left lemma, then its tags; the right lemma's letters are
// aligned with the left's symbol by symbol, so they may run on over the
// left's tags (врода<n><f> : красота<n><f> pairs <n> with т). Paths through
// digits, spaces or punctuation (numbers, multiword entries) or character
// classes (see apertiumClassArcs) are skipped.
func (f *ltFile) lemmaPairs() []bidixPair {
	var pairs pairSet
	for i := range f.sections {
		w := newPathWalk(&f.sections[i])
		var walk func(q int32, in, o []rune, tail bool, depth int)
		walk = func(q int32, in, o []rune, tail bool, depth int) {
			if tail && w.s.final[q] {
				pairs.add(in, o, true)
			}
			if !w.enter(q, depth) {
				return
			}
			defer w.leave(q)
			for _, a := range w.s.arcs[q] {
				switch {
				case w.skips(q, a):
				case a.in < 0 || tail:
					// The left lemma is over: collect the right one's
					// remaining letters up to its first tag.
					switch {
					case a.in > 0 || len(in) == 0:
					case a.out < 0:
						pairs.add(in, o, true)
					default:
						walk(a.to, in, appendLetter(o, a.out), true, depth+1)
					}
				case (a.in == 0 || lemmaRune(rune(a.in))) && (a.out <= 0 || lemmaRune(rune(a.out))):
					walk(a.to, appendLetter(in, a.in), appendLetter(o, a.out), false, depth+1)
				}
			}
		}
		walk(w.s.initial, nil, nil, false, 0)
	}
	return pairs.out
}

// analyses returns the (surface form, lemma) pairs of a compiled
// morphological analyser (*.automorf.bin): a path spells a word form on
// its left side and, on its right, the lemma followed by tags (dijo :
// decir<vblex><ifi><p3><sg>); the right side's letters after its first
// tag (enclitics, compound parts) are not the lemma's. Forms equal to
// their lemma are left out, as are paths through anything but letters
// and character classes.
func (f *ltFile) analyses() []bidixPair {
	var pairs pairSet
	for i := range f.sections {
		w := newPathWalk(&f.sections[i])
		var walk func(q int32, in, o []rune, tagged bool, depth int)
		walk = func(q int32, in, o []rune, tagged bool, depth int) {
			if tagged && w.s.final[q] {
				pairs.add(in, o, false)
			}
			if !w.enter(q, depth) {
				return
			}
			defer w.leave(q)
			for _, a := range w.s.arcs[q] {
				if w.skips(q, a) || a.in < 0 || (a.in > 0 && !lemmaRune(rune(a.in))) {
					continue
				}
				next := appendLetter(in, a.in)
				switch {
				case a.out < 0:
					walk(a.to, next, o, true, depth+1)
				case tagged || a.out == 0:
					walk(a.to, next, o, tagged, depth+1)
				case lemmaRune(rune(a.out)):
					walk(a.to, next, appendLetter(o, a.out), false, depth+1)
				}
			}
		}
		walk(w.s.initial, nil, nil, false, 0)
	}
	return pairs.out
}

// pairSet collects the pairs a walk spells, cleaned (cleanLemma), each
// once, up to apertiumMaxPairs.
type pairSet struct {
	out  []bidixPair
	seen map[bidixPair]bool
}

// add adds the pair left, right unless a side cleans to nothing, or, when
// same is false, both sides are the same word.
func (ps *pairSet) add(left, right []rune, same bool) {
	p := bidixPair{left: cleanLemma(string(left)), right: cleanLemma(string(right))}
	if p.left == "" || p.right == "" || (!same && p.left == p.right) || ps.seen[p] || len(ps.out) >= apertiumMaxPairs {
		return
	}
	if ps.seen == nil {
		ps.seen = map[bidixPair]bool{}
	}
	ps.seen[p] = true
	ps.out = append(ps.out, p)
}

// pathWalk holds the rules both walks of a section share: a path never
// enters a state it is already on, nor a character class (see
// apertiumClassArcs), nor goes deeper than apertiumMaxDepth, and the
// whole walk takes at most apertiumStepsPerArc steps per arc, a budget a
// real dictionary stays well under while a damaged file could spell
// exponentially many paths.
type pathWalk struct {
	s      *ltSection
	onPath []bool
	class  []int32
	steps  int
}

func newPathWalk(s *ltSection) *pathWalk {
	w := &pathWalk{s: s, onPath: make([]bool, len(s.arcs)), class: charClasses(s), steps: 1 << 16}
	for _, as := range s.arcs {
		w.steps += apertiumStepsPerArc * len(as)
	}
	return w
}

// enter reports whether the walk may go on from state q, reached at
// depth, and puts q on the path; leave takes it off.
func (w *pathWalk) enter(q int32, depth int) bool {
	if w.steps--; depth >= apertiumMaxDepth || w.steps < 0 {
		return false
	}
	w.onPath[q] = true
	return true
}

func (w *pathWalk) leave(q int32) { w.onPath[q] = false }

// skips reports whether arc a from state q leads back onto the path or
// into a character class.
func (w *pathWalk) skips(q int32, a ltArc) bool {
	return w.onPath[a.to] || (a.in > 0 && a.in == a.out && w.class[q] == a.to)
}

// charClasses returns, for each state of s, the state that
// apertiumClassArcs or more unchanged letters lead to from it, or -1.
func charClasses(s *ltSection) []int32 {
	class := make([]int32, len(s.arcs))
	count := map[int32]int{}
	for q, as := range s.arcs {
		class[q] = -1
		if len(as) < apertiumClassArcs {
			continue
		}
		clear(count)
		for _, a := range as {
			if a.in > 0 && a.in == a.out {
				if count[a.to]++; count[a.to] == apertiumClassArcs {
					class[q] = a.to
				}
			}
		}
	}
	return class
}

// appendLetter returns o with the symbol appended when it is a code point
// (not a tag or nothing), never sharing o's array.
func appendLetter(o []rune, sym int32) []rune {
	if sym <= 0 {
		return o
	}
	return append(o[:len(o):len(o)], rune(sym))
}

// lemmaRune reports whether r may be part of a one-word lemma.
func lemmaRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsMark(r) || r == '-' || r == '\'' || r == '’' ||
		unicode.Is(unicode.No, r) // superscript homonym numbers, cut by cleanLemma
}

// cleanLemma drops the homonym number some dictionaries append
// (отказывать¹) and normalises the lemma as a lexicon key.
func cleanLemma(s string) string {
	s = strings.TrimRightFunc(s, func(r rune) bool { return unicode.Is(unicode.No, r) })
	if strings.IndexFunc(s, func(r rune) bool { return unicode.Is(unicode.No, r) }) >= 0 {
		return ""
	}
	return normalizeKey(strings.Trim(s, "-'’"))
}

// apertiumFile is one compiled file of an Apertium pair found on disk.
type apertiumFile struct {
	path     string
	from, to string // two-letter codes; an analyser is of from
}

// Apertium's compiled files of a language pair xxx-yyy: the bilingual
// dictionary from xxx to yyy, and the morphological analyser of xxx.
const (
	bidixSuffix    = ".autobil.bin"
	analyserSuffix = ".automorf.bin"
)

// findCompiled lists dir's Apertium files DIR/*/xxx-yyy<suffix> in a language
// newstrace knows on both sides, sorted by path.
func findCompiled(dir, suffix string) ([]apertiumFile, []string, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*", "*"+suffix))
	if err != nil {
		return nil, nil, fmt.Errorf("lexicon: %w", err)
	}
	var out []apertiumFile
	var warnings []string
	for _, p := range paths {
		name := strings.TrimSuffix(filepath.Base(p), suffix)
		from, to, ok := strings.Cut(name, "-")
		if !ok || !langCode(from) || !langCode(to) {
			continue // a variant (cat-eng_US) or a domain (eco-es-fr)
		}
		f, t := apertiumLang(from), apertiumLang(to)
		if f == "" || t == "" || f == t {
			warnings = append(warnings, fmt.Sprintf("%s: skipped: unknown language code", p))
			continue
		}
		out = append(out, apertiumFile{path: p, from: f, to: t})
	}
	slices.SortFunc(out, func(a, b apertiumFile) int { return strings.Compare(a.path, b.path) })
	return out, warnings, nil
}

// langCode reports whether s looks like a language code: two or three
// lower-case letters.
func langCode(s string) bool {
	if len(s) < 2 || len(s) > 3 {
		return false
	}
	for i := range len(s) {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return true
}

// apertiumLang maps an Apertium language code (ISO 639-3, or 639-1 in
// older pairs) to ours. Serbo-Croatian (hbs) is read as Croatian: its
// dictionaries are in Latin letters, which Croatian writes.
func apertiumLang(code string) string {
	if code == "hbs" {
		return "hr"
	}
	return canonLang(code)
}

// readCompiled reads an lttoolbox file.
func readCompiled(path string) (*ltFile, error) {
	r, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("lexicon: %w", err)
	}
	defer r.Close()
	f, err := readLTToolbox(r)
	if err != nil {
		return nil, fmt.Errorf("lexicon: %s: %w", path, err)
	}
	return f, nil
}

// readBidix reads the lemma pairs of one compiled bilingual dictionary.
func readBidix(path string) ([]bidixPair, error) {
	f, err := readCompiled(path)
	if err != nil {
		return nil, err
	}
	return f.lemmaPairs(), nil
}

// analysers picks, for each language but English, the largest of its
// analysers among files (several pairs ship one for the same language).
func analysers(files []apertiumFile) []apertiumFile {
	best := map[string]apertiumFile{}
	size := map[string]int64{}
	for _, f := range files {
		info, err := os.Stat(f.path)
		if err != nil || f.from == "en" {
			continue
		}
		if info.Size() > size[f.from] {
			best[f.from], size[f.from] = f, info.Size()
		}
	}
	out := slices.Collect(maps.Values(best))
	slices.SortFunc(out, func(a, b apertiumFile) int { return strings.Compare(a.path, b.path) })
	return out
}

// addInflections gives the word forms of an analyser that are not
// headwords of the lexicon the English of their lemmas, ranked after
// everything else: Ukrainian дякую, скажіть, мені find дякувати,
// сказати, я. A form the lexicon reaches only through its suffix rules
// or a relative's table is given its lemmas' senses too, unless those
// routes find each of them already: the rules read роботу as робот
// *robot*, and it is the accusative of робота *work* as well (session 12:
// WMT22 uk-en 0.884 → 0.897). A form of two lemmas takes their first
// senses in turn (interleaveSenses). It returns the lexicon and the forms
// added.
func addInflections(ctx context.Context, l *Lexicon, af apertiumFile) (*Lexicon, int, error) {
	f, err := readCompiled(af.path)
	if err != nil {
		return l, 0, err
	}
	var forms []string
	lemmas := map[string][]string{}
	for _, p := range f.analyses() {
		if _, ok := lemmas[p.left]; !ok {
			forms = append(forms, p.left)
		}
		lemmas[p.left] = append(lemmas[p.left], p.right)
	}
	t := l.table(af.from)
	b, n := newBuilder(), 0
	for i, form := range forms {
		if i%4096 == 0 && ctx.Err() != nil {
			return nil, 0, ctx.Err()
		}
		if t != nil {
			if _, ok := t.lookup(normalizeKey(form)); ok {
				continue
			}
		}
		senses := make([][]string, 0, len(lemmas[form]))
		for _, lemma := range lemmas[form] {
			if en := l.ToEnglish(af.from, lemma); len(en) > 0 {
				senses = append(senses, en[:min(len(en), bridgeKeep)])
			}
		}
		en := interleaveSenses(senses)
		if len(en) == 0 || containsAll(l.ToEnglish(af.from, form), en) {
			continue
		}
		b.addDirect(af.from, form, en)
		n++
	}
	if n == 0 {
		return l, 0, nil
	}
	return mergeBridged(l, b.build()), n, nil
}

// interleaveSenses lists the first sense of each list, then the second of
// each, and so on, each English word once: the matcher takes a word's
// first senses (match.maxTranslations), and a form of two lemmas needs
// both represented there.
func interleaveSenses(lists [][]string) []string {
	var out []string
	for k := 0; ; k++ {
		more := false
		for _, l := range lists {
			if k < len(l) {
				more = true
				if !slices.Contains(out, l[k]) {
					out = append(out, l[k])
				}
			}
		}
		if !more {
			return out
		}
	}
}

// containsAll reports whether have holds every word of want.
func containsAll(have, want []string) bool {
	for _, w := range want {
		if !slices.Contains(have, w) {
			return false
		}
	}
	return true
}

// AddApertium returns base with the Apertium pairs of dir (normally
// DefaultApertiumDir) added, in three passes: the X→English bilingual
// dictionaries, as direct translations beside base's own; the X→Y ones,
// composed through Y's English table, for a language X whose table has
// fewer than bridgeMaxHeadwords headwords (both as they stand after the
// first pass); and the analysers of inflectedLanguages (addInflections).
// What the last two add ranks after everything else for a word.
// English→X dictionaries are left out (Debian's pairs ship the other
// direction too). A missing directory adds nothing; an unreadable file is
// skipped with a warning.
func AddApertium(ctx context.Context, base *Lexicon, dir string) (*Lexicon, []string, error) {
	files, warnings, err := findCompiled(dir, bidixSuffix)
	if err != nil {
		return base, warnings, err
	}
	out := base
	for _, toEnglish := range []bool{true, false} {
		b, added, size := newBuilder(), 0, out.Stats()
		for _, bf := range files {
			if err := ctx.Err(); err != nil {
				return nil, nil, err
			}
			if bf.from == "en" || (bf.to == "en") != toEnglish ||
				(!toEnglish && (size[bf.from] >= bridgeMaxHeadwords || out.table(bf.to) == nil)) {
				continue
			}
			pairs, err := readBidix(bf.path)
			if err != nil {
				warnings = append(warnings, fmt.Sprintf("%s: skipped: %v", bf.path, err))
				continue
			}
			n := 0
			for _, p := range pairs {
				en := []string{cleanEnglish(p.right)}
				if !toEnglish {
					// Each right lemma's first senses, in the dictionary's
					// order; weighing the right lemmas' agreement as the
					// FreeDict bridge does (compose) was measured a wash.
					if en = out.ToEnglish(bf.to, p.right); len(en) == 0 {
						continue
					}
				}
				b.addDirect(bf.from, p.left, en[:min(len(en), bridgeKeep)])
				n++
			}
			added += n
			how := "to English"
			if !toEnglish {
				how = "through " + bf.to
			}
			warnings = append(warnings, fmt.Sprintf("%s: %d words %s (Apertium %s)", bf.from, n, how, filepath.Base(bf.path)))
		}
		switch {
		case added == 0:
		case toEnglish:
			out = Merge(out, b.build())
		default:
			out = mergeBridged(out, b.build())
		}
	}
	morf, w, err := findCompiled(dir, analyserSuffix)
	if err != nil {
		return base, warnings, err
	}
	warnings = append(warnings, w...)
	for _, af := range analysers(morf) {
		if out.table(af.from) == nil || !inflectedLanguages[af.from] {
			continue
		}
		l, n, err := addInflections(ctx, out, af)
		if err != nil {
			if ctx.Err() != nil {
				return nil, nil, err
			}
			warnings = append(warnings, fmt.Sprintf("%s: skipped: %v", af.path, err))
			continue
		}
		out = l
		warnings = append(warnings, fmt.Sprintf("%s: %d word forms through their lemmas (Apertium %s)", af.from, n, filepath.Base(af.path)))
	}
	return out, warnings, nil
}

// inflectedLanguages are those whose Apertium analyser's word forms are
// added (addInflections): the ones measured (WMT22 uk-en, en-hr, fr-de,
// ru-en). Spanish, Italian and Catalan would add half a million to a
// million forms each, 60 MB to a lexicon every command loads, for no
// figure on our data. A read-only table.
var inflectedLanguages = map[string]bool{"uk": true, "hr": true, "fr": true, "ru": true}
