package lexicon

import (
	"cmp"
	"regexp"
	"slices"
	"strings"
	"unicode"
)

// A catalogue's messages of more than one word are a parallel corpus as
// well: "Delete comment" and "Видалити коментар", "Insert comment" and
// "Вставити коментар" say that коментар is comment. IBM Model 1 (Brown
// et al., 1993) learns which word of a translation renders which word of
// its English by expectation–maximisation over every message, and a word
// is kept only where both directions agree — the foreign word's likeliest
// English has it for its likeliest rendering — the symmetrised alignment
// of statistical machine translation. Counting how often two words share
// a message (a Dice coefficient) was measured first and cost origins
// (docs/EVALUATION.md, session 11): a word co-occurs with every common
// word of its messages, which Model 1 explains away.

const (
	// alignIterations of expectation–maximisation; Model 1's likelihood
	// has a single optimum, reached to within what ranks the words
	// after a few.
	alignIterations = 6
	// alignMaxWords bounds a message taken into the alignment: long ones
	// (help texts, tooltips) add more pairs of unrelated words than they
	// teach.
	alignMaxWords = 12
	// alignMinCount is how many messages a word must appear in for its
	// alignment to be kept.
	alignMinCount = 3
	// alignMinProb is the least probability of its English the word
	// must have.
	alignMinProb = 0.3
)

// nullWord is the empty word Model 1 lets a target word come from when no
// source word renders it (an article, a case ending's preposition).
const nullWord = "\x00"

// markup matches what a message holds besides words: tags, printf and
// LibreOffice placeholders, entities.
var markup = regexp.MustCompile(`<[^>]*>|%[A-Za-z0-9_]+|\$[A-Za-z0-9_]+\$?|\{[^}]*\}|&[a-z]+;`)

// alignWords returns the English words and the translation's words of a
// message, or false when it is not one to align: either side empty or
// longer than alignMaxWords, or the translation written without spaces
// between its words (Chinese, Japanese), whose runs are no words. A word
// of the translation that is one of the English (a product's name) is
// left out.
func alignWords(m moMessage) (en, tr []string, ok bool) {
	clean := func(s string) string { return markup.ReplaceAllString(cleanMessage(s), " ") }
	for _, w := range strings.FieldsFunc(clean(m.id), func(r rune) bool { return (r < 'a' || r > 'z') && (r < 'A' || r > 'Z') }) {
		en = append(en, strings.ToLower(w))
	}
	for _, w := range strings.FieldsFunc(clean(m.str), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsMark(r) && r != '\'' && r != '’' && r != 'ʼ'
	}) {
		w = strings.Trim(w, "'’ʼ")
		switch {
		case w == "" || strings.ContainsFunc(w, unicode.IsDigit) || slices.Contains(en, strings.ToLower(w)):
			continue // a number, or a name or word left in English
		case strings.ContainsFunc(w, func(r rune) bool {
			return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul, unicode.Thai)
		}):
			return nil, nil, false // a script without spaces: a run is no word
		}
		if k := normalizeKey(w); k != "" {
			tr = append(tr, k)
		}
	}
	if len(en) == 0 || len(tr) == 0 || len(en) > alignMaxWords || len(tr) > alignMaxWords {
		return nil, nil, false
	}
	return en, tr, true
}

// ibm1 trains Model 1 on pairs of (source, target) word lists and returns
// t[target][source], the probability that source renders as target,
// nullWord among the sources.
func ibm1(pairs [][2][]string) map[string]map[string]float64 {
	var t map[string]map[string]float64 // nil: uniform, the first iteration
	for range alignIterations {
		count := map[string]map[string]float64{}
		total := map[string]float64{}
		for _, p := range pairs {
			src := append(slices.Clip(p[0]), nullWord)
			for _, f := range p[1] {
				z := 0.0
				for _, e := range src {
					z += prob(t, f, e)
				}
				if count[f] == nil {
					count[f] = map[string]float64{}
				}
				for _, e := range src {
					c := prob(t, f, e) / z
					count[f][e] += c
					total[e] += c
				}
			}
		}
		for _, es := range count {
			for e, c := range es {
				es[e] = c / total[e]
			}
		}
		t = count
	}
	return t
}

func prob(t map[string]map[string]float64, f, e string) float64 {
	if t == nil {
		return 1
	}
	return t[f][e]
}

// alignedWords returns, for the foreign words of pairs (English, foreign)
// that appear in alignMinCount messages or more, the English word both
// directions of Model 1 agree on, with probability alignMinProb at least.
func alignedWords(pairs [][2][]string) map[string]string {
	reversed := make([][2][]string, len(pairs))
	messages := map[string]int{}
	for i, p := range pairs {
		reversed[i] = [2][]string{p[1], p[0]}
		for _, f := range uniq(p[1]) {
			messages[f]++
		}
	}
	toForeign := ibm1(pairs)    // [foreign][English]: p(foreign | English)
	toEnglish := ibm1(reversed) // [English][foreign]: p(English | foreign)
	// best returns the key of m with the highest value, nullWord aside;
	// ties in key order.
	best := func(m map[string]float64) (string, float64) {
		var k string
		var v float64
		for c, p := range m {
			if c != nullWord && (p > v || p == v && c < k) {
				k, v = c, p
			}
		}
		return k, v
	}
	bestForeign := map[string]string{} // English → its likeliest rendering
	for e, fs := range transpose(toForeign) {
		bestForeign[e], _ = best(fs)
	}
	byForeign := transpose(toEnglish)
	out := map[string]string{}
	for f, es := range byForeign {
		if f == nullWord || messages[f] < alignMinCount {
			continue
		}
		if e, p := best(es); e != "" && p >= alignMinProb && bestForeign[e] == f {
			out[f] = e
		}
	}
	return out
}

// transpose returns m with its two keys swapped: m[a][b] is
// transpose(m)[b][a].
func transpose(m map[string]map[string]float64) map[string]map[string]float64 {
	out := map[string]map[string]float64{}
	for a, bs := range m {
		for b, v := range bs {
			if out[b] == nil {
				out[b] = map[string]float64{}
			}
			out[b][a] = v
		}
	}
	return out
}

// uniq returns the distinct words of ws, sorted.
func uniq(ws []string) []string {
	out := slices.Clone(ws)
	slices.SortFunc(out, cmp.Compare)
	return slices.Compact(out)
}
