package match

import (
	"fmt"
	"testing"

	"github.com/newstrace/newstrace/internal/article"
	"github.com/newstrace/newstrace/internal/fingerprint"
	"github.com/newstrace/newstrace/internal/text"
)

// TestBandRecall measures, for several LSH band shapes, how often the
// synthetic copies of every fixture find their origin through
// Index.Candidates (first, and anywhere among the candidates), and how many
// other articles come along, over several seeds. It is the measurement the
// default Params rest on; run with -v to see the table.
func TestBandRecall(t *testing.T) {
	if testing.Short() {
		t.Skip("measurement")
	}
	shapes := []fingerprint.Params{
		{Hashes: 128, Bands: 32}, // 4 rows: threshold 0.42
		{Hashes: 126, Bands: 42}, // 3 rows: threshold 0.29
		{Hashes: 128, Bands: 64}, // 2 rows: threshold 0.125 (default)
		{Hashes: 128, Bands: 128},
	}
	hard := copyCase{edits: []edit{stripByline, partial, shuffleRandomCut, boilerplate, residue}}
	cases := append(append([]copyCase(nil), copyCases...), hard)

	type doc struct {
		id    string
		terms []string
	}
	terms := func(a *article.Article) []string { return text.ForLang(a.Lang).Terms(a.Text) }
	var indexed []doc
	for _, a := range append(origins(t), distractors(t)...) {
		indexed = append(indexed, doc{a.ID, terms(a)})
	}
	type query struct {
		origin string
		hard   bool
		terms  []string
	}
	var queries []query
	for _, o := range origins(t) {
		for i, cc := range cases {
			queries = append(queries, query{o.ID, i == len(cases)-1, terms(makeCopy(o, cc, uint64(i)).article("q"))})
		}
	}

	const seeds = 8
	t.Logf("%d indexed articles, %d copies × %d seeds", len(indexed), len(queries), seeds)
	t.Logf("%-14s %9s %9s %9s %12s", "bands×rows", "first", "found", "hard", "others/query")
	for _, shape := range shapes {
		first, found, hardFound, hardN, others, n := 0, 0, 0, 0, 0, 0
		for seed := range uint64(seeds) {
			p := shape
			p.Seed = seed + 1
			ix := NewIndex(p)
			for _, d := range indexed {
				ix.Add(d.id, fingerprint.Compute(d.terms, p).Bands(p))
			}
			for _, q := range queries {
				cands := ix.Candidates(fingerprint.Compute(q.terms, p).Bands(p), 0)
				n++
				if len(cands) > 0 && cands[0].ID == q.origin {
					first++
				}
				hit := false
				for _, c := range cands {
					if c.ID == q.origin {
						hit = true
					} else {
						others++
					}
				}
				if hit {
					found++
				}
				if q.hard {
					hardN++
					if hit {
						hardFound++
					}
				}
			}
		}
		p := shape.WithDefaults()
		t.Logf("%-14s %9.3f %9.3f %9.3f %12.2f", fmt.Sprintf("%d×%d", p.Bands, p.Rows()),
			float64(first)/float64(n), float64(found)/float64(n), float64(hardFound)/float64(hardN), float64(others)/float64(n))
		if p.Bands == fingerprint.DefaultBands && p.Hashes == fingerprint.DefaultHashes && float64(found)/float64(n) < 0.98 {
			t.Errorf("default bands find the origin of %.3f of copies, want at least 0.98", float64(found)/float64(n))
		}
	}
}
