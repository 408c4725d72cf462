package lexicon

import (
	"bufio"
	"cmp"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"unicode/utf8"
)

// maxEntryBytes bounds one dictd entry. The largest FreeDict entry is under
// 6 KB; a bigger length means a corrupt index, which must not make us
// allocate gigabytes.
const maxEntryBytes = 1 << 20

// indexRecord is one line of a dictd .index file.
type indexRecord struct {
	key  string
	off  uint64
	size uint64
	seq  uint32 // line order, the stable tie-break for ranking
}

// decodeDictdNumber decodes an offset or length of a dictd index. dictd
// writes them as big-endian base-64 numbers whose digits are
// A-Z a-z 0-9 + / (0 to 63), without padding: "B" is 1, "BA" is 64, "8m"
// is 60*64+38. This is positional notation, not RFC 4648 decoding.
func decodeDictdNumber(s string) (uint64, error) {
	if s == "" || len(s) > 10 { // 10 digits = 60 bits, far beyond any dictionary
		return 0, fmt.Errorf("bad dictd number %q", s)
	}
	var n uint64
	for i := 0; i < len(s); i++ {
		c := s[i]
		var d uint64
		switch {
		case c >= 'A' && c <= 'Z':
			d = uint64(c - 'A')
		case c >= 'a' && c <= 'z':
			d = uint64(c-'a') + 26
		case c >= '0' && c <= '9':
			d = uint64(c-'0') + 52
		case c == '+':
			d = 62
		case c == '/':
			d = 63
		default:
			return 0, fmt.Errorf("bad dictd number %q", s)
		}
		n = n<<6 | d
	}
	return n, nil
}

// readIndex parses a dictd index, skipping dictd's own 00database* and
// 00-database* metadata entries and empty headwords.
func readIndex(r io.Reader, name string) ([]indexRecord, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	var recs []indexRecord
	line := 0
	for sc.Scan() {
		line++
		text := sc.Text()
		if text == "" {
			continue
		}
		f := strings.Split(text, "\t")
		if len(f) < 3 {
			return nil, fmt.Errorf("lexicon: %s:%d: want headword, offset, length separated by tabs", name, line)
		}
		if strings.HasPrefix(f[0], "00database") || strings.HasPrefix(f[0], "00-database") {
			continue
		}
		off, err := decodeDictdNumber(f[1])
		if err != nil {
			return nil, fmt.Errorf("lexicon: %s:%d: offset: %w", name, line, err)
		}
		size, err := decodeDictdNumber(f[2])
		if err != nil {
			return nil, fmt.Errorf("lexicon: %s:%d: length: %w", name, line, err)
		}
		if size > maxEntryBytes {
			return nil, fmt.Errorf("lexicon: %s:%d: entry length %d exceeds %d", name, line, size, maxEntryBytes)
		}
		key := normalizeKey(f[0])
		if key == "" || strings.Count(key, " ")+1 > maxPhraseWords {
			continue
		}
		recs = append(recs, indexRecord{key: key, off: off, size: size, seq: uint32(line)})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("lexicon: %s:%d: %w", name, line+1, err)
	}
	return recs, nil
}

// direction works out which side of a from→to dictionary is English.
// It returns the other language and whether the dictionary is English→X,
// whose translations must be inverted.
func direction(from, to string) (lang string, inverse bool, err error) {
	f, t := canonLang(from), canonLang(to)
	switch {
	case f == "" || t == "":
		return "", false, fmt.Errorf("lexicon: bad language pair %q→%q", from, to)
	case f == t:
		return "", false, fmt.Errorf("lexicon: language pair %q→%q has the same language on both sides", from, to)
	case t == "en":
		return f, false, nil
	case f == "en":
		return t, true, nil
	}
	return "", false, fmt.Errorf("lexicon: language pair %s→%s has no English side", f, t)
}

// ImportDictd reads one dictd dictionary: index is the .index file, dict the
// .dict.dz (dictzip, read as a plain gzip stream) or uncompressed .dict
// file. from and to give its direction as language codes ("fr", "en"); one
// of them must be English. An English→X dictionary is inverted: each X word
// it offers as a translation maps back to the English headword.
func ImportDictd(ctx context.Context, index, dict string, from, to string) (*Lexicon, error) {
	lang, inverse, err := direction(from, to)
	if err != nil {
		return nil, err
	}
	b := newBuilder()
	if err := importDictd(ctx, b, index, dict, lang, inverse); err != nil {
		return nil, err
	}
	return b.build(), nil
}

func importDictd(ctx context.Context, b *builder, index, dict, lang string, inverse bool) error {
	return readDictd(ctx, index, dict, parseAnyEntry, func(rec indexRecord, cands []string) {
		if inverse {
			b.addInverse(lang, cleanEnglish(rec.key), cands)
			return
		}
		english := make([]string, len(cands))
		for i, c := range cands {
			english[i] = cleanEnglish(c)
		}
		b.addDirect(lang, rec.key, english)
	})
}

// readDictd reads the dictionary index/dict front to back and passes each
// index record with the translations parse finds in its entry to fn; parse
// is told whether the dictionary is a WikDict one (see isWikDict).
func readDictd(ctx context.Context, index, dict string, parse func(text string, wikDict bool) []string, fn func(indexRecord, []string)) error {
	fi, err := os.Open(index)
	if err != nil {
		return fmt.Errorf("lexicon: %w", err)
	}
	recs, err := readIndex(bufio.NewReaderSize(fi, 256*1024), index)
	fi.Close()
	if err != nil {
		return err
	}
	// Read the dictionary once, front to back, in offset order: gzip cannot
	// seek, and holding a 60 MB decompressed dictionary in memory is waste.
	slices.SortStableFunc(recs, func(a, b indexRecord) int { return cmp.Compare(a.off, b.off) })

	fd, err := os.Open(dict)
	if err != nil {
		return fmt.Errorf("lexicon: %w", err)
	}
	defer fd.Close()
	r, err := openDict(fd)
	if err != nil {
		return fmt.Errorf("lexicon: %s: %w", dict, err)
	}
	wik := isWikDict(r)
	return scanEntries(ctx, r, recs, dict, func(text string) []string { return parse(text, wik) }, fn)
}

// openDict returns a buffered reader of the dictionary text, decompressing
// when the file starts with the gzip magic number.
func openDict(f io.Reader) (*bufio.Reader, error) {
	br := bufio.NewReaderSize(f, 256*1024)
	magic, err := br.Peek(2)
	if err != nil && !errors.Is(err, io.EOF) {
		return nil, err
	}
	if len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, err
		}
		zr.Multistream(false)
		return bufio.NewReaderSize(zr, 256*1024), nil
	}
	return br, nil
}

// scanEntries reads the entries recs (sorted by offset) from r and passes
// each entry's translations, as parse finds them, to fn. Index lines sharing one entry
// parse it once.
func scanEntries(ctx context.Context, r *bufio.Reader, recs []indexRecord, name string, parse func(string) []string, fn func(indexRecord, []string)) error {
	var pos uint64
	buf := make([]byte, 0, 64*1024)
	var last []string
	var lastOff, lastSize uint64
	have := false
	for i, rec := range recs {
		if i%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return fmt.Errorf("lexicon: %s: %w", name, err)
			}
		}
		if have && rec.off == lastOff && rec.size == lastSize {
			fn(rec, last)
			continue
		}
		if rec.off < pos {
			return fmt.Errorf("lexicon: %s: entry %q at offset %d overlaps the previous entry", name, rec.key, rec.off)
		}
		if skip := rec.off - pos; skip > 0 {
			n, err := r.Discard(int(min(skip, 1<<40)))
			pos += uint64(n)
			if err != nil {
				return fmt.Errorf("lexicon: %s: entry %q at offset %d: %w", name, rec.key, rec.off, eofIsCorrupt(err))
			}
		}
		buf = slices.Grow(buf[:0], int(rec.size))[:rec.size]
		n, err := io.ReadFull(r, buf)
		pos += uint64(n)
		if err != nil {
			return fmt.Errorf("lexicon: %s: entry %q at offset %d: %w", name, rec.key, rec.off, eofIsCorrupt(err))
		}
		text := buf
		if !utf8.Valid(text) {
			text = []byte(strings.ToValidUTF8(string(text), ""))
		}
		last = parse(string(text))
		lastOff, lastSize, have = rec.off, rec.size, true
		fn(rec, last)
	}
	return nil
}

// eofIsCorrupt reports a short dictionary as what it is: an index pointing
// past the end of the data.
func eofIsCorrupt(err error) error {
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return errors.New("index points past the end of the dictionary data")
	}
	return err
}
