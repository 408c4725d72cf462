package lexicon

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"strings"
)

// A GNU gettext message catalogue (.mo) pairs each English message of a
// program with its translation. Debian's iso-codes package installs one per
// language for the names of the world's countries (iso_3166-1.mo) and
// languages (iso_639-2.mo): a public, maintained gazetteer in some hundred
// languages, which FreeDict's dictionaries mostly lack (Hindi भारत, India;
// Japanese ドイツ, Germany).
//
// readMO is our own: the Go gettext library (leonelquinteros/gotext)
// returns no error from a bad file and sizes its buffers by the file's own
// counts, and a lexicon import must say which file is wrong and never
// allocate what a corrupt header claims.

// moMagic is the first word of a catalogue, in the byte order it was
// written in.
const moMagic = 0x950412de

// moHeader is the size of the fixed header: magic, revision, string
// count, the offsets of the two string tables, the hash table's size and
// offset.
const moHeader = 28

// A moMessage is one translated message of a catalogue: its context
// (msgctxt; "" for none, as iso-codes' have; LibreOffice gives every
// message one), its msgid and the first form of its msgstr.
type moMessage struct{ context, id, str string }

// readMO returns the translated messages of the catalogue data in the
// catalogue's order, skipping the header entry (empty msgid) and
// untranslated messages.
func readMO(data []byte) ([]moMessage, error) {
	if len(data) < moHeader {
		return nil, errors.New("not a gettext catalogue: too short")
	}
	var bo binary.ByteOrder
	switch {
	case binary.LittleEndian.Uint32(data) == moMagic:
		bo = binary.LittleEndian
	case binary.BigEndian.Uint32(data) == moMagic:
		bo = binary.BigEndian
	default:
		return nil, errors.New("not a gettext catalogue: bad magic number")
	}
	if major := bo.Uint32(data[4:]) >> 16; major > 1 {
		return nil, fmt.Errorf("gettext catalogue revision %d not supported", major)
	}
	n := int(bo.Uint32(data[8:]))
	ids, strs := int(bo.Uint32(data[12:])), int(bo.Uint32(data[16:]))
	// Each message takes 8 bytes in each table: a count the file cannot
	// hold is corrupt, whatever it says.
	if n > len(data)/16 || !within(data, ids, 8*n) || !within(data, strs, 8*n) {
		return nil, fmt.Errorf("gettext catalogue: %d messages overrun the file", n)
	}
	str := func(table, i int) (string, error) {
		l, off := int(bo.Uint32(data[table+8*i:])), int(bo.Uint32(data[table+8*i+4:]))
		if !within(data, off, l) {
			return "", fmt.Errorf("gettext catalogue: message %d overruns the file", i)
		}
		return string(data[off : off+l]), nil
	}
	var out []moMessage
	for i := range n {
		id, err := str(ids, i)
		if err != nil {
			return nil, err
		}
		if id == "" {
			continue // the header
		}
		tr, err := str(strs, i)
		if err != nil {
			return nil, err
		}
		// Plural forms are NUL-separated on both sides: the first is the
		// singular.
		id, _, _ = strings.Cut(id, "\x00")
		tr, _, _ = strings.Cut(tr, "\x00")
		if tr == "" {
			continue
		}
		// A context precedes the msgid, separated by EOT.
		m := moMessage{id: id, str: tr}
		if c, id, ok := strings.Cut(id, "\x04"); ok {
			m.context, m.id = c, id
		}
		out = append(out, m)
	}
	return out, nil
}

// readMOFile reads the catalogue at path (readMO); a missing file's error
// is fs.ErrNotExist's, for callers that skip it.
func readMOFile(path string) ([]moMessage, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return readMO(data)
}

// within reports whether the n bytes at off lie inside data.
func within(data []byte, off, n int) bool {
	return off >= 0 && n >= 0 && off <= len(data) && n <= len(data)-off
}
