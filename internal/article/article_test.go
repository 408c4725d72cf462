package article

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

func TestSplitParagraphs(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"one", []string{"one"}},
		{"one\n\ntwo", []string{"one", "two"}},
		{"  one \r\n\r\n\n\n two\nstill two ", []string{"one", "two\nstill two"}},
	}
	for _, tt := range tests {
		if got := SplitParagraphs(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("SplitParagraphs(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNewMarshalsEmptyLists(t *testing.T) {
	b, err := json.Marshal(New())
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for _, want := range []string{`"markers":[]`, `"links":[]`, `"attributed_source":""`} {
		if !strings.Contains(s, want) {
			t.Errorf("JSON %s lacks %s", s, want)
		}
	}
	if strings.Contains(s, "published") {
		t.Errorf("zero time should be omitted: %s", s)
	}
}
