package source

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// visitFunc receives each file found: info for a file (a regular one, or
// something Walk cannot read), or err for a path that cannot be listed.
type visitFunc func(path string, info fs.FileInfo, err error) error

// visit calls fn for every file under paths, in the order given and, in
// folders, recursively in lexical order. Hidden entries (a name starting
// with ".") inside folders are skipped; a hidden path given explicitly is
// not. A symbolic link to a file is followed; one to a folder is not, which
// keeps link cycles out. fn's error stops the walk and is returned.
func visit(ctx context.Context, paths []string, fn visitFunc) error {
	for _, root := range paths {
		if err := ctx.Err(); err != nil {
			return err
		}
		info, err := os.Stat(root)
		if err != nil || !info.IsDir() {
			if err := fn(root, info, err); err != nil {
				return err
			}
			continue
		}
		err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err := ctx.Err(); err != nil {
				return err
			}
			if err != nil {
				// A folder that cannot be read is reported and skipped.
				return fn(path, nil, err)
			}
			if path != root && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				return nil
			}
			info, err := os.Stat(path)
			if err == nil && info.IsDir() {
				return nil
			}
			return fn(path, info, err)
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// Walk reads the files and folders in paths and calls fn with every item
// found in them: one per text or HTML file, one per JSONL record, one per
// WARC page, and one with Err set per file or record that cannot be read.
// The kind of a file comes from its extension (.jsonl, .ndjson, .warc,
// .html, .htm, .xhtml, .txt, .text, .md, each optionally .gz) or, failing
// that, from its first bytes. Walk stops at the first error fn returns and
// returns it, or when ctx is done, returning ctx.Err().
func Walk(ctx context.Context, paths []string, fn func(Item) error) error {
	return visit(ctx, paths, func(path string, info fs.FileInfo, err error) error {
		if err != nil {
			return fn(Item{Path: path, Err: fmt.Errorf("source: %w", err)})
		}
		if !info.Mode().IsRegular() {
			return fn(Item{Path: path, Err: fmt.Errorf("source: %s: not a regular file", path)})
		}
		return readFile(ctx, path, info, fn)
	})
}

// Estimate counts the files Walk would open under paths and their total
// size on disk, for progress reports. Paths that cannot be listed are
// skipped and their errors joined into err; the counts cover the rest.
func Estimate(paths []string) (files int, bytes int64, err error) {
	var errs []error
	_ = visit(context.Background(), paths, func(path string, info fs.FileInfo, err error) error {
		switch {
		case err != nil:
			errs = append(errs, fmt.Errorf("source: %w", err))
		case info.Mode().IsRegular():
			files++
			bytes += info.Size()
		}
		return nil
	})
	return files, bytes, errors.Join(errs...)
}
