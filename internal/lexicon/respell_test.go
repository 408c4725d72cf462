package lexicon

import (
	"reflect"
	"slices"
	"testing"
)

func TestUkToRu(t *testing.T) {
	tests := map[string]string{
		"вибори":    "выборы",
		"політика":  "политика",
		"європа":    "европа",
		"україна":   "украина",
		"економіка": "экономика",
		"об'єкт":    "объект",
		"п'ять":     "пять",
		"ґанок":     "ганок",
	}
	for uk, ru := range tests {
		if got := ukToRu(uk); !slices.Contains(got, ru) {
			t.Errorf("ukToRu(%q) = %q, want it to include %q", uk, got, ru)
		}
	}
	if got := ukToRu("kyiv"); got != nil {
		t.Errorf("ukToRu(kyiv) = %q, want nil for a Latin word", got)
	}
}

func TestUkrainianThroughRussian(t *testing.T) {
	l := mustTSV(t, "выборы\telection\nполитика\tpolitics\nобъект\tobject\nвыбор\tchoice\n", "ru", "en")
	tests := []struct {
		word string
		want []string
	}{
		{"вибори", []string{"election"}},
		{"виборів", []string{"choice"}}, // genitive plural, stripped to the stem выбор
		{"Політика", []string{"politics"}},
		{"об’єкт", []string{"object"}},
		{"уряд", nil}, // a Ukrainian word Russian lacks
	}
	for _, tt := range tests {
		if got := l.ToEnglish("uk", tt.word); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("ToEnglish(uk, %q) = %q, want %q", tt.word, got, tt.want)
		}
	}
	// A real Ukrainian table takes precedence over the respelling.
	uk := mustTSV(t, "вибори\tpolls\n", "uk", "en")
	if got, want := Merge(l, uk).ToEnglish("uk", "вибори"), []string{"polls"}; !reflect.DeepEqual(got, want) {
		t.Errorf("with a uk table: ToEnglish(uk, вибори) = %q, want %q", got, want)
	}
}
