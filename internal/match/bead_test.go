package match

import "testing"

// xprepOf builds an xprep whose sentences have the given weights, with
// widths proportional to them.
func xprepOf(weights ...float64) *xprep {
	x := &xprep{}
	for _, w := range weights {
		x.sents = append(x.sents, xsent{weight: w, units: int(w), width: int(w * 6)})
		x.weight += w
	}
	return x
}

// pair builds the pairSim of query sentence q and candidate sentence c
// sharing matched weight num.
func pair(qx, cx *xprep, q, c int32, num float64) pairSim {
	den := qx.sents[q].weight + cx.sents[c].weight
	return pairSim{q: q, c: c, num: num, den: den}
}

func TestAlignMerges(t *testing.T) {
	opts := Options{}.withDefaults()
	tests := []struct {
		name  string
		q, c  []float64 // sentence weights
		pairs [][3]float64
		first []int32
		kind  []uint8
	}{
		{"one to one", []float64{10, 8}, []float64{10, 8},
			[][3]float64{{0, 0, 16}, {1, 1, 12}},
			[]int32{0, 1}, []uint8{beadOne, beadOne}},
		{"two query sentences rendered as one", []float64{10, 6}, []float64{16},
			[][3]float64{{0, 0, 16}, {1, 0, 10}},
			[]int32{0, 0}, []uint8{beadFirstOfTwo, beadSecondOfTwo}},
		{"one query sentence rendered as two", []float64{16}, []float64{10, 6},
			[][3]float64{{0, 0, 16}, {0, 1, 10}},
			[]int32{0}, []uint8{beadOneToTwo}},
		{"a weak second half stays out", []float64{10, 10}, []float64{12},
			[][3]float64{{0, 0, 18}, {1, 0, 4.5}},
			[]int32{0, -1}, []uint8{beadOne, beadOne}},
	}
	for _, tt := range tests {
		qx, cx := xprepOf(tt.q...), xprepOf(tt.c...)
		var sims []pairSim
		for _, p := range tt.pairs {
			ps := pair(qx, cx, int32(p[0]), int32(p[1]), p[2])
			if ps.sim() < opts.SentenceSimilarity {
				t.Fatalf("%s: pair %v is below the similarity floor; the test would not reach the alignment", tt.name, p)
			}
			sims = append(sims, ps)
		}
		al := newAlignment(len(tt.q), new(xscratch))
		alignMonotonic(qx, cx, sims, opts, al, new(xscratch))
		for i := range tt.first {
			if al.first[i] != tt.first[i] || al.first[i] >= 0 && al.kind[i] != tt.kind[i] {
				t.Errorf("%s: query sentence %d: candidate %d kind %d, want %d kind %d",
					tt.name, i, al.first[i], al.kind[i], tt.first[i], tt.kind[i])
			}
		}
	}
}

func TestMergedSim(t *testing.T) {
	qx, cx := xprepOf(10, 6), xprepOf(16)
	a, b := pair(qx, cx, 0, 0, 16), pair(qx, cx, 1, 0, 10)
	// (16 + 10) / (10 + 6 + 16): both halves' matches over the three
	// sentences, the shared one counted once.
	if got, want := mergedSim(a, b, 16), 26.0/32; got != want {
		t.Errorf("mergedSim = %v, want %v", got, want)
	}
	if got := mergedSim(a, a, 0); got > 1 {
		t.Errorf("mergedSim over double-counted matches = %v, want ≤ 1", got)
	}
}
