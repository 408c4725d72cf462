package text

import "testing"

func TestAmericanSpelling(t *testing.T) {
	tests := map[string]string{
		"apologise": "apologize", "apologised": "apologized", "organisation": "organization",
		"organisations": "organizations", "realising": "realizing", "analyse": "analyze",
		"paralysed": "paralyzed", "colour": "color", "colours": "colors", "favourite": "favorite",
		"labourer": "laborer", "honoured": "honored", "centre": "center", "theatres": "theaters",
		"fibre": "fiber", "litres": "liters", "catalogue": "catalog", "dialogues": "dialogs",
		// American spellings and words that merely end alike stay.
		"apologize": "apologize", "color": "color", "center": "center",
		"four": "four", "hour": "hour", "your": "your", "wise": "wise", "rise": "rise",
		"raise": "raise", "tour": "tour", "ogre": "ogre", "acre": "acre", "": "",
	}
	for in, want := range tests {
		if got := AmericanSpelling(in); got != want {
			t.Errorf("AmericanSpelling(%q) = %q, want %q", in, got, want)
		}
	}
}

// The point of the respelling: a British word and the American gloss of
// its translation stem alike.
func TestAmericanSpellingStems(t *testing.T) {
	en := ForLang("en")
	for _, p := range [][2]string{{"apologise", "apologize"}, {"colour", "color"}, {"centre", "center"}, {"analysed", "analyzed"}} {
		if a, b := en.Stem(AmericanSpelling(p[0])), en.Stem(p[1]); a != b {
			t.Errorf("%s → %s, %s → %s: stems differ", p[0], a, p[1], b)
		}
	}
}
