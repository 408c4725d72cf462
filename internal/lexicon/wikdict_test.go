package lexicon

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
)

// wikDictEntries imitate a WikDict pol-eng dictionary: a translation line per
// sense, each followed by a Polish definition, sense numbers where the
// rendering puts them (written for these tests, after FreeDict's layout).
var wikDictEntries = []fixtureEntry{
	{head: "00databaseshort", text: "\n00-database-short\njęzyk polski-English FreeDict+WikDict dictionary\n"},
	{head: "cząstka", text: "cząstka /ˈʧ̑ɔ̃w̃stka/ <n>\n1. particle\n(fizyka, fizyczny) fragment materii niewidoczny dla oka;\n2. small part\n(zdrobniale) od: część\n"},
	{head: "kraj", text: "kraj /kraj/ <n>\ncountry 2.\n(geografia, geograficzny) kraina, obszar geograficzny;\n 3.\npaństwo\n"},
	{head: "policjant", text: "policjant /pɔˈlʲiʦ̑ʲjãnt/ <n>\npoliceman, police officer\nfunkcjonariusz policji\n"},
	{head: "szpital", text: "szpital /ˈʃpʲital/ <n>\n\nhospital\nplacówka lecznicza\n"}, // a blank line before the first sense
}

func TestParseWikDictEntry(t *testing.T) {
	for _, e := range wikDictEntries[1:] {
		got := parseWikDictEntry(e.text)
		want := map[string][]string{
			"cząstka":   {"particle", "small part"},
			"kraj":      {"country"},
			"policjant": {"policeman", "police officer"},
			"szpital":   {"hospital"},
		}[e.head]
		if !reflect.DeepEqual(got, want) {
			t.Errorf("parseWikDictEntry(%s) = %q, want %q", e.head, got, want)
		}
	}
}

func TestSenseNumbers(t *testing.T) {
	for _, c := range []struct {
		in, cut  string
		numbered bool
		trimmed  string
	}{
		{"2. small part", "small part", true, "2. small part"},
		{"3.", "", true, ""},
		{"country 2.", "country 2.", false, "country"},
		{"10. flour 11.", "flour 11.", true, "10. flour"},
		{"ver. 2.5", "ver. 2.5", false, "ver. 2.5"},
		{"v2.", "v2.", false, "v2."},
		{"1.5 litres", "1.5 litres", false, "1.5 litres"},
	} {
		cut, numbered := cutSenseNumber(c.in)
		if cut != c.cut || numbered != c.numbered {
			t.Errorf("cutSenseNumber(%q) = %q, %v; want %q, %v", c.in, cut, numbered, c.cut, c.numbered)
		}
		if got := trimSenseNumber(c.in); got != c.trimmed {
			t.Errorf("trimSenseNumber(%q) = %q, want %q", c.in, got, c.trimmed)
		}
	}
}

// TestImportWikDict checks that ImportDictd recognises a WikDict dictionary
// by its database entry and keeps the definitions out, and that the same
// entries without the mark are read as any FreeDict dictionary.
func TestImportWikDict(t *testing.T) {
	dir := t.TempDir()
	writeDictd(t, dir, "freedict-pol-eng", wikDictEntries)
	writeDictd(t, dir, "plain-pol-eng", append([]fixtureEntry{{head: "00databaseshort", text: "Polish-English test dictionary\n"}}, wikDictEntries[1:]...))
	for _, c := range []struct {
		name       string
		wik        bool
		definition bool // the Polish definition "obszar geograficzny" is taken for English
	}{
		{"freedict-pol-eng", true, false},
		{"plain-pol-eng", false, true},
	} {
		dict := filepath.Join(dir, c.name+".dict.dz")
		f, err := os.Open(dict)
		if err != nil {
			t.Fatal(err)
		}
		r, err := openDict(f)
		if err != nil {
			t.Fatal(err)
		}
		if wik := isWikDict(r); wik != c.wik {
			t.Errorf("isWikDict(%s) = %v, want %v", c.name, wik, c.wik)
		}
		f.Close()
		l, err := ImportDictd(context.Background(), filepath.Join(dir, c.name+".index"), dict, "pol", "eng")
		if err != nil {
			t.Fatal(err)
		}
		got := l.ToEnglish("pl", "kraj")
		if c.wik && (len(got) == 0 || got[0] != "country") {
			t.Errorf("%s: ToEnglish(pl, kraj) = %q, want country first", c.name, got)
		}
		if has := slices.Contains(got, "obszar geograficzny"); has != c.definition {
			t.Errorf("%s: ToEnglish(pl, kraj) = %q: definition taken = %v, want %v", c.name, got, has, c.definition)
		}
	}
}
