package match

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

// xkeys returns the XlingKeys of an article of lang published on one fixed
// day whose pivot keys are ks.
func xkeys(lang string, ks ...uint64) []uint64 {
	day := time.Date(2025, 3, 4, 0, 0, 0, 0, time.UTC)
	return append([]uint64{dayKey(day), langKey(lang)}, ks...)
}

// A short query is part of its original: the whole original must not rank
// below a shorter text that shares fewer of the query's keys because its
// size is divided out in full.
func TestXIndexShortQueryFindsWholeOriginal(t *testing.T) {
	content := func(from, n int) []uint64 {
		var ks []uint64
		for i := from; i < from+n; i++ {
			ks = append(ks, uint64(1000+i))
		}
		return ks
	}
	ix := NewXIndex()
	// The original: 200 keys, the query's 10 among them.
	ix.Add("original", xkeys("en", content(0, 200)...))
	// A short text on the subject: 20 keys, 6 of the query's.
	ix.Add("short", xkeys("de", append(content(4, 6), content(5000, 14)...)...))
	// Filler, so that the query's keys are rare.
	for i := range 60 {
		ix.Add("filler-"+string(rune('a'+i%26))+string(rune('a'+i/26)), xkeys("es", content(10000+100*i, 50)...))
	}
	got := ix.Candidates(xkeys("fr", content(0, 10)...), XQuery{Limit: 2})
	if len(got) != 2 || got[0].ID != "original" || got[1].ID != "short" {
		t.Errorf("candidates %+v, want the original first, then the short text", got)
	}
	// A full-length query ranks by the full cosine-like norm as before:
	// the original, sharing 100 keys, far ahead.
	got = ix.Candidates(xkeys("fr", content(0, 100)...), XQuery{Limit: 1})
	if len(got) != 1 || got[0].ID != "original" {
		t.Errorf("full-length query: %+v", got)
	}
}

// A short text whose every key is common in the store (a help-desk chat
// among hundreds on one e-reader) still finds its original through the
// least common of them, instead of nothing.
func TestXIndexAllKeysCommon(t *testing.T) {
	ix := NewXIndex()
	// Keys 1–4 are each in 30 of 41 articles, far above MaxShare; the
	// original holds all four, the others two or three.
	ix.Add("original", xkeys("fr", 1, 2, 3, 4))
	for i := range 40 {
		ks := []uint64{1, 2, 3, 4}
		ks = append(ks[:i%4], ks[i%4+1:]...) // three of the four
		if i%3 == 0 {
			ks = ks[:2]
		}
		ix.Add("other-"+string(rune('a'+i%26))+string(rune('a'+i/26)), xkeys("fr", ks...))
	}
	got := ix.Candidates(xkeys("de", 1, 2, 3, 4), XQuery{Limit: 1})
	if len(got) != 1 || got[0].ID != "original" {
		t.Errorf("candidates %+v, want the original, which holds all the query's keys", got)
	}
}

// A key is common in a store that holds a dozen translations of every
// text in the query's own language. A short query whose rare keys are
// its own stray senses, found only in a few texts of other subjects,
// still finds its original, which shares only keys that are common that
// way: when the rare keys find fewer than Limit candidates, the lookup
// takes the common keys too.
func TestXIndexCommonInQueryLanguage(t *testing.T) {
	ix := NewXIndex()
	// The original shares keys 1–3 with the query; twelve German
	// translations of it, and of eleven other French texts sharing two of
	// them, make 1–3 common (each in 150 of 160 articles).
	ix.Add("original", xkeys("fr", 1, 2, 3, 10))
	for i := range 12 {
		ix.Add(fmt.Sprintf("original-de-%d", i), xkeys("de", 1, 2, 3, 11))
	}
	for j := range 11 {
		ks := []uint64{1, 2, 3}
		ks = append(ks[:j%3:j%3], ks[j%3+1:]...)
		ix.Add(fmt.Sprintf("other-%d", j), xkeys("fr", append(ks, uint64(100+j))...))
		for i := range 12 {
			ix.Add(fmt.Sprintf("other-%d-de-%d", j, i), xkeys("de", append(ks, uint64(100+j))...))
		}
	}
	// Three texts of other subjects hold the query's rare keys 50–57.
	for i := range 3 {
		ix.Add(fmt.Sprintf("stray-%d", i), xkeys("en", 50, 51, 52, 53, 54, 55, 56, 57, uint64(200+i)))
	}
	got := ix.Candidates(xkeys("de", 1, 2, 3, 50, 51, 52, 53, 54, 55, 56, 57), XQuery{Limit: 5})
	if !slices.ContainsFunc(got, func(c XCandidate) bool { return c.ID == "original" }) {
		t.Errorf("candidates %+v, want the original among them", got)
	}
	if slices.ContainsFunc(got, func(c XCandidate) bool { return strings.HasPrefix(c.ID, "original-de") }) {
		t.Errorf("candidates %+v hold texts of the query's language", got)
	}
}

// A short query looks up its common keys even when its rare ones found
// Limit candidates already: a one-line message whose rare keys are
// stray senses held by texts of other subjects shares with its
// original only keys that a dozen translations in its own language have
// made common (WMT22 uk-en's chats).
func TestXIndexShortQueryUsesCommonKeys(t *testing.T) {
	ix := NewXIndex()
	common := []uint64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
	ix.Add("original", xkeys("fr", common...))
	for i := range 20 {
		ix.Add(fmt.Sprintf("translation-%d", i), xkeys("de", append(slices.Clone(common), uint64(300+i))...))
	}
	rare := []uint64{50, 51, 52, 53, 54, 55, 56, 57}
	for i := range 16 {
		ix.Add(fmt.Sprintf("stray-%02d", i), xkeys("en", rare[i%len(rare)], uint64(400+i)))
	}
	for i := range 170 {
		ix.Add(fmt.Sprintf("filler-%d", i), xkeys("es", uint64(1000+i)))
	}
	query := xkeys("de", append(slices.Clone(common), rare...)...)
	got := ix.Candidates(query, XQuery{Limit: 10})
	if len(got) == 0 || got[0].ID != "original" {
		t.Errorf("candidates %+v, want the original first", got)
	}
	// A long query has rare keys enough to rank by: its common ones are
	// left out when the rare ones fill the list.
	var long []uint64
	for k := range uint64(40) {
		long = append(long, rare[k%8], 2000+k)
	}
	got = ix.Candidates(xkeys("de", append(slices.Clone(common), long...)...), XQuery{Limit: 10})
	if slices.ContainsFunc(got, func(c XCandidate) bool { return c.ID == "original" }) {
		t.Errorf("long query: candidates %+v hold the original, found through common keys only", got)
	}
}

// A word's rarity falls with the share of the store's articles that hold
// it: 1 for a word in a few of a thousand, less for one in a tenth of
// them, the floor for one in all of them, and 1 for a word no article
// holds yet (the query's own).
func TestXIndexRarity(t *testing.T) {
	ix := NewXIndex()
	for i := range 1000 {
		ks := []uint64{1} // in every article
		if i%10 == 0 {
			ks = append(ks, 2) // in a tenth
		}
		if i < 5 {
			ks = append(ks, 3) // in five
		}
		ix.Add(fmt.Sprintf("a%04d", i), xkeys("fr", ks...))
	}
	every, tenth, five, none := ix.Rarity(1), ix.Rarity(2), ix.Rarity(3), ix.Rarity(4)
	if every != commonRarity {
		t.Errorf("a word in every article weighs %.2f, want the floor %.2f", every, commonRarity)
	}
	if five != 1 || none != 1 {
		t.Errorf("a word in 5 of 1000 weighs %.2f, one in none %.2f: want 1", five, none)
	}
	if !(every < tenth && tenth < five) {
		t.Errorf("a word in a tenth of the articles weighs %.2f: want between %.2f and %.2f", tenth, every, five)
	}
}
