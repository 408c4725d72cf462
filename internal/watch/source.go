package watch

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/newstrace/newstrace/internal/registry"
)

// Source is one watched source: the domains it publishes on and, when the
// source registry knows it, the outlet with its names and labels.
type Source struct {
	// Name is what events call the source: the outlet's name when the
	// registry knows it, else the domain as given.
	Name string
	// Domains are the source's own registrable domains; every subdomain
	// belongs to the source too (fr.rt.com is rt.com).
	Domains []string
	// Outlet is the registry entry, or nil for a domain the registry
	// does not know.
	Outlet *registry.Outlet
}

// ErrUnknownSource is returned, wrapped, for a source that is neither a
// domain nor a name the registry knows.
var ErrUnknownSource = errors.New("watch: unknown source")

// ParseSource resolves what a user wrote after --source: a domain or URL
// ("rt.com", "https://fr.rt.com/") or an outlet's name, alias or registry
// ID ("RT", "Russia Today", "rt"). A domain the registry knows takes the
// outlet's other domains along; a name must be in the registry, since
// nothing else says where it publishes. reg may be nil.
func ParseSource(spec string, reg *registry.Registry) (Source, error) {
	spec = strings.TrimSpace(spec)
	if spec == "" {
		return Source{}, fmt.Errorf("%w: empty name", ErrUnknownSource)
	}
	if o, ok := reg.LookupName(spec); ok {
		return outletSource(o), nil
	}
	if o := outletByID(reg, spec); o != nil {
		return outletSource(o), nil
	}
	if !looksLikeDomain(spec) {
		return Source{}, fmt.Errorf("%w %q: not a domain, and no outlet of the registry has that name", ErrUnknownSource, spec)
	}
	h := registry.Host(spec)
	if o, ok := reg.Lookup(h); ok && slices.ContainsFunc(o.Domains, func(d string) bool { return within(h, d) }) {
		// A subdomain (fr.rt.com) names the outlet: watch all of it, as
		// its articles move between its editions too.
		return outletSource(o), nil
	}
	return Source{Name: h, Domains: []string{h}}, nil
}

// ParseSources resolves each spec and drops repeats of one outlet or
// domain.
func ParseSources(specs []string, reg *registry.Registry) ([]Source, error) {
	var out []Source
	for _, s := range specs {
		src, err := ParseSource(s, reg)
		if err != nil {
			return nil, err
		}
		if !slices.ContainsFunc(out, func(o Source) bool { return o.Name == src.Name }) {
			out = append(out, src)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%w: no source given", ErrUnknownSource)
	}
	return out, nil
}

func outletSource(o *registry.Outlet) Source {
	return Source{Name: o.Name, Domains: slices.Clone(o.Domains), Outlet: o}
}

func outletByID(reg *registry.Registry, id string) *registry.Outlet {
	if reg == nil {
		return nil
	}
	for _, o := range reg.Outlets() {
		if strings.EqualFold(o.ID, id) {
			return o
		}
	}
	return nil
}

// looksLikeDomain reports whether s is a host name or URL rather than a
// name: two labels or more, of letters, digits and dashes.
func looksLikeDomain(s string) bool {
	h := registry.Host(s)
	if !strings.Contains(h, ".") {
		return false
	}
	for label := range strings.SplitSeq(h, ".") {
		if label == "" {
			return false
		}
		for _, c := range label {
			if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c > 127 && unicode.IsLetter(c)) {
				return false
			}
		}
	}
	return true
}

// Owns reports whether hostOrURL is on one of the source's domains or
// their subdomains. Mirrors that the registry lists are not the source's
// own: an article there is a reappearance.
func (s Source) Owns(hostOrURL string) bool {
	h := registry.Host(hostOrURL)
	if h == "" {
		return false
	}
	for _, d := range s.Domains {
		if within(h, d) {
			return true
		}
	}
	return false
}

// Named reports whether name, as found in a title suffix ("RT World
// News", "rt.com"), designates the source: one of the outlet's names or
// aliases, or one of its domains.
func (s Source) Named(name string) bool {
	f := foldName(name)
	if f == "" {
		return false
	}
	if s.Outlet != nil {
		if foldName(s.Outlet.Name) == f {
			return true
		}
		for _, a := range s.Outlet.Aliases {
			if foldName(a) == f {
				return true
			}
		}
	}
	return looksLikeDomain(f) && s.Owns(f)
}

// within reports whether host is domain or one of its subdomains.
func within(host, domain string) bool {
	return host == domain || strings.HasSuffix(host, "."+domain)
}

func foldName(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}
