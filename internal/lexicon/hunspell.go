package lexicon

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
)

// Hunspell, the spelling checker of LibreOffice and Firefox, describes a
// language's words as stems (the .dic file) with flags naming the affix
// rules (the .aff file) that make their inflected forms: Czech "město/..."
// gives městě, městech, měst. Debian ships dictionaries for most European
// languages (hunspell-cs, hunspell-uk …) under /usr/share/hunspell. Read
// here as morphology, a dictionary leads an inflected form that neither
// the lexicon nor our suffix rules know to a stem the lexicon translates.
// Only what that needs is read: the flag syntax, flag aliases, prefixes,
// suffixes and their continuation classes; compounding, suggestion and
// conversion tables are not.

// flagMode is how a dictionary writes its flags (the FLAG directive).
type flagMode uint8

const (
	flagChar flagMode = iota // one character each (the default; UTF-8 too)
	flagLong                 // two characters each
	flagNum                  // decimal numbers separated by commas
)

// affixRule is one line of an affix class: strip from the word's end (or
// start, for a prefix), then add, where the word matches cond; cont are
// the flags of affixes that may follow this one (a twofold suffix).
type affixRule struct {
	strip, add string
	cont       []string
	cond       condition
}

// affixClass is the rules one flag names.
type affixClass struct {
	prefix bool
	cross  bool // combines with affixes of the other side
	rules  []affixRule
}

// affixFile is what a .aff file says about making word forms.
type affixFile struct {
	mode      flagMode
	aliases   [][]string // AF: flag sets by number, from 1
	classes   map[string]*affixClass
	needAffix string // a stem with this flag is no word on its own
	forbidden string // a stem with this flag is no word at all
	ignore    string // characters removed from words and affixes
	decoder   *encoding.Decoder
}

// hunspellMaxForms bounds the forms one stem expands to: real stems make
// at most a few hundred, and the bound keeps a damaged file from making
// an entry's continuation classes explode.
const hunspellMaxForms = 4096

// readAffix reads a .aff file.
func readAffix(r io.Reader) (*affixFile, error) {
	af := &affixFile{classes: map[string]*affixClass{}}
	br := bufio.NewReader(r)
	ln := 0
	for {
		raw, err := br.ReadString('\n')
		if raw == "" && err != nil {
			if errors.Is(err, io.EOF) {
				return af, nil
			}
			return nil, err
		}
		ln++
		line := strings.TrimSpace(af.decode(raw))
		f := strings.Fields(line)
		if len(f) < 2 || strings.HasPrefix(f[0], "#") {
			continue
		}
		switch f[0] {
		case "SET":
			if af.decoder, err = charsetDecoder(f[1]); err != nil {
				return nil, fmt.Errorf("line %d: %w", ln, err)
			}
		case "FLAG":
			switch f[1] {
			case "long":
				af.mode = flagLong
			case "num":
				af.mode = flagNum
			}
		case "AF":
			if len(af.aliases) > 0 || !isCount(f[1]) {
				af.aliases = append(af.aliases, af.splitFlags(f[1]))
			} else {
				af.aliases = append(af.aliases, nil) // the count line; aliases count from 1
			}
		case "NEEDAFFIX":
			af.needAffix = f[1]
		case "FORBIDDENWORD":
			af.forbidden = f[1]
		case "IGNORE":
			af.ignore = f[1]
		case "PFX", "SFX":
			if err := af.addRule(f); err != nil {
				return nil, fmt.Errorf("line %d: %w", ln, err)
			}
		}
	}
}

// isCount reports whether s is a plain number (the first line of an AF
// block gives the count; later ones give flag sets).
func isCount(s string) bool {
	_, err := strconv.Atoi(s)
	return err == nil
}

// decode turns a raw line into UTF-8 under the file's SET.
func (af *affixFile) decode(raw string) string {
	if af.decoder == nil {
		return raw
	}
	s, err := af.decoder.String(raw)
	if err != nil {
		return raw
	}
	return s
}

// charsetDecoder returns the decoder of a SET value, by the WHATWG labels
// the HTML and XML readers use ("ISO8859-2" is one); nil for UTF-8.
func charsetDecoder(set string) (*encoding.Decoder, error) {
	enc, name := charset.Lookup(set)
	switch {
	case enc == nil:
		return nil, fmt.Errorf("unsupported character set %q", set)
	case name == "utf-8":
		return nil, nil
	}
	return enc.NewDecoder(), nil
}

// addRule reads a PFX or SFX line: the class header (flag, cross product,
// count) the first time a flag is seen, a rule (flag, strip, add,
// condition) after it.
func (af *affixFile) addRule(f []string) error {
	flag := f[1]
	c := af.classes[flag]
	if c == nil {
		if len(f) < 4 {
			return fmt.Errorf("%s %s: header wants a cross-product mark and a count", f[0], flag)
		}
		af.classes[flag] = &affixClass{prefix: f[0] == "PFX", cross: f[2] == "Y"}
		return nil
	}
	if len(f) < 4 {
		return fmt.Errorf("%s %s: rule wants strip and affix", f[0], flag)
	}
	r := affixRule{strip: af.clean(f[2])}
	add, cont, _ := strings.Cut(f[3], "/")
	r.add = af.clean(add)
	if cont != "" {
		r.cont = af.flags(cont)
	}
	cond := "."
	if len(f) > 4 {
		cond = f[4]
	}
	var err error
	if r.cond, err = parseCondition(cond); err != nil {
		return fmt.Errorf("%s %s: %w", f[0], flag, err)
	}
	c.rules = append(c.rules, r)
	return nil
}

// clean turns an affix field into its letters: "0" is empty, and IGNORE's
// characters go.
func (af *affixFile) clean(s string) string {
	if s == "0" {
		return ""
	}
	return af.stripIgnored(s)
}

func (af *affixFile) stripIgnored(s string) string {
	if af.ignore == "" || !strings.ContainsAny(s, af.ignore) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(af.ignore, r) {
			return -1
		}
		return r
	}, s)
}

// flags splits a flag field by the file's FLAG mode, resolving an alias
// number (AF) to its set.
func (af *affixFile) flags(s string) []string {
	if len(af.aliases) > 0 {
		if n, err := strconv.Atoi(s); err == nil {
			if n > 0 && n < len(af.aliases) {
				return af.aliases[n]
			}
			return nil
		}
	}
	return af.splitFlags(s)
}

// splitFlags splits a flag field by the file's FLAG mode, as an AF line
// writes it.
func (af *affixFile) splitFlags(s string) []string {
	var out []string
	switch af.mode {
	case flagNum:
		for _, p := range strings.Split(s, ",") {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
	case flagLong:
		rs := []rune(s)
		for i := 0; i+1 < len(rs); i += 2 {
			out = append(out, string(rs[i:i+2]))
		}
	default:
		for _, r := range s {
			out = append(out, string(r))
		}
	}
	return out
}

// condition is an affix condition: a sequence of character sets, each
// one letter, matched at the word's end (suffix) or start (prefix).
type condition []charSet

type charSet struct {
	any    bool
	negate bool
	runes  string
}

func (c charSet) match(r rune) bool {
	if c.any {
		return true
	}
	return strings.ContainsRune(c.runes, r) != c.negate
}

// parseCondition reads a condition: letters, "." for any letter, and
// bracketed sets, negated by a leading "^".
func parseCondition(s string) (condition, error) {
	if s == "." {
		return nil, nil
	}
	var out condition
	for i := 0; i < len(s); {
		switch s[i] {
		case '.':
			out = append(out, charSet{any: true})
			i++
		case '[':
			end := strings.IndexByte(s[i:], ']')
			if end < 0 {
				return nil, fmt.Errorf("condition %q: unclosed [", s)
			}
			set := s[i+1 : i+end]
			cs := charSet{}
			if strings.HasPrefix(set, "^") {
				cs.negate, set = true, set[1:]
			}
			cs.runes = set
			out = append(out, cs)
			i += end + 1
		default:
			r, n := utf8.DecodeRuneInString(s[i:])
			out = append(out, charSet{runes: string(r)})
			i += n
		}
	}
	return out, nil
}

// matchEnd reports whether word ends as c says.
func (c condition) matchEnd(word string) bool {
	if len(c) == 0 {
		return true
	}
	for i := len(c) - 1; i >= 0; i-- {
		r, n := utf8.DecodeLastRuneInString(word)
		if n == 0 || !c[i].match(r) {
			return false
		}
		word = word[:len(word)-n]
	}
	return true
}

// matchStart reports whether word starts as c says.
func (c condition) matchStart(word string) bool {
	for _, cs := range c {
		r, n := utf8.DecodeRuneInString(word)
		if n == 0 || !cs.match(r) {
			return false
		}
		word = word[n:]
	}
	return true
}

// apply returns word with the rule applied, and whether it applies.
func (r *affixRule) apply(word string, prefix bool) (string, bool) {
	if prefix {
		if !strings.HasPrefix(word, r.strip) || !r.cond.matchStart(word) || len(word) == len(r.strip) {
			return "", false
		}
		return r.add + word[len(r.strip):], true
	}
	if !strings.HasSuffix(word, r.strip) || !r.cond.matchEnd(word) || len(word) == len(r.strip) {
		return "", false
	}
	return word[:len(word)-len(r.strip)] + r.add, true
}

// expand calls fn with each word form a stem and its flags make: the stem
// itself unless it needs an affix, its suffixed and prefixed forms, the
// prefixed forms of suffixed ones where both classes combine, and the
// forms of a suffix's continuation classes, once each up to
// hunspellMaxForms.
func (af *affixFile) expand(stem string, flags []string, fn func(form string)) {
	seen := map[string]bool{}
	emit := func(w string) {
		if w != "" && !seen[w] && len(seen) < hunspellMaxForms {
			seen[w] = true
			fn(w)
		}
	}
	if af.needAffix == "" || !slices.Contains(flags, af.needAffix) {
		emit(stem)
	}
	prefixes := func(w string, flags []string, crossOnly bool) {
		for _, fl := range flags {
			c := af.classes[fl]
			if c == nil || !c.prefix || crossOnly && !c.cross {
				continue
			}
			for i := range c.rules {
				if p, ok := c.rules[i].apply(w, true); ok {
					emit(p)
				}
			}
		}
	}
	for _, fl := range flags {
		c := af.classes[fl]
		if c == nil || c.prefix {
			continue
		}
		for i := range c.rules {
			r := &c.rules[i]
			w, ok := r.apply(stem, false)
			if !ok {
				continue
			}
			emit(w)
			if c.cross {
				prefixes(w, flags, true)
			}
			for _, cf := range r.cont {
				cc := af.classes[cf]
				if cc == nil || cc.prefix {
					continue
				}
				for j := range cc.rules {
					if w2, ok := cc.rules[j].apply(w, false); ok {
						emit(w2)
					}
				}
			}
		}
	}
	prefixes(stem, flags, false)
}

// readDic calls fn with each stem of a .dic file and its flags, decoded
// as af says. The first line (the entry count) and morphological fields
// after the word are skipped; a stem the FORBIDDENWORD flag marks is left
// out.
func (af *affixFile) readDic(r io.Reader, fn func(stem string, flags []string) error) error {
	br := bufio.NewReaderSize(r, 1<<16)
	first := true
	for {
		raw, err := br.ReadString('\n')
		if raw == "" && err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return err
		}
		line := strings.TrimRight(af.decode(raw), "\r\n")
		if first {
			first = false
			if isCount(strings.TrimSpace(line)) {
				continue
			}
		}
		if i := strings.IndexAny(line, "\t "); i >= 0 {
			line = line[:i]
		}
		word, fl := splitStem(line)
		word = af.stripIgnored(word)
		if word == "" {
			continue
		}
		var flags []string
		if fl != "" {
			flags = af.flags(fl)
		}
		if af.forbidden != "" && slices.Contains(flags, af.forbidden) {
			continue
		}
		if err := fn(word, flags); err != nil {
			return err
		}
	}
}

// splitStem cuts a .dic entry at its first slash not escaped by a
// backslash.
func splitStem(s string) (word, flags string) {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '/':
			return strings.ReplaceAll(s[:i], `\/`, "/"), s[i+1:]
		}
	}
	return strings.ReplaceAll(s, `\/`, "/"), ""
}
