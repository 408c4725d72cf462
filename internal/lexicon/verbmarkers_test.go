package lexicon

import (
	"reflect"
	"testing"
)

// TestBareVerbs checks that a verb a dictionary lists only with its object
// or reflexive markers is found bare, and that a verb listed bare keeps
// its own translations alone.
func TestBareVerbs(t *testing.T) {
	de := mustTSV(t, "etw verteidigen\tdefend\nsich verteidigen\tdefend oneself\njdn. verteidigen\tstand up for\n"+
		"nehmen\ttake\netw nehmen\tseize\njdm etw mitteilen\tinform\nsich\toneself\n", "de", "en")
	fr := mustTSV(t, "s'abstenir\tabstain\nse souvenir\tremember\n", "fr", "en")
	l := Merge(de, fr)
	for _, tt := range []struct {
		lang, word string
		want       []string
	}{
		{"de", "verteidigen", []string{"defend", "stand up for"}},
		{"de", "verteidigt", []string{"defend", "stand up for"}}, // through the suffix rules
		{"de", "nehmen", []string{"take"}},
		{"de", "mitteilen", []string{"inform"}}, // two markers
		{"de", "sich", []string{"oneself"}},
		{"fr", "abstenir", []string{"abstain"}},
		{"fr", "souvenir", []string{"remember"}},
	} {
		if got := l.ToEnglish(tt.lang, tt.word); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("ToEnglish(%s, %q) = %q, want %q", tt.lang, tt.word, got, tt.want)
		}
	}
	for key, want := range map[string]string{"etw verteidigen": "verteidigen", "jdm etw. mitteilen": "mitteilen",
		"sich": "", "etw in angriff nehmen": "", "nehmen": ""} {
		if got := bareVerb("de", key); got != want {
			t.Errorf("bareVerb(de, %q) = %q, want %q", key, got, want)
		}
	}
}
