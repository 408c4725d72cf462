// Package demo holds the embedded demonstration corpus that the demo
// command loads into a fresh store.
//
// The corpus is entirely fictional: invented countries (Valdoria, Marenia),
// an invented state broadcaster ("Voice of Valdoria"), invented outlets and
// aggregators, all on the reserved .example domain. The project carries no
// one else's articles, so the demo shows laundering on text written for it:
// twelve originals, verbatim and edited copies, machine-style translations
// (one of them made from a copy rather than the original), and independent
// reports of the same events that share a quote and the figures but are not
// copies.
//
// The data is in the corpus JSON Lines format (see shared/README.md), one
// article per line with gold labels, ordered by publication time.
package demo

import (
	"bytes"
	_ "embed"
	"io"
)

//go:embed corpus.jsonl
var corpusJSONL []byte

// Corpus returns a reader over the embedded corpus in JSON Lines format.
// Each call returns a fresh reader, so callers cannot alter the embedded
// bytes or each other's position.
func Corpus() io.Reader {
	return bytes.NewReader(corpusJSONL)
}
