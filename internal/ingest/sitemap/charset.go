package sitemap

import (
	"fmt"
	"io"

	"golang.org/x/net/html/charset"
)

// charsetReader decodes the non-UTF-8 encodings an XML declaration may
// name (sitemaps should be UTF-8, but CMSs in Latin-1 exist).
func charsetReader(label string, r io.Reader) (io.Reader, error) {
	enc, _ := charset.Lookup(label)
	if enc == nil {
		return nil, fmt.Errorf("sitemap: unsupported charset %q", label)
	}
	return enc.NewDecoder().Reader(r), nil
}
