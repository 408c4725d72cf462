package fingerprint

import (
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"testing"
)

// words returns n distinct made-up terms starting at from.
func words(from, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("w%d", from+i)
	}
	return out
}

// shingleSets returns term lists whose 1-shingle sets have exactly the
// given Jaccard similarity: shared terms plus terms of their own.
func shingleSets(shared, own int) ([]string, []string) {
	a := append(words(0, shared), words(1_000_000, own)...)
	b := append(words(0, shared), words(2_000_000, own)...)
	return a, b
}

func TestSimilarityEstimatesJaccard(t *testing.T) {
	p := Params{Shingle: 1, Seed: 7}
	for _, tc := range []struct{ shared, own int }{
		{600, 0}, {500, 100}, {300, 300}, {200, 400}, {100, 500}, {0, 600},
		{40, 20}, // fewer shingles than bins: densification at work
	} {
		a, b := shingleSets(tc.shared, tc.own)
		j := float64(tc.shared) / float64(tc.shared+2*tc.own)
		got := Similarity(Compute(a, p), Compute(b, p))
		// Four standard errors of a 128-slot estimate, at least 0.05.
		tol := math.Max(0.05, 4*math.Sqrt(j*(1-j)/128))
		if math.Abs(got-j) > tol {
			t.Errorf("shared %d own %d: Similarity = %.3f, Jaccard %.3f (tolerance %.3f)", tc.shared, tc.own, got, j, tol)
		}
	}
}

func TestComputeDeterministicAndSeeded(t *testing.T) {
	terms := words(0, 200)
	a, b := Compute(terms, Params{}), Compute(append([]string(nil), terms...), Params{})
	if !reflect.DeepEqual(a, b) {
		t.Fatal("Compute differs on equal input")
	}
	if len(a) != DefaultHashes {
		t.Fatalf("len(Compute) = %d, want %d", len(a), DefaultHashes)
	}
	if s := Similarity(a, Compute(terms, Params{Seed: 1})); s > 0.1 {
		t.Errorf("signatures under different seeds agree on %.2f of slots, want about 0", s)
	}
	if Compute(nil, Params{}) != nil {
		t.Error("Compute(nil) is not nil")
	}
}

func TestShinglesOrderSensitive(t *testing.T) {
	a := Shingles([]string{"a", "b", "c"}, 3, 0)
	b := Shingles([]string{"c", "b", "a"}, 3, 0)
	if len(a) != 1 || len(b) != 1 || a[0] == b[0] {
		t.Errorf("Shingles(a b c) = %x, Shingles(c b a) = %x: want one different shingle each", a, b)
	}
	if got := Shingles([]string{"x", "y"}, 5, 0); len(got) != 1 {
		t.Errorf("short text gave %d shingles, want 1", len(got))
	}
	if got := Shingles(words(0, 10), 5, 0); len(got) != 6 {
		t.Errorf("10 terms gave %d 5-shingles, want 6", len(got))
	}
}

func TestBandsMixBandIndex(t *testing.T) {
	p := Params{Hashes: 8, Bands: 4}
	sig := Signature{1, 2, 1, 2, 1, 2, 1, 2} // every band has the same rows
	keys := sig.Bands(p)
	if len(keys) != 4 {
		t.Fatalf("len(Bands) = %d, want 4", len(keys))
	}
	seen := map[uint64]bool{}
	for _, k := range keys {
		if seen[k] {
			t.Fatalf("equal rows in two bands gave the same key: %x", keys)
		}
		seen[k] = true
	}
	if reflect.DeepEqual(keys, sig.Bands(Params{Hashes: 8, Bands: 4, Seed: 1})) {
		t.Error("band keys do not depend on the seed")
	}
}

// TestSCurve checks that the probability of sharing a band follows
// 1-(1-J^r)^b, the curve the default Params are chosen on.
func TestSCurve(t *testing.T) {
	p := Params{Shingle: 1}.WithDefaults()
	rng := rand.New(rand.NewPCG(1, 2))
	for _, j := range []float64{0.05, 0.125, 0.25, 0.4} {
		const trials = 200
		hit := 0
		for trial := range trials {
			total := 400
			shared := int(math.Round(j * float64(total)))
			own := (total - shared) / 2
			base := trial * 10_000_000
			a := append(words(base, shared), words(base+1_000_000, own)...)
			b := append(words(base, shared), words(base+2_000_000, own)...)
			p.Seed = rng.Uint64()
			if shareBand(Compute(a, p).Bands(p), Compute(b, p).Bands(p)) {
				hit++
			}
		}
		jj := float64(int(math.Round(j*400))) / float64(int(math.Round(j*400))+2*((400-int(math.Round(j*400)))/2))
		want := 1 - math.Pow(1-math.Pow(jj, float64(p.Rows())), float64(p.Bands))
		got := float64(hit) / trials
		t.Logf("Jaccard %.3f: shared a band in %.2f of trials, theory %.2f", jj, got, want)
		if math.Abs(got-want) > 0.12 {
			t.Errorf("Jaccard %.3f: shared a band in %.2f of trials, want about %.2f", jj, got, want)
		}
	}
}

func shareBand(a, b []uint64) bool {
	for i := range a {
		if a[i] == b[i] {
			return true
		}
	}
	return false
}

func TestParamsDefaults(t *testing.T) {
	p := Params{}.WithDefaults()
	if p.Shingle != 5 || p.Hashes != 128 || p.Bands != 64 || p.Rows() != 2 {
		t.Errorf("defaults = %+v rows %d", p, p.Rows())
	}
	if th := p.Threshold(); th < 0.12 || th > 0.13 {
		t.Errorf("Threshold = %.3f, want 0.125", th)
	}
}

func BenchmarkCompute(b *testing.B) {
	terms := words(0, 600) // a 600-word article
	b.ReportAllocs()
	for b.Loop() {
		Compute(terms, Params{})
	}
}
