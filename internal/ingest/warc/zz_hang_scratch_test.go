package warc

import (
	"bytes"
	"errors"
	"io"
	"math/rand"
	"os"
	"testing"
	"time"
)

func TestZZHang(t *testing.T) {
	seed, _ := os.ReadFile("testdata/small.warc.gz")
	var plain bytes.Buffer
	writeFixture(t, &plain, fixtureRecords(), false)
	rng := rand.New(rand.NewSource(1))
	for i := 0; i < 3000; i++ {
		src := seed
		if i%2 == 0 {
			src = plain.Bytes()
		}
		data := bytes.Clone(src)
		for range 1 + rng.Intn(4) {
			data[rng.Intn(len(data))] = byte(rng.Intn(256))
		}
		done := make(chan struct{})
		go func() {
			defer close(done)
			r, err := NewReader(bytes.NewReader(data), "x")
			if err != nil {
				return
			}
			for {
				if _, err := r.Next(); errors.Is(err, io.EOF) {
					return
				}
			}
		}()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			os.WriteFile("/tmp/hang.warc", data, 0o644)
			panic("hang")
		}
	}
}
