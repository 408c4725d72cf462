package lexicon

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"strings"
)

// The lexicon file is a compact binary image of a Lexicon, laid out so that
// Read is one pass over a byte slice with no per-word allocation:
//
//	"NTLX" magic, uvarint version (formatVersion)
//	uvarint nvocab, then nvocab × (uvarint len, UTF-8 bytes)   English words, sorted
//	uvarint ntables, then per table (sorted by language):
//	  uvarint len, language code
//	  uvarint nkeys, then per key (sorted):
//	    uvarint len, key bytes; uvarint ndirect; uvarint ntargets; ntargets × uvarint vocab id
//	  uvarint nfolds, then per fold (sorted): uvarint len, folded bytes; uvarint key index
//	uvarint nforms, then per English irregular form (sorted): uvarint len, form; uvarint len, base form
//	CRC-32 (IEEE) of all preceding bytes, 4 bytes little-endian
//
// A gzip-compressed file is accepted too. Bump formatVersion on any change.
const (
	formatMagic   = "NTLX"
	formatVersion = 2
	// maxFileBytes bounds what Read accepts (and decompresses).
	maxFileBytes = 1 << 30
)

// ErrFormat is wrapped by every error Read returns for a file that is not a
// lexicon of this version or is corrupt; the remedy is to import again.
var ErrFormat = errors.New("lexicon: bad lexicon file")

// Write stores the lexicon in the binary format Read loads, and names
// l by what it wrote (see Fingerprint).
func (l *Lexicon) Write(w io.Writer) error {
	if l == nil {
		l = &Lexicon{}
	}
	crc := crc32.NewIEEE()
	cw := &countWriter{w: w}
	bw := bufio.NewWriterSize(io.MultiWriter(cw, crc), 256*1024)
	var tmp [binary.MaxVarintLen64]byte
	uv := func(v uint64) { bw.Write(tmp[:binary.PutUvarint(tmp[:], v)]) }
	str := func(s string) { uv(uint64(len(s))); bw.WriteString(s) }

	bw.WriteString(formatMagic)
	uv(formatVersion)
	uv(uint64(len(l.vocab)))
	for _, s := range l.vocab {
		str(s)
	}
	uv(uint64(len(l.tables)))
	for _, t := range l.tables {
		str(t.lang)
		uv(uint64(len(t.keys)))
		for i, k := range t.keys {
			str(k)
			uv(uint64(t.ndirect[i]))
			ids := t.targetIDs(i)
			uv(uint64(len(ids)))
			for _, id := range ids {
				uv(uint64(id))
			}
		}
		uv(uint64(len(t.folds)))
		for i, f := range t.folds {
			str(f)
			uv(uint64(t.foldKey[i]))
		}
	}
	uv(uint64(len(l.forms)))
	for i, f := range l.forms {
		str(f)
		str(l.bases[i])
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("lexicon: write: %w", err)
	}
	var sum [4]byte
	binary.LittleEndian.PutUint32(sum[:], crc.Sum32())
	if _, err := w.Write(sum[:]); err != nil {
		return fmt.Errorf("lexicon: write: %w", err)
	}
	// What was written is what a Read of it will name.
	l.fingerprint = fingerprint(cw.n+4, crc.Sum32())
	return nil
}

// countWriter counts the bytes written through it.
type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// Read loads a lexicon written by Write. A truncated, corrupt or foreign
// file, or one of another format version, yields an error wrapping
// ErrFormat that says what is wrong; callers add the file name.
func Read(r io.Reader) (*Lexicon, error) {
	hint := sizeHint(r)
	br := bufio.NewReaderSize(r, 64*1024)
	var src io.Reader = br
	var sb strings.Builder
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("%w: gzip: %v", ErrFormat, err)
		}
		src = zr
	} else if hint > 0 && hint <= maxFileBytes {
		sb.Grow(int(hint))
	}
	// The whole file becomes one string, checksummed on the way in; every
	// word of the lexicon is then a substring of it.
	crc := &tailCRC{}
	n, err := io.Copy(io.MultiWriter(&sb, crc), io.LimitReader(src, maxFileBytes+1))
	if err != nil {
		if src != br {
			return nil, fmt.Errorf("%w: gzip: %v", ErrFormat, err)
		}
		return nil, fmt.Errorf("lexicon: read: %w", err)
	}
	if n > maxFileBytes {
		return nil, fmt.Errorf("%w: larger than %d bytes", ErrFormat, maxFileBytes)
	}
	data := sb.String()
	if !strings.HasPrefix(data, formatMagic) {
		return nil, fmt.Errorf("%w: not a newstrace lexicon (missing %q header)", ErrFormat, formatMagic)
	}
	d := &decoder{s: data, pos: len(formatMagic)}
	if v := d.uvarint("version"); d.err != nil {
		return nil, fmt.Errorf("%w: truncated header", ErrFormat)
	} else if v != formatVersion {
		return nil, fmt.Errorf("%w: format version %d, this build reads version %d; import the dictionaries again", ErrFormat, v, formatVersion)
	}
	if len(data) < d.pos+4 {
		return nil, fmt.Errorf("%w: truncated", ErrFormat)
	}
	if binary.LittleEndian.Uint32([]byte(data[len(data)-4:])) != crc.crc {
		return nil, fmt.Errorf("%w: checksum mismatch (truncated or corrupt)", ErrFormat)
	}
	d.s = data[:len(data)-4]
	l, err := d.decode()
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrFormat, err)
	}
	l.fingerprint = fingerprint(int64(len(data)), crc.crc)
	return l, nil
}

// sizeHint returns the size of a file or an in-memory reader, or 0.
func sizeHint(r io.Reader) int64 {
	switch v := r.(type) {
	case interface{ Stat() (fs.FileInfo, error) }:
		if fi, err := v.Stat(); err == nil && fi.Mode().IsRegular() {
			return fi.Size()
		}
	case interface{ Len() int }:
		return int64(v.Len())
	}
	return 0
}

// tailCRC computes the CRC-32 of everything written to it except the last
// four bytes, which are the checksum itself.
type tailCRC struct {
	crc  uint32
	tail []byte
}

func (t *tailCRC) Write(p []byte) (int, error) {
	if len(p) >= 4 {
		t.crc = crc32.Update(t.crc, crc32.IEEETable, t.tail)
		t.crc = crc32.Update(t.crc, crc32.IEEETable, p[:len(p)-4])
		t.tail = append(t.tail[:0], p[len(p)-4:]...)
		return len(p), nil
	}
	t.tail = append(t.tail, p...)
	if extra := len(t.tail) - 4; extra > 0 {
		t.crc = crc32.Update(t.crc, crc32.IEEETable, t.tail[:extra])
		t.tail = append(t.tail[:0], t.tail[extra:]...)
	}
	return len(p), nil
}

// decoder walks the body of a lexicon file. Strings are sliced out of the
// one string holding the file, so a loaded lexicon costs one allocation for
// all its words.
type decoder struct {
	s   string
	pos int
	err error
}

func (d *decoder) uvarint(what string) uint64 {
	if d.err != nil {
		return 0
	}
	var x uint64
	var shift uint
	for i := 0; i < binary.MaxVarintLen64 && d.pos+i < len(d.s); i++ {
		b := d.s[d.pos+i]
		if b < 0x80 {
			if i == binary.MaxVarintLen64-1 && b > 1 {
				break // overflows 64 bits
			}
			d.pos += i + 1
			return x | uint64(b)<<shift
		}
		x |= uint64(b&0x7f) << shift
		shift += 7
	}
	d.err = fmt.Errorf("bad or truncated %s at byte %d", what, d.pos)
	return 0
}

// count reads an element count and checks it against the bytes left, each
// element taking at least minBytes, so corrupt counts cannot force huge
// allocations.
func (d *decoder) count(what string, minBytes int) int {
	v := d.uvarint(what)
	if d.err == nil && v > uint64((len(d.s)-d.pos)/minBytes) {
		d.err = fmt.Errorf("%s %d at byte %d exceeds the file", what, v, d.pos)
		return 0
	}
	return int(v)
}

func (d *decoder) str(what string) string {
	n := d.uvarint(what)
	if d.err != nil {
		return ""
	}
	if n > uint64(len(d.s)-d.pos) {
		d.err = fmt.Errorf("%s at byte %d runs past the end", what, d.pos)
		return ""
	}
	s := d.s[d.pos : d.pos+int(n)]
	d.pos += int(n)
	return s
}

func (d *decoder) decode() (*Lexicon, error) {
	l := &Lexicon{}
	nv := d.count("vocabulary size", 1)
	l.vocab = make([]string, 0, nv)
	for i := 0; i < nv && d.err == nil; i++ {
		s := d.str("english word")
		if d.err == nil && (s == "" || i > 0 && s <= l.vocab[i-1]) {
			return nil, fmt.Errorf("english word %d %q empty or out of order", i, s)
		}
		l.vocab = append(l.vocab, s)
	}
	nt := d.count("table count", 3)
	for ti := 0; ti < nt && d.err == nil; ti++ {
		t := &table{lang: d.str("language code")}
		if d.err != nil {
			break
		}
		if canonLang(t.lang) != t.lang || t.lang == "en" || len(l.tables) > 0 && t.lang <= l.tables[len(l.tables)-1].lang {
			return nil, fmt.Errorf("table %d: bad or out-of-order language %q", ti, t.lang)
		}
		nk := d.count("key count", 4)
		t.keys = make([]string, 0, nk)
		t.ndirect = make([]uint8, 0, nk)
		t.off = make([]uint32, 1, nk+1)
		t.tgt = make([]uint32, 0, nk*2)
		for i := 0; i < nk && d.err == nil; i++ {
			k := d.str("key")
			nd := d.uvarint("direct count")
			ntg := d.count("target count", 1)
			if d.err != nil {
				break
			}
			if k == "" || i > 0 && k <= t.keys[i-1] {
				return nil, fmt.Errorf("table %s: key %d %q empty or out of order", t.lang, i, k)
			}
			if ntg == 0 || ntg > maxTargets || nd > uint64(ntg) || nd > maxDirect {
				return nil, fmt.Errorf("table %s: key %q: bad target counts %d/%d", t.lang, k, nd, ntg)
			}
			for j := 0; j < ntg; j++ {
				id := d.uvarint("target id")
				if d.err == nil && id >= uint64(len(l.vocab)) {
					return nil, fmt.Errorf("table %s: key %q: target id %d out of range", t.lang, k, id)
				}
				t.tgt = append(t.tgt, uint32(id))
			}
			t.keys = append(t.keys, k)
			t.ndirect = append(t.ndirect, uint8(nd))
			t.off = append(t.off, uint32(len(t.tgt)))
		}
		nf := d.count("fold count", 2)
		t.folds = make([]string, 0, nf)
		t.foldKey = make([]uint32, 0, nf)
		for i := 0; i < nf && d.err == nil; i++ {
			f := d.str("folded key")
			k := d.uvarint("folded key index")
			if d.err != nil {
				break
			}
			if k >= uint64(len(t.keys)) || i > 0 && (f < t.folds[i-1] || f == t.folds[i-1] && uint32(k) <= t.foldKey[i-1]) {
				return nil, fmt.Errorf("table %s: folded key %d %q out of order or range", t.lang, i, f)
			}
			t.folds = append(t.folds, f)
			t.foldKey = append(t.foldKey, uint32(k))
		}
		l.tables = append(l.tables, t)
	}
	nf := d.count("base form count", 4)
	if nf > 0 {
		l.forms, l.bases = make([]string, 0, nf), make([]string, 0, nf)
	}
	for i := 0; i < nf && d.err == nil; i++ {
		f, b := d.str("irregular form"), d.str("base form")
		if d.err != nil {
			break
		}
		if f == "" || b == "" || i > 0 && f <= l.forms[i-1] {
			return nil, fmt.Errorf("irregular form %d %q empty, out of order or without a base form", i, f)
		}
		l.forms = append(l.forms, f)
		l.bases = append(l.bases, b)
	}
	if d.err != nil {
		return nil, d.err
	}
	if d.pos != len(d.s) {
		return nil, fmt.Errorf("%d trailing bytes", len(d.s)-d.pos)
	}
	return l, nil
}
