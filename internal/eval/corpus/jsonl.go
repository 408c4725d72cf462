package corpus

import (
	"bufio"
	"fmt"
	"io"

	"github.com/newstrace/newstrace/internal/article"
	"github.com/newstrace/newstrace/internal/ingest/jsonl"
)

// WriteJSONL writes arts to w in the corpus format, one article a line,
// through jsonl.Writer, so that an imported set reads back with
// jsonl.Reader like any other corpus.
func WriteJSONL(w io.Writer, arts []*article.Article) error {
	bw := bufio.NewWriter(w)
	jw := jsonl.NewWriter(bw)
	for _, a := range arts {
		if err := jw.Write(a); err != nil {
			return fmt.Errorf("corpus: %w", err)
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("corpus: write: %w", err)
	}
	return nil
}
