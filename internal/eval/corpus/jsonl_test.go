package corpus

import (
	"bytes"
	"context"
	"errors"
	"io"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/newstrace/newstrace/internal/article"
	"github.com/newstrace/newstrace/internal/ingest/jsonl"
)

// TestWriteJSONLRoundTrip writes an imported set and reads it back with
// the project's corpus reader: every field the format carries survives.
func TestWriteJSONLRoundTrip(t *testing.T) {
	arts, err := ImportNewstest(context.Background(), filepath.Join("testdata", "newstest"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteJSONL(&buf, arts); err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(buf.Bytes(), []byte("\n")); n != len(arts) {
		t.Fatalf("%d lines for %d articles", n, len(arts))
	}
	r := jsonl.NewReader(&buf)
	for i := 0; ; i++ {
		rec, err := r.Next()
		if errors.Is(err, io.EOF) {
			if i != len(arts) {
				t.Errorf("read %d records, wrote %d", i, len(arts))
			}
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		got, want := rec.Article(), arts[i]
		if got.ID != want.ID || got.Site != want.Site || got.Lang != want.Lang || got.Title != want.Title ||
			got.Text != want.Text || !got.PublishedAt.Equal(want.PublishedAt) || !reflect.DeepEqual(got.Gold, want.Gold) {
			t.Errorf("record %d:\n got %+v\nwant %+v", i, got, want)
		}
	}
}

func TestWriteJSONLRefusesEmptyText(t *testing.T) {
	a := article.New()
	a.ID = "x"
	if err := WriteJSONL(io.Discard, []*article.Article{a}); err == nil {
		t.Error("an article without text was written")
	}
}
