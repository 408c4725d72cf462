package source

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newstrace/newstrace/internal/article"
	"github.com/newstrace/newstrace/internal/ingest/jsonl"
	"github.com/newstrace/newstrace/internal/ingest/warc"
)

// collect walks paths and returns every item.
func collect(t *testing.T, paths ...string) []Item {
	t.Helper()
	var items []Item
	err := Walk(context.Background(), paths, func(it Item) error {
		items = append(items, it)
		return nil
	})
	if err != nil {
		t.Fatalf("Walk: %v", err)
	}
	return items
}

// describe renders an item as "file kind detail" for comparison.
func describe(it Item) string {
	name := filepath.ToSlash(strings.TrimPrefix(it.Path, filepath.Join("testdata", "mixed")+string(filepath.Separator)))
	detail := ""
	switch {
	case it.Err != nil:
		detail = "ERR"
	case it.Record != nil:
		detail = fmt.Sprintf("line %d %s", it.Line, it.Record.ID)
	case it.Kind == article.KindWARC:
		detail = it.URL
	}
	return strings.TrimSpace(fmt.Sprintf("%s %s %s", name, it.Kind, detail))
}

func TestWalkMixedFolder(t *testing.T) {
	items := collect(t, filepath.Join("testdata", "mixed"))
	want := []string{
		"01-harbour.txt text",
		"02-orchard.html html",
		"03-port.html.gz html",
		"04-corpus.jsonl jsonl line 1 bridge-en",
		"04-corpus.jsonl jsonl ERR",
		"04-corpus.jsonl jsonl line 3 bridge-de",
		"05-crawl.warc.gz warc https://example.org/news/harbour",
		"05-crawl.warc.gz warc https://exemple.fr/port",
		"05-crawl.warc.gz warc ERR",
		"05-crawl.warc.gz warc https://beispiel.de/obstgarten",
		"06-notes.md text",
		"07-bulletin html",
		"08-export jsonl line 1 market-en",
		"09-memo text",
		"10-logo.bin  ERR",
		"11-page.xhtml html",
		"12-more.jsonl.gz jsonl line 1 gz-1",
		"sub/13-nested.htm html",
	}
	var got []string
	for _, it := range items {
		got = append(got, describe(it))
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("items:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(items) != len(want) {
		return
	}

	byName := func(i int) Item { return items[i] }
	if body := string(byName(2).Body); !strings.Contains(body, "Port Ellery a ouvert mardi") {
		t.Errorf("gzip HTML not decompressed: %q", body)
	}
	if it := byName(0); it.FetchedAt.IsZero() || !strings.HasPrefix(string(it.Body), "Harbour town") {
		t.Errorf("text item = %+v", it)
	}
	bad := byName(4)
	if _, ok := errors.AsType[*jsonl.ParseError](bad.Err); !ok || bad.Line != 2 || !strings.Contains(bad.Err.Error(), "04-corpus.jsonl: jsonl: line 2") {
		t.Errorf("bad JSON line item: line %d, err %v", bad.Line, bad.Err)
	}
	page := byName(6)
	if page.HTTPStatus != 200 || page.RecordID == "" || page.Offset == 0 || !strings.Contains(string(page.Body), "Port Ellery") || page.FetchedAt.Year() != 2024 {
		t.Errorf("WARC item = %+v", page)
	}
	if re, ok := errors.AsType[*warc.RecordError](byName(8).Err); !ok || byName(8).Offset != re.Offset || !strings.Contains(re.Error(), "05-crawl.warc.gz") {
		t.Errorf("corrupt WARC record item: %+v", byName(8))
	}
	if err := byName(14).Err; !errors.Is(err, ErrUnsupported) || !strings.Contains(err.Error(), "10-logo.bin") {
		t.Errorf("binary file error = %v", err)
	}
}

func TestWalkExplicitPaths(t *testing.T) {
	dir := t.TempDir()
	hidden := filepath.Join(dir, ".explicit.txt")
	if err := os.WriteFile(hidden, []byte("Given by name, so read although hidden."), 0o644); err != nil {
		t.Fatal(err)
	}
	empty := filepath.Join(dir, "empty.txt")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	dangling := filepath.Join(dir, "dangling.html")
	if err := os.Symlink(filepath.Join(dir, "nowhere"), dangling); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "missing.jsonl")

	items := collect(t, hidden, empty, dangling, missing)
	if len(items) != 4 {
		t.Fatalf("got %d items, want 4", len(items))
	}
	if items[0].Err != nil || items[0].Kind != article.KindText {
		t.Errorf("explicit hidden file: %+v", items[0])
	}
	for i, path := range []string{empty, dangling, missing} {
		it := items[i+1]
		if it.Err == nil || it.Path != path || !strings.Contains(it.Err.Error(), path) || !strings.HasPrefix(it.Err.Error(), "source: ") {
			t.Errorf("item for %s: err %v", path, it.Err)
		}
	}
}

func TestWalkStopsOnCallbackError(t *testing.T) {
	stop := errors.New("enough")
	n := 0
	err := Walk(context.Background(), []string{filepath.Join("testdata", "mixed")}, func(Item) error {
		n++
		if n == 5 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || n != 5 {
		t.Errorf("Walk = %v after %d items, want %v after 5", err, n, stop)
	}
}

func TestWalkHonoursContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	n := 0
	err := Walk(ctx, []string{filepath.Join("testdata", "mixed")}, func(Item) error {
		n++
		if n == 4 { // inside the JSONL file
			cancel()
		}
		return nil
	})
	if !errors.Is(err, context.Canceled) || n != 4 {
		t.Errorf("Walk = %v after %d items, want context.Canceled after 4", err, n)
	}
}

func TestEstimate(t *testing.T) {
	dir := filepath.Join("testdata", "mixed")
	files, size, err := Estimate([]string{dir, filepath.Join(dir, "missing")})
	if err == nil || !strings.Contains(err.Error(), "missing") {
		t.Errorf("Estimate error = %v, want one naming the missing path", err)
	}
	var wantSize int64
	wantFiles := 0
	filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if strings.Contains(path, string(filepath.Separator)+".") {
			return nil
		}
		if !d.IsDir() {
			info, _ := d.Info()
			wantFiles++
			wantSize += info.Size()
		}
		return nil
	})
	if files != wantFiles || size != wantSize {
		t.Errorf("Estimate = %d files, %d bytes; want %d, %d", files, size, wantFiles, wantSize)
	}
}

func TestSniff(t *testing.T) {
	tests := []struct {
		head string
		want string
	}{
		{"\xef\xbb\xbf  <!DOCTYPE HTML><html>", article.KindHTML},
		{"<html><body>", article.KindHTML},
		{"<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">", article.KindHTML},
		{"<?xml version=\"1.0\"?>\n<rss version=\"2.0\">", article.KindText},
		{"WARC/1.1\r\nWARC-Type: warcinfo", article.KindWARC},
		{"\n{\"id\": \"x\"}", article.KindJSONL},
		{"Ein Text über Brücken", article.KindText},
		{"cut rune \xc3", article.KindText},
		{"\x00\x01\x02binary", ""},
		{"latin-1 caf\xe9 au lait", ""},
	}
	for _, tt := range tests {
		if got := sniff([]byte(tt.head)); got != tt.want {
			t.Errorf("sniff(%q) = %q, want %q", tt.head, got, tt.want)
		}
	}
}
