package corpus

import (
	"bytes"
	"html"
	"regexp"
	"strings"
)

// sgmlDoc is one <doc> of a WMT SGML file, with its segments in order.
type sgmlDoc struct {
	Attrs map[string]string
	Segs  []segment
}

// segment is one <seg>; Para counts the <p> tags seen before it in its
// document, so that paragraph marks survive when a file has them.
type segment struct {
	Text string
	Para int
}

// parseSGML reads the <doc> and <seg> elements of a WMT SGML file. SGML is
// not XML (raw "&", unquoted attributes, unclosed tags all occur), so this is
// a forgiving scanner rather than a parser: a <seg> ends at </seg>, at the
// next <seg or at </doc>, whichever comes first; segments outside a <doc> and
// unknown tags are ignored; entities are decoded where they are well formed.
func parseSGML(data []byte) []sgmlDoc {
	var docs []sgmlDoc
	var cur *sgmlDoc
	para := 0
	pos := 0
	for pos < len(data) {
		lt := bytes.IndexByte(data[pos:], '<')
		if lt < 0 {
			break
		}
		start := pos + lt
		gt := bytes.IndexByte(data[start:], '>')
		if gt < 0 {
			break
		}
		end := start + gt + 1
		name, attrs := parseTag(data[start+1 : end-1])
		pos = end
		switch name {
		case "doc":
			if cur != nil {
				docs = append(docs, *cur)
			}
			cur = &sgmlDoc{Attrs: attrs}
			para = 0
		case "/doc":
			if cur != nil {
				docs = append(docs, *cur)
				cur = nil
			}
		case "p":
			para++
		case "seg":
			stop := segEnd(data[pos:])
			text := cleanText(string(data[pos : pos+stop]))
			pos += stop
			if rest := data[pos:]; hasPrefixFold(rest, "</seg>") {
				pos += len("</seg>")
			}
			if cur != nil {
				cur.Segs = append(cur.Segs, segment{Text: text, Para: para})
			}
		}
	}
	if cur != nil {
		docs = append(docs, *cur)
	}
	return docs
}

// segEnd returns the length of a segment's content: up to </seg>, <seg or
// </doc>, whichever comes first, or the rest of the input.
func segEnd(b []byte) int {
	for i := 0; i < len(b); i++ {
		j := bytes.IndexByte(b[i:], '<')
		if j < 0 {
			break
		}
		i += j
		if hasPrefixFold(b[i:], "</seg") || hasPrefixFold(b[i:], "<seg") || hasPrefixFold(b[i:], "</doc") {
			return i
		}
	}
	return len(b)
}

// parseTag splits the inside of a tag into a lower-case name and its
// attributes; values may be double-quoted, single-quoted or bare.
func parseTag(b []byte) (string, map[string]string) {
	s := strings.TrimSpace(string(b))
	i := strings.IndexFunc(s, isSpace)
	if i < 0 {
		return strings.ToLower(strings.TrimSuffix(s, "/")), nil
	}
	name := strings.ToLower(s[:i])
	attrs := map[string]string{}
	s = s[i:]
	for {
		s = strings.TrimLeft(s, " \t\r\n/")
		if s == "" {
			break
		}
		eq := strings.IndexByte(s, '=')
		if eq <= 0 {
			break
		}
		key := strings.ToLower(strings.TrimSpace(s[:eq]))
		s = strings.TrimLeftFunc(s[eq+1:], isSpace)
		var val string
		switch {
		case s == "":
		case s[0] == '"' || s[0] == '\'':
			q := s[0]
			if j := strings.IndexByte(s[1:], q); j >= 0 {
				val, s = s[1:1+j], s[2+j:]
			} else {
				val, s = s[1:], ""
			}
		default:
			j := strings.IndexFunc(s, isSpace)
			if j < 0 {
				j = len(s)
			}
			val, s = s[:j], s[j:]
		}
		attrs[key] = html.UnescapeString(val)
	}
	return name, attrs
}

func isSpace(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\r' }

// strayTag matches a tag left inside a segment.
var strayTag = regexp.MustCompile(`<[^<>]*>`)

// cleanText decodes entities, drops stray tags and collapses white space.
func cleanText(s string) string {
	if strings.IndexByte(s, '<') >= 0 {
		s = strayTag.ReplaceAllString(s, " ")
	}
	return strings.Join(strings.Fields(html.UnescapeString(s)), " ")
}

// hasPrefixFold reports whether b starts with prefix, ignoring ASCII case.
func hasPrefixFold(b []byte, prefix string) bool {
	if len(b) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		c := b[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
}
