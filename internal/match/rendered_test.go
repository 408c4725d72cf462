package match

import "testing"

// sentsOfRunes builds an xprep whose sentences have the given lengths.
func sentsOfRunes(runes ...int) *xprep {
	x := &xprep{}
	for _, r := range runes {
		x.sents = append(x.sents, xsent{width: r, units: 10, weight: 10})
	}
	return x
}

func TestRenderedSentences(t *testing.T) {
	tests := []struct {
		name   string
		q, c   []int // sentence widths
		best   []int32
		want   int
		reason string
	}{
		{"all aligned", []int{100, 120, 90}, []int{110, 115, 95}, []int32{0, 1, 2}, 3, ""},
		{"matching gap of like length", []int{100, 120, 90}, []int{110, 130, 95}, []int32{0, -1, 2}, 3,
			"the middle sentences sit between aligned pairs on both sides and agree in length"},
		{"matching gap of unlike length", []int{100, 40, 90}, []int{110, 200, 95}, []int32{0, -1, 2}, 2,
			"a 40-rune sentence is no rendering of a 200-rune one"},
		{"gap on one side only", []int{100, 120, 90}, []int{110, 95}, []int32{0, -1, 1}, 2,
			"the candidate has no sentence in the gap: the query added one"},
		{"leading and trailing gaps", []int{100, 120, 90, 80}, []int{110, 115, 95, 85}, []int32{-1, 1, 2, -1}, 4,
			"the texts' starts and ends line up like aligned pairs"},
		{"a copy that stops early", []int{100, 120, 90}, []int{110, 115, 95, 85}, []int32{0, 1, -1}, 2,
			"the candidate goes on past the query's end: its last sentences are not the query's"},
		{"an unlike closing line", []int{100, 120, 20}, []int{110, 115, 150}, []int32{0, 1, -1}, 2,
			"a 20-rune line is no rendering of a 150-rune one"},
		{"alternating, shifted", []int{100, 120, 90, 110, 100}, []int{100, 120, 90, 110, 100}, []int32{-1, 0, -1, 3, -1}, 3,
			"a one-sentence gap against a two-sentence gap does not line up; the last sentences, at both ends, do"},
	}
	for _, tt := range tests {
		got := renderedSentences(sentsOfRunes(tt.q...), sentsOfRunes(tt.c...), tt.best, tt.best)
		if got != tt.want {
			t.Errorf("%s: rendered %d, want %d (%s)", tt.name, got, tt.want, tt.reason)
		}
	}
}
