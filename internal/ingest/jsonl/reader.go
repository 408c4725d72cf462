package jsonl

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/newstrace/newstrace/internal/article"
)

// DefaultMaxLineSize is the longest line NewReader accepts. Lines carrying a
// whole raw page in "html" are routinely a few MiB; bufio.Scanner's 64 KiB
// default would reject them.
const DefaultMaxLineSize = 64 << 20

// shrinkAbove is the line buffer capacity kept between lines; a buffer grown
// for one huge line is dropped rather than held for the rest of the file.
const shrinkAbove = 1 << 20

var utf8BOM = []byte("\xef\xbb\xbf")

// Reader reads records from a corpus JSON Lines stream.
type Reader struct {
	// MaxLineSize bounds the length of one line in bytes. A longer line is
	// skipped and reported as a *ParseError wrapping ErrLineTooLong. Change
	// it before the first call to Next.
	MaxLineSize int

	br      *bufio.Reader
	buf     []byte
	line    int   // physical lines consumed so far
	recLine int   // line of the last record or error returned
	err     error // sticky: io.EOF or a read error of the underlying reader
}

// NewReader returns a new Reader that reads from r.
func NewReader(r io.Reader) *Reader {
	return &Reader{MaxLineSize: DefaultMaxLineSize, br: bufio.NewReaderSize(r, 64<<10)}
}

// Line returns the 1-based line number of the record or *ParseError that
// the last call to Next returned, or 0 before the first.
func (r *Reader) Line() int { return r.recLine }

// Next returns the next record. At the end of the input it returns nil,
// io.EOF. A malformed line yields a *ParseError; the following call goes on
// with the next line. Blank lines are skipped. An error reading the
// underlying stream is returned wrapped, and again on every later call.
func (r *Reader) Next() (*Record, error) {
	for r.err == nil {
		line, tooLong, err := r.readLine()
		if err != nil {
			if errors.Is(err, io.EOF) {
				r.err = io.EOF
			} else {
				r.err = fmt.Errorf("jsonl: after line %d: %w", r.line, err)
			}
			break
		}
		r.recLine = r.line
		if tooLong {
			return nil, &ParseError{Line: r.line, Err: fmt.Errorf("%w (limit %d bytes)", ErrLineTooLong, r.MaxLineSize)}
		}
		if r.line == 1 {
			line = bytes.TrimPrefix(line, utf8BOM)
		}
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		return r.decode(line)
	}
	return nil, r.err
}

// readLine returns the next line without its line ending. It returns
// io.EOF only when no byte was left. A line over MaxLineSize is consumed to
// its end and reported with tooLong rather than buffered.
func (r *Reader) readLine() (line []byte, tooLong bool, err error) {
	if cap(r.buf) > shrinkAbove {
		r.buf = nil
	}
	r.buf = r.buf[:0]
	read := 0
	for {
		chunk, err := r.br.ReadSlice('\n')
		read += len(chunk)
		if !tooLong {
			if len(r.buf)+len(chunk) > r.MaxLineSize+2 { // +2: the line ending
				tooLong = true
				r.buf = r.buf[:0]
			} else {
				r.buf = append(r.buf, chunk...)
			}
		}
		switch {
		case err == nil:
			r.line++
			return trimEOL(r.buf), tooLong, nil
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case errors.Is(err, io.EOF) && read > 0:
			r.line++ // a last line without a newline
			return trimEOL(r.buf), tooLong, nil
		default:
			return nil, false, err
		}
	}
}

func trimEOL(b []byte) []byte {
	b = bytes.TrimSuffix(b, []byte("\n"))
	return bytes.TrimSuffix(b, []byte("\r"))
}

// decode parses and validates one non-blank line.
func (r *Reader) decode(line []byte) (*Record, error) {
	var w wireRecord
	if err := json.Unmarshal(line, &w); err != nil {
		// A type error still fills the fields it could, id included.
		return nil, &ParseError{Line: r.line, ID: w.ID, Err: fmt.Errorf("invalid json: %w", err)}
	}
	rec, err := w.record()
	if err != nil {
		return nil, &ParseError{Line: r.line, ID: w.ID, Err: err}
	}
	return rec, nil
}

// record validates the wire form and converts it.
func (w *wireRecord) record() (*Record, error) {
	if w.ID == "" {
		return nil, ErrMissingID
	}
	if w.Text == "" && w.HTML == "" {
		return nil, ErrMissingContent
	}
	rec := &Record{
		ID:    w.ID,
		URL:   w.URL,
		Site:  w.Site,
		Lang:  w.Lang,
		Title: w.Title,
		Text:  w.Text,
		HTML:  w.HTML,
		Gold:  goldOrNil(w.Gold),
	}
	if w.Published != "" {
		t, err := parsePublished(w.Published)
		if err != nil {
			return nil, fmt.Errorf("field published: %q is neither RFC 3339 nor a date like 2006-01-02", w.Published)
		}
		rec.Published = t
	}
	if rec.Gold != nil {
		switch rec.Gold.Relation {
		case "", article.RelationOriginal, article.RelationCopy, article.RelationTranslation, article.RelationIndependent:
		default:
			return nil, fmt.Errorf("field gold.relation: unknown relation %q", rec.Gold.Relation)
		}
	}
	return rec, nil
}
