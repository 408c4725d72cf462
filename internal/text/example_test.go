package text_test

import (
	"fmt"

	"github.com/newstrace/newstrace/internal/text"
)

func ExampleAnalyzer_Tokens() {
	s := "L'État a dépensé 1 000 €."
	for _, tk := range text.ForLang("fr").Tokens(s) {
		fmt.Printf("%s %s %q\n", tk.Kind, tk.Term, s[tk.Start:tk.End])
	}
	// Output:
	// word l "L"
	// word etat "État"
	// word a "a"
	// word depense "dépensé"
	// number 1000 "1 000"
}

func ExampleAnalyzer_Terms() {
	fmt.Println(text.ForLang("de").Terms("Die Häuser an der Straße"))
	// Output:
	// [die haus an der strass]
}

func ExampleSentences() {
	s := "M. Durand a dit : « Ce n'est pas prêt. » Le vote aura lieu mardi."
	for _, sp := range text.Sentences(s) {
		fmt.Println(s[sp.Start:sp.End])
	}
	// Output:
	// M. Durand a dit : « Ce n'est pas prêt. »
	// Le vote aura lieu mardi.
}

func ExampleNormalize() {
	fmt.Printf("%q\n", text.Normalize("  L’État — «Bonjour»\u00a0! "))
	// Output:
	// "l'état - \"bonjour\" !"
}
