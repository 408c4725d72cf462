package extract

import (
	"bytes"
	"io"
	"regexp"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// metaCharset finds a charset declaration anywhere in the head; the HTML
// prescan that charset.DetermineEncoding does stops after 1024 bytes, and
// many pages declare their charset after a long run of scripts.
var metaCharset = regexp.MustCompile(`(?i)<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_:.\-]+)`)

// headScan bounds how far metaCharset looks.
const headScan = 64 << 10

// decodeHTML returns a reader of raw as NFC-normalised UTF-8.
//
// The order follows what browsers do, with one exception: bytes that are
// valid UTF-8 and not plain ASCII are read as UTF-8 whatever the page
// declares, because legacy-encoded text almost never forms valid UTF-8
// sequences while mislabelled UTF-8 pages are common.
func decodeHTML(raw []byte, contentType string) io.Reader {
	enc := pickEncoding(raw, contentType)
	var r io.Reader = bytes.NewReader(raw)
	if enc != nil {
		r = transform.NewReader(r, enc.NewDecoder())
	}
	return transform.NewReader(r, norm.NFC)
}

// pickEncoding returns the encoding of raw, or nil for UTF-8.
func pickEncoding(raw []byte, contentType string) encoding.Encoding {
	if utf8.Valid(raw) && !isASCII(raw) {
		return nil
	}
	enc, name, certain := charset.DetermineEncoding(raw, contentType)
	if !certain {
		head := raw
		if len(head) > headScan {
			head = head[:headScan]
		}
		if m := metaCharset.FindSubmatch(head); m != nil {
			if e, _ := charset.Lookup(string(m[1])); e != nil {
				enc, name = e, string(m[1])
			}
		}
	}
	if name == "utf-8" || enc == encoding.Nop {
		return nil
	}
	return enc
}

// isASCII reports whether b holds only 7-bit bytes.
func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
