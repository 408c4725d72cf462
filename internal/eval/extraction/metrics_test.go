package extraction

import (
	"math"
	"testing"
)

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestShingleCounts(t *testing.T) {
	const text = "The old harbour bridge in Eastmere will close for six months."
	tests := []struct {
		name, gold, pred string
		p, r             float64
		pOK, rOK         bool
	}{
		{"identical", text, text, 1, 1, true, true},
		{"identical up to spacing and punctuation", text, "The old  harbour bridge\n\nin Eastmere — will close for six months", 1, 1, true, true},
		{"disjoint", text, "Buses will be diverted through the industrial estate.", 0, 0, true, true},
		{"nothing predicted", text, "", 0, 0, false, true},
		// 11 gold tokens give 8 shingles; the prediction adds one token,
		// hence one more shingle, and keeps all 8.
		{"one extra word", text, text + " Officials", 8.0 / 9, 1, true, true},
		// Texts shorter than four words are one shingle each.
		{"short", "Bridge closes", "Bridge closes", 1, 1, true, true},
	}
	for _, tt := range tests {
		p, pOK, r, rOK := pageScores(shingleCounts(tt.gold, tt.pred))
		if !near(p, tt.p) || !near(r, tt.r) || pOK != tt.pOK || rOK != tt.rOK {
			t.Errorf("%s: P=%v(%v) R=%v(%v), want P=%v(%v) R=%v(%v)", tt.name, p, pOK, r, rOK, tt.p, tt.pOK, tt.r, tt.rOK)
		}
	}
}

func TestShinglesRepeat(t *testing.T) {
	// A repeated passage counts twice, as a multiset.
	s := shingles("a b c d a b c d", 4)
	if s["a\x00b\x00c\x00d"] != 2 || len(s) != 4 {
		t.Errorf("shingles = %v", s)
	}
}

func TestMacro(t *testing.T) {
	var m macro
	m.add(shingleCounts("one two three four five", "one two three four five")) // P=R=1
	m.add(shingleCounts("one two three four five", "six seven eight nine"))    // P=R=0
	m.add(shingleCounts("one two three four five", ""))                        // R=0, P undefined
	p, r, f1 := m.scores()
	if !near(p, 0.5) || !near(r, 1.0/3) || !near(f1, 2*0.5*(1.0/3)/(0.5+1.0/3)) {
		t.Errorf("P, R, F1 = %v, %v, %v", p, r, f1)
	}
}

func TestWithWithout(t *testing.T) {
	text := "Die GEMA dreht völlig am\nZeiger! Mehr unter http://www.example.org"
	c := withWithout(text, []string{"Die GEMA dreht völlig am Zeiger!", "fehlt"}, []string{"Impressum", "Mehr unter"})
	if c != (counts{tp: 1, fn: 1, fp: 1, tn: 1}) {
		t.Errorf("counts = %+v", c)
	}
	p, r, f1 := c.micro()
	if !near(p, 0.5) || !near(r, 0.5) || !near(f1, 0.5) {
		t.Errorf("P, R, F1 = %v, %v, %v", p, r, f1)
	}
	// Empty output finds nothing, wanted or not.
	if c := withWithout("", []string{"a"}, []string{"b"}); c != (counts{fn: 1, tn: 1}) {
		t.Errorf("empty output counts = %+v", c)
	}
}

func TestTokenCounts(t *testing.T) {
	p, _, r, _ := pageScores(tokenCounts("le pont est fermé", "le pont est fermé"))
	if p != 1 || r != 1 {
		t.Errorf("identical: P=%v R=%v", p, r)
	}
	p, _, r, _ = pageScores(tokenCounts("le pont est fermé", "la gare"))
	if p != 0 || r != 0 {
		t.Errorf("disjoint: P=%v R=%v", p, r)
	}
	p, _, r, _ = pageScores(tokenCounts("le pont est fermé", "le pont"))
	if p != 1 || r != 0.5 {
		t.Errorf("half: P=%v R=%v", p, r)
	}
}
