package match

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/newstrace/newstrace/internal/lexicon"
)

func TestDecompound(t *testing.T) {
	lex, err := lexicon.ImportTSV(context.Background(), strings.NewReader(
		"fehler\terror\nmeldung\tmessage\nzahlung\tpayment\nbestätigung\tconfirmation\ntitel\ttitle\nkatalog\tcatalogue\nabend\tevening\n"), "de", "en")
	if err != nil {
		t.Fatal(err)
	}
	pv := NewPivoter(lex)
	tests := []struct {
		word string
		want []string // English stems, modifier first
	}{
		{"fehlermeldung", []string{"error", "messag"}},
		{"titelkatalog", []string{"titl", "catalog"}},
		{"zahlungsbestätigung", []string{"payment", "confirm"}}, // linking -s-
		{"zahlung", []string{"payment"}},                        // known whole: not split
		{"abendland", nil},                                      // head unknown
		{"ersatzteil", nil},                                     // neither part known
	}
	for _, tt := range tests {
		if got := pv.english("de", tt.word); !slices.Equal(got, tt.want) {
			t.Errorf("english(de, %q) = %q, want %q", tt.word, got, tt.want)
		}
	}
	// French does not compound: an unknown word stays unknown.
	if got := pv.decompound("fr", "portefeuille"); got != nil {
		t.Errorf("decompound(fr) = %q, want nil", got)
	}
}
