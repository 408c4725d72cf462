// Package text turns article text into the units that fingerprinting and
// matching compare: normalised strings, tokens with byte offsets, stems and
// sentence spans.
//
// The pipeline follows bleve's analysis shape, built explicitly rather than
// through a registry: an Analyzer tokenizes with Unicode word boundaries
// (UAX #29), folds each token (NFKC, lower case, diacritics removed for
// Latin, Greek and Cyrillic scripts), then optionally drops stop words and
// stems. Tokens keep the byte offsets of the input, so a verdict can cite the
// exact span a term came from:
//
//	"L'État a dépensé 1 000 €"  →  l[0:1] etat[2:7] a[8:9] depense[10:19] 1000[20:25]
//
// The package does no I/O and holds no mutable package state.
package text

// Kind says what a token is.
type Kind uint8

// Token kinds.
const (
	// Word is a token made of letters (possibly with digits, as in "G7").
	Word Kind = iota + 1
	// Number is a token made of digits and separators ("3,5", "1 000");
	// its Term is the canonical decimal form ("3.5", "1000").
	Number
)

// String returns "word" or "number".
func (k Kind) String() string {
	switch k {
	case Word:
		return "word"
	case Number:
		return "number"
	}
	return "unknown"
}

// Token is one word or number of an input string.
type Token struct {
	// Term is the folded form: lower case, NFKC, diacritics removed; for a
	// Number, the canonical decimal form.
	Term string
	// Start and End are byte offsets into the analysed string: s[Start:End]
	// is the token as written.
	Start, End int
	Kind       Kind
}

// Span is a half-open byte range [Start, End) of a string.
type Span struct{ Start, End int }
