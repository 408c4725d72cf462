package lexicon

import (
	"cmp"
	"slices"
	"strings"
)

// maxCandidates bounds the translations gathered per headword while
// importing. Common words of an inverted dictionary ("machen", "dom") turn up
// in hundreds of English entries; past this many only better-ranked ones
// replace the worst.
const maxCandidates = 64

// candidate is one proposed English translation of a headword with the
// evidence used to rank it.
type candidate struct {
	target uint32 // English word id
	count  uint32 // how many entries or sources proposed it
	pos    uint32 // best position within a proposing entry (0 = first listed)
	seq    uint32 // order of first sighting, the last tie-break
	words  uint8  // words in the target: single words rank before phrases
	// confirmed marks a direct translation that the inverted English→X
	// dictionary offers too ("Haus → house" and "house → Haus"); invPos is
	// its position there. Agreement of both directions is the best
	// evidence of the everyday sense that FreeDict's sense order lacks.
	confirmed bool
	invPos    uint32
}

// less reports whether a ranks before b.
func (a candidate) less(b candidate) bool {
	if a.confirmed != b.confirmed {
		return a.confirmed
	}
	if a.confirmed {
		if c := cmp.Compare(a.invPos, b.invPos); c != 0 {
			return c < 0
		}
	}
	if c := cmp.Compare(b.count, a.count); c != 0 {
		return c < 0
	}
	if c := cmp.Compare(a.pos, b.pos); c != 0 {
		return c < 0
	}
	if c := cmp.Compare(a.words, b.words); c != 0 {
		return c < 0
	}
	return a.seq < b.seq
}

func cmpCandidate(a, b candidate) int {
	switch {
	case a.less(b):
		return -1
	case b.less(a):
		return 1
	}
	return 0
}

// addCandidate records one sighting of target in list, keeping at most
// maxCandidates, the best ranked.
func addCandidate(list []candidate, c candidate) []candidate {
	for i := range list {
		if list[i].target == c.target {
			list[i].count += c.count
			list[i].pos = min(list[i].pos, c.pos)
			return list
		}
	}
	if len(list) < maxCandidates {
		return append(list, c)
	}
	worst := 0
	for i := range list {
		if list[worst].less(list[i]) {
			worst = i
		}
	}
	if c.less(list[worst]) {
		list[worst] = c
	}
	return list
}

// rankTargets orders a headword's translations: direct ones first (at most
// maxDirect), then inverted ones not already listed, up to maxTargets in
// all. It returns the target ids and how many are direct.
func rankTargets(direct, inverse []candidate) ([]uint32, int) {
	for i := range direct {
		for _, inv := range inverse {
			if inv.target == direct[i].target {
				direct[i].confirmed, direct[i].invPos = true, inv.pos
				break
			}
		}
	}
	slices.SortFunc(direct, cmpCandidate)
	slices.SortFunc(inverse, cmpCandidate)
	ids := make([]uint32, 0, min(len(direct)+len(inverse), maxTargets))
	for _, c := range direct {
		if len(ids) == maxDirect {
			break
		}
		ids = append(ids, c.target)
	}
	nd := len(ids)
	for _, c := range inverse {
		if len(ids) == maxTargets {
			break
		}
		if !slices.Contains(ids[:nd], c.target) {
			ids = append(ids, c.target)
		}
	}
	return ids, nd
}

func wordCount(s string) uint8 { return uint8(min(strings.Count(s, " ")+1, 255)) }

type accum struct {
	direct, inverse []candidate
}

// builder gathers the translations of one source (a dictionary, a TSV
// list) and freezes them into an immutable Lexicon. English words are
// interned so that a word proposed for thousands of headwords is stored once.
type builder struct {
	vocab []string
	ids   map[string]uint32
	langs map[string]map[string]*accum
	seq   uint32
}

func newBuilder() *builder {
	return &builder{ids: make(map[string]uint32), langs: make(map[string]map[string]*accum)}
}

func (b *builder) intern(s string) uint32 {
	if id, ok := b.ids[s]; ok {
		return id
	}
	s = strings.Clone(s) // s may point into a reused read buffer
	id := uint32(len(b.vocab))
	b.vocab = append(b.vocab, s)
	b.ids[s] = id
	return id
}

func (b *builder) accum(lang, key string) *accum {
	m := b.langs[lang]
	if m == nil {
		m = make(map[string]*accum)
		b.langs[lang] = m
	}
	a := m[key]
	if a == nil {
		a = &accum{}
		m[strings.Clone(key)] = a
	}
	return a
}

func (b *builder) addID(a *accum, id uint32, words uint8, pos int, inverse bool) {
	b.seq++
	c := candidate{target: id, count: 1, pos: uint32(min(pos, 1<<20)), seq: b.seq, words: words}
	if inverse {
		a.inverse = addCandidate(a.inverse, c)
	} else {
		a.direct = addCandidate(a.direct, c)
	}
}

// addDirect records that key (language lang, normalised) translates to the
// cleaned English words english, listed in that order.
func (b *builder) addDirect(lang, key string, english []string) {
	if key == "" || len(english) == 0 {
		return
	}
	a := b.accum(lang, key)
	for pos, e := range english {
		if e != "" {
			b.addID(a, b.intern(e), wordCount(e), pos, false)
		}
	}
}

// addInverse records that the English word english translates to the
// words keys of language lang, listed in that order.
func (b *builder) addInverse(lang, english string, keys []string) {
	if english == "" || len(keys) == 0 {
		return
	}
	id, words := b.intern(english), wordCount(english)
	for pos, k := range keys {
		if k != "" {
			b.addID(b.accum(lang, k), id, words, pos, true)
		}
	}
}

// build freezes the builder. The builder must not be used afterwards.
func (b *builder) build() *Lexicon {
	b.addBareVerbs()
	l := &Lexicon{vocab: b.vocab}
	for lang, m := range b.langs {
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		t := &table{lang: lang, off: make([]uint32, 1, len(keys)+1)}
		for _, k := range keys {
			a := m[k]
			ids, nd := rankTargets(a.direct, a.inverse)
			if len(ids) == 0 {
				continue
			}
			t.keys = append(t.keys, k)
			t.ndirect = append(t.ndirect, uint8(nd))
			t.tgt = append(t.tgt, ids...)
			t.off = append(t.off, uint32(len(t.tgt)))
		}
		if len(t.keys) > 0 {
			t.buildFolds()
			l.tables = append(l.tables, t)
		}
	}
	slices.SortFunc(l.tables, func(x, y *table) int { return strings.Compare(x.lang, y.lang) })
	l.compactVocab()
	return l
}

// compactVocab sorts the English vocabulary and drops words no table uses
// (dropped by the caps), renumbering the targets.
func (l *Lexicon) compactVocab() {
	used := make([]bool, len(l.vocab))
	for _, t := range l.tables {
		for _, id := range t.tgt {
			used[id] = true
		}
	}
	order := make([]uint32, 0, len(l.vocab))
	for id, ok := range used {
		if ok {
			order = append(order, uint32(id))
		}
	}
	slices.SortFunc(order, func(x, y uint32) int { return strings.Compare(l.vocab[x], l.vocab[y]) })
	remap := make([]uint32, len(l.vocab))
	vocab := make([]string, len(order))
	for i, id := range order {
		remap[id] = uint32(i)
		vocab[i] = l.vocab[id]
	}
	for _, t := range l.tables {
		for i, id := range t.tgt {
			t.tgt[i] = remap[id]
		}
	}
	l.vocab = vocab
}

// buildFolds indexes the keys whose accent-folded form differs, so that a
// lookup without accents still finds them.
func (t *table) buildFolds() {
	var ps []foldPair
	for i, k := range t.keys {
		if f := fold(k); f != k {
			ps = append(ps, foldPair{f, uint32(i)})
		}
	}
	t.setFolds(ps)
}

type foldPair struct {
	f string
	k uint32
}

func (t *table) setFolds(ps []foldPair) {
	slices.SortFunc(ps, func(a, b foldPair) int {
		if c := strings.Compare(a.f, b.f); c != 0 {
			return c
		}
		return cmp.Compare(a.k, b.k)
	})
	ps = slices.Compact(ps)
	t.folds = make([]string, len(ps))
	t.foldKey = make([]uint32, len(ps))
	for i, p := range ps {
		t.folds[i], t.foldKey[i] = p.f, p.k
	}
}

// Merge combines lexicons into a new one; the inputs are not changed. For
// each headword, translations from X→English sources rank before inverted
// ones. Among the direct ones, those an inverted English→X source confirms
// come first, then those several sources agree on, then each source's own
// order, earlier arguments first. English base forms (BaseForm) are
// united, an earlier argument's winning.
func Merge(ls ...*Lexicon) *Lexicon {
	return mergeTiers(ls, nil)
}

// mergeBridged adds to base the translations of bridged, composed through a
// third language, ranked after every translation base already has for a
// headword: a composition is weaker evidence than any dictionary with an
// English side.
func mergeBridged(base, bridged *Lexicon) *Lexicon {
	return mergeTiers([]*Lexicon{base, bridged}, []bool{false, true})
}

// mergeTiers is Merge where the lexicons with bridged[i] set rank after all
// the others.
func mergeTiers(ls []*Lexicon, bridged []bool) *Lexicon {
	var keep []*Lexicon
	var tier []bool
	for i, l := range ls {
		if l != nil {
			keep = append(keep, l)
			tier = append(tier, i < len(bridged) && bridged[i])
		}
	}
	ls = keep
	out := &Lexicon{}
	// Union of the sorted vocabularies; remap[i] renumbers lexicon i's ids.
	remap := make([][]uint32, len(ls))
	index := map[string]uint32{}
	for i, l := range ls {
		remap[i] = make([]uint32, len(l.vocab))
		for j, w := range l.vocab {
			id, ok := index[w]
			if !ok {
				id = uint32(len(out.vocab))
				out.vocab = append(out.vocab, w)
				index[w] = id
			}
			remap[i][j] = id
		}
	}
	index = nil

	var langs []string
	for _, l := range ls {
		for _, t := range l.tables {
			langs = append(langs, t.lang)
		}
	}
	slices.Sort(langs)
	for _, lang := range slices.Compact(langs) {
		var srcs []mergeSource
		for i, l := range ls {
			if t := l.table(lang); t != nil {
				srcs = append(srcs, mergeSource{t: t, remap: remap[i], newKey: make([]uint32, len(t.keys)), bridged: tier[i]})
			}
		}
		if t := mergeTables(lang, srcs, out.vocab); len(t.keys) > 0 {
			out.tables = append(out.tables, t)
		}
	}
	out.compactVocab()
	forms := map[string]string{}
	for _, l := range ls {
		for i, f := range l.forms {
			if _, ok := forms[f]; !ok {
				forms[f] = l.bases[i]
			}
		}
	}
	if len(forms) > 0 {
		out.setForms(forms)
	}
	return out
}

type mergeSource struct {
	t      *table
	remap  []uint32 // source vocab id → merged vocab id
	next   int      // cursor into t.keys
	newKey []uint32 // source key index → merged key index
	// bridged sources rank after the others whatever their own tiers.
	bridged bool
}

// mergeTables merges one language's sorted tables key by key.
func mergeTables(lang string, srcs []mergeSource, vocab []string) *table {
	t := &table{lang: lang, off: []uint32{0}}
	var direct, inverse, bridged []candidate
	for {
		// The smallest key under any cursor is the next merged key.
		key, found := "", false
		for _, s := range srcs {
			if s.next < len(s.t.keys) && (!found || s.t.keys[s.next] < key) {
				key, found = s.t.keys[s.next], true
			}
		}
		if !found {
			break
		}
		direct, inverse, bridged = direct[:0], inverse[:0], bridged[:0]
		seq := uint32(0)
		for si := range srcs {
			s := &srcs[si]
			if s.next >= len(s.t.keys) || s.t.keys[s.next] != key {
				continue
			}
			i := s.next
			s.newKey[i] = uint32(len(t.keys))
			s.next++
			nd := int(s.t.ndirect[i])
			for j, id := range s.t.targetIDs(i) {
				seq++
				nid := s.remap[id]
				c := candidate{target: nid, count: 1, seq: seq, words: wordCount(vocab[nid])}
				if s.bridged {
					c.pos = uint32(j)
					bridged = addCandidate(bridged, c)
				} else if j < nd {
					c.pos = uint32(j)
					direct = addCandidate(direct, c)
				} else {
					c.pos = uint32(j - nd)
					inverse = addCandidate(inverse, c)
				}
			}
		}
		ids, nd := rankTargets(direct, inverse)
		slices.SortFunc(bridged, cmpCandidate)
		for _, c := range bridged {
			if len(ids) == maxTargets {
				break
			}
			if !slices.Contains(ids, c.target) {
				ids = append(ids, c.target)
			}
		}
		if len(ids) == 0 {
			continue
		}
		t.keys = append(t.keys, key)
		t.ndirect = append(t.ndirect, uint8(nd))
		t.tgt = append(t.tgt, ids...)
		t.off = append(t.off, uint32(len(t.tgt)))
	}
	var ps []foldPair
	for _, s := range srcs {
		for i, f := range s.t.folds {
			ps = append(ps, foldPair{f, s.newKey[s.t.foldKey[i]]})
		}
	}
	t.setFolds(ps)
	return t
}
