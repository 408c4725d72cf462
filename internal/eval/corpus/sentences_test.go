package corpus

import (
	"reflect"
	"testing"
)

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"One. Two! Three? Four", []string{"One.", "Two!", "Three?", "Four"}},
		{"It grew 3.5 per cent. Then it fell.", []string{"It grew 3.5 per cent.", "Then it fell."}},
		{"Mr. Durand met Dr. Roux. They spoke.", []string{"Mr. Durand met Dr. Roux.", "They spoke."}},
		{"J. R. Smith said so. Nobody agreed.", []string{"J. R. Smith said so.", "Nobody agreed."}},
		{`He said "stop." She left.`, []string{`He said "stop."`, "She left."}},
		{"Really?! Yes...  Fine.", []string{"Really?!", "Yes...", "Fine."}},
		{"很抱歉。我已经问过了！最新消息", []string{"很抱歉。", "我已经问过了！", "最新消息"}},
		{"यह पहला है। यह दूसरा है।", []string{"यह पहला है।", "यह दूसरा है।"}},
		{"Т.е. так. Потом г. Москва.", []string{"Т.е. так.", "Потом г. Москва."}},
		{"", nil},
		{"No end", []string{"No end"}},
	}
	for _, tt := range tests {
		if got := splitSentences(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("splitSentences(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFirstSentences(t *testing.T) {
	text := "One. Two.\n\nThree. Four."
	for k, want := range map[int]string{1: "One.", 2: "One. Two.", 3: "One. Two.\n\nThree.", 9: text} {
		if got := firstSentences(text, k); got != want {
			t.Errorf("firstSentences(%d) = %q, want %q", k, got, want)
		}
	}
}
