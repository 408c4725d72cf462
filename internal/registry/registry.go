// Package registry is newstrace's source registry: which outlets are state
// media or sanctioned, on which domains, and on whose word.
//
// A registry is a JSON document shipped inside the binary (sources.json)
// and extended by the user with files of the same shape. Every labelled
// fact — owner, state affiliation, sanction — cites at least one entry of
// the document's citation table (a legal act or a report, with its date and
// an address), so a person can check a label without newstrace:
//
//	{"citations": {"eu-reg-2022-350": {"title": "…", "act": "Council Regulation (EU) 2022/350", "date": "2022-03-01", "url": "…"}},
//	 "outlets": [{"id": "rt", "name": "RT", "country": "Russia", "domains": ["rt.com"],
//	   "state": {"kind": "state-controlled", "cite": ["eu-press-2022-03-02"]},
//	   "sanctions": [{"authority": "EU", "kind": "broadcast ban", "act": "Council Regulation (EU) 2022/350",
//	                  "date": "2022-03-01", "effective": "2022-03-02", "cite": ["eu-reg-2022-350"]}],
//	   "cite": ["eu-reg-2022-350"]}]}
//
// Lookup matches a host or URL, subdomains included (fr.rt.com is RT), and
// Label renders the one-line label a verdict shows next to its origin.
package registry

import (
	"slices"
	"strings"
)

// Citation is the source of a fact: a legal act or a report.
type Citation struct {
	Title     string `json:"title"`
	Act       string `json:"act,omitempty"` // e.g. "Council Regulation (EU) 2022/350"
	Publisher string `json:"publisher,omitempty"`
	URL       string `json:"url,omitempty"`
	// Date is when the act was adopted or the report published:
	// YYYY-MM-DD, YYYY-MM or YYYY.
	Date string `json:"date"`
	Note string `json:"note,omitempty"`
}

// Owner says who owns an outlet.
type Owner struct {
	Name string   `json:"name"`
	Cite []string `json:"cite"`
}

// State affiliation kinds, from the strongest tie to the loosest.
const (
	StateOwned      = "state-owned"
	StateControlled = "state-controlled"
	StateFunded     = "state-funded"
	StateAffiliated = "state-affiliated"
	// Proxy is a site an official report names as a relay of a state's
	// propaganda without establishing ownership or funding.
	Proxy = "proxy"
)

// Affiliation is an outlet's tie to a state.
type Affiliation struct {
	Kind   string   `json:"kind"`
	Detail string   `json:"detail,omitempty"` // the cited source's own words, shortened
	Cite   []string `json:"cite"`
}

// Sanction kinds. The label says "since" for the measures that last and
// gives the date alone for one-off acts.
const (
	SanctionBroadcastBan   = "broadcast ban"
	SanctionBlocking       = "blocking sanctions"
	SanctionAssetFreeze    = "asset freeze"
	SanctionForeignMission = "foreign mission"
	SanctionLicenceRevoked = "licence revoked"
	SanctionDomainSeizure  = "domain seizure"
)

// Sanction is a measure an authority took against an outlet.
type Sanction struct {
	Authority string `json:"authority"` // "EU", "US", "UK", …
	Kind      string `json:"kind"`      // one of the Sanction constants
	Act       string `json:"act"`       // the legal act or decision
	Date      string `json:"date"`      // adoption date
	// Effective is when the measure began to apply, when it differs from
	// Date and is known.
	Effective string `json:"effective,omitempty"`
	// Scope narrows the measure to some of the outlet's services.
	Scope string `json:"scope,omitempty"`
	// Via names the entity the measure targets when it is not the outlet
	// itself, e.g. "owner IRIB".
	Via  string   `json:"via,omitempty"`
	Cite []string `json:"cite"`
}

// Outlet is one entry of the registry.
type Outlet struct {
	ID      string   `json:"id"`
	Name    string   `json:"name"`
	Aliases []string `json:"aliases,omitempty"`
	Country string   `json:"country"`
	// Domains are registrable domains; every subdomain belongs to the
	// outlet too. Mirrors are further domains that republish it.
	Domains   []string     `json:"domains"`
	Mirrors   []string     `json:"mirrors,omitempty"`
	Owner     *Owner       `json:"owner,omitempty"`
	State     *Affiliation `json:"state,omitempty"`
	Sanctions []Sanction   `json:"sanctions,omitempty"`
	// Cite supports the entry itself: that the outlet exists under these
	// names and domains.
	Cite  []string `json:"cite"`
	Notes string   `json:"notes,omitempty"`

	// File is the registry file the entry came from ("embedded" for the
	// shipped one).
	File string `json:"-"`
}

// Registry is a loaded, validated set of outlets. It is immutable and safe
// for concurrent use.
type Registry struct {
	outlets   []*Outlet
	citations map[string]Citation
	byHost    map[string]*Outlet
	byName    map[string]*Outlet
}

// Outlets returns the outlets, ordered by ID.
func (r *Registry) Outlets() []*Outlet {
	return slices.Clone(r.outlets)
}

// Citation returns the citation with the given key.
func (r *Registry) Citation(key string) (Citation, bool) {
	c, ok := r.citations[key]
	return c, ok
}

// Citations resolves keys, skipping unknown ones (a loaded registry has
// none).
func (r *Registry) Citations(keys []string) []Citation {
	out := make([]Citation, 0, len(keys))
	for _, k := range keys {
		if c, ok := r.citations[k]; ok {
			out = append(out, c)
		}
	}
	return out
}

// Lookup returns the outlet that owns hostOrURL: a host name ("fr.rt.com"),
// a host with a port, or a URL. Subdomains match their registered domain
// or mirror; the longest registered suffix wins, so an entry for
// "arabic.example" would take precedence over one for "example".
//
// A nil Registry knows no outlet, so callers may leave it unset.
func (r *Registry) Lookup(hostOrURL string) (*Outlet, bool) {
	if r == nil {
		return nil, false
	}
	h := Host(hostOrURL)
	for h != "" {
		if o, ok := r.byHost[h]; ok {
			return o, true
		}
		i := strings.IndexByte(h, '.')
		if i < 0 {
			break
		}
		h = h[i+1:]
	}
	return nil, false
}

// LookupName returns the outlet whose name or alias is name, ignoring case
// and surrounding space — the source named in a title suffix such as
// "… — RT World News".
func (r *Registry) LookupName(name string) (*Outlet, bool) {
	if r == nil {
		return nil, false
	}
	o, ok := r.byName[foldName(name)]
	return o, ok
}

func foldName(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}
