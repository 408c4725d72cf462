package warc

import "fmt"

// RecordError reports a malformed record: one gowarc could not parse, one
// cut short, or a response whose HTTP message or payload cannot be decoded.
// File, Offset and RecordID locate it so that a person can look at the
// bytes (RecordID is empty when the WARC header itself was unreadable).
type RecordError struct {
	File     string
	Offset   int64 // of the record's first byte (its gzip member when compressed)
	RecordID string
	Err      error
}

func (e *RecordError) Error() string {
	if e.RecordID != "" {
		return fmt.Sprintf("warc: %s: offset %d (record %s): %v", e.File, e.Offset, e.RecordID, e.Err)
	}
	return fmt.Sprintf("warc: %s: offset %d: %v", e.File, e.Offset, e.Err)
}

func (e *RecordError) Unwrap() error { return e.Err }
