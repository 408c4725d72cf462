package warc

import (
	"bytes"
	"compress/flate"
	"compress/zlib"
	"strings"
	"testing"

	"github.com/klauspost/compress/zstd"
)

const para = "<p>The ferry to Port Ellery runs twice a day until October.</p>"

func compressWith(t *testing.T, coding string, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	switch coding {
	case "gzip":
		return gzipBytes(b)
	case "zlib":
		zw := zlib.NewWriter(&buf)
		zw.Write(b)
		zw.Close()
	case "flate":
		fw, _ := flate.NewWriter(&buf, flate.DefaultCompression)
		fw.Write(b)
		fw.Close()
	case "zstd":
		zw, err := zstd.NewWriter(&buf)
		if err != nil {
			t.Fatal(err)
		}
		zw.Write(b)
		zw.Close()
	}
	return buf.Bytes()
}

func TestDecodePayload(t *testing.T) {
	tests := []struct {
		name     string
		payload  []byte
		chunked  bool
		encoding []string
		want     string
		err      string
	}{
		{"identity", []byte(para), false, nil, para, ""},
		{"gzip", compressWith(t, "gzip", []byte(para)), false, []string{"gzip"}, para, ""},
		{"deflate as zlib", compressWith(t, "zlib", []byte(para)), false, []string{"deflate"}, para, ""},
		{"deflate raw", compressWith(t, "flate", []byte(para)), false, []string{"Deflate"}, para, ""},
		{"zstd", compressWith(t, "zstd", []byte(para)), false, []string{"zstd"}, para, ""},
		{"chunked gzip", chunk(compressWith(t, "gzip", []byte(para)), 16), true, []string{"gzip"}, para, ""},
		{"stored decoded under gzip header", []byte(para), false, []string{"gzip"}, para, ""},
		{"stored de-chunked under chunked header", []byte(para), true, nil, para, ""},
		{"two codings", compressWith(t, "zstd", compressWith(t, "gzip", []byte(para))), false, []string{"gzip, zstd"}, para, ""},
		{"brotli", []byte{0x1b, 0x2c, 0x00}, false, []string{"br"}, "", `payload: unsupported content-encoding "br"`},
		{"corrupt gzip", append(compressWith(t, "gzip", []byte(para))[:12], "garbage!garbage!"...), false, []string{"gzip"}, "", "payload:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body, truncated, err := decodePayload(bytes.NewReader(tt.payload), tt.chunked, tt.encoding, 1<<20)
			if tt.err != "" {
				if err == nil || !strings.HasPrefix(err.Error(), tt.err) {
					t.Errorf("error = %v, want prefix %q", err, tt.err)
				}
				return
			}
			if err != nil || truncated || string(body) != tt.want {
				t.Errorf("got %q, %v, %v; want %q", body, truncated, err, tt.want)
			}
		})
	}
}

func TestDecodePayloadCutShort(t *testing.T) {
	// A crawler's size limit cuts the compressed stream: keep what decodes.
	full := strings.Repeat(para, 50)
	z := compressWith(t, "gzip", []byte(full))
	body, truncated, err := decodePayload(bytes.NewReader(z[:len(z)/2]), false, []string{"gzip"}, 1<<20)
	if err != nil || !truncated || !strings.HasPrefix(full, string(body)) {
		t.Errorf("got %d bytes, truncated %v, err %v; want a truncated prefix", len(body), truncated, err)
	}
}

func TestAcceptedMediaType(t *testing.T) {
	for ct, want := range map[string]bool{
		"text/html; charset=utf-8": true,
		"TEXT/HTML":                true,
		"application/xhtml+xml":    true,
		"text/plain":               true,
		"text/html; charset":       true,
		"image/png":                false,
		"application/json":         false,
		"text/css":                 false,
	} {
		if got := acceptedMediaType(ct); got != want {
			t.Errorf("acceptedMediaType(%q) = %v, want %v", ct, got, want)
		}
	}
}
