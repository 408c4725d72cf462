package text

import "testing"

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"  Hello,\n\tWorld  ", "hello, world"},
		// Typographic quotes, guillemets and dashes become ASCII.
		{"L’État — «Bonjour» “yes” – ok", `l'état - "bonjour" "yes" - ok`},
		// NFKC: ligature, full-width, no-break and narrow no-break spaces.
		{"ﬁn ＡＢＣ 1\u00a0000\u202f€", "fin abc 1 000 €"},
		// Case folding, not just lower-casing: ß and final sigma.
		{"STRASSE Straße ὈΔΥΣΣΕΎΣ", "strasse strasse ὀδυσσεύσ"},
		// Decomposed and composed accents hash alike.
		{"e\u0301te\u0301", "été"},
		// Invisible characters go.
		{"zero\u200bwidth soft\u00adhyphen\ufeff", "zerowidth softhyphen"},
		{"bad \xff utf8", "bad \ufffd utf8"},
	}
	for _, tt := range tests {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := Normalize(Normalize(tt.in)); got != Normalize(tt.in) {
			t.Errorf("Normalize not idempotent on %q: %q", tt.in, got)
		}
	}
}
