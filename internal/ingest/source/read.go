package source

import (
	"bufio"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/newstrace/newstrace/internal/article"
	"github.com/newstrace/newstrace/internal/ingest/jsonl"
	"github.com/newstrace/newstrace/internal/ingest/warc"
)

// readFile opens one regular file, works out its kind and hands its items
// to fn.
func readFile(ctx context.Context, path string, info fs.FileInfo, fn func(Item) error) error {
	fail := func(kind string, err error) error {
		return fn(Item{Kind: kind, Path: path, FetchedAt: info.ModTime(), Err: err})
	}
	f, err := os.Open(path)
	if err != nil {
		return fail("", fmt.Errorf("source: %w", err))
	}
	defer f.Close()

	kind := kindByName(path)
	raw := bufio.NewReaderSize(f, 64<<10)
	content := raw
	magic, _ := raw.Peek(2)
	// WARC files are compressed record by record and the warc package reads
	// them as they are; anything else gzipped is decompressed whole.
	compressed := isGzip(magic) && kind != article.KindWARC
	if compressed {
		zr, err := gzip.NewReader(raw)
		if err != nil {
			return fail(kind, fmt.Errorf("source: %s: %w", path, err))
		}
		defer zr.Close()
		content = bufio.NewReaderSize(zr, 64<<10)
	}
	if kind == "" {
		head, err := content.Peek(sniffLen)
		if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
			return fail("", fmt.Errorf("source: %s: %w", path, err))
		}
		if kind = sniff(head); kind == "" {
			return fail("", fmt.Errorf("source: %s: %w", path, ErrUnsupported))
		}
		if kind == article.KindWARC && compressed {
			// A .warc.gz under another name: start over on the raw bytes.
			if _, err := f.Seek(0, io.SeekStart); err != nil {
				return fail(kind, fmt.Errorf("source: %s: %w", path, err))
			}
			content = bufio.NewReaderSize(f, 64<<10)
		}
	}

	switch kind {
	case article.KindJSONL:
		return readJSONL(ctx, path, info, content, fn)
	case article.KindWARC:
		return readWARC(ctx, path, content, fn)
	default:
		return readWhole(path, kind, info, content, fn)
	}
}

// readWhole makes one item of a text or HTML file.
func readWhole(path, kind string, info fs.FileInfo, r io.Reader, fn func(Item) error) error {
	it := Item{Kind: kind, Path: path, FetchedAt: info.ModTime()}
	body, err := io.ReadAll(io.LimitReader(r, maxFileSize+1))
	switch {
	case err != nil:
		it.Err = fmt.Errorf("source: %s: %w", path, err)
	case len(body) > maxFileSize:
		it.Err = fmt.Errorf("source: %s: larger than %d MiB", path, maxFileSize>>20)
	case len(body) == 0:
		it.Err = fmt.Errorf("source: %s: empty file", path)
	default:
		it.Body = body
	}
	return fn(it)
}

// readJSONL makes one item per record; a bad line is an item with Err and
// the records after it still come.
func readJSONL(ctx context.Context, path string, info fs.FileInfo, r io.Reader, fn func(Item) error) error {
	jr := jsonl.NewReader(r)
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		rec, err := jr.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		it := Item{Kind: article.KindJSONL, Path: path, Line: jr.Line(), FetchedAt: info.ModTime(), Record: rec}
		if err != nil {
			it.Err = fmt.Errorf("source: %s: %w", path, err)
		}
		if err := fn(it); err != nil {
			return err
		}
		if err != nil {
			if _, ok := errors.AsType[*jsonl.ParseError](err); !ok {
				return nil // the stream itself failed; nothing more to read
			}
		}
	}
}

// readWARC makes one item per page; a malformed record is an item with Err
// at its offset.
func readWARC(ctx context.Context, path string, r io.Reader, fn func(Item) error) error {
	wr, err := warc.NewReader(r, path)
	if err != nil {
		return fn(Item{Kind: article.KindWARC, Path: path, Err: err})
	}
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		p, err := wr.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		it := Item{Kind: article.KindWARC, Path: path}
		if err != nil {
			it.Err = err // a *warc.RecordError: it names the file and offset
			if re, ok := errors.AsType[*warc.RecordError](err); ok {
				it.Offset, it.RecordID = re.Offset, re.RecordID
			}
		} else {
			it.Offset = p.Offset
			it.RecordID = p.RecordID
			it.URL = p.URL
			it.FetchedAt = p.Date
			it.HTTPStatus = p.Status
			it.ContentType = p.ContentType
			it.Body = p.Body
			it.Truncated = p.Truncated
		}
		if err := fn(it); err != nil {
			return err
		}
	}
}
