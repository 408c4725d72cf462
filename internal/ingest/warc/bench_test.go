package warc

import (
	"bytes"
	"errors"
	"io"
	"testing"
)

func BenchmarkReader(b *testing.B) {
	var buf bytes.Buffer
	recs := fixtureRecords()
	for range 100 {
		writeFixture(b, &buf, recs, true)
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		r, err := NewReader(bytes.NewReader(data), "bench.warc.gz")
		if err != nil {
			b.Fatal(err)
		}
		for {
			if _, err := r.Next(); errors.Is(err, io.EOF) {
				break
			}
		}
	}
}
