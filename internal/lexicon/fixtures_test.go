package lexicon

import (
	"bytes"
	"compress/gzip"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the dictd fixtures in testdata/")

// fixtureEntry is one dictd entry of a test dictionary; aliases are extra
// index lines pointing at the same entry, as dictd writes for variants.
type fixtureEntry struct {
	head    string
	aliases []string
	text    string
}

// The fixture dictionaries imitate FreeDict's rendering (pronunciation,
// grammar tags, numbered senses, examples, notes, synonyms, cross
// references) with a handful of everyday words, written for these tests.
var fixtureDicts = map[string][]fixtureEntry{
	"freedict-fra-eng": {
		{head: "00databaseinfo", text: "Tiny French-English test dictionary written for newstrace.\n"},
		{head: "chat", aliases: []string{"minou"}, text: "chat /ʃa/ <n, masc>\ncat\n"},
		{head: "chien", text: "chien /ʃjɛ̃/ <n, masc>\ndog <n>\n      \"Le chien dort.\"  - The dog sleeps.\n   Synonym: {toutou}\n\n see: {chiens}\n\n"},
		{head: "école", text: "école /ekɔl/ <n, fem>\n1. school\n2. academy [educ.]\n"},
		{head: "maison", text: "maison /mɛzɔ̃/ <n, fem>\nhouse, home\n"},
		{head: "manger", text: "manger /mɑ̃ʒe/ <v>\n1. to eat\n2. consume (food), use up\n         Note: also figurative\n"},
		{head: "pomme de terre", text: "pomme de terre <n, fem>\npotato\n"},
		{head: "gouvernement", text: "gouvernement /ɡuvɛʁnəmɑ̃/ <n, masc>\n1. rule, control\n2. government <n>Gov.,  /ɡˈʌv/ cabinet\n"},
	},
	"freedict-eng-fra": {
		{head: "cat", text: "cat /kæt/\nchat, matou\n"},
		{head: "dog", text: "dog /dɒg/\nchien\n"},
		{head: "government", text: "government /ˈɡʌvənmənt/\ngouvernement\n"},
		{head: "tomcat", text: "tomcat /ˈtɒmkæt/\nmatou\n"},
	},
	"freedict-eng-rus": {
		{head: "cat", text: "cat /kæt/\nкошка, кот\n"},
		{head: "dog", text: "dog <n>\nI.  <N> 1.  [zool.]  собака\n 2.  пёс\nII.  <V Phras>dog out   выследить\n"},
		{head: "fir tree", text: "fir tree\nёлка\n"},
		{head: "home", text: "home /houm/\n1. дом\n2. домой\n"},
		{head: "house", text: "house /haus/\nдом\n"},
	},
}

// bridgeFixtureDicts, written to testdata/bridge, imitate a German→Russian
// dictionary without an English side (Russian translations followed by
// German definitions, stress marks, trailing sense numbers) beside a
// German→English one and a small English→Russian one.
var bridgeFixtureDicts = map[string][]fixtureEntry{
	"freedict-deu-eng": {
		{head: "Krieg", text: "Krieg /kʁiːk/ <n, masc>\nwar, warfare\n"},
		{head: "Regierung", text: "Regierung <n, fem>\ngovernment, administration\n"},
		{head: "Gericht", text: "Gericht <n, neut>\n1. court\n2. dish, meal\n"},
		{head: "Wahl", text: "Wahl <n, fem>\nelection, choice\n"},
		{head: "Abstimmung", text: "Abstimmung <n, fem>\nvote, ballot\n"},
		{head: "Schloss", text: "Schloss <n, neut>\n1. castle\n2. lock\n"},
		{head: "Burg", text: "Burg <n, fem>\ncastle, fortress\n"},
		{head: "Schlüssel", text: "Schlüssel <n, masc>\nkey, code, wrench\n"},
		{head: "Quelle", text: "Quelle <n, fem>\nsource, spring, origin\n"},
		{head: "Taste", text: "Taste <n, fem>\nbutton, knob, switch\n"},
		{head: "Haus", text: "Haus <n, neut>\nhouse, home\n"},
		{head: "Zug", text: "Zug <n, masc>\n1. train\n2. move\n"},
	},
	"freedict-deu-rus": {
		{head: "Krieg", text: "Krieg /kʁiːk/ <n, masc>\nвойна́\nbewaffneter Konflikt zwischen Staaten, Völkern\n"},
		{head: "Regierung", text: "Regierung <n, fem>\nправи́тельство\nLeitung eines Staates\n"},
		{head: "Gericht", text: "Gericht <n, neut>\nсуд 2.\nOrgan der Rechtsprechung\n 3.\nблюдо\n"},
		{head: "Wahl", text: "Wahl <n, fem>\nвыборы, выбор\n"},
		{head: "Abstimmung", text: "Abstimmung <n, fem>\nголосование, выборы\n"},
		{head: "Schloss", text: "Schloss <n, neut>\nзамок\n"},
		{head: "Burg", text: "Burg <n, fem>\nкрепость, замок\n"},
		{head: "Schlüssel", text: "Schlüssel <n, masc>\nключ\n"},
		{head: "Quelle", text: "Quelle <n, fem>\nисточник, ключ\n"},
		{head: "Taste", text: "Taste <n, fem>\nклавиша, ключ\n"},
		{head: "Haus", text: "Haus <n, neut>\nдом\n"},
		{head: "Zug", text: "Zug <n, masc>\nпоезд, ход, тяга, черта\n"},
	},
	"freedict-eng-rus": {
		{head: "house", text: "house /haus/\nдом\n"},
		{head: "government", text: "government\nправительство\n"},
	},
}

// encodeDictdNumber is the inverse of decodeDictdNumber.
func encodeDictdNumber(n uint64) string {
	const digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
	if n == 0 {
		return "A"
	}
	var b []byte
	for ; n > 0; n >>= 6 {
		b = append([]byte{digits[n&63]}, b...)
	}
	return string(b)
}

// writeDictd writes name.index and name.dict.dz into dir. Like dictd, the
// index is sorted by headword and the entries follow each other in the data.
func writeDictd(t testing.TB, dir, name string, entries []fixtureEntry) {
	t.Helper()
	var data, index bytes.Buffer
	type line struct{ head, off, size string }
	var lines []line
	for _, e := range entries {
		off, size := encodeDictdNumber(uint64(data.Len())), encodeDictdNumber(uint64(len(e.text)))
		data.WriteString(e.text)
		for _, h := range append([]string{e.head}, e.aliases...) {
			lines = append(lines, line{h, off, size})
		}
	}
	for i := 1; i < len(lines); i++ { // insertion sort: a handful of lines
		for j := i; j > 0 && lines[j].head < lines[j-1].head; j-- {
			lines[j], lines[j-1] = lines[j-1], lines[j]
		}
	}
	for _, l := range lines {
		fmt.Fprintf(&index, "%s\t%s\t%s\n", l.head, l.off, l.size)
	}
	var dz bytes.Buffer
	zw := gzip.NewWriter(&dz)
	zw.Write(data.Bytes())
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".index"), index.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".dict.dz"), dz.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestWriteFixtures regenerates testdata/ with -update and otherwise checks
// that every fixture is present.
func TestWriteFixtures(t *testing.T) {
	for dir, dicts := range map[string]map[string][]fixtureEntry{
		"testdata":                          fixtureDicts,
		filepath.Join("testdata", "bridge"): bridgeFixtureDicts,
	} {
		for name, entries := range dicts {
			if *update {
				if err := os.MkdirAll(dir, 0o755); err != nil {
					t.Fatal(err)
				}
				writeDictd(t, dir, name, entries)
				continue
			}
			for _, ext := range []string{".index", ".dict.dz"} {
				if _, err := os.Stat(filepath.Join(dir, name+ext)); err != nil {
					t.Errorf("fixture missing (run go test -run TestWriteFixtures -update): %v", err)
				}
			}
		}
	}
}

func fixture(name string) (index, dict string) {
	return filepath.Join("testdata", name+".index"), filepath.Join("testdata", name+".dict.dz")
}
