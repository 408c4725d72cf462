package ingest_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newstrace/newstrace/internal/article"
	"github.com/newstrace/newstrace/internal/ingest"
	"github.com/newstrace/newstrace/internal/ingest/jsonl"
	"github.com/newstrace/newstrace/internal/ingest/source"
	"github.com/newstrace/newstrace/internal/lang"
	"github.com/newstrace/newstrace/internal/provenance"
	"github.com/newstrace/newstrace/internal/store"
	"github.com/newstrace/newstrace/internal/store/sqlite"
)

// mixed holds every input kind, a bad JSON line and a binary file; it
// belongs to the source package, whose tests describe it.
var mixed = filepath.Join("source", "testdata", "mixed")

func TestRunMixedFolderTwice(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()

	var errs []string
	opts := ingest.Options{
		Store:    st,
		Sketcher: provenance.NewSketcher(),
		Lang:     lang.New(),
		OnError:  func(err error) { errs = append(errs, err.Error()) },
	}
	first, err := ingest.Run(ctx, []string{mixed}, opts)
	if err != nil {
		t.Fatal(err)
	}
	if first.Created < 10 || first.Errors == 0 {
		t.Fatalf("first run %+v: want every kind ingested and the bad inputs reported", first)
	}
	for _, e := range errs {
		if !strings.Contains(e, mixed) {
			t.Errorf("error %q does not name the file", e)
		}
	}
	n, err := st.Count(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if n != first.Created {
		t.Errorf("store holds %d articles, run created %d", n, first.Created)
	}

	// The same inputs again: nothing new, nothing lost.
	second, err := ingest.Run(ctx, []string{mixed}, opts)
	if err != nil {
		t.Fatal(err)
	}
	if second.Created != 0 || second.Duplicates != first.Docs {
		t.Errorf("second run %+v, want 0 created and %d duplicates", second, first.Docs)
	}
	if n2, _ := st.Count(ctx); n2 != n {
		t.Errorf("store holds %d articles after the second run, want %d", n2, n)
	}

	// Every stored article went through the whole preparation.
	err = st.List(ctx, store.Query{}, func(a *article.Article) error {
		if a.ContentHash == "" || a.Lang == "" || a.Provenance.Kind == "" || a.Provenance.Path == "" {
			t.Errorf("%s: incompletely prepared: hash %q lang %q provenance %+v", a.ID, a.ContentHash, a.Lang, a.Provenance)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestPreparePublishedFrom checks where a corpus record's date comes
// from: the record's published field, which wins over the date its HTML
// states, else that date.
func TestPreparePublishedFrom(t *testing.T) {
	const page = `<html><head><title>Night buses for Carrowmore</title>
<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-05-06T21:30:00Z"}</script></head>
<body><article><p>The fictional town of Carrowmore will run night buses on Fridays and Saturdays from June, the transport office said on Monday.</p>
<p>The two routes will leave the square every forty minutes until three in the morning, and day tickets will be valid on them.</p></article></body></html>`
	det := lang.New()
	for _, tc := range []struct {
		name string
		rec  jsonl.Record
		want string
	}{
		{"text with published", jsonl.Record{ID: "t", Published: time.Date(2024, 5, 7, 0, 0, 0, 0, time.UTC),
			Text: "Night buses will run in Carrowmore from June, the transport office said."}, article.PublishedFromInput},
		{"html with published", jsonl.Record{ID: "h1", Published: time.Date(2024, 5, 7, 0, 0, 0, 0, time.UTC), HTML: page}, article.PublishedFromInput},
		{"html alone", jsonl.Record{ID: "h2", HTML: page}, article.PublishedFromMetadata},
	} {
		a, err := ingest.Prepare(source.Item{Kind: article.KindJSONL, Path: "corpus.jsonl", Line: 1, Record: &tc.rec}, det)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if a.PublishedFrom != tc.want {
			t.Errorf("%s: published %v from %q, want from %q", tc.name, a.PublishedAt, a.PublishedFrom, tc.want)
		}
		if tc.want == article.PublishedFromInput && !a.PublishedAt.Equal(tc.rec.Published) {
			t.Errorf("%s: published %v, want the record's %v", tc.name, a.PublishedAt, tc.rec.Published)
		}
	}
}

func TestPrepareIsIdempotent(t *testing.T) {
	a := article.New()
	a.Title = "Harbour strike — Daily Headlines"
	a.Text = "Dock workers voted to strike for three days from Monday, the union said.\n\nREAD MORE: Ferry fares to rise"
	det := lang.New()
	ingest.Finish(a, det)
	id, hash, markers := a.ID, a.ContentHash, len(a.Markers)
	ingest.Finish(a, det)
	if a.ID != id || a.ContentHash != hash || len(a.Markers) != markers {
		t.Errorf("second Finish changed the article: id %q→%q hash %q→%q markers %d→%d", id, a.ID, hash, a.ContentHash, markers, len(a.Markers))
	}
	if a.Lang != "en" || markers == 0 {
		t.Errorf("lang %q, %d markers; want en and the READ MORE residue", a.Lang, markers)
	}
}
