package postgres

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newstrace/newstrace/internal/article"
	"github.com/newstrace/newstrace/internal/store"
)

// The benchmarks mirror store/sqlite's (same sizes, same synthetic
// articles), so their figures compare directly.

// benchArticles is the size of the database the benchmarks run against.
const benchArticles = 10_000

// benchBands is the number of LSH band keys per article.
const benchBands = 20

// benchWords is a fictional vocabulary for synthetic texts.
var benchWords = strings.Fields(`le la les un une des de du et à en pour sur dans par avec
	ministre gouvernement réunion sommet accord frontière élection économie marché
	président conférence sécurité alliance déclaration journalistes capitale région
	budget réforme opposition parlement négociation délégation rapport enquête`)

// synthArticle returns a fictional article of about 1.5 kB and its sketch.
// One article in ten copies half the bands of an earlier one, so
// candidate lists have multi-hit entries as with real near-duplicates.
func synthArticle(r *rand.Rand, i int, prev [][]uint64) (*article.Article, store.Sketch) {
	var b strings.Builder
	for p := range 5 {
		if p > 0 {
			b.WriteString("\n\n")
		}
		for range 40 {
			b.WriteString(benchWords[r.IntN(len(benchWords))])
			b.WriteByte(' ')
		}
	}
	a := article.New()
	a.ID = fmt.Sprintf("bench-%06d", i)
	a.URL = fmt.Sprintf("https://site%d.example/%d", i%50, i)
	a.Site = fmt.Sprintf("site%d.example", i%50)
	a.Lang = "fr"
	a.Title = benchWords[r.IntN(len(benchWords))] + " " + benchWords[r.IntN(len(benchWords))]
	a.Text = b.String()
	a.ContentHash = fmt.Sprintf("h%016x", r.Uint64())
	a.PublishedAt = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(i) * time.Minute)
	keys := make([]uint64, benchBands)
	for k := range keys {
		keys[k] = r.Uint64()
	}
	if i%10 == 9 && len(prev) > 0 {
		copy(keys[:benchBands/2], prev[r.IntN(len(prev))])
	}
	return a, store.Sketch{Kind: "minhash", Keys: keys}
}

// benchStore opens a store in a fresh schema holding benchArticles
// synthetic articles, analyzed, and returns their sketches.
func benchStore(b *testing.B) (*Store, *rand.Rand, [][]uint64) {
	b.Helper()
	s, _ := openFresh(b)
	ctx := context.Background()
	r := rand.New(rand.NewPCG(1, 2))
	keys := make([][]uint64, 0, benchArticles)
	arts := make(chan *article.Article, benchArticles)
	for i := range benchArticles {
		a, sk := synthArticle(r, i, keys)
		arts <- a
		keys = append(keys, sk.Keys)
	}
	close(arts)
	// Loaded by 8 writers, whose commits share the server's WAL flushes:
	// one writer takes a minute.
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for range 8 {
		wg.Go(func() {
			for a := range arts {
				n, _ := strconv.Atoi(strings.TrimPrefix(a.ID, "bench-"))
				sk := store.Sketch{Kind: "minhash", Keys: keys[n]}
				if _, _, err := s.Put(ctx, a, []store.Sketch{sk}); err != nil {
					errs <- err
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	if err := <-errs; err != nil {
		b.Fatal(err)
	}
	if _, err := s.pool.Exec(ctx, `ANALYZE`); err != nil {
		b.Fatal(err)
	}
	return s, r, keys
}

// BenchmarkPut measures Put of new articles, 20 band keys each, into a
// database that already holds 10k.
func BenchmarkPut(b *testing.B) {
	s, r, keys := benchStore(b)
	i := benchArticles
	for b.Loop() {
		a, sk := synthArticle(r, i, keys)
		if _, created, err := s.Put(b.Context(), a, []store.Sketch{sk}); err != nil || !created {
			b.Fatalf("Put: %v, created %v", err, created)
		}
		i++
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkPutParallel measures Put from 8 goroutines at once, as several
// workers would write; SQLite has one writer, PostgreSQL many.
func BenchmarkPutParallel(b *testing.B) {
	s, _, keys := benchStore(b)
	var next struct {
		i int
		c chan int
	}
	next.c = make(chan int, 1)
	next.c <- benchArticles
	b.SetParallelism(8)
	b.RunParallel(func(pb *testing.PB) {
		r := rand.New(rand.NewPCG(rand.Uint64(), 3))
		for pb.Next() {
			i := <-next.c
			next.c <- i + 1
			a, sk := synthArticle(r, i, keys)
			if _, created, err := s.Put(b.Context(), a, []store.Sketch{sk}); err != nil || !created {
				b.Errorf("Put: %v, created %v", err, created)
				return
			}
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkCandidates measures a 20-key candidate lookup among 10k
// articles (200k band keys).
func BenchmarkCandidates(b *testing.B) {
	s, r, keys := benchStore(b)
	hits := 0
	for b.Loop() {
		c, err := s.Candidates(b.Context(), "minhash", keys[r.IntN(len(keys))], 50)
		if err != nil {
			b.Fatal(err)
		}
		hits += len(c)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "queries/s")
	b.ReportMetric(float64(hits)/float64(b.N), "candidates/op")
}

// BenchmarkSketches measures streaming all 10k sketches, as when warming
// an in-memory index.
func BenchmarkSketches(b *testing.B) {
	s, _, _ := benchStore(b)
	n := 0
	for b.Loop() {
		err := s.Sketches(b.Context(), "minhash", func(string, []uint64) error { n++; return nil })
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkSearch measures a two-word full-text search with snippets,
// limited to 20 hits, among 10k articles.
func BenchmarkSearch(b *testing.B) {
	s, r, _ := benchStore(b)
	for b.Loop() {
		q := benchWords[r.IntN(len(benchWords))] + " " + benchWords[r.IntN(len(benchWords))]
		if _, err := s.Search(b.Context(), q, 20); err != nil {
			b.Fatal(err)
		}
	}
}
