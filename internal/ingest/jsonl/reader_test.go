package jsonl

import (
	"errors"
	"io"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/newstrace/newstrace/internal/article"
)

// readAll drains r, keeping records and errors in the order they came.
func readAll(t *testing.T, r *Reader) (recs []*Record, errs []*ParseError) {
	t.Helper()
	for range 1000 {
		rec, err := r.Next()
		if errors.Is(err, io.EOF) {
			return recs, errs
		}
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("Next: %v is not a *ParseError", err)
			}
			errs = append(errs, pe)
			continue
		}
		recs = append(recs, rec)
	}
	t.Fatal("reader did not reach io.EOF")
	return nil, nil
}

func TestReaderCorpus(t *testing.T) {
	f, err := os.Open("testdata/corpus.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, errs := readAll(t, NewReader(f))

	var ids []string
	for _, r := range recs {
		ids = append(ids, r.ID)
	}
	if got, want := strings.Join(ids, ","), "harbour-en,harbour-fr,orchard-de,orchard-en"; got != want {
		t.Errorf("ids = %s, want %s", got, want)
	}
	wantErrs := []struct {
		line int
		id   string
		msg  string
		is   error
	}{
		{4, "", "jsonl: line 4: invalid json", nil},
		{6, "no-content", `jsonl: line 6 (id "no-content"): missing text and html`, ErrMissingContent},
		{7, "bad-date", `jsonl: line 7 (id "bad-date"): field published:`, nil},
		{8, "", "jsonl: line 8: missing id", ErrMissingID},
	}
	if len(errs) != len(wantErrs) {
		t.Fatalf("got %d errors %v, want %d", len(errs), errs, len(wantErrs))
	}
	for i, w := range wantErrs {
		e := errs[i]
		if e.Line != w.line || e.ID != w.id || !strings.HasPrefix(e.Error(), w.msg) {
			t.Errorf("error %d = %q (line %d, id %q), want line %d id %q prefix %q", i, e, e.Line, e.ID, w.line, w.id, w.msg)
		}
		if w.is != nil && !errors.Is(e, w.is) {
			t.Errorf("error %d: errors.Is(%v, %v) = false", i, e, w.is)
		}
	}

	fr := recs[1]
	if want := time.Date(2024, 3, 27, 9, 40, 0, 0, time.UTC); !fr.Published.Equal(want) {
		t.Errorf("published = %v, want %v", fr.Published, want)
	}
	if fr.Gold == nil || fr.Gold.Origin != "harbour-en" || fr.Gold.Relation != article.RelationTranslation {
		t.Errorf("gold = %+v", fr.Gold)
	}
	de := recs[2]
	if want := time.Date(2024, 4, 2, 0, 0, 0, 0, time.UTC); !de.Published.Equal(want) {
		t.Errorf("date-only published = %v, want %v", de.Published, want)
	}
	if de.Text != "" || !strings.Contains(de.HTML, "Kirschbäume") {
		t.Errorf("html-only record: text %q html %q", de.Text, de.HTML)
	}
	if recs[3].Gold != nil {
		t.Errorf("empty gold should read as nil, got %+v", recs[3].Gold)
	}
}

func TestReaderLineNumbers(t *testing.T) {
	in := "\xef\xbb\xbf{\"id\":\"a\",\"text\":\"x\"}\r\n\r\n   \n{\"id\":\"b\",\"text\":\"y\"}"
	r := NewReader(strings.NewReader(in))
	var lines []int
	for {
		rec, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("Next: %v", err)
		}
		lines = append(lines, r.Line())
		if rec.Text == "" {
			t.Errorf("record %q lost its text", rec.ID)
		}
	}
	if len(lines) != 2 || lines[0] != 1 || lines[1] != 4 {
		t.Errorf("lines = %v, want [1 4]", lines)
	}
}

func TestReaderLongLines(t *testing.T) {
	// A line longer than bufio.Scanner's 64 KiB limit must read; one over
	// MaxLineSize is reported and the next line still arrives.
	big := strings.Repeat("word ", 40_000) // 200 kB
	in := `{"id":"big","text":"` + big + `"}` + "\n" +
		`{"id":"huge","text":"` + big + big + `"}` + "\n" +
		`{"id":"after","text":"fine"}` + "\n"
	r := NewReader(strings.NewReader(in))
	r.MaxLineSize = 300_000
	recs, errs := readAll(t, r)
	if len(recs) != 2 || recs[0].ID != "big" || recs[1].ID != "after" || len(recs[0].Text) != len(big) {
		t.Errorf("records = %d, want big and after", len(recs))
	}
	if len(errs) != 1 || errs[0].Line != 2 || !errors.Is(errs[0], ErrLineTooLong) {
		t.Errorf("errors = %v, want line 2 too long", errs)
	}
}

func TestReaderInvalidValues(t *testing.T) {
	tests := []struct {
		line string
		want string
	}{
		{`{"id": 7, "text": "x"}`, "jsonl: line 1: invalid json"},
		{`{"id": "t", "text": 7}`, `jsonl: line 1 (id "t"): invalid json`},
		{`[1, 2]`, "jsonl: line 1: invalid json"},
		{`null`, "jsonl: line 1: missing id"},
		{`{"id": "g", "text": "x", "gold": {"relation": "cousin"}}`, `jsonl: line 1 (id "g"): field gold.relation: unknown relation "cousin"`},
		{`{"id": "p", "text": "x", "published": "2024-13-01"}`, `jsonl: line 1 (id "p"): field published: "2024-13-01"`},
		{`{"id": "e", "text": ""}`, `jsonl: line 1 (id "e"): missing text and html`},
	}
	for _, tt := range tests {
		_, err := NewReader(strings.NewReader(tt.line)).Next()
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("Next(%s) = %v, want prefix %q", tt.line, err, tt.want)
		}
	}
}

type failingReader struct{ err error }

func (f failingReader) Read([]byte) (int, error) { return 0, f.err }

func TestReaderStickyReadError(t *testing.T) {
	boom := errors.New("disk on fire")
	r := NewReader(io.MultiReader(strings.NewReader(`{"id":"a","text":"x"}`+"\n"), failingReader{boom}))
	if _, err := r.Next(); err != nil {
		t.Fatalf("first Next: %v", err)
	}
	for range 2 {
		if _, err := r.Next(); !errors.Is(err, boom) {
			t.Errorf("Next after read error = %v, want %v", err, boom)
		}
	}
}
