package jsonl

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/newstrace/newstrace/internal/article"
)

func BenchmarkReader(b *testing.B) {
	var buf bytes.Buffer
	w := NewWriter(&buf)
	para := strings.Repeat("The ferry to Port Ellery runs twice a day until October. ", 10)
	for i := range 1000 {
		a := article.New()
		a.ID = fmt.Sprintf("a-%d", i)
		a.Lang = "en"
		a.Text = strings.Repeat(para+"\n\n", 5)
		if err := w.Write(a); err != nil {
			b.Fatal(err)
		}
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		r := NewReader(bytes.NewReader(data))
		for {
			if _, err := r.Next(); errors.Is(err, io.EOF) {
				break
			} else if err != nil {
				b.Fatal(err)
			}
		}
	}
}
