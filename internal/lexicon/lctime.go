package lexicon

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// The GNU C library's locale sources (Debian's locales package installs
// them in /usr/share/i18n/locales) name the days of the week and the
// months in every language it supports, in the LC_TIME section of each
// locale's file, in the order Sunday… and January…: "Thursday" in Hindi
// (गुरुवार), which eng-hin lacks, and the Slavic month names both as
// written in a date (travnya, genitive: mon) and alone (traven', alt_mon).

// lcTime is what readLCTime takes from a locale source.
type lcTime struct {
	day, mon, altMon []string
	// copy names the locale whose LC_TIME this one copies, if it does.
	copy string
}

// maxLocaleLine bounds a logical line of a locale source, continuations
// joined: the longest in glibc's sources is a few kilobytes.
const maxLocaleLine = 1 << 16

// readLCTime reads the LC_TIME section of a glibc locale source: its day,
// mon and alt_mon lists, or the locale it copies. Comment and escape
// characters follow the file's comment_char and escape_char lines
// (% and / by default); <Uxxxx> names a character by its code point.
func readLCTime(r io.Reader) (lcTime, error) {
	var out lcTime
	comment, escape := byte('%'), byte('/')
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 4096), maxLocaleLine)
	in, skipping, line, n := false, false, "", 0
	for sc.Scan() {
		n++
		raw := strings.TrimRight(sc.Text(), " \t\r")
		if t := strings.TrimLeft(raw, " \t"); t == "" || t[0] == comment {
			continue
		}
		if f := strings.Fields(raw); len(f) == 2 && len(f[1]) == 1 && line == "" {
			switch f[0] {
			case "comment_char":
				comment = f[1][0]
				continue
			case "escape_char":
				escape = f[1][0]
				continue
			}
		}
		text := stripLocaleComment(raw, comment, escape)
		cont := strings.HasSuffix(raw, string(escape)) && !strings.HasSuffix(raw, string([]byte{escape, escape}))
		if !in {
			// Other sections' lines (LC_CTYPE's run to hundreds of
			// kilobytes) are not kept; LC_TIME's header is never
			// continued.
			if !skipping && !cont && strings.TrimSpace(text) == "LC_TIME" {
				in = true
			}
			skipping = cont
			continue
		}
		if cont {
			text = strings.TrimSuffix(strings.TrimRight(text, " \t"), string(escape))
		}
		line += text
		if len(line) > maxLocaleLine {
			return out, fmt.Errorf("line %d: a continued line longer than %d bytes", n, maxLocaleLine)
		}
		if cont {
			continue
		}
		logical := strings.TrimSpace(line)
		line = ""
		key, rest := logical, ""
		if i := strings.IndexAny(logical, " \t"); i >= 0 {
			key, rest = logical[:i], logical[i+1:]
		}
		switch {
		case key == "END" && strings.TrimSpace(rest) == "LC_TIME":
			return out, nil
		case key == "copy":
			names, err := localeStrings(rest, escape)
			if err != nil || len(names) != 1 {
				return out, fmt.Errorf("line %d: copy wants one quoted locale name", n)
			}
			out.copy = names[0]
		case key == "day" || key == "mon" || key == "alt_mon":
			vals, err := localeStrings(rest, escape)
			if err != nil {
				return out, fmt.Errorf("line %d: %s: %w", n, key, err)
			}
			switch key {
			case "day":
				out.day = vals
			case "mon":
				out.mon = vals
			default:
				out.altMon = vals
			}
		}
	}
	if err := sc.Err(); err != nil {
		return out, fmt.Errorf("line %d: %w", n+1, err)
	}
	if in {
		return out, fmt.Errorf("LC_TIME has no END")
	}
	return out, nil
}

// stripLocaleComment cuts s at its first comment character outside a
// quoted string.
func stripLocaleComment(s string, comment, escape byte) string {
	quoted := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == escape:
			i++
		case c == '"':
			quoted = !quoted
		case c == comment && !quoted:
			return s[:i]
		}
	}
	return s
}

// localeStrings parses a semicolon-separated list of quoted strings,
// decoding <Uxxxx> and escaped characters.
func localeStrings(s string, escape byte) ([]string, error) {
	var out []string
	for _, part := range strings.Split(s, ";") {
		part = strings.TrimSpace(part)
		if len(part) < 2 || part[0] != '"' || part[len(part)-1] != '"' {
			return nil, fmt.Errorf("%q is not a quoted string", part)
		}
		v, err := decodeLocaleString(part[1:len(part)-1], escape)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

// decodeLocaleString decodes the inside of a quoted locale string.
func decodeLocaleString(s string, escape byte) (string, error) {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == escape && i+1 < len(s):
			i++
			b.WriteByte(s[i])
		case c == '<':
			end := strings.IndexByte(s[i:], '>')
			if end < 0 || !strings.HasPrefix(s[i+1:], "U") {
				return "", fmt.Errorf("bad character name in %q", s)
			}
			cp, err := strconv.ParseUint(s[i+2:i+end], 16, 32)
			if err != nil || cp > 0x10FFFF {
				return "", fmt.Errorf("bad character name %q", s[i:i+end+1])
			}
			b.WriteRune(rune(cp))
			i += end
		default:
			b.WriteByte(c)
		}
	}
	return b.String(), nil
}
