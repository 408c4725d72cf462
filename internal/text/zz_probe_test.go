package text

import (
	"os"
	"testing"

	"github.com/clipperhouse/uax29/v2/words"
)

func BenchmarkZZWords(b *testing.B) {
	data, _ := os.ReadFile("testdata/fr-conseil.txt")
	s := string(data)
	for b.Loop() {
		it := words.FromString(s)
		n := 0
		for it.Next() {
			n++
		}
	}
}
