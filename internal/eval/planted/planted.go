// Package planted holds two evaluation corpora written for newstrace, and
// the sidecar that records the intended copy paths of one of them.
//
// Both are entirely fictional: invented people, companies, outlets and
// states (Karesia, Borevia, Lanvère) on .example domains, with real
// countries and cities as settings for invented events. They are in the
// corpus JSON Lines format of shared/README.md, ordered by publication
// time, with gold labels.
//
// Related is the hard-negative set: 22 events, each reported
// independently by two outlets — the same quote, the same figures and names,
// written separately — in en, fr, de, es and ru, twelve of the pairs across
// two languages. Every such report is "independent" in its own gold
// group. For 8 of the events a true copy (3, same language) or translation
// (5) of one of the two reports was added, labelled with that report as
// origin, so the set measures both how often independent coverage is
// mistaken for a copy and whether real copies are still found next to it.
//
// Chains is the laundering set: 10 chains across three sites, each a state
// outlet's or wire's original (en, ru or fr) → a verbatim or edited copy on
// an aggregator 1–6 hours later → a translation of that copy (into fr, de,
// es or it) on a second aggregator 2–12 hours after it, with republisher
// residue ("READ MORE:", "EN SAVOIR PLUS:", "Lien source", "Weiterlesen",
// "Fuente") and title suffixes naming the origin on some. Every descendant's
// gold origin is the true origin, so a translation of a copy must resolve
// past the copy. Four distractors sit beside them: two independent reports
// of chain events and two unrelated originals of the origin outlets. The
// corpus format has no field for the path a text travelled, so Paths
// returns it from a sidecar.
package planted

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
)

//go:embed related.jsonl
var relatedJSONL []byte

//go:embed chains.jsonl
var chainsJSONL []byte

//go:embed chains.paths.json
var chainPathsJSON []byte

// Related returns a reader over the related-coverage corpus in JSON Lines
// format. Each call returns a fresh reader over the embedded bytes.
func Related() io.Reader { return bytes.NewReader(relatedJSONL) }

// Chains returns a reader over the planted-chains corpus in JSON Lines
// format. Each call returns a fresh reader over the embedded bytes.
func Chains() io.Reader { return bytes.NewReader(chainsJSONL) }

// Paths returns, for every copy and translation in Chains, the ids of the
// articles its text passed through, from the true origin to the article
// itself: {"translation-id": ["origin-id", "copy-id", "translation-id"]}.
// The map is decoded afresh on each call, so callers may modify it.
func Paths() (map[string][]string, error) {
	var paths map[string][]string
	if err := json.Unmarshal(chainPathsJSON, &paths); err != nil {
		return nil, fmt.Errorf("planted: chains.paths.json: %w", err)
	}
	return paths, nil
}
