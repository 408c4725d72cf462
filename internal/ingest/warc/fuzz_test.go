package warc

import (
	"bytes"
	"errors"
	"io"
	"os"
	"testing"
)

// FuzzReader checks that no input panics the reader or keeps it from
// reaching io.EOF, that only pages and *RecordErrors come out, and that
// bodies respect MaxBodySize.
func FuzzReader(f *testing.F) {
	data, err := os.ReadFile("testdata/small.warc.gz")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	var plain bytes.Buffer
	writeFixture(f, &plain, fixtureRecords(), false)
	f.Add(plain.Bytes())
	f.Add(plain.Bytes()[:plain.Len()/2])
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := NewReader(bytes.NewReader(data), "fuzz.warc")
		if err != nil {
			return
		}
		r.MaxBodySize = 1 << 10
		// Every call consumes at least one byte, or ends the stream.
		for calls := 0; calls <= len(data)+2; calls++ {
			p, err := r.Next()
			if errors.Is(err, io.EOF) {
				return
			}
			if err != nil {
				if _, ok := errors.AsType[*RecordError](err); !ok {
					t.Fatalf("Next: %v is a %T, not a *RecordError", err, err)
				}
				continue
			}
			if int64(len(p.Body)) > r.MaxBodySize {
				t.Fatalf("body of %d bytes over MaxBodySize %d", len(p.Body), r.MaxBodySize)
			}
		}
		t.Fatalf("no io.EOF after %d calls on %d bytes", len(data)+3, len(data))
	})
}
