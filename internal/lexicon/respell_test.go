package lexicon

import (
	"reflect"
	"slices"
	"testing"
)

func TestUkToRu(t *testing.T) {
	tests := map[string]string{
		"вибори":      "выборы",
		"політика":    "политика",
		"європа":      "европа",
		"україна":     "украина",
		"економіка":   "экономика",
		"об'єкт":      "объект",
		"п'ять":       "пять",
		"ґанок":       "ганок",
		"англійських": "английских", // ь before к
		"просити":     "просить",    // infinitive
		"битися":      "биться",
		"всього":      "всего",
		"війна":       "война", // і for a closed syllable's о
		"вже":         "уже",
		"вчитель":     "учитель",
		"вулиця":      "улица",
		"управління":  "управление",
		"довіряти":    "доверять", // і from ѣ
		"поїхати":     "поехать",  // ї for е
		"київ":        "киев",
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

func TestUkToPl(t *testing.T) {
	tests := map[string]string{
		"якість":      "jakist", // я at the start of a word: j
		"розмовляємо": "rozmowliajemo",
		"пам'ятка":    "pamiatka",  // pamiątka, folded
		"жити":        "zyc",       // żyć: the infinitive's -ти as -ć
		"гора":        "gora",      // góra: г as g after h
		"цивільного":  "cywilnego", // an adjective's ending
		"місто":       "miasto",
		"хліб":        "chleb",
		"чекати":      "czekac",
	}
	for uk, pl := range tests {
		if got := ukToPl(uk); !slices.Contains(got, pl) {
			t.Errorf("ukToPl(%q) = %q, want it to include %q", uk, got, pl)
		}
	}
	if got := ukToPl("kyiv"); got != nil {
		t.Errorf("ukToPl(kyiv) = %q, want nil for a Latin word", got)
	}
}

// TestUkrainianThroughPolish checks the second route: a word the Russian
// table lacks is found in the Polish one, whose folded lookup restores the
// diacritics the transliteration leaves out.
func TestUkrainianThroughPolish(t *testing.T) {
	l := Merge(
		mustTSV(t, "выборы\telection\nпросить\task\n", "ru", "en"),
		mustTSV(t, "pamiątka\tkeepsake\nczekać\twait\nkraj\tcountry\n", "pl", "en"),
	)
	tests := []struct {
		word string
		want []string
	}{
		{"вибори", []string{"election"}},   // Russian first
		{"просила", []string{"ask"}},       // a past tense, through its infinitive
		{"пам’ятка", []string{"keepsake"}}, // Polish, with ą restored
		{"чекали", []string{"wait"}},       // Polish infinitive of a Ukrainian past tense
		{"уряд", nil},
	}
	for _, tt := range tests {
		if got := l.ToEnglish("uk", tt.word); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("ToEnglish(uk, %q) = %q, want %q", tt.word, got, tt.want)
		}
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
