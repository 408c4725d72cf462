package lexicon

import (
	"maps"
	"slices"
	"strings"
	"testing"
)

func TestAlignedWords(t *testing.T) {
	var pairs [][2][]string
	for _, m := range [][2]string{
		{"Delete comment", "Видалити коментар"},
		{"Insert comment", "Вставити коментар"},
		{"Edit comment", "Змінити коментар"},
		{"Delete table", "Видалити таблицю"},
		{"Insert table", "Вставити таблицю"},
		{"Edit table", "Змінити таблицю"},
		{"Delete row", "Видалити рядок"},
		{"Insert row", "Вставити рядок"},
		{"Edit the row", "Змінити рядок"},
		{"Sort", "Сортувати за зростанням"}, // in one message only
	} {
		en, tr, ok := alignWords(moMessage{id: m[0], str: m[1]})
		if !ok {
			t.Fatalf("%q: not aligned", m)
		}
		pairs = append(pairs, [2][]string{en, tr})
	}
	got := alignedWords(pairs)
	want := map[string]string{
		"видалити": "delete", "вставити": "insert", "змінити": "edit",
		"коментар": "comment", "таблицю": "table", "рядок": "row",
	}
	if !maps.Equal(got, want) {
		t.Errorf("alignedWords = %v\nwant %v", got, want)
	}
}

func TestAlignWords(t *testing.T) {
	for _, tt := range []struct {
		id, str string
		en, tr  string // space-separated; "-" for not aligned
	}{
		{"~Insert <b>%PRODUCTNAME</b> Comment...", "Вставити ~коментар %PRODUCTNAME...", "insert comment", "вставити коментар"},
		{"Open in Firefox", "Відкрити у Firefox", "open in firefox", "відкрити у"},
		{"Open in Firefox", "Ouvrir dans Firefox", "open in firefox", "ouvrir dans"},
		{"Don't save", "Не зберігати", "don t save", "не зберігати"},
		{"Save {file} as", "Зберегти {file} як", "save as", "зберегти як"},
		{"Insert comment", "コメントの挿入", "-", "-"},
		{"%s", "%s", "-", "-"},
		{strings.Repeat("word ", 13), strings.Repeat("слово ", 13), "-", "-"},
	} {
		en, tr, ok := alignWords(moMessage{id: tt.id, str: tt.str})
		if !ok {
			if tt.en != "-" {
				t.Errorf("%q: not aligned, want %q / %q", tt.id, tt.en, tt.tr)
			}
			continue
		}
		if tt.en == "-" || !slices.Equal(en, strings.Fields(tt.en)) || !slices.Equal(tr, strings.Fields(tt.tr)) {
			t.Errorf("%q / %q → %q / %q, want %q / %q", tt.id, tt.str, en, tr, tt.en, tt.tr)
		}
	}
}
