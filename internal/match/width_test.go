package match

import "testing"

func TestTextWidth(t *testing.T) {
	for _, c := range []struct {
		s    string
		want int
	}{
		{"", 0},
		{"Putin", 5},
		{"Путин", 5},
		{"政府", 7},                 // two Han characters, 3.5 each
		{"ロシア", 9},                // three katakana
		{"政府は", 10},               // 7 + 3 = 10
		{"3个工作日。", 1 + 7*4/2 + 1}, // a digit, four Han, a full stop: 1 + 14 + 1
	} {
		if got := textWidth(c.s); got != c.want {
			t.Errorf("textWidth(%q) = %d, want %d", c.s, got, c.want)
		}
	}
}

// TestLengthAgreementAcrossScripts checks the point of textWidth: a
// Chinese or Japanese sentence and its English rendering agree in length
// as a translation should, where counting runes puts them three times
// apart.
func TestLengthAgreementAcrossScripts(t *testing.T) {
	en := "The government said on Monday that the new bridge would open next spring."
	for _, s := range []string{
		"政府周一表示，新大桥将于明年春天通车。",
		"政府は月曜日、新しい橋は来年の春に開通すると発表した。",
	} {
		if got := lengthAgreement(textWidth(s), textWidth(en)); got < 0.6 {
			t.Errorf("lengthAgreement(%q, English) = %.2f by width, want ≥ 0.6", s, got)
		}
		if got := lengthAgreement(len([]rune(s)), len([]rune(en))); got > 0.2 {
			t.Errorf("rune counts agree at %.2f; the test no longer shows what width is for", got)
		}
	}
}
