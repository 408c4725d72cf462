package match

import (
	"testing"
	"time"
)

// A short query is part of its original: the whole original must not rank
// below a shorter text that shares fewer of the query's keys because its
// size is divided out in full.
func TestXIndexShortQueryFindsWholeOriginal(t *testing.T) {
	day := time.Date(2025, 3, 4, 0, 0, 0, 0, time.UTC)
	content := func(from, n int) []uint64 {
		var ks []uint64
		for i := from; i < from+n; i++ {
			ks = append(ks, uint64(1000+i))
		}
		return ks
	}
	doc := func(lang string, ks []uint64) []uint64 {
		return append([]uint64{dayKey(day), langKey(lang)}, ks...)
	}
	ix := NewXIndex()
	// The original: 200 keys, the query's 10 among them.
	ix.Add("original", doc("en", content(0, 200)))
	// A short text on the subject: 20 keys, 6 of the query's.
	ix.Add("short", doc("de", append(content(4, 6), content(5000, 14)...)))
	// Filler, so that the query's keys are rare.
	for i := range 60 {
		ix.Add("filler-"+string(rune('a'+i%26))+string(rune('a'+i/26)), doc("es", content(10000+100*i, 50)))
	}
	got := ix.Candidates(doc("fr", content(0, 10)), XQuery{Limit: 2})
	if len(got) != 2 || got[0].ID != "original" || got[1].ID != "short" {
		t.Errorf("candidates %+v, want the original first, then the short text", got)
	}
	// A full-length query ranks by the full cosine-like norm as before:
	// the original, sharing 100 keys, far ahead.
	got = ix.Candidates(doc("fr", content(0, 100)), XQuery{Limit: 1})
	if len(got) != 1 || got[0].ID != "original" {
		t.Errorf("full-length query: %+v", got)
	}
}

// A short text whose every key is common in the store (a help-desk chat
// among hundreds on one e-reader) still finds its original through the
// least common of them, instead of nothing.
func TestXIndexAllKeysCommon(t *testing.T) {
	day := time.Date(2025, 3, 4, 0, 0, 0, 0, time.UTC)
	doc := func(lang string, ks ...uint64) []uint64 {
		return append([]uint64{dayKey(day), langKey(lang)}, ks...)
	}
	ix := NewXIndex()
	// Keys 1–4 are each in 30 of 41 articles, far above MaxShare; the
	// original holds all four, the others two or three.
	ix.Add("original", doc("fr", 1, 2, 3, 4))
	for i := range 40 {
		ks := []uint64{1, 2, 3, 4}
		ks = append(ks[:i%4], ks[i%4+1:]...) // three of the four
		if i%3 == 0 {
			ks = ks[:2]
		}
		ix.Add("other-"+string(rune('a'+i%26))+string(rune('a'+i/26)), doc("fr", ks...))
	}
	got := ix.Candidates(doc("de", 1, 2, 3, 4), XQuery{Limit: 1})
	if len(got) != 1 || got[0].ID != "original" {
		t.Errorf("candidates %+v, want the original, which holds all the query's keys", got)
	}
}
