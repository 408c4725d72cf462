package watch

import (
	"testing"
	"time"

	"github.com/newstrace/newstrace/internal/registry"
)

// FuzzRetryAfter: any header value gives -1 or a wait that is not
// negative.
func FuzzRetryAfter(f *testing.F) {
	for _, s := range []string{"", "0", "120", "-3", "Thu, 02 May 2024 12:00:30 GMT", "9999999999999999999", "Monday"} {
		f.Add(s)
	}
	now := time.Date(2024, 5, 2, 12, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, v string) {
		if d := retryAfter(v, now); d < -1 {
			t.Errorf("retryAfter(%q) = %s", v, d)
		}
	})
}

// FuzzParseSource: a user's --source either fails with ErrUnknownSource
// or yields a source that owns its own domains.
func FuzzParseSource(f *testing.F) {
	reg, err := registry.Load()
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{"rt.com", "RT", "https://fr.rt.com/x", "vov-news.example", "a b", "..", "http://[::1]:80/", "xn--80a.example"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, spec string) {
		s, err := ParseSource(spec, reg)
		if err != nil {
			return
		}
		if s.Name == "" || len(s.Domains) == 0 {
			t.Fatalf("ParseSource(%q) = %+v", spec, s)
		}
		for _, d := range s.Domains {
			if !s.Owns(d) || !s.Owns("sub."+d) {
				t.Errorf("ParseSource(%q): does not own its domain %q", spec, d)
			}
		}
	})
}
