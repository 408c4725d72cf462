package lexicon

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
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
//	CRC-32 (IEEE) of all preceding bytes, 4 bytes little-endian
//
// A gzip-compressed file is accepted too. Bump formatVersion on any change.
const (
	formatMagic   = "NTLX"
	formatVersion = 1
	// maxFileBytes bounds what Read accepts (and decompresses).
	maxFileBytes = 1 << 30
)

// ErrFormat is wrapped by every error Read returns for a file that is not a
// lexicon of this version or is corrupt; the remedy is to import again.
var ErrFormat = errors.New("lexicon: bad lexicon file")

// Write stores the lexicon in the binary format Read loads.
func (l *Lexicon) Write(w io.Writer) error {
	if l == nil {
		l = &Lexicon{}
	}
	crc := crc32.NewIEEE()
	bw := bufio.NewWriterSize(io.MultiWriter(w, crc), 256*1024)
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
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("lexicon: write: %w", err)
	}
	var sum [4]byte
	binary.LittleEndian.PutUint32(sum[:], crc.Sum32())
	if _, err := w.Write(sum[:]); err != nil {
		return fmt.Errorf("lexicon: write: %w", err)
	}
	return nil
}

// Read loads a lexicon written by Write. A truncated, corrupt or foreign
// file, or one of another format version, yields an error wrapping
// ErrFormat that says what is wrong; callers add the file name.
func Read(r io.Reader) (*Lexicon, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxFileBytes+1))
	if err != nil {
		return nil, fmt.Errorf("lexicon: read: %w", err)
	}
	if len(data) >= 2 && data[0] == 0x1f && data[1] == 0x8b {
		zr, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			return nil, fmt.Errorf("%w: gzip: %v", ErrFormat, err)
		}
		data, err = io.ReadAll(io.LimitReader(zr, maxFileBytes+1))
		if err != nil {
			return nil, fmt.Errorf("%w: gzip: %v", ErrFormat, err)
		}
	}
	if len(data) > maxFileBytes {
		return nil, fmt.Errorf("%w: larger than %d bytes", ErrFormat, maxFileBytes)
	}
	if len(data) < len(formatMagic) || string(data[:len(formatMagic)]) != formatMagic {
		return nil, fmt.Errorf("%w: not a newstrace lexicon (missing %q header)", ErrFormat, formatMagic)
	}
	v, n := binary.Uvarint(data[len(formatMagic):])
	if n <= 0 {
		return nil, fmt.Errorf("%w: truncated header", ErrFormat)
	}
	if v != formatVersion {
		return nil, fmt.Errorf("%w: format version %d, this build reads version %d; import the dictionaries again", ErrFormat, v, formatVersion)
	}
	if len(data) < len(formatMagic)+n+4 {
		return nil, fmt.Errorf("%w: truncated", ErrFormat)
	}
	body, sum := data[:len(data)-4], binary.LittleEndian.Uint32(data[len(data)-4:])
	if crc32.ChecksumIEEE(body) != sum {
		return nil, fmt.Errorf("%w: checksum mismatch (truncated or corrupt)", ErrFormat)
	}
	l, err := decode(body, len(formatMagic)+n)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrFormat, err)
	}
	return l, nil
}

// decoder walks the body of a lexicon file. Strings are sliced out of one
// string copy of the body, so a loaded lexicon costs one allocation for all
// its words.
type decoder struct {
	b   []byte
	s   string
	pos int
	err error
}

func (d *decoder) uvarint(what string) uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.b[d.pos:])
	if n <= 0 {
		d.err = fmt.Errorf("bad or truncated %s at byte %d", what, d.pos)
		return 0
	}
	d.pos += n
	return v
}

// count reads a element count and checks it against the bytes left, each
// element taking at least minBytes, so corrupt counts cannot force huge
// allocations.
func (d *decoder) count(what string, minBytes int) int {
	v := d.uvarint(what)
	if d.err == nil && v > uint64((len(d.b)-d.pos)/minBytes) {
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
	if n > uint64(len(d.b)-d.pos) {
		d.err = fmt.Errorf("%s at byte %d runs past the end", what, d.pos)
		return ""
	}
	s := d.s[d.pos : d.pos+int(n)]
	d.pos += int(n)
	return s
}

func decode(body []byte, start int) (*Lexicon, error) {
	d := &decoder{b: body, s: string(body), pos: start}
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
	if d.err != nil {
		return nil, d.err
	}
	if d.pos != len(body) {
		return nil, fmt.Errorf("%d trailing bytes", len(body)-d.pos)
	}
	return l, nil
}
