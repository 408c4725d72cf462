package lexicon

import (
	"maps"
	"slices"
	"strings"
)

// verbMarkers are the words a dictionary writes before a verb to show its
// object or its reflexive pronoun, per language: Ding's German–English
// lists verteidigen only as "etw. verteidigen" and "sich verteidigen",
// entsprechen only as "etw. entsprechen", 2,305 verbs in all (the index
// drops the dots); FreeDict's French lists se souvenir, s'abstenir.
// A read-only table.
var verbMarkers = map[string][]string{
	"de": {"etw", "jdn", "jdm", "jds", "sich", "jmd", "jmdn", "jmdm"},
	"fr": {"se", "s'"},
}

// bareVerb returns the verb of a headword made of verbMarkers of lang and
// one word ("etw verteidigen", "jdm etw. mitteilen", "s'abstenir"), or ""
// when key is no such headword.
func bareVerb(lang, key string) string {
	markers := verbMarkers[lang]
	if len(markers) == 0 {
		return ""
	}
	f := strings.Fields(key)
	n := 0
	for n < len(f) && slices.Contains(markers, strings.TrimSuffix(f[n], ".")) {
		n++
	}
	switch {
	case n > 0 && n == len(f)-1:
		return f[n]
	case len(f) == 1:
		// A marker joined to its verb by an apostrophe (s'abstenir).
		for _, m := range markers {
			if v, ok := strings.CutPrefix(key, m); ok && strings.HasSuffix(m, "'") && v != "" {
				return v
			}
		}
	}
	return ""
}

// addBareVerbs gives a verb that the source lists only with its markers
// (see verbMarkers) a headword of its own, with the translations of every
// marked headword of it, in the order of those headwords. A verb the
// source lists bare keeps its own entries alone: the marked ones are
// other uses of it (sich entsprechen, *correlate*; etw. entsprechen,
// *equal*), not better evidence of its everyday sense.
func (b *builder) addBareVerbs() {
	for lang, m := range b.langs {
		if verbMarkers[lang] == nil {
			continue
		}
		marked := map[string][]string{} // verb → its marked headwords
		for k := range m {
			if v := bareVerb(lang, k); v != "" {
				if _, ok := m[v]; !ok {
					marked[v] = append(marked[v], k)
				}
			}
		}
		for _, v := range slices.Sorted(maps.Keys(marked)) {
			keys := marked[v]
			slices.Sort(keys)
			a := &accum{}
			for _, k := range keys {
				for _, c := range m[k].direct {
					a.direct = addCandidate(a.direct, c)
				}
				for _, c := range m[k].inverse {
					a.inverse = addCandidate(a.inverse, c)
				}
			}
			m[v] = a
		}
	}
}
