package warc

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http/httputil"
	"strings"

	"github.com/klauspost/compress/zstd"
)

// acceptedMediaType reports whether a response of this media type can hold
// an article.
func acceptedMediaType(contentType string) bool {
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		// A broken parameter list ("text/html; charset") still names the type.
		mt, _, _ = strings.Cut(contentType, ";")
	}
	switch strings.ToLower(strings.TrimSpace(mt)) {
	case "text/html", "application/xhtml+xml", "text/plain":
		return true
	}
	return false
}

// decodePayload undoes the HTTP transfer and content codings that gowarc
// leaves in place (it stores the payload as sent on the wire) and reads at
// most limit bytes of the result. truncated reports a body cut at limit or
// cut short in the archive. Crawlers that stored an already decoded body
// but kept the headers are common, so a coding whose framing is absent is
// taken to be already undone.
func decodePayload(payload io.Reader, chunked bool, contentEncoding []string, limit int64) (body []byte, truncated bool, err error) {
	src := bufio.NewReader(payload)
	var r io.Reader = src
	if chunked && looksChunked(src) {
		r = httputil.NewChunkedReader(src)
	}
	codings := tokens(contentEncoding)
	// Codings are listed in the order applied; undo them last first.
	for i := len(codings) - 1; i >= 0; i-- {
		var closer io.Closer
		r, closer, err = decoder(codings[i], r)
		if err != nil {
			return nil, false, err
		}
		if closer != nil {
			defer closer.Close()
		}
	}
	body, err = io.ReadAll(io.LimitReader(r, limit+1))
	if errors.Is(err, io.ErrUnexpectedEOF) {
		// The archive holds a cut-short response (a crawler's size limit, or
		// WARC-Truncated): keep what arrived.
		return body, true, nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("payload: %w", err)
	}
	if int64(len(body)) > limit {
		return body[:limit], true, nil
	}
	return body, false, nil
}

// decoder wraps r to undo one content coding.
func decoder(coding string, r io.Reader) (io.Reader, io.Closer, error) {
	br := bufio.NewReader(r)
	magic, _ := br.Peek(4)
	switch coding {
	case "identity", "":
		return br, nil, nil
	case "gzip", "x-gzip":
		if len(magic) < 2 || magic[0] != 0x1f || magic[1] != 0x8b {
			return br, nil, nil
		}
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, nil, fmt.Errorf("payload: gzip: %w", err)
		}
		return zr, zr, nil
	case "deflate":
		// RFC 9110 says zlib; some servers send raw deflate.
		if len(magic) >= 2 && magic[0]&0x0f == 8 && (uint16(magic[0])<<8|uint16(magic[1]))%31 == 0 {
			zr, err := zlib.NewReader(br)
			if err != nil {
				return nil, nil, fmt.Errorf("payload: deflate: %w", err)
			}
			return zr, zr, nil
		}
		fr := flate.NewReader(br)
		return fr, fr, nil
	case "zstd":
		if !bytes.HasPrefix(magic, []byte{0x28, 0xb5, 0x2f, 0xfd}) {
			return br, nil, nil
		}
		zr, err := zstd.NewReader(br, zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxMemory(256<<20))
		if err != nil {
			return nil, nil, fmt.Errorf("payload: zstd: %w", err)
		}
		return zr, closerFunc(zr.Close), nil
	default:
		return nil, nil, fmt.Errorf("payload: unsupported content-encoding %q", coding)
	}
}

type closerFunc func()

func (f closerFunc) Close() error { f(); return nil }

// looksChunked reports whether the payload starts with a chunk-size line,
// so that a body stored de-chunked under a "chunked" header is read as is.
func looksChunked(br *bufio.Reader) bool {
	head, _ := br.Peek(20)
	n := 0
	for n < len(head) && isHex(head[n]) {
		n++
	}
	if n == 0 || n == len(head) {
		return false
	}
	switch head[n] {
	case '\r', '\n', ';', ' ', '\t':
		return true
	}
	return false
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// tokens splits comma-separated header values into lower-case tokens.
func tokens(values []string) []string {
	var out []string
	for _, v := range values {
		for t := range strings.SplitSeq(v, ",") {
			if t = strings.ToLower(strings.TrimSpace(t)); t != "" {
				out = append(out, t)
			}
		}
	}
	return out
}

func hasToken(values []string, want string) bool {
	for _, t := range tokens(values) {
		if t == want {
			return true
		}
	}
	return false
}

// rawHeaderValues returns the values of the named field in a raw HTTP
// header block (status line first), matching the name case-insensitively.
func rawHeaderValues(header []byte, name string) []string {
	var out []string
	for line := range strings.SplitSeq(string(header), "\n") {
		k, v, ok := strings.Cut(line, ":")
		if ok && strings.EqualFold(strings.TrimSpace(k), name) {
			out = append(out, strings.TrimSpace(v))
		}
	}
	return out
}
