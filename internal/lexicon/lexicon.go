// Package lexicon maps words of other languages to English, so that
// newstrace can recognise a translated copy without a translation service.
//
// A Lexicon holds, per language, headword → ranked English words:
//
//	fr  chat    → cat
//	de  haus    → house, home, …
//	ru  дом     → house, home   (inverted from an English→Russian dictionary)
//
// Entries come from FreeDict dictionaries in dictd format (ImportDictd,
// ImportDir), installed on the host and never vendored (they are GPL), or
// from plain TSV word lists (ImportTSV). Only the headword → English mapping
// is kept, not definitions: the merged lexicon of every installed FreeDict
// dictionary is a 21 MB file that Read loads in about a tenth of a second.
//
// Translations from a language into English ("direct", e.g. fra-eng) rank
// before translations found by inverting an English→X dictionary, which
// fill the gaps where X→English is missing or thin (ru, pl, hi, cs). Last
// come translations composed through a third language (bridge.go): Russian
// words get the English of their German translations in deu-rus, since
// FreeDict's eng-rus alone covers about 1,250 Russian words — and the
// lemmas of Apertium's bilingual dictionaries (apertium.go): Croatian,
// Spanish and Catalan ones to English directly, Ukrainian ones through
// Russian, French and Italian ones through Spanish, Catalan and Esperanto.
package lexicon

import (
	"fmt"
	"slices"
	"sort"
)

// Caps on the English words kept per headword. Pivot sketches want a few
// strong translations, not every sense of a polysemous verb; the ranking puts
// the most attested and earliest-listed senses first.
const (
	maxDirect  = 12
	maxTargets = 16
	// maxPhraseWords bounds keys and translations: longer "headwords" are
	// idioms and example sentences, which no word-level lookup can reach.
	maxPhraseWords = 4
)

// Lexicon is a set of word → English mappings for several languages. It is
// immutable once built or read, so one value is safe for concurrent use.
type Lexicon struct {
	vocab  []string // English words, sorted, unique; targets index into it
	tables []*table // sorted by lang
	// forms are English irregular forms, sorted, and bases their base
	// forms, parallel (see BaseForm; from WordNet, AddWordNet).
	forms, bases []string
	// fingerprint names the file content the lexicon was read from or
	// last written as; "" for one built in memory and never written.
	fingerprint string
}

// Fingerprint names the lexicon's content, as written by Write and read
// by Read: its length and checksum, "lexicon 85099817 crc32 1a2b3c4d".
// Two lexicons with one fingerprint translate alike, so a store can
// record the lexicon its sketches were made with and tell when they were
// made with another. It is "" for a lexicon built in memory and never
// written, whose content has no name yet.
func (l *Lexicon) Fingerprint() string {
	if l == nil {
		return ""
	}
	return l.fingerprint
}

func fingerprint(size int64, sum uint32) string {
	return fmt.Sprintf("lexicon %d crc32 %08x", size, sum)
}

// table is one language's mapping, stored as sorted parallel arrays so that
// reading a lexicon file allocates a handful of slices, not a map per word.
type table struct {
	lang    string
	keys    []string // normalised headwords, sorted, unique
	off     []uint32 // len(keys)+1 offsets into tgt
	tgt     []uint32 // vocab ids, ranked best first
	ndirect []uint8  // how many of a key's targets come from an X→English source
	folds   []string // fold(key) for keys whose fold differs, sorted
	foldKey []uint32 // index into keys, parallel to folds
}

func (t *table) find(key string) (int, bool) {
	i := sort.SearchStrings(t.keys, key)
	return i, i < len(t.keys) && t.keys[i] == key
}

// findFold returns the first key whose folded form is f.
func (t *table) findFold(f string) (int, bool) {
	i := sort.SearchStrings(t.folds, f)
	if i < len(t.folds) && t.folds[i] == f {
		return int(t.foldKey[i]), true
	}
	return 0, false
}

func (t *table) targetIDs(i int) []uint32 { return t.tgt[t.off[i]:t.off[i+1]] }

func (l *Lexicon) table(lang string) *table {
	i, ok := slices.BinarySearchFunc(l.tables, lang, func(t *table, lang string) int {
		switch {
		case t.lang < lang:
			return -1
		case t.lang > lang:
			return 1
		}
		return 0
	})
	if !ok {
		return nil
	}
	return l.tables[i]
}

// ToEnglish returns the English words for word in language lang, best first,
// or nil when the lexicon has none. lang is a language code ("fr", "fr-CA"
// and "fra" all work). For English it returns the normalised word itself, so
// callers can pivot every article the same way.
//
// The word is normalised (NFC, lower-case) and looked up exactly; on a miss
// the lookup retries with accents folded ("ecole" finds "école"), then with
// light suffix stripping ("chats" finds "chat", "домом" finds "дом"), then,
// for a language with respelling routes (Ukrainian), in a relative's table.
// The returned slice is the caller's to keep.
func (l *Lexicon) ToEnglish(lang, word string) []string {
	code := canonLang(lang)
	w := normalizeKey(word)
	if code == "" || w == "" {
		return nil
	}
	if code == "en" {
		return []string{w}
	}
	if l == nil {
		return nil
	}
	if t := l.table(code); t != nil {
		if i, ok := t.lookup(w); ok {
			return l.words(t, i)
		}
		for _, c := range stemCandidates(code, w) {
			if i, ok := t.lookup(c); ok {
				return l.words(t, i)
			}
		}
	}
	routes := respelled[code]
	if len(routes) == 0 {
		return nil
	}
	forms := append([]string{w}, stemCandidates(code, w)...)
	for _, r := range routes {
		if vt := l.table(r.via); vt != nil {
			if out := l.respelledLookup(vt, r.via, forms, r.respell); out != nil {
				return out
			}
		}
	}
	return nil
}

// respelledLookup looks up a word in table t of language via: forms are
// the word and its citation forms under its own language's suffix rules
// (виборів → вибір… → выбор), tried respelled, then the word's
// respellings with via's suffixes stripped.
func (l *Lexicon) respelledLookup(t *table, via string, forms []string, respell func(string) []string) []string {
	var rw []string // the word's own respellings, kept for the second pass
	for k, form := range forms {
		rs := respell(form)
		if k == 0 {
			rw = rs
		}
		for _, r := range rs {
			if i, ok := t.lookup(r); ok {
				return l.words(t, i)
			}
		}
	}
	for _, r := range rw {
		for _, c := range stemCandidates(via, r) {
			if i, ok := t.lookup(c); ok {
				return l.words(t, i)
			}
		}
	}
	return nil
}

// lookup tries w exactly, then its folded form as a key, then as the fold
// of a key.
func (t *table) lookup(w string) (int, bool) {
	if i, ok := t.find(w); ok {
		return i, true
	}
	f := fold(w)
	if f != w {
		if i, ok := t.find(f); ok {
			return i, true
		}
	}
	return t.findFold(f)
}

func (l *Lexicon) words(t *table, i int) []string {
	ids := t.targetIDs(i)
	out := make([]string, len(ids))
	for j, id := range ids {
		out[j] = l.vocab[id]
	}
	return out
}

// Languages returns the codes of the languages that have a mapping to
// English, sorted. English itself is not listed.
func (l *Lexicon) Languages() []string {
	if l == nil {
		return nil
	}
	out := make([]string, len(l.tables))
	for i, t := range l.tables {
		out[i] = t.lang
	}
	return out
}

// Stats returns the number of headwords per language with at least one
// English translation.
func (l *Lexicon) Stats() map[string]int {
	out := make(map[string]int)
	if l == nil {
		return out
	}
	for _, t := range l.tables {
		out[t.lang] = len(t.keys)
	}
	return out
}
