package corpus

import "testing"

func segs(texts ...string) []segment {
	var out []segment
	for _, s := range texts {
		out = append(out, segment{Text: s})
	}
	return out
}

func TestBuildText(t *testing.T) {
	tests := []struct {
		name        string
		segs        []segment
		headlines   bool
		title, text string
	}{
		{"headline and groups of three", segs("Big news today", "A.", "B.", "C.", "D."), true, "Big news today", "A. B. C.\n\nD."},
		{"headlines off", segs("Big news today", "A."), false, "", "Big news today A."},
		{"sentence is no headline", segs("It rained.", "A."), true, "", "It rained. A."},
		{"single segment stays text", segs("Big news today"), true, "", "Big news today"},
		{"empty segments skipped", segs("", "Big news today", "", "A."), true, "Big news today", "A."},
		{"CJK joined without space", segs("东京新闻标题", "第一句。", "第二句。"), true, "东京新闻标题", "第一句。第二句。"},
		{"marked paragraphs", []segment{{"A.", 1}, {"B.", 1}, {"C.", 2}}, true, "", "A. B.\n\nC."},
	}
	for _, tt := range tests {
		title, text := buildText(tt.segs, tt.headlines)
		if title != tt.title || text != tt.text {
			t.Errorf("%s: got %q / %q, want %q / %q", tt.name, title, text, tt.title, tt.text)
		}
	}
}
