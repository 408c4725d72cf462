package lexicon

import (
	"cmp"
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode"
)

// Bridging gives a language with little English coverage translations
// composed through a third language: FreeDict has no Russian→English
// dictionary and a small English→Russian one (about 1,250 usable Russian
// headwords), but a German→Russian one of 22,000 entries, and German has a
// large English table. A Russian word then maps to the English words of the
// German words that translate to it:
//
//	война ← Krieg (deu-rus)   Krieg → war, warfare (deu-eng)   ⇒ война → war, warfare
//
// Composition is lossy: every polysemous pivot word adds its other senses.
// Only the first senses on each side are used, translations that several
// pivot words agree on rank first, and a word whose pivots scatter over many
// unrelated English words is dropped rather than guessed.
const (
	// bridgeMaxHeadwords: a language is bridged only while its English
	// table (direct and inverted dictionaries) has fewer headwords than
	// this. Below it a news text misses most of its content words (ru has
	// 1,246, tr 1,023); above it (nl 22,000, pl 48,500) the table is
	// already dense where news needs it, and composed guesses would only
	// add noise behind the dictionary's own translations.
	bridgeMaxHeadwords = 10000
	// bridgeMinPivot: the pivot language needs an English table twice
	// bridgeMaxHeadwords or more, or the composition adds little. At
	// 20,000 Polish (pol-eng and the inverted eng-pol, 48,500 headwords),
	// Dutch and Greek pivot beside German and Japanese (session 8: from
	// 50,000, where only those two did; see docs/EVALUATION.md).
	bridgeMinPivot = 20000
	// bridgeSenses is how many senses are followed on each side: a bridged
	// word must be among the first bridgeSenses translations of a pivot
	// entry, and each pivot word contributes its first bridgeSenses English
	// words.
	bridgeSenses = 3
	// bridgePivots bounds the pivot entries followed per bridged word, the
	// best-ranked first.
	bridgePivots = 6
	// bridgeFanout: when a word's pivots give more distinct English words
	// than this, only those at least two pivots agree on are kept, and
	// none if they agree on nothing.
	bridgeFanout = 6
	// bridgeKeep is how many composed translations a word keeps.
	bridgeKeep = 4
)

// bridgePair is a dictionary without an English side, to compose through.
type bridgePair struct {
	dictPair
	target, pivot string // languages (two-letter) of the bridged and pivot sides
	targetIsHead  bool   // the target language is the dictionary's headword side
}

// pivotSighting is one pivot entry that offers a bridged word.
type pivotSighting struct {
	entry uint32 // pivot entry number, unique across the bridge dictionaries
	pos   uint32 // the bridged word's position in that entry
}

// bridgeStats counts what one bridge dictionary contributed.
type bridgeStats struct {
	words, fannedOut int
}

// bridgeRule says which languages are bridged: those with fewer than
// maxHeadwords English headwords, through a language with at least
// minPivot.
type bridgeRule struct {
	maxHeadwords, minPivot int
}

var defaultBridgeRule = bridgeRule{maxHeadwords: bridgeMaxHeadwords, minPivot: bridgeMinPivot}

// pick chooses, for each dictionary of pairs, the side to bridge into,
// given the headword counts of the English tables.
func (rule bridgeRule) pick(pairs []dictPair, stats map[string]int) ([]bridgePair, []string) {
	needs := func(target, pivot string) bool {
		return target != "" && pivot != "" && stats[target] < rule.maxHeadwords && stats[pivot] >= rule.minPivot
	}
	var out []bridgePair
	var warnings []string
	for _, p := range pairs {
		from, to := canonLang(p.from), canonLang(p.to)
		switch {
		case needs(to, from):
			out = append(out, bridgePair{dictPair: p, target: to, pivot: from})
		case needs(from, to):
			out = append(out, bridgePair{dictPair: p, target: from, pivot: to, targetIsHead: true})
		default:
			warnings = append(warnings, fmt.Sprintf("%s: not bridged: neither side has under %d English headwords with the other above %d", p.name, rule.maxHeadwords, rule.minPivot))
		}
	}
	return out, warnings
}

// bridge composes the bridge dictionaries through base's English tables and
// returns the composed translations as a lexicon for mergeBridged.
func bridge(ctx context.Context, base *Lexicon, pairs []bridgePair) (*Lexicon, []string, error) {
	type key struct{ lang, word string }
	sightings := map[key][]pivotSighting{}
	var entries [][]string // pivot entry number → its English words
	var warnings []string
	var order []key // first sighting order, for a deterministic build
	for _, p := range pairs {
		pt := base.table(p.pivot)
		if pt == nil {
			continue
		}
		// The English of a pivot word: its first bridgeSenses senses.
		english := func(w string) []string {
			i, ok := pt.lookup(w)
			if !ok {
				return nil
			}
			var out []string
			for j, e := range base.words(pt, i) {
				if j == bridgeSenses {
					break
				}
				if !slices.Contains(out, e) {
					out = append(out, e)
				}
			}
			return out
		}
		parse := parseAnyEntry
		if !p.targetIsHead {
			// The entry's own headword goes first: its aliases include
			// kana readings, which jpn-eng gives the senses of every
			// homophone (さつ: police, banknote). The target's script
			// keeps a WikDict definition out.
			parse = func(text string, _ bool) []string {
				return append([]string{entryHead(text)}, scriptEntry(text, p.target)...)
			}
		}
		var lastOff, lastSize uint64
		entry := -1
		err := readDictd(ctx, p.index, p.dict, parse, func(rec indexRecord, cands []string) {
			if p.targetIsHead {
				// target word → pivot words: the English of the first
				// pivot senses, one entry each, so that they can agree.
				for pos, c := range cands {
					if pos == bridgeSenses {
						break
					}
					e := english(c)
					if len(e) == 0 {
						continue
					}
					entries = append(entries, e)
					k := key{p.target, rec.key}
					if sightings[k] == nil {
						order = append(order, k)
					}
					sightings[k] = append(sightings[k], pivotSighting{uint32(len(entries) - 1), uint32(pos)})
				}
				return
			}
			// pivot word → target words. Aliases of one entry share it
			// and stand in only for a headword line that names nothing:
			// a kana alias of a headword without English (察, さつ) would
			// bring every homophone's senses.
			if entry >= 0 && rec.off == lastOff && rec.size == lastSize {
				return
			}
			lastOff, lastSize = rec.off, rec.size
			head, cands := cands[0], cands[1:]
			if head == "" {
				head = rec.key
			}
			e := english(head)
			entries = append(entries, e)
			entry = len(entries) - 1
			for pos, c := range cands {
				if pos == bridgeSenses {
					break
				}
				k := key{p.target, c}
				if sightings[k] == nil {
					order = append(order, k)
				}
				sightings[k] = append(sightings[k], pivotSighting{uint32(entry), uint32(pos)})
			}
		})
		if err != nil {
			if ctx.Err() != nil {
				return nil, nil, err
			}
			warnings = append(warnings, fmt.Sprintf("%s: skipped: %v", p.name, err))
		}
	}
	b := newBuilder()
	var st bridgeStats
	for _, k := range order {
		tr, ok := compose(sightings[k], entries)
		if !ok {
			st.fannedOut++
			continue
		}
		if len(tr) > 0 {
			st.words++
			b.addDirect(k.lang, k.word, tr)
		}
	}
	if len(pairs) > 0 {
		langs := map[string]bool{}
		for _, p := range pairs {
			langs[p.target] = true
		}
		warnings = append(warnings, fmt.Sprintf("bridged %d headwords of %s through a third language; dropped %d whose pivots disagree",
			st.words, strings.Join(slices.Sorted(maps.Keys(langs)), ", "), st.fannedOut))
	}
	return b.build(), warnings, nil
}

// compose ranks the English words reached through a bridged word's pivot
// entries: those more pivots agree on first, then by the sum of the two
// positions (pivot sense, English sense). It reports false when the pivots
// fan out over too many English words without agreeing.
func compose(sights []pivotSighting, entries [][]string) ([]string, bool) {
	slices.SortStableFunc(sights, func(a, b pivotSighting) int { return cmp.Compare(a.pos, b.pos) })
	type cand struct {
		word       string
		support    int
		rank, seen int
	}
	var cands []cand
	used := map[uint32]bool{}
	for _, s := range sights {
		if len(used) == bridgePivots {
			break
		}
		if used[s.entry] || len(entries[s.entry]) == 0 {
			continue
		}
		used[s.entry] = true
		for j, e := range entries[s.entry] {
			i := slices.IndexFunc(cands, func(c cand) bool { return c.word == e })
			if i < 0 {
				cands = append(cands, cand{word: e, rank: int(s.pos) + j, seen: len(cands)})
				i = len(cands) - 1
			}
			cands[i].support++
			cands[i].rank = min(cands[i].rank, int(s.pos)+j)
		}
	}
	slices.SortFunc(cands, func(a, b cand) int {
		if c := cmp.Compare(b.support, a.support); c != 0 {
			return c
		}
		if c := cmp.Compare(a.rank, b.rank); c != 0 {
			return c
		}
		return cmp.Compare(a.seen, b.seen)
	})
	if len(cands) > bridgeFanout {
		agreed := 0
		for agreed < len(cands) && cands[agreed].support >= 2 {
			agreed++
		}
		if agreed == 0 {
			return nil, false
		}
		cands = cands[:agreed]
	}
	out := make([]string, 0, min(len(cands), bridgeKeep))
	for _, c := range cands[:min(len(cands), bridgeKeep)] {
		out = append(out, c.word)
	}
	return out, true
}

// scripts are the writing systems of languages whose words a bridge
// dictionary may embed in text of another script; entries of deu-rus
// follow the Russian words with German definitions, and jpn-rus glues
// them to English usage notes.
var scripts = map[string]*unicode.RangeTable{
	"ru": unicode.Cyrillic, "uk": unicode.Cyrillic, "be": unicode.Cyrillic,
	"bg": unicode.Cyrillic, "mk": unicode.Cyrillic, "el": unicode.Greek,
	"hi": unicode.Devanagari, "ar": unicode.Arabic, "he": unicode.Hebrew,
	"ka": unicode.Georgian, "hy": unicode.Armenian, "th": unicode.Thai,
}

// entryHead returns the first spelling on an entry's headword line,
// normalised: "Polizei" of "Polizei /ˌpoliˈt͡saɪ̯/ <n, fem>", "警察" of
// " [ichi1]  警察 /…/, けいさつ /…/".
func entryHead(text string) string {
	line, _, _ := strings.Cut(text, "\n")
	line, _, _ = strings.Cut(stripGroups(line), ",")
	return normalizeKey(line)
}

// scriptEntry extracts the translations of an entry whose translations are
// in lang: with parseEntry's rules where lang has no distinctive script,
// and otherwise as the runs of lang's script in each comma-separated
// piece of every line after the headword, notes included, stress marks
// removed.
func scriptEntry(text, lang string) []string {
	sc := scripts[lang]
	if sc == nil {
		return parseEntry(text)
	}
	_, body, _ := strings.Cut(text, "\n")
	var out []string
	for line := range strings.SplitSeq(body, "\n") {
		t := stripGroups(line)
		for part := range strings.FieldsFuncSeq(t, isPieceSep) {
			if c := scriptRun(part, sc); c != "" && !slices.Contains(out, c) {
				out = append(out, c)
			}
		}
	}
	return out
}

// scriptRun returns the span of s from its first to its last letter of
// script sc, cleaned, or "" when the span holds a letter of another script.
func scriptRun(s string, sc *unicode.RangeTable) string {
	start, end := -1, -1
	for i, r := range s {
		if unicode.Is(sc, r) && unicode.IsLetter(r) {
			if start < 0 {
				start = i
			}
			end = i + len(string(r))
		}
	}
	if start < 0 {
		return ""
	}
	span := s[start:end]
	var b strings.Builder
	for _, r := range span {
		switch {
		case r == '\u0301' || r == '\u0300': // stress marks of Russian dictionaries
			continue
		case unicode.IsLetter(r) && !unicode.Is(sc, r):
			return ""
		}
		b.WriteRune(r)
	}
	return cleanCandidate(b.String())
}
