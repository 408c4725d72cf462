package lexiconcmd

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// With neither a lexicon file nor dictionaries, Load warns once and the
// caller goes on without a lexicon.
func TestLoadMissing(t *testing.T) {
	dir := t.TempDir()
	var warn bytes.Buffer
	lex, err := load(context.Background(), filepath.Join(dir, "lexicon.bin"), filepath.Join(dir, "no-dictd"), "", &warn)
	if err != nil || lex != nil {
		t.Fatalf("load = %v, %v; want nil, nil", lex, err)
	}
	if got := warn.String(); strings.Count(got, "lexicon missing") != 1 {
		t.Errorf("warning %q, want one 'lexicon missing' line", got)
	}
}

// A corrupt lexicon file is an error, not a silent fallback.
func TestLoadCorrupt(t *testing.T) {
	path := filepath.Join(t.TempDir(), "lexicon.bin")
	if err := os.WriteFile(path, []byte("not a lexicon"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := load(context.Background(), path, "", "", nil); err == nil {
		t.Error("corrupt lexicon: no error")
	}
}
