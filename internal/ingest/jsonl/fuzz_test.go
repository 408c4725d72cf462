package jsonl

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"os"
	"testing"
)

// FuzzReader checks that no input panics the reader, that it always
// reaches io.EOF, and that every record it accepts survives Write→Read
// (through WriteRecord with html, and through Article and Write without).
func FuzzReader(f *testing.F) {
	seed, err := os.ReadFile("testdata/corpus.jsonl")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	sc := bufio.NewScanner(bytes.NewReader(seed))
	for sc.Scan() {
		f.Add(bytes.Clone(sc.Bytes()))
	}
	f.Add([]byte(`{"id":"x","text":"y","published":"2024-01-02T03:04:05.123456789-07:00"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		r := NewReader(bytes.NewReader(data))
		r.MaxLineSize = 1 << 12
		for calls := 0; ; calls++ {
			if calls > len(data)+1 {
				t.Fatalf("no io.EOF after %d calls", calls)
			}
			rec, err := r.Next()
			if errors.Is(err, io.EOF) {
				return
			}
			var pe *ParseError
			if err != nil && !errors.As(err, &pe) {
				t.Fatalf("unexpected error type %T: %v", err, err)
			}
			if err != nil {
				continue
			}
			var buf bytes.Buffer
			if err := NewWriter(&buf).WriteRecord(rec); err != nil {
				t.Fatalf("WriteRecord(%+v): %v", rec, err)
			}
			assertReadsBack(t, buf.Bytes(), rec)
			if rec.Text == "" {
				continue
			}
			buf.Reset()
			if err := NewWriter(&buf).Write(rec.Article()); err != nil {
				t.Fatalf("Write(Article of %+v): %v", rec, err)
			}
			noHTML := *rec
			noHTML.HTML = ""
			assertReadsBack(t, buf.Bytes(), &noHTML)
		}
	})
}

func assertReadsBack(t *testing.T, line []byte, want *Record) {
	t.Helper()
	got, err := NewReader(bytes.NewReader(line)).Next()
	if err != nil {
		t.Fatalf("re-reading %s: %v", line, err)
	}
	if !equalRecords(got, want) {
		t.Fatalf("round trip changed the record:\n got %+v\nwant %+v\nline %s", got, want, line)
	}
}

func equalRecords(a, b *Record) bool {
	if !a.Published.Equal(b.Published) {
		return false
	}
	if (a.Gold == nil) != (b.Gold == nil) || (a.Gold != nil && *a.Gold != *b.Gold) {
		return false
	}
	x, y := *a, *b
	x.Published, x.Gold, y.Gold = y.Published, nil, nil
	return x == y
}
