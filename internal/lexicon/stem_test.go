package lexicon

import (
	"reflect"
	"testing"
)

// TestStemEndingsKeepPartOfSpeech checks that an ending leads only to the
// citation forms of its own part of speech: "paiement" once became
// "pai" + "re" = "paire" (pair), "soient" "soi" + "e" = "soie" (silk).
func TestStemEndingsKeepPartOfSpeech(t *testing.T) {
	fr := mustTSV(t, "paire\tpair\npaie\tpay\nsoie\tsilk\nannonce\tad\nannoncer\tannounce\n"+
		"sauter\tjump\ncheval\thorse\nrapide\tquick\nattaquer\tattack\nchoisir\tchoose\nprendre\ttake\n", "fr", "en")
	de := mustTSV(t, "mach\tmach number\nmachen\tmake\nbeobachten\twatch\nregierung\tgovernment\nregieren\tgovern\n"+
		"fünf\tfive\nkochen\tcook\nkoch\tchef\nherunterladen\tdownload\nanrufen\tcall\nzuhören\tlisten\n", "de", "en")
	ru := mustTSV(t, "просить\task\nход\tmove\nпоход\thike\n", "ru", "en")
	uk := mustTSV(t, "просити\trequest\nподивитися\tlook\nсподіваюся\thope\nдізнатися\tlearn\n", "uk", "en")
	l := Merge(fr, de, ru, uk)
	tests := []struct {
		lang, word string
		want       []string
	}{
		{"fr", "paiement", []string{"pay"}}, // -ment off a noun, nothing added
		{"fr", "soient", nil},
		{"fr", "annoncées", []string{"announce"}}, // participle → infinitive first
		{"fr", "annoncent", []string{"announce"}},
		{"fr", "sauté", []string{"jump"}},
		{"fr", "chevaux", []string{"horse"}},
		{"fr", "rapidement", []string{"quick"}},
		{"fr", "attaqueraient", []string{"attack"}},
		{"fr", "choisissent", []string{"choose"}},
		{"fr", "prendront", []string{"take"}},
		{"de", "machten", []string{"make"}}, // not "mach"
		{"de", "beobachteten", []string{"watch"}},
		{"de", "Regierungen", []string{"government"}},
		{"de", "fünften", []string{"five"}},
		{"de", "kocht", []string{"cook"}},               // the verb, not the chef
		{"de", "herunterzuladen", []string{"download"}}, // zu-infinitive of a separable verb
		{"de", "anzurufen", []string{"call"}},
		{"de", "zuzuhören", []string{"listen"}},
		{"ru", "попросить", []string{"ask"}},     // perfective по- off an infinitive
		{"uk", "попросила", []string{"request"}}, // and off a past tense, then to the infinitive
		{"ru", "походы", []string{"hike"}},       // a noun keeps its по-
		{"uk", "подивитись", []string{"look"}},   // -сь, the spoken reflexive, for -ся
		{"uk", "сподіваюсь", []string{"hope"}},
		{"uk", "дізналась", []string{"learn"}},
	}
	for _, tt := range tests {
		if got := l.ToEnglish(tt.lang, tt.word); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("ToEnglish(%s, %q) = %q, want %q", tt.lang, tt.word, got, tt.want)
		}
	}
}

// TestStemHindiVerbs checks that Hindi verb forms reach the infinitive the
// dictionary cites, and plural and oblique nouns their singular.
func TestStemHindiVerbs(t *testing.T) {
	l := mustTSV(t, "कहना\tsay\nबताना\ttell\nरहना\tstay\nलोग\tpeople\nसरकार\tgovernment\nलड़का\tboy\n", "hi", "en")
	tests := []struct {
		word string
		want []string
	}{
		{"कहा", []string{"say"}},    // perfective: a two-letter stem
		{"कहता", []string{"say"}},   // habitual
		{"कहकर", []string{"say"}},   // conjunctive
		{"कहेगा", []string{"say"}},  // future
		{"बताया", []string{"tell"}}, // perfective of a stem in -ā
		{"रहे", []string{"stay"}},
		{"लोगों", []string{"people"}},
		{"सरकारों", []string{"government"}},
		{"लड़के", []string{"boy"}}, // oblique -e → citation -ā
		{"कल", nil},
	}
	for _, tt := range tests {
		if got := l.ToEnglish("hi", tt.word); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("ToEnglish(hi, %q) = %q, want %q", tt.word, got, tt.want)
		}
	}
}
