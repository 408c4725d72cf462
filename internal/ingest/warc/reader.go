// Package warc reads archived web pages out of WARC files, compressed per
// record (.warc.gz) or plain.
//
// A Reader yields the HTTP responses worth extracting: 2xx responses with an
// HTML, XHTML or plain-text body. Requests, metadata, warcinfo, revisit and
// resource records are skipped, as are other statuses and media types. The
// input is untrusted: a malformed record is reported as a *RecordError and
// reading goes on with the next record the stream lets it find.
package warc

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/nlnwa/gowarc/v3"
)

// DefaultMaxBodySize bounds a decoded body. News pages are well under it;
// what is over is usually a mislabelled download.
const DefaultMaxBodySize = 16 << 20

// Page is one archived HTTP response.
type Page struct {
	URL         string    // WARC-Target-URI
	Date        time.Time // WARC-Date: when it was fetched
	Status      int       // HTTP status code
	ContentType string    // HTTP Content-Type as sent (charset included), or sniffed when absent
	Body        []byte    // payload with transfer and content codings undone
	RecordID    string    // WARC-Record-ID without angle brackets
	Offset      int64     // of the record in the file (its gzip member when compressed)
	// Truncated reports a body cut at MaxBodySize, cut short in the archive,
	// or marked WARC-Truncated. What is there is still usable.
	Truncated bool
}

// Reader reads pages from a WARC stream.
type Reader struct {
	// MaxBodySize bounds the decoded body of one page; a longer body is
	// cut and the page marked Truncated. Change it before the first Next.
	MaxBodySize int64

	name string
	wr   *gowarc.WarcFileReader
	pos  int64 // end of the last record (or junk) consumed
	// resyncing is set after a malformed record: while the reader looks for
	// the next good record, the errors it meets belong to the same damage
	// and are not reported again.
	resyncing bool
	done      bool
}

// NewReader returns a Reader of the WARC stream r. name identifies the
// stream in errors (usually the file's path). Offsets count from r's
// current position. It fails when r does not start like a WARC file (a
// gzip member or "WARC/"); an empty r is an empty archive.
func NewReader(r io.Reader, name string) (*Reader, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	magic, err := br.Peek(5)
	if err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("warc: %s: %w", name, err)
	}
	if len(magic) > 0 && !(len(magic) >= 2 && magic[0] == 0x1f && magic[1] == 0x8b) && string(magic) != "WARC/" {
		return nil, fmt.Errorf("warc: %s: not a WARC file (starts with %q)", name, magic)
	}
	// bufio.Reader hides any io.Seeker of r, so gowarc does not rewind it.
	wr, err := gowarc.NewWarcFileReaderFromStream(br, 0,
		gowarc.WithSyntaxErrorPolicy(gowarc.ErrWarn),
		gowarc.WithSpecViolationPolicy(gowarc.ErrWarn), // ErrIgnore would discard the block before we read it
		gowarc.WithUnknownRecordTypePolicy(gowarc.ErrWarn),
	)
	if err != nil {
		return nil, fmt.Errorf("warc: %s: %w", name, err)
	}
	return &Reader{MaxBodySize: DefaultMaxBodySize, name: name, wr: wr}, nil
}

// Next returns the next page. At the end of the stream it returns nil,
// io.EOF. A malformed record yields a *RecordError and the following call
// goes on from the next record found; when the stream cannot be read any
// further, the error is followed by io.EOF.
func (r *Reader) Next() (*Page, error) {
	for !r.done {
		rec, err := r.read()
		end := rec.Offset + rec.Size
		progressed := end > r.pos
		if progressed {
			r.pos = end
		}
		if err != nil {
			if rec.WarcRecord != nil {
				rec.Close()
			}
			if !progressed {
				// Nothing consumed: the end, or a stream we cannot move past.
				r.done = true
				if errors.Is(err, io.EOF) {
					break
				}
			} else if errors.Is(err, io.EOF) {
				err = fmt.Errorf("record cut short: %w", io.ErrUnexpectedEOF)
			}
			if r.resyncing {
				continue
			}
			r.resyncing = true
			return nil, &RecordError{File: r.name, Offset: rec.Offset, Err: err}
		}
		r.resyncing = false
		page, err := r.page(rec)
		if err != nil || page != nil {
			return page, err
		}
	}
	return nil, io.EOF
}

// read calls gowarc, turning a panic of the parser on hostile input into
// an error that ends the stream, since the parser's state is then unknown.
func (r *Reader) read() (rec gowarc.Record, err error) {
	defer func() {
		if p := recover(); p != nil {
			rec = gowarc.Record{Offset: r.pos}
			err = fmt.Errorf("parser panic: %v", p)
			r.done = true
		}
	}()
	return r.wr.Next()
}

// page turns a parsed record into a Page, or nil for a record to skip.
func (r *Reader) page(rec gowarc.Record) (*Page, error) {
	defer rec.Close()
	wr := rec.WarcRecord
	id := wr.RecordId()
	fail := func(err error) error {
		return &RecordError{File: r.name, Offset: rec.Offset, RecordID: id, Err: err}
	}
	for _, v := range rec.Validation {
		if cl, ok := errors.AsType[*gowarc.ContentLengthError](v); ok {
			return nil, fail(fmt.Errorf("record cut short: %d of %d bytes: %w", cl.Actual, cl.Expected, io.ErrUnexpectedEOF))
		}
	}
	if wr.Type() != gowarc.Response {
		return nil, nil
	}
	block, ok := wr.Block().(gowarc.HttpResponseBlock)
	if !ok {
		if strings.HasPrefix(strings.ToLower(wr.WarcHeader().Get(gowarc.ContentType)), gowarc.ApplicationHttp) {
			return nil, fail(errors.New("http response record without an http status line"))
		}
		return nil, nil // a response of another protocol, e.g. dns:
	}
	hdr := block.HttpHeader()
	if hdr == nil || block.HttpStatusCode() == 0 {
		return nil, fail(fmt.Errorf("unparseable http response %q", firstLine(block.ProtocolHeaderBytes())))
	}
	status := block.HttpStatusCode()
	if status < 200 || status > 299 {
		return nil, nil
	}
	contentType := hdr.Get("Content-Type")
	if contentType != "" && !acceptedMediaType(contentType) {
		return nil, nil
	}
	payload, err := block.PayloadBytes()
	if err != nil {
		return nil, fail(fmt.Errorf("payload: %w", err))
	}
	// net/http moves Transfer-Encoding out of the parsed header; read it raw.
	chunked := hasToken(rawHeaderValues(block.ProtocolHeaderBytes(), "Transfer-Encoding"), "chunked")
	body, truncated, err := decodePayload(payload, chunked, hdr.Values("Content-Encoding"), r.MaxBodySize)
	if err != nil {
		return nil, fail(err)
	}
	if contentType == "" {
		contentType = http.DetectContentType(body)
		if !acceptedMediaType(contentType) {
			return nil, nil
		}
	}
	date, _ := wr.Date()
	return &Page{
		URL:         wr.WarcHeader().GetId(gowarc.WarcTargetURI), // WARC 1.0 wrote it in <>
		Date:        date,
		Status:      status,
		ContentType: contentType,
		Body:        body,
		RecordID:    id,
		Offset:      rec.Offset,
		Truncated:   truncated || wr.WarcHeader().Has(gowarc.WarcTruncated),
	}, nil
}

func firstLine(b []byte) string {
	s, _, _ := strings.Cut(string(b), "\n")
	if len(s) > 80 {
		s = s[:80]
	}
	return strings.TrimSpace(s)
}
