package lexicon

import (
	"context"
	"reflect"
	"strings"
	"testing"
)

func TestImportTSV(t *testing.T) {
	in := "# French additions\n\nchat\tcat\tpuss\r\nMaison\thouse\t\thome\n  # indented comment\nse rendre compte\tto realise\n"
	l, err := ImportTSV(context.Background(), strings.NewReader(in), "fr", "en")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		word string
		want []string
	}{
		{"chat", []string{"cat", "puss"}},
		{"maison", []string{"house", "home"}},
		{"se rendre compte", []string{"realise"}},
		{"#", nil},
	}
	for _, tt := range tests {
		if got := l.ToEnglish("fr", tt.word); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("ToEnglish(fr, %q) = %q, want %q", tt.word, got, tt.want)
		}
	}
}

func TestImportTSVInverted(t *testing.T) {
	in := "house\tдом\ntree\tдерево\nhome\tдом\tдомой\n"
	l, err := ImportTSV(context.Background(), strings.NewReader(in), "en", "ru")
	if err != nil {
		t.Fatal(err)
	}
	// Both list дом first; the tie breaks on the order of the file.
	if got, want := l.ToEnglish("ru", "дом"), []string{"house", "home"}; !reflect.DeepEqual(got, want) {
		t.Errorf("ToEnglish(ru, дом) = %q, want %q", got, want)
	}
	if got, want := l.ToEnglish("ru", "домой"), []string{"home"}; !reflect.DeepEqual(got, want) {
		t.Errorf("ToEnglish(ru, домой) = %q, want %q", got, want)
	}
}

func TestImportTSVErrors(t *testing.T) {
	tests := []struct{ in, from, to, want string }{
		{"chat\tcat\nchien\n", "fr", "en", "tsv line 2: headword \"chien\" has no translation"},
		{"chat\tcat\n\t\tdog\n", "fr", "en", "tsv line 2: empty headword"},
		{"chat\tcat\n", "fr", "de", "no English side"},
		{strings.Repeat("x", 2<<20) + "\ty\n", "fr", "en", "tsv line 1:"},
	}
	for _, tt := range tests {
		_, err := ImportTSV(context.Background(), strings.NewReader(tt.in), tt.from, tt.to)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ImportTSV(%.30q) err = %v, want one containing %q", tt.in, err, tt.want)
		}
	}
}
