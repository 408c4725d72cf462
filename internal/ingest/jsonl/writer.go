package jsonl

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"

	"github.com/newstrace/newstrace/internal/article"
)

// Writer writes records in the corpus format, one line per call, with
// empty fields omitted. It keeps no buffer of its own, so there is nothing
// to flush; wrap w in a bufio.Writer for many small writes.
type Writer struct {
	w   io.Writer
	buf bytes.Buffer
	enc *json.Encoder
}

// NewWriter returns a new Writer that writes to w.
func NewWriter(w io.Writer) *Writer {
	wr := &Writer{w: w}
	wr.enc = json.NewEncoder(&wr.buf)
	// Pages and titles are full of <, > and &; escaping them would only make
	// the corpus harder to read.
	wr.enc.SetEscapeHTML(false)
	return wr
}

// Write writes a as one line: id, url, site, lang, published, title, text
// and gold. It refuses an article that would not read back (no id, no
// text), so that a written corpus is always a valid one.
func (w *Writer) Write(a *article.Article) error {
	if a.Text == "" {
		if a.ID == "" {
			return fmt.Errorf("jsonl: write: %w", ErrMissingID)
		}
		return fmt.Errorf("jsonl: write %q: empty text", a.ID)
	}
	return w.WriteRecord(recordFromArticle(a))
}

// WriteRecord writes rec as one line, html included. It is the inverse of
// Reader.Next.
func (w *Writer) WriteRecord(rec *Record) error {
	wire := wireRecord{
		ID:    rec.ID,
		URL:   rec.URL,
		Site:  rec.Site,
		Lang:  rec.Lang,
		Title: rec.Title,
		Text:  rec.Text,
		HTML:  rec.HTML,
		Gold:  goldOrNil(rec.Gold),
	}
	if !rec.Published.IsZero() {
		wire.Published = formatPublished(rec.Published)
	}
	if _, err := wire.record(); err != nil {
		return fmt.Errorf("jsonl: write %q: %w", rec.ID, err)
	}
	w.buf.Reset()
	if err := w.enc.Encode(&wire); err != nil {
		return fmt.Errorf("jsonl: write %q: %w", rec.ID, err)
	}
	if _, err := w.w.Write(w.buf.Bytes()); err != nil {
		return fmt.Errorf("jsonl: write %q: %w", rec.ID, err)
	}
	return nil
}
