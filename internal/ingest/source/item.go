// Package source walks the files and folders given to ingest and turns
// them into raw items: a plain-text or HTML file, one record of a corpus
// JSON Lines file, one page of a WARC file. It reads and frames bytes only;
// extraction, language detection and storage are the ingest runner's.
//
// Inputs are untrusted and often large batches, so a bad file or record
// never stops a walk: it arrives as an Item whose Err says what and where,
// and the walk goes on.
package source

import (
	"errors"
	"time"

	"github.com/newstrace/newstrace/internal/ingest/jsonl"
)

// ErrUnsupported is the Err of an item whose file is of no kind Walk reads.
var ErrUnsupported = errors.New("unsupported file")

// maxFileSize bounds a text or HTML file read whole into Item.Body; a
// larger one is reported rather than held in memory.
const maxFileSize = 64 << 20

// Item is one unit of input for the ingest runner.
type Item struct {
	Kind        string        // article.KindText, KindHTML, KindJSONL or KindWARC; "" when the file's kind is unknown
	Path        string        // the file
	Line        int           // JSONL line, or 0
	Offset      int64         // WARC record offset, or 0
	RecordID    string        // WARC record id
	URL         string        // page URL if known (WARC target URI)
	FetchedAt   time.Time     // WARC date, or the file's modification time
	HTTPStatus  int           // WARC response status
	ContentType string        // WARC response Content-Type
	Body        []byte        // raw bytes for text, HTML and WARC items
	Truncated   bool          // Body was cut (see warc.Page.Truncated)
	Record      *jsonl.Record // for JSONL items
	// Err is non-nil for a file or record that could not be read; the
	// caller reports it and goes on. It names the path (and line or offset).
	Err error
}
