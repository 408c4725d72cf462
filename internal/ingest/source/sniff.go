package source

import (
	"bytes"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/newstrace/newstrace/internal/article"
)

// sniffLen is how much of a file sniffing looks at.
const sniffLen = 512

// kindByName returns the kind a file name promises, "" when it promises
// none, after dropping a ".gz" suffix.
func kindByName(path string) string {
	name := strings.TrimSuffix(strings.ToLower(filepath.Base(path)), ".gz")
	switch filepath.Ext(name) {
	case ".jsonl", ".ndjson":
		return article.KindJSONL
	case ".warc":
		return article.KindWARC
	case ".html", ".htm", ".xhtml":
		return article.KindHTML
	case ".txt", ".text", ".md":
		return article.KindText
	}
	return ""
}

func isGzip(head []byte) bool {
	return len(head) >= 2 && head[0] == 0x1f && head[1] == 0x8b
}

// sniff guesses the kind of a file from its first bytes (decompressed), or
// returns "" for none.
func sniff(head []byte) string {
	b := bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	b = bytes.TrimLeft(b, " \t\r\n\f")
	lower := bytes.ToLower(b)
	switch {
	case bytes.HasPrefix(b, []byte("WARC/1.")):
		return article.KindWARC
	case bytes.HasPrefix(lower, []byte("<!doctype html")), bytes.HasPrefix(lower, []byte("<html")):
		return article.KindHTML
	case bytes.HasPrefix(b, []byte("<")) && bytes.Contains(lower, []byte("<html")):
		// An XML declaration or a comment ("<!-- saved from url=…") first.
		return article.KindHTML
	case bytes.HasPrefix(b, []byte("{")):
		return article.KindJSONL
	case isText(head):
		return article.KindText
	}
	return ""
}

// isText reports whether head looks like the start of a text file: valid
// UTF-8 (a rune cut by the sniffing window allowed) without control
// characters other than white space.
func isText(head []byte) bool {
	for len(head) > 0 {
		r, size := utf8.DecodeRune(head)
		if r == utf8.RuneError && size <= 1 {
			// Only a rune cut at the end of the window may be incomplete.
			return !utf8.FullRune(head) && len(head) < utf8.UTFMax
		}
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' && r != '\f' || r == 0x7f {
			return false
		}
		head = head[size:]
	}
	return true
}
