package lexicon

import (
	"context"
	"encoding/binary"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func namesTestdata(parts ...string) string {
	return filepath.Join(append([]string{"testdata", "names"}, parts...)...)
}

// toBigEndian rewrites a little-endian catalogue's header and string
// tables in big-endian order, as a catalogue written on such a machine is.
func toBigEndian(t *testing.T, le []byte) []byte {
	t.Helper()
	be := slices.Clone(le)
	swap := func(off int) {
		binary.BigEndian.PutUint32(be[off:], binary.LittleEndian.Uint32(le[off:]))
	}
	for off := 0; off < moHeader; off += 4 {
		swap(off)
	}
	n := int(binary.LittleEndian.Uint32(le[8:]))
	for _, table := range []int{int(binary.LittleEndian.Uint32(le[12:])), int(binary.LittleEndian.Uint32(le[16:]))} {
		for off := table; off < table+8*n; off += 4 {
			swap(off)
		}
	}
	return be
}

func TestReadMO(t *testing.T) {
	le, err := os.ReadFile(namesTestdata("locale", "hi", "LC_MESSAGES", "iso_3166-1.mo"))
	if err != nil {
		t.Fatal(err)
	}
	want := []moMessage{
		{id: "India", str: "भारत"},
		{id: "China", str: "चीन"},
		{id: "United Kingdom", str: "यूनाइटेड किंगडम"},
		{id: "Korea, Republic of", str: "कोरिया"},
		{context: "Common name", id: "Egypt", str: "मिस्र"},
		{id: "island", str: "द्वीप"}, // the singular of a plural message
	}
	for name, data := range map[string][]byte{"little-endian": le, "big-endian": toBigEndian(t, le)} {
		got, err := readMO(data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		// The header and the untranslated France are left out; a .mo
		// sorts its messages by msgid, context included.
		slices.SortFunc(got, func(a, b moMessage) int { return strings.Compare(a.id, b.id) })
		slices.SortFunc(want, func(a, b moMessage) int { return strings.Compare(a.id, b.id) })
		if !slices.Equal(got, want) {
			t.Errorf("%s: got %q\nwant %q", name, got, want)
		}
	}
}

func TestReadMOErrors(t *testing.T) {
	le, err := os.ReadFile(namesTestdata("locale", "hi", "LC_MESSAGES", "iso_3166-1.mo"))
	if err != nil {
		t.Fatal(err)
	}
	corrupt := func(off int, v uint32) []byte {
		b := slices.Clone(le)
		binary.LittleEndian.PutUint32(b[off:], v)
		return b
	}
	strs := int(binary.LittleEndian.Uint32(le[16:]))
	for _, tt := range []struct {
		name string
		data []byte
		want string
	}{
		{"short", le[:20], "too short"},
		{"magic", []byte(strings.Repeat("not a catalogue ", 3)), "bad magic"},
		{"revision", corrupt(4, 2<<16), "revision 2"},
		{"count", corrupt(8, 1<<30), "overrun the file"},
		{"table", corrupt(12, uint32(len(le)-4)), "overrun the file"},
		{"string", corrupt(strs+12, 1<<31), "message 1 overruns"},
	} {
		if _, err := readMO(tt.data); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want one saying %q", tt.name, err, tt.want)
		}
	}
}

func TestReadLCTime(t *testing.T) {
	f, err := os.Open(namesTestdata("i18n", "hi_IN"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	lt, err := readLCTime(f)
	if err != nil {
		t.Fatal(err)
	}
	// The comment in the middle of day's list ends its line, whose
	// escape still continues it.
	if len(lt.day) != 7 || lt.day[4] != "गुरुवार" || lt.day[3] != "बुधवार" {
		t.Errorf("day = %q, want seven with Thursday गुरुवार", lt.day)
	}
	if len(lt.mon) != 12 || lt.mon[0] != "जनवरी" || lt.mon[11] != "दिसंबर" {
		t.Errorf("mon = %q", lt.mon)
	}
	if lt.altMon != nil || lt.copy != "" {
		t.Errorf("alt_mon %q, copy %q: want none", lt.altMon, lt.copy)
	}

	copied, err := readLocaleTime(namesTestdata("i18n", "hi_XX"))
	if err != nil || !slices.Equal(copied.day, lt.day) {
		t.Errorf("hi_XX copies hi_IN: day %q, %v", copied.day, err)
	}
}

func TestReadLCTimeErrors(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"LC_TIME\nday \"<U0930>\";\"<U0938>\"\nmon \"<U091C>\nEND LC_TIME\n", "line 3: mon"},
		{"LC_TIME\nday \"<X0930>\"\nEND LC_TIME\n", "line 2: day: bad character name"},
		{"LC_TIME\nday \"<U110000>\"\nEND LC_TIME\n", "bad character name"},
		{"LC_TIME\ncopy hi_IN\nEND LC_TIME\n", "line 2: copy"},
		{"LC_TIME\nday \"a\"\n", "no END"},
		{"LC_TIME\nday \"a\";/\n" + strings.Repeat("\"aaaaaaaaaaaaaa\";/\n", maxLocaleLine/16) + "\"a\"\nEND LC_TIME\n", "longer than"},
	} {
		if _, err := readLCTime(strings.NewReader(tt.in)); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%.40q: error %v, want one saying %q", tt.in, err, tt.want)
		}
	}
}

// namesBase is a lexicon of Hindi and Ukrainian with one word each, for
// AddNames to add to.
func namesBase() *Lexicon {
	b := newBuilder()
	b.addDirect("hi", "नमस्ते", []string{"hello"})
	b.addDirect("hi", "चीन", []string{"porcelain"})
	b.addDirect("uk", "привіт", []string{"hello"})
	return b.build()
}

func TestAddNames(t *testing.T) {
	l, warnings, err := AddNames(context.Background(), namesBase(), namesTestdata("locale"), namesTestdata("i18n"))
	if err != nil {
		t.Fatal(err)
	}
	for word, want := range map[string][]string{
		"भारत":     {"india"},
		"चीन":      {"porcelain", "china"}, // the base's sense kept, the name added
		"गुरुवार":  {"thursday"},
		"दिसंबर":   {"december"},
		"नमस्ते":   {"hello"},
		"यूनाइटेड": nil, // a name of two words is no pair of words
		"कोरिया":   nil, // nor one whose English is "Korea, Republic of"
	} {
		if got := l.ToEnglish("hi", word); !slices.Equal(got, want) {
			t.Errorf("hi %s → %q, want %q", word, got, want)
		}
	}
	joined := strings.Join(warnings, "\n")
	for _, want := range []string{
		filepath.Join("hi_IN", "LC_MESSAGES", "iso_639-2.mo") + ": skipped: not a gettext catalogue",
		"hi_YY: skipped: line 3: mon",
		"hi: ",
	} {
		if !strings.Contains(joined, want) {
			t.Errorf("warnings %q lack %q", warnings, want)
		}
	}
	if strings.Contains(joined, "uk: ") {
		t.Errorf("warnings %q: Ukrainian has no files here and gains nothing", warnings)
	}

	// Missing directories add nothing and are no error.
	same, warnings, err := AddNames(context.Background(), namesBase(), namesTestdata("none"), namesTestdata("none"))
	if err != nil || len(warnings) != 0 || len(same.ToEnglish("hi", "भारत")) != 0 {
		t.Errorf("missing directories: %v, %q, भारत → %q", err, warnings, same.ToEnglish("hi", "भारत"))
	}
}

// TestAddNamesInstalled reads the catalogues and locale sources Debian
// installs (iso-codes, locales) where this machine has them.
func TestAddNamesInstalled(t *testing.T) {
	if _, err := os.Stat(filepath.Join(DefaultLocaleDir, "hi", "LC_MESSAGES", "iso_3166-1.mo")); err != nil {
		t.Skip("iso-codes not installed")
	}
	if _, err := os.Stat(filepath.Join(DefaultI18nDir, "uk_UA")); err != nil {
		t.Skip("glibc locale sources not installed")
	}
	l, warnings, err := AddNames(context.Background(), namesBase(), DefaultLocaleDir, DefaultI18nDir)
	if err != nil {
		t.Fatal(err)
	}
	t.Log(warnings)
	for _, tt := range []struct{ lang, word, want string }{
		{"hi", "भारत", "india"},
		{"hi", "जर्मनी", "germany"},
		{"hi", "गुरुवार", "thursday"},
		{"uk", "четвер", "thursday"},
		{"uk", "квітня", "april"},  // mon: the month in a date
		{"uk", "квітень", "april"}, // alt_mon: the month alone
		{"uk", "україна", "ukraine"},
	} {
		if got := l.ToEnglish(tt.lang, tt.word); !slices.Contains(got, tt.want) {
			t.Errorf("%s %s → %q, want %q among them", tt.lang, tt.word, got, tt.want)
		}
	}
}

// AddInstalled runs the steps it is given and skips the others: nothing
// installed leaves the lexicon as it was.
func TestAddInstalled(t *testing.T) {
	base := namesBase()
	same, warnings, err := AddInstalled(context.Background(), base, Installed{})
	if err != nil || same != base || len(warnings) != 0 {
		t.Errorf("nothing installed: %p (base %p), %q, %v", same, base, warnings, err)
	}
	l, _, err := AddInstalled(context.Background(), base, Installed{Locale: namesTestdata("locale"), I18n: namesTestdata("i18n")})
	if err != nil {
		t.Fatal(err)
	}
	if got := l.ToEnglish("hi", "गुरुवार"); !slices.Equal(got, []string{"thursday"}) {
		t.Errorf("गुरुवार → %q, want thursday", got)
	}
}
