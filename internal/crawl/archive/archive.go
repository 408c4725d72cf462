// Package archive keeps the evidence of a crawl: every HTTP exchange the
// crawler makes is written to WARC 1.1 files as a request record and a
// response record that refer to each other (WARC-Concurrent-To). The
// response record holds the status line, the headers and the body as
// received, so a verdict can point at the exact bytes seen and when.
//
// Files are gzipped per record (.warc.gz), named
// PREFIX-YYYYMMDDhhmmss-SERIAL-PID.warc.gz in the archive directory, and
// carry a ".open" suffix until closed; Rotate closes the current file so
// that every Ref handed out so far names a finished file. A file is also
// closed when it would grow past MaxFileSize.
package archive

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/nlnwa/gowarc/v3"
)

// Defaults for Options.
const (
	DefaultPrefix      = "newstrace"
	DefaultMaxFileSize = 1 << 30
)

// Truncation reasons for Exchange.Truncated (the WARC-Truncated values).
const (
	TruncatedLength     = "length"     // cut at the body size limit
	TruncatedTime       = "time"       // cut by the timeout
	TruncatedDisconnect = "disconnect" // the server closed the connection early
)

// Options configure a Writer. Dir is required.
type Options struct {
	Dir         string
	Prefix      string // file name prefix (default "newstrace")
	MaxFileSize int64  // rotate past this many bytes on disk (default 1 GiB)
	// Software is written to each file's warcinfo record, e.g.
	// "newstrace/1.2 (+https://example.org/contact)".
	Software string
}

// Exchange is one HTTP request and the response it got.
type Exchange struct {
	Request  *http.Request
	Response *http.Response // status, protocol and headers; its Body is not read
	Body     []byte         // the body as received (transfer coding undone)
	// Truncated is "" for a complete body, else one of the Truncated
	// constants.
	Truncated string
	IP        string    // the server's address, if known
	Date      time.Time // when the response began
}

// Ref locates a response record.
type Ref struct {
	File     string `json:"file"`      // path of the WARC file
	RecordID string `json:"record_id"` // WARC-Record-ID, without angle brackets
	Offset   int64  `json:"offset"`    // of the record's gzip member in File
}

// Writer writes exchanges to rotating WARC files. It is safe for
// concurrent use.
type Writer struct {
	dir string
	w   *gowarc.WarcFileWriter
	// mu serialises Write: gowarc switches on uuid's random pool — a
	// package-level write — each time it builds a record or opens a file,
	// which races with record IDs drawn by concurrent writes.
	mu sync.Mutex
}

// NewWriter creates the archive directory if needed and returns a Writer.
// No file is created before the first Write.
func NewWriter(opts Options) (*Writer, error) {
	if opts.Dir == "" {
		return nil, errors.New("archive: no directory")
	}
	if err := os.MkdirAll(opts.Dir, 0o755); err != nil {
		return nil, fmt.Errorf("archive: %w", err)
	}
	if opts.Prefix == "" {
		opts.Prefix = DefaultPrefix
	}
	if opts.MaxFileSize <= 0 {
		opts.MaxFileSize = DefaultMaxFileSize
	}
	software := opts.Software
	w := gowarc.NewWarcFileWriter(
		gowarc.WithFileNameGenerator(&namer{dir: opts.Dir, prefix: opts.Prefix, pid: os.Getpid()}),
		gowarc.WithMaxFileSize(opts.MaxFileSize),
		gowarc.WithCompression(true),
		gowarc.WithAddWarcConcurrentToHeader(true),
		gowarc.WithWarcInfoFunc(func(b gowarc.WarcRecordBuilder) error {
			fields := "format: WARC File Format 1.1\r\n"
			if software != "" {
				fields += "software: " + software + "\r\n"
			}
			_, err := b.WriteString(fields)
			return err
		}),
		gowarc.WithRecordOptions(gowarc.WithAddMissingDigest(true)),
	)
	return &Writer{dir: opts.Dir, w: w}, nil
}

// Write archives ex as a request and a response record and returns where
// the response record lies.
func (w *Writer) Write(ex *Exchange) (Ref, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	target := ex.Request.URL.String()
	date := ex.Date
	if date.IsZero() {
		date = time.Now()
	}
	req, err := w.build(gowarc.Request, target, date, "", "", requestBlock(ex.Request))
	if err != nil {
		return Ref{}, fmt.Errorf("archive: request record for %s: %w", target, err)
	}
	resp, err := w.build(gowarc.Response, target, date, ex.IP, ex.Truncated, responseBlock(ex.Response, ex.Body))
	if err != nil {
		req.Close()
		return Ref{}, fmt.Errorf("archive: response record for %s: %w", target, err)
	}
	id := strings.Trim(resp.WarcHeader().Get(gowarc.WarcRecordID), "<>")
	out := w.w.Write(resp, req)
	if len(out) != 2 {
		return Ref{}, fmt.Errorf("archive: %s: writer closed", target)
	}
	for _, r := range out {
		if r.Err != nil {
			return Ref{}, fmt.Errorf("archive: %s: %w", target, r.Err)
		}
	}
	return Ref{File: filepath.Join(w.dir, out[0].FileName), RecordID: id, Offset: out[0].FileOffset}, nil
}

func (w *Writer) build(kind gowarc.RecordType, target string, date time.Time, ip, truncated string, block []byte) (gowarc.WarcRecord, error) {
	b := gowarc.NewRecordBuilder(kind, gowarc.WithAddMissingDigest(true))
	b.AddWarcHeader(gowarc.WarcTargetURI, target)
	b.AddWarcHeaderTime(gowarc.WarcDate, date)
	if kind == gowarc.Request {
		b.AddWarcHeader(gowarc.ContentType, "application/http;msgtype=request")
	} else {
		b.AddWarcHeader(gowarc.ContentType, "application/http;msgtype=response")
	}
	if ip != "" {
		b.AddWarcHeader(gowarc.WarcIPAddress, ip)
	}
	if truncated != "" {
		b.AddWarcHeader(gowarc.WarcTruncated, truncated)
	}
	if _, err := b.Write(block); err != nil {
		b.Close()
		return nil, err
	}
	rec, _, err := b.Build()
	return rec, err
}

// Rotate closes the current file, if any; the next Write starts a new one.
func (w *Writer) Rotate() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if err := w.w.Rotate(); err != nil {
		return fmt.Errorf("archive: rotate: %w", err)
	}
	return nil
}

// Close finishes the current file. Writes after Close fail.
func (w *Writer) Close() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.w.Close()
}

// requestBlock serialises the request as sent: request line, Host, then
// the header fields in a stable order.
func requestBlock(r *http.Request) []byte {
	var b bytes.Buffer
	uri := r.URL.RequestURI()
	fmt.Fprintf(&b, "%s %s HTTP/1.1\r\n", r.Method, uri)
	host := r.Host
	if host == "" {
		host = r.URL.Host
	}
	fmt.Fprintf(&b, "Host: %s\r\n", host)
	writeHeader(&b, r.Header)
	b.WriteString("\r\n")
	return b.Bytes()
}

// responseBlock serialises the response. The body is stored with the
// transfer coding undone (de-chunked), so Transfer-Encoding is dropped.
func responseBlock(r *http.Response, body []byte) []byte {
	var b bytes.Buffer
	proto := r.Proto
	if proto == "" {
		proto = "HTTP/1.1"
	}
	status := r.Status
	if status == "" {
		status = fmt.Sprintf("%d %s", r.StatusCode, http.StatusText(r.StatusCode))
	}
	fmt.Fprintf(&b, "%s %s\r\n", proto, status)
	h := r.Header.Clone()
	h.Del("Transfer-Encoding")
	writeHeader(&b, h)
	b.WriteString("\r\n")
	b.Write(body)
	return b.Bytes()
}

func writeHeader(b *bytes.Buffer, h http.Header) {
	keys := make([]string, 0, len(h))
	for k := range h {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		for _, v := range h[k] {
			v = strings.NewReplacer("\r", " ", "\n", " ").Replace(v)
			fmt.Fprintf(b, "%s: %s\r\n", k, v)
		}
	}
}

// namer names WARC files PREFIX-TIMESTAMP-SERIAL-PID.warc: the time and
// serial order files within a process, the PID keeps two crawls writing
// to one directory apart.
type namer struct {
	dir    string
	prefix string
	pid    int
	serial atomic.Int64
}

func (n *namer) NewWarcfileName() (string, string) {
	s := n.serial.Add(1)
	ts := time.Now().UTC().Format("20060102150405")
	return n.dir, fmt.Sprintf("%s-%s-%05d-%d.warc", n.prefix, ts, s, n.pid)
}
