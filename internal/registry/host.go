package registry

import (
	"net"
	"net/url"
	"strings"
)

// Host reduces a host name or URL to the lower-case host that Lookup
// matches: scheme, user info, port, path and a trailing dot go, and so does
// a leading "www.". It returns "" when nothing host-like is left.
func Host(hostOrURL string) string {
	s := strings.TrimSpace(hostOrURL)
	if s == "" {
		return ""
	}
	if strings.Contains(s, "://") {
		u, err := url.Parse(s)
		if err != nil {
			return ""
		}
		s = u.Host
	} else if i := strings.IndexAny(s, "/?#"); i >= 0 {
		s = s[:i]
	}
	if i := strings.LastIndexByte(s, '@'); i >= 0 {
		s = s[i+1:]
	}
	if h, _, err := net.SplitHostPort(s); err == nil {
		s = h
	}
	s = strings.TrimSuffix(strings.ToLower(s), ".")
	s = strings.TrimPrefix(s, "www.")
	return s
}

// validDomain reports whether d is a plain lower-case domain name with at
// least two labels, as registry files must spell them.
func validDomain(d string) bool {
	if d == "" || len(d) > 253 || d != Host(d) || !strings.Contains(d, ".") {
		return false
	}
	for label := range strings.SplitSeq(d, ".") {
		if label == "" || len(label) > 63 || label[0] == '-' || label[len(label)-1] == '-' {
			return false
		}
		for _, c := range label {
			if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c > 127) {
				return false
			}
		}
	}
	return true
}
