package lexicon

import (
	"bytes"
	"context"
	"os"
	"testing"
)

func TestExploreSave(t *testing.T) {
	l, _, err := ImportDir(context.Background(), "/usr/share/dictd")
	if err != nil {
		t.Fatal(err)
	}
	f, _ := os.Create("/tmp/lexall.bin")
	defer f.Close()
	l.Write(f)
}

func BenchmarkExploreRead(b *testing.B) {
	data, err := os.ReadFile("/tmp/lexall.bin")
	if err != nil {
		b.Skip(err)
	}
	for b.Loop() {
		if _, err := Read(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkExploreImport(b *testing.B) {
	for b.Loop() {
		if _, err := ImportDictd(context.Background(), "/usr/share/dictd/freedict-eng-ces.index", "/usr/share/dictd/freedict-eng-ces.dict.dz", "en", "cs"); err != nil {
			b.Fatal(err)
		}
	}
}
