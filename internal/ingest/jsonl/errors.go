package jsonl

import (
	"errors"
	"fmt"
)

// Validation failures, wrapped in a *ParseError. Callers may branch on them
// with errors.Is.
var (
	ErrMissingID      = errors.New("missing id")
	ErrMissingContent = errors.New("missing text and html")
	ErrLineTooLong    = errors.New("line too long")
)

// ParseError reports a malformed line. ID is the record's id when the line
// was JSON enough to have one, so that a report can name the article.
type ParseError struct {
	Line int // 1-based physical line number
	ID   string
	Err  error
}

func (e *ParseError) Error() string {
	if e.ID != "" {
		return fmt.Sprintf("jsonl: line %d (id %q): %v", e.Line, e.ID, e.Err)
	}
	return fmt.Sprintf("jsonl: line %d: %v", e.Line, e.Err)
}

func (e *ParseError) Unwrap() error { return e.Err }
