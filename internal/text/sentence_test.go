package text

import (
	"reflect"
	"testing"
)

func TestSentences(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"plain", "The bridge closed. Traffic moved east! Why? Nobody knows…", []string{"The bridge closed.", "Traffic moved east!", "Why?", "Nobody knows…"}},
		// Titles and initials do not end sentences.
		{"abbreviations", "Mr. Smith met Dr. Jones and J. K. Rowling. They talked.", []string{"Mr. Smith met Dr. Jones and J. K. Rowling.", "They talked."}},
		{"french titles", "M. Macron a reçu Mme Borne. Elle est partie.", []string{"M. Macron a reçu Mme Borne.", "Elle est partie."}},
		{"dotted", "In the U.S. President Biden spoke. Then z.B. Berlin.", []string{"In the U.S. President Biden spoke.", "Then z.B. Berlin."}},
		// "No." is an abbreviation before a number only.
		{"no before number", "See No. 5 here. He said no. Then left.", []string{"See No. 5 here.", "He said no.", "Then left."}},
		// French quotes: the closing » (after a space) stays with its sentence;
		// a lower-case continuation does not start a new one.
		{"guillemets", "Il a dit : « Nous ne sommes pas prêts. » Puis il est parti.", []string{"Il a dit : « Nous ne sommes pas prêts. »", "Puis il est parti."}},
		{"guillemets continued", "« Vraiment ? » a-t-il demandé. Oui.", []string{"« Vraiment ? » a-t-il demandé.", "Oui."}},
		{"english quotes", `"We are not ready." She left.`, []string{`"We are not ready."`, "She left."}},
		// Decimals and domains are not ends.
		{"decimals", "Growth was 3.5 percent on example.com today. Next.", []string{"Growth was 3.5 percent on example.com today.", "Next."}},
		// A missing space after a full stop, as reviews and chats have it,
		// still ends a sentence; dotted names and domains do not.
		{"missing space", "Some parts get oily.I love this product!And I recommend them.Very happy on google.com or Node.JS here.", []string{"Some parts get oily.", "I love this product!", "And I recommend them.", "Very happy on google.com or Node.JS here."}},
		// Line breaks end sentences: residue lines stand alone.
		{"lines", "Stoltenberg agreed.\nEN SAVOIR PLUS:\n« Le jour pourrait venir »\nLien source", []string{"Stoltenberg agreed.", "EN SAVOIR PLUS:", "« Le jour pourrait venir »", "Lien source"}},
		{"cjk", "東京で会議が開かれた。参加者は百人。", []string{"東京で会議が開かれた。", "参加者は百人。"}},
		{"german", "Laut Nr. 3 der Verordnung gilt das. Die Stadt, d.h. der Rat, entschied.", []string{"Laut Nr. 3 der Verordnung gilt das.", "Die Stadt, d.h. der Rat, entschied."}},
		{"russian", "Встреча прошла в г. Москве. Все согласились.", []string{"Встреча прошла в г. Москве.", "Все согласились."}},
		// German quotes close with “, which opens an English quote.
		{"german quotes", "Er sagte: „Wir kommen morgen.“ Dann ging er.", []string{"Er sagte: „Wir kommen morgen.“", "Dann ging er."}},
		// German ordinals: a small number's full stop reads on; a year or
		// the end of a score ends the sentence.
		{"ordinals", "Am 3. Oktober kam er. Im Jahr 1250. Es stand 3-2. Dann.", []string{"Am 3. Oktober kam er.", "Im Jahr 1250.", "Es stand 3-2.", "Dann."}},
		{"hindi title", "डॉ. मनमोहन सिंह ने कहा। फिर वे चले गए।", []string{"डॉ. मनमोहन सिंह ने कहा।", "फिर वे चले गए।"}},
		{"empty", "  \n\n ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, sp := range Sentences(tt.in) {
				got = append(got, tt.in[sp.Start:sp.End])
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Sentences(%q) =\n%q, want\n%q", tt.in, got, tt.want)
			}
		})
	}
}
