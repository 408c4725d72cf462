package text

import (
	"slices"
	"testing"
)

func TestSkeletonMeetsAcrossLanguages(t *testing.T) {
	groups := [][]string{
		{"Putin", "Poutine", "Путин", "Πούτιν"},
		{"Moscow", "Moscou", "Москва", "Moskau"},
		{"Washington", "Вашингтон", "Vašington"},
		{"Obama", "Обама", "ओबामा"},
		{"Ukraine", "Україна", "Ukrajina"},
		{"Merkel", "Меркель", "मर्केल"},
		{"president", "президент", "prezident"},
	}
	for _, g := range groups {
		want := Skeleton(fold(g[0]))
		if want == "" {
			t.Errorf("Skeleton(%q) is empty", g[0])
		}
		for _, w := range g[1:] {
			if got := Skeleton(fold(w)); got != want {
				t.Errorf("Skeleton(%q) = %q, Skeleton(%q) = %q; want them equal", w, got, g[0], want)
			}
		}
	}
	apart := [][2]string{{"Putin", "Paris"}, {"Moscow", "Berlin"}, {"Obama", "Trump"}}
	for _, p := range apart {
		if Skeleton(fold(p[0])) == Skeleton(fold(p[1])) {
			t.Errorf("Skeleton(%q) = Skeleton(%q)", p[0], p[1])
		}
	}
	for _, short := range []string{"", "a", "Ia", "un"} {
		if k := Skeleton(fold(short)); k != "" {
			t.Errorf("Skeleton(%q) = %q, want empty", short, k)
		}
	}
}

func TestLatin(t *testing.T) {
	tests := []struct{ in, want string }{
		{"москва", "moskva"},
		{"щука", "shchuka"},
		{"афины", "afiny"},
		{"αθηνα", "athina"},
		{"paris", "paris"},
		{"東京", "東京"},
	}
	for _, tt := range tests {
		if got := Latin(tt.in); got != tt.want {
			t.Errorf("Latin(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestAnchors(t *testing.T) {
	keys := func(lang, s string) []string {
		var out []string
		for _, a := range ForLang(lang).Anchors(s) {
			out = append(out, a.Key)
		}
		return out
	}
	tests := []struct {
		lang, in string
		want     []string
	}{
		{"en", "Yesterday President Putin met NATO envoys in Moscow: 1,000 troops, 3.5 km.",
			[]string{"prs", "ptn", "nt", "msk", "1000", "3.5"}},
		{"fr", "Hier, le président Poutine a reçu à Moscou les envoyés de l'OTAN : 1 000 soldats, 3,5 km.",
			[]string{"ptn", "msk", "tn", "1000", "3.5"}}, // OTAN is not NATO: the lexicon's job
		{"ru", "Вчера президент Путин принял в Москве посланников НАТО: 1 000 солдат, 3,5 км.",
			[]string{"ptn", "msk", "nt", "1000", "3.5"}},
		// A capitalised word that starts a sentence is no name.
		{"en", "Troops left. Officials said 12 died.", []string{"12"}},
	}
	for _, tt := range tests {
		if got := keys(tt.lang, tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("Anchors(%s, %q) = %q, want %q", tt.lang, tt.in, got, tt.want)
		}
	}
}

func TestSentencesDanda(t *testing.T) {
	s := "यह पहला वाक्य है। यह दूसरा है॥ तीसरा"
	if got := len(Sentences(s)); got != 3 {
		t.Errorf("Sentences(%q) gives %d sentences, want 3", s, got)
	}
}
