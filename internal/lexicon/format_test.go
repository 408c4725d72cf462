package lexicon

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"reflect"
	"strings"
	"testing"
)

// fixtureLexicon merges the three testdata dictionaries.
func fixtureLexicon(t testing.TB) *Lexicon {
	t.Helper()
	l, _, err := ImportDir(context.Background(), "testdata")
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func encode(t testing.TB, l *Lexicon) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := l.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestWriteReadRoundTrip(t *testing.T) {
	l := fixtureLexicon(t)
	data := encode(t, l)
	got, err := Read(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, l) {
		t.Errorf("Read(Write(l)) differs from l")
	}
	for _, w := range []string{"chat", "matou", "ecole", "maisons"} {
		if a, b := got.ToEnglish("fr", w), l.ToEnglish("fr", w); !reflect.DeepEqual(a, b) {
			t.Errorf("ToEnglish(fr, %q) after round trip = %q, want %q", w, a, b)
		}
	}
	if again := encode(t, got); !bytes.Equal(again, data) {
		t.Errorf("second Write differs from the first")
	}

	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(data)
	zw.Close()
	if fromGz, err := Read(&gz); err != nil || !reflect.DeepEqual(fromGz, l) {
		t.Errorf("Read(gzip) = %v; lexicon equal: %v", err, err == nil && reflect.DeepEqual(fromGz, l))
	}

	empty, err := Read(bytes.NewReader(encode(t, Merge())))
	if err != nil || len(empty.Languages()) != 0 {
		t.Errorf("empty lexicon round trip: %v, languages %q", err, empty.Languages())
	}
}

// withCRC replaces the trailing checksum so that a deliberately damaged body
// reaches the structural checks.
func withCRC(body []byte) []byte {
	out := append([]byte(nil), body...)
	return binary.LittleEndian.AppendUint32(out, crc32.ChecksumIEEE(body))
}

func TestReadRejectsBadFiles(t *testing.T) {
	good := encode(t, fixtureLexicon(t))
	body := good[:len(good)-4]
	flip := append([]byte(nil), good...)
	flip[len(flip)/2] ^= 0x40
	hdr := func(v byte, rest string) []byte { return append([]byte{'N', 'T', 'L', 'X', v}, rest...) }
	newer := withCRC(append(hdr(formatVersion+1, ""), body[5:]...))
	older := withCRC(append(hdr(formatVersion-1, ""), body[5:]...))
	// A vocabulary of two words, "b" before "a", and no tables.
	unsorted := withCRC(hdr(formatVersion, "\x02\x01b\x01a\x00"))
	// No vocabulary, no tables, and two irregular forms out of order.
	forms := withCRC(hdr(formatVersion, "\x00\x00\x02\x04went\x02go\x06bought\x03buy"))
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, "missing \"NTLX\" header"},
		{"foreign", []byte("chat\tcat\n"), "missing \"NTLX\" header"},
		{"truncated", good[:len(good)/2], "checksum mismatch"},
		{"bit flip", flip, "checksum mismatch"},
		{"newer version", newer, fmt.Sprintf("format version %d", formatVersion+1)},
		{"older version", older, "import the dictionaries again"},
		{"header only", hdr(formatVersion, ""), "truncated"},
		{"trailing bytes", withCRC(append(append([]byte(nil), body...), 0)), "trailing bytes"},
		{"unsorted vocabulary", unsorted, "out of order"},
		{"huge count", withCRC(hdr(formatVersion, "\xff\xff\xff\xff\x0f")), "exceeds the file"},
		{"unsorted irregular forms", forms, "irregular form 1"},
		{"bad gzip", []byte{0x1f, 0x8b, 0, 0}, "gzip"},
	}
	for _, tt := range tests {
		_, err := Read(bytes.NewReader(tt.data))
		if !errors.Is(err, ErrFormat) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want ErrFormat containing %q", tt.name, err, tt.want)
		}
	}
}

// BenchmarkRead loads the merged lexicon of every FreeDict dictionary
// installed in /usr/share/dictd (the fixtures when there are none): the
// start-up cost of every newstrace command that pivots.
func BenchmarkRead(b *testing.B) {
	l := benchLexicon(b)
	data := encode(b, l)
	b.ReportMetric(float64(len(data)), "file-bytes")
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	cpu0, n := cpuTime(), 0
	for b.Loop() {
		n++
		if _, err := Read(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
	// On a shared machine wall time mostly measures the neighbours; the
	// process's CPU time (GC workers included) is the figure to compare.
	if cpu := cpuTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(cpu.Milliseconds())/float64(n), "cpu-ms/op")
	}
}

func BenchmarkToEnglish(b *testing.B) {
	l := benchLexicon(b)
	words := [][2]string{{"fr", "maisons"}, {"de", "Regierung"}, {"ru", "дома"}, {"cs", "vláda"}, {"fr", "chat"}, {"de", "xyzzy"}}
	for b.Loop() {
		for _, w := range words {
			l.ToEnglish(w[0], w[1])
		}
	}
}

// BenchmarkImportDir measures the one-off import of every installed
// dictionary; run it with -benchtime=1x.
func BenchmarkImportDir(b *testing.B) {
	dir := realDictDir(b)
	cpu0, n := cpuTime(), 0
	for b.Loop() {
		n++
		if _, _, err := ImportDir(context.Background(), dir); err != nil {
			b.Fatal(err)
		}
	}
	if cpu := cpuTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(cpu.Milliseconds())/float64(n), "cpu-ms/op")
	}
}

func benchLexicon(b *testing.B) *Lexicon {
	if _, err := os.Stat(systemDictDir); err == nil {
		return realLexicon(b)
	}
	return fixtureLexicon(b)
}

// A lexicon's fingerprint names its content: what Write wrote, Read names
// alike; other content has another; one built in memory has none yet.
func TestFingerprint(t *testing.T) {
	ctx := context.Background()
	mk := func(tsv string) *Lexicon {
		l, err := ImportTSV(ctx, strings.NewReader(tsv), "fr", "en")
		if err != nil {
			t.Fatal(err)
		}
		return l
	}
	l := mk("chat\tcat\n")
	if l.Fingerprint() != "" {
		t.Errorf("in memory: fingerprint %q, want none", l.Fingerprint())
	}
	var buf bytes.Buffer
	if err := l.Write(&buf); err != nil {
		t.Fatal(err)
	}
	written := l.Fingerprint()
	size := buf.Len()
	r, err := Read(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if written == "" || r.Fingerprint() != written || !strings.HasPrefix(written, fmt.Sprintf("lexicon %d crc32 ", size)) {
		t.Errorf("written %q, read back %q (file of %d bytes)", written, r.Fingerprint(), size)
	}
	other := mk("chat\tcat\nchien\tdog\n")
	if err := other.Write(io.Discard); err != nil {
		t.Fatal(err)
	}
	if other.Fingerprint() == written {
		t.Errorf("two lexicons, one fingerprint %q", written)
	}
}
