package match

import "testing"

// benchPair returns a heavily edited copy of en-bridge and its origin.
func benchPair(b *testing.B) (q, c *Prepared) {
	origin := loadArticle(b, "en-bridge")
	d := makeCopy(origin, copyCases[len(copyCases)-2], 1)
	return Prepare(d.article("q"), Options{}), Prepare(origin, Options{})
}

// BenchmarkCompare measures the whole comparison of two articles,
// analysis included.
func BenchmarkCompare(b *testing.B) {
	q, c := benchPair(b)
	b.ReportAllocs()
	for b.Loop() {
		Compare(q.Article, c.Article, Options{})
	}
}

// BenchmarkComparePrepared measures alignment and verdict alone: the cost of
// each further candidate once both articles are prepared.
func BenchmarkComparePrepared(b *testing.B) {
	q, c := benchPair(b)
	b.ReportAllocs()
	for b.Loop() {
		ComparePrepared(q, c, Options{})
	}
}

// BenchmarkPrepare measures the once-per-article analysis: sentences,
// stems, shingles, signature and bands.
func BenchmarkPrepare(b *testing.B) {
	q, _ := benchPair(b)
	b.ReportAllocs()
	for b.Loop() {
		Prepare(q.Article, Options{})
	}
}
