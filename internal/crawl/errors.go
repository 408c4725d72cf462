package crawl

import (
	"errors"
	"fmt"
)

// Errors a fetch can fail with, wrapped in a *FetchError.
var (
	// ErrForbiddenAddress: the host resolved only to addresses the SSRF
	// guard refuses (see Options.AllowPrivateAddresses).
	ErrForbiddenAddress = errors.New("address not allowed")
	// ErrDisallowed: robots.txt disallows the URL for newstrace.
	ErrDisallowed = errors.New("disallowed by robots.txt")
	// ErrBodyTooLarge: the body is longer than Options.MaxBodySize.
	ErrBodyTooLarge = errors.New("body exceeds the size limit")
	// ErrTooManyRedirects: more hops than Options.MaxRedirects.
	ErrTooManyRedirects = errors.New("too many redirects")
	// ErrRedirectLoop: a redirect led back to a URL of the same chain.
	ErrRedirectLoop = errors.New("redirect loop")
	// ErrStatus: the final response is not 2xx or 304.
	ErrStatus = errors.New("unexpected status")
	// ErrUnsupportedURL: not an absolute http(s) URL.
	ErrUnsupportedURL = errors.New("unsupported URL")
)

// FetchError reports a fetch that failed, naming the URL asked for and,
// when the failure came after a response, its status.
type FetchError struct {
	URL    string
	Status int // 0 when no response was received
	Err    error
}

func (e *FetchError) Error() string {
	if e.Status != 0 {
		return fmt.Sprintf("crawl: GET %s: status %d: %v", e.URL, e.Status, e.Err)
	}
	return fmt.Sprintf("crawl: GET %s: %v", e.URL, e.Err)
}

func (e *FetchError) Unwrap() error { return e.Err }
