package lexicon

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
)

// Apertium's dictionaries are compiled by lttoolbox into letter
// transducers (files *.bin under /usr/share/apertium). The format is
// lttoolbox's own: an "LTTB" header with a feature word, the alphabetic
// letters, the alphabet (tags, then the symbol pairs every arc is labelled
// with), and named sections, each a transducer with an optional "LTTD"
// header. Integers are big-endian with a length prefix in the top two bits
// of the first byte (one to four bytes); strings are a count followed by
// that many integers, one code point each. This reader takes the
// non-memory-mapped layout that Debian's packages ship (lttoolbox 3.5 to
// 3.7) and rejects the memory-mapped one with an error that says so.

const (
	ltHeader           = "LTTB"
	ltTransducerHeader = "LTTD"
	ltFeatureMmap      = 1 // LTF_MMAP: the file is laid out to be mapped
	ltFeatureWeights   = 1 // TDF_WEIGHTS: finals and arcs carry weights
	// ltMaxFile bounds the file read: the largest transducer of Debian's
	// Apertium packages is about 10 MB (cat-fra.autogen.bin).
	ltMaxFile = 1 << 28
)

// ltArc is one arc of a transducer: a symbol pair (code points > 0, tags
// < 0 as an index -1, -2 … into ltFile.tags, 0 for nothing) and the state
// it leads to.
type ltArc struct {
	in, out int32
	to      int32
}

// ltSection is one transducer of an lttoolbox file.
type ltSection struct {
	name    string
	initial int32
	final   []bool    // by state
	arcs    [][]ltArc // by state
}

// ltFile is a decoded lttoolbox binary.
type ltFile struct {
	tags     []string // without the angle brackets
	sections []ltSection
}

// ltReader decodes lttoolbox's integers and strings from a file read
// whole; the first error sticks and every later read returns zero.
type ltReader struct {
	b   []byte
	err error
}

func (lr *ltReader) byte() uint64 {
	if lr.err != nil {
		return 0
	}
	if len(lr.b) == 0 {
		lr.err = io.ErrUnexpectedEOF
		return 0
	}
	c := lr.b[0]
	lr.b = lr.b[1:]
	return uint64(c)
}

// int reads one compressed integer: the top two bits of the first byte
// say how many bytes follow.
func (lr *ltReader) int() uint64 {
	up := lr.byte()
	v := up & 0x3f
	for range up >> 6 {
		v = v<<8 | lr.byte()
	}
	return v
}

// count reads an integer that sizes something. Each thing counted takes
// at least a byte, so a count beyond the bytes left is corrupt: refusing
// it keeps a damaged file from asking for memory it does not describe.
func (lr *ltReader) count(what string) int {
	n := lr.int()
	if lr.err == nil && n > uint64(len(lr.b)) {
		lr.err = fmt.Errorf("%s count %d is implausible with %d bytes left", what, n, len(lr.b))
	}
	if lr.err != nil {
		return 0
	}
	return int(n)
}

func (lr *ltReader) string(what string) string {
	n := lr.count(what)
	rs := make([]rune, 0, n)
	for range n {
		if lr.err != nil {
			return ""
		}
		rs = append(rs, rune(lr.int()))
	}
	return string(rs)
}

// double skips over a compressed weight (mantissa, exponent; each read as
// one integer, or two when the first overflows 26 bits) and returns it.
func (lr *ltReader) double() float64 {
	part := func() uint64 {
		v := lr.int()
		if v >= 0x04000000 {
			v = (v&0x03ffffff)<<26 | lr.int()
		}
		return v
	}
	mantissa, exponent := part(), part()
	return math.Ldexp(float64(int32(mantissa))/0x40000000, int(int32(exponent)))
}

// header reads a four-byte magic and its little-endian feature word; ok is
// false, with nothing consumed, when the magic is not there.
func (lr *ltReader) header(magic string) (features uint64, ok bool) {
	if lr.err != nil || !bytes.HasPrefix(lr.b, []byte(magic)) {
		return 0, false
	}
	if len(lr.b) < 12 {
		lr.err = io.ErrUnexpectedEOF
		return 0, false
	}
	buf := lr.b[:12]
	lr.b = lr.b[12:]
	features = binary.LittleEndian.Uint64(buf[4:])
	if features > 0xffff {
		// lttoolbox 3.7.1 (Debian 12) writes the word with its flags in
		// the last byte (big-endian); the flags are few, so whichever end
		// holds them is the one meant.
		features = binary.BigEndian.Uint64(buf[4:])
	}
	return features, true
}

// readLTToolbox decodes an lttoolbox binary.
func readLTToolbox(r io.Reader) (*ltFile, error) {
	b, err := io.ReadAll(io.LimitReader(r, ltMaxFile+1))
	if err != nil {
		return nil, fmt.Errorf("lttoolbox: %w", err)
	}
	if len(b) > ltMaxFile {
		return nil, fmt.Errorf("lttoolbox: file larger than %d bytes", ltMaxFile)
	}
	lr := &ltReader{b: b}
	if features, ok := lr.header(ltHeader); ok && features&ltFeatureMmap != 0 {
		return nil, errors.New("lttoolbox: memory-mapped layout (lttoolbox ≥ 3.7.6) is not supported")
	} else if lr.err != nil {
		return nil, fmt.Errorf("lttoolbox: header: %w", lr.err)
	}
	f := &ltFile{}
	for range lr.count("letter") { // the letters: code points, unused here
		lr.int()
	}
	for range lr.count("tag") {
		f.tags = append(f.tags, lr.string("tag name"))
	}
	npairs := lr.count("symbol pair")
	bias := int64(len(f.tags))
	pairs := make([][2]int32, 0, npairs)
	for range npairs {
		in, out := int64(lr.int())-bias, int64(lr.int())-bias
		if lr.err != nil {
			break
		}
		if in < -bias || out < -bias || in > math.MaxInt32 || out > math.MaxInt32 {
			return nil, fmt.Errorf("lttoolbox: symbol pair %d: symbol out of range", len(pairs))
		}
		pairs = append(pairs, [2]int32{int32(in), int32(out)})
	}
	nsec := lr.count("section")
	for range nsec {
		if lr.err != nil {
			break
		}
		name := lr.string("section name")
		s, err := lr.section(pairs)
		if err != nil {
			return nil, fmt.Errorf("lttoolbox: section %q: %w", name, err)
		}
		s.name = name
		f.sections = append(f.sections, s)
	}
	if lr.err != nil {
		return nil, fmt.Errorf("lttoolbox: %w", lr.err)
	}
	return f, nil
}

// section reads one transducer. States are numbered from zero in the
// order written; an arc's target is stored as a forward distance modulo
// the number of states, its label as a delta from the previous arc's.
func (lr *ltReader) section(pairs [][2]int32) (ltSection, error) {
	var s ltSection
	weights := false
	if features, ok := lr.header(ltTransducerHeader); ok {
		weights = features&ltFeatureWeights != 0
	}
	initial := lr.int()
	finals := make([]uint64, 0, 16)
	base := uint64(0)
	for range lr.count("final state") {
		base += lr.int()
		if weights {
			lr.double()
		}
		finals = append(finals, base)
	}
	nstates := lr.count("state")
	if lr.err != nil {
		return s, lr.err
	}
	if nstates == 0 || initial >= uint64(nstates) {
		return s, fmt.Errorf("initial state %d of %d", initial, nstates)
	}
	s.initial = int32(initial)
	s.final = make([]bool, nstates)
	for _, q := range finals {
		if q >= uint64(nstates) {
			return s, fmt.Errorf("final state %d of %d", q, nstates)
		}
		s.final[q] = true
	}
	s.arcs = make([][]ltArc, nstates)
	for q := range nstates {
		n := lr.count("arc")
		label := uint64(0)
		for range n {
			label += lr.int()
			to := (uint64(q) + lr.int()) % uint64(nstates)
			if weights {
				lr.double()
			}
			if lr.err != nil {
				return s, lr.err
			}
			if label >= uint64(len(pairs)) {
				return s, fmt.Errorf("state %d: arc label %d of %d symbol pairs", q, label, len(pairs))
			}
			p := pairs[label]
			s.arcs[q] = append(s.arcs[q], ltArc{in: p[0], out: p[1], to: int32(to)})
		}
	}
	return s, lr.err
}
