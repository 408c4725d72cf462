package opml

import (
	"fmt"
	"io"

	"golang.org/x/net/html/charset"
)

// charsetReader decodes the non-UTF-8 encodings an XML declaration may
// name (ISO-8859-1 exports from old readers still circulate).
func charsetReader(label string, r io.Reader) (io.Reader, error) {
	enc, _ := charset.Lookup(label)
	if enc == nil {
		return nil, fmt.Errorf("opml: unsupported charset %q", label)
	}
	return enc.NewDecoder().Reader(r), nil
}
