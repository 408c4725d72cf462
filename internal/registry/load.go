package registry

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"
)

//go:embed sources.json
var embeddedJSON []byte

// EmbeddedFile is the name errors and Outlet.File give the shipped
// registry.
const EmbeddedFile = "embedded sources.json"

// DefaultFile returns where a user's registry file lives in a data
// directory; Load reads it only when asked to.
func DefaultFile(dataDir string) string {
	return filepath.Join(dataDir, "registry.json")
}

// LoadData is Load with the data directory's registry file first, when
// it exists, then files: what a command that honours DATA/registry.json and
// --registry FILE wants.
func LoadData(dataDir string, files ...string) (*Registry, error) {
	var all []string
	if p := DefaultFile(dataDir); dataDir != "" {
		if _, err := os.Stat(p); err == nil {
			all = append(all, p)
		}
	}
	return Load(append(all, files...)...)
}

// Error is a problem in a registry file, naming the file and, when there is
// one, the entry ("outlet rt", "citation eu-reg-2022-350").
type Error struct {
	File  string
	Entry string
	Err   error
}

func (e *Error) Error() string {
	if e.Entry == "" {
		return fmt.Sprintf("registry: %s: %v", e.File, e.Err)
	}
	return fmt.Sprintf("registry: %s: %s: %v", e.File, e.Entry, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// document is the shape of a registry file.
type document struct {
	Comment   string              `json:"comment,omitempty"`
	Citations map[string]Citation `json:"citations"`
	Outlets   []*Outlet           `json:"outlets"`
}

// Load returns the embedded registry with each file merged over it in
// order: a file's citation replaces the one with the same key, and its
// outlet replaces the one with the same ID (whole, not field by field);
// new keys and IDs are added. Every file must exist and validate; the first
// problem is returned as an *Error naming the file and entry.
func Load(files ...string) (*Registry, error) {
	base, err := parse(EmbeddedFile, bytes.NewReader(embeddedJSON))
	if err != nil {
		return nil, err
	}
	docs := []*document{base}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, &Error{File: f, Err: unwrapPath(err)}
		}
		d, err := parse(f, bytes.NewReader(b))
		if err != nil {
			return nil, err
		}
		docs = append(docs, d)
	}
	return build(docs)
}

// unwrapPath drops the *PathError wrapper, whose path Error already names.
func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// parse decodes and checks one file on its own: fields, formats, and
// duplicate IDs. References between files are checked by build.
func parse(file string, r io.Reader) (*document, error) {
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	var d document
	if err := dec.Decode(&d); err != nil {
		return nil, &Error{File: file, Err: fmt.Errorf("not a registry document: %w", err)}
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, &Error{File: file, Err: errors.New("data after the registry document")}
	}
	keys := make([]string, 0, len(d.Citations))
	for k := range d.Citations {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		if err := checkCitation(k, d.Citations[k]); err != nil {
			return nil, &Error{File: file, Entry: "citation " + quoteKey(k), Err: err}
		}
	}
	seen := make(map[string]bool)
	for i, o := range d.Outlets {
		if o == nil {
			return nil, &Error{File: file, Entry: fmt.Sprintf("outlet #%d", i+1), Err: errors.New("null entry")}
		}
		entry := "outlet " + quoteKey(o.ID)
		if o.ID == "" {
			entry = fmt.Sprintf("outlet #%d", i+1)
		}
		if err := checkOutlet(o); err != nil {
			return nil, &Error{File: file, Entry: entry, Err: err}
		}
		if seen[o.ID] {
			return nil, &Error{File: file, Entry: entry, Err: errors.New("duplicate id")}
		}
		seen[o.ID] = true
		o.File = file
	}
	return &d, nil
}

func quoteKey(k string) string { return fmt.Sprintf("%q", k) }

var (
	idRE   = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)
	dateRE = regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2})?)?$`)
)

// checkDate accepts YYYY, YYYY-MM and YYYY-MM-DD that name a real date.
func checkDate(s string) error {
	if !dateRE.MatchString(s) {
		return fmt.Errorf("date %q is not YYYY-MM-DD, YYYY-MM or YYYY", s)
	}
	layout := []string{"2006", "2006-01", "2006-01-02"}[strings.Count(s, "-")]
	if _, err := time.Parse(layout, s); err != nil {
		return fmt.Errorf("date %q: %w", s, err)
	}
	return nil
}

func checkCitation(key string, c Citation) error {
	switch {
	case !idRE.MatchString(key):
		return errors.New("key must be lower-case letters, digits and dashes")
	case strings.TrimSpace(c.Title) == "":
		return errors.New("missing title")
	case c.URL == "" && c.Act == "":
		return errors.New("needs a url or an act")
	}
	if c.URL != "" {
		u, err := url.Parse(c.URL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return fmt.Errorf("url %q is not an http(s) address", c.URL)
		}
	}
	return checkDate(c.Date)
}

var (
	stateKinds    = []string{StateOwned, StateControlled, StateFunded, StateAffiliated, Proxy}
	sanctionKinds = []string{SanctionBroadcastBan, SanctionBlocking, SanctionAssetFreeze, SanctionForeignMission, SanctionLicenceRevoked, SanctionDomainSeizure}
)

func checkOutlet(o *Outlet) error {
	switch {
	case !idRE.MatchString(o.ID):
		return fmt.Errorf("id %q must be lower-case letters, digits and dashes", o.ID)
	case strings.TrimSpace(o.Name) == "":
		return errors.New("missing name")
	case len(o.Cite) == 0:
		return errors.New("the entry cites no source")
	}
	for _, d := range slices.Concat(o.Domains, o.Mirrors) {
		if !validDomain(d) {
			return fmt.Errorf("domain %q is not a lower-case host name such as example.com", d)
		}
	}
	if o.Owner != nil {
		if strings.TrimSpace(o.Owner.Name) == "" {
			return errors.New("owner: missing name")
		}
		if len(o.Owner.Cite) == 0 {
			return errors.New("owner: no citation")
		}
	}
	if s := o.State; s != nil {
		if !slices.Contains(stateKinds, s.Kind) {
			return fmt.Errorf("state: kind %q is not one of %s", s.Kind, strings.Join(stateKinds, ", "))
		}
		if len(s.Cite) == 0 {
			return errors.New("state: no citation")
		}
	}
	for i, s := range o.Sanctions {
		err := func() error {
			switch {
			case strings.TrimSpace(s.Authority) == "":
				return errors.New("missing authority")
			case !slices.Contains(sanctionKinds, s.Kind):
				return fmt.Errorf("kind %q is not one of %s", s.Kind, strings.Join(sanctionKinds, ", "))
			case strings.TrimSpace(s.Act) == "":
				return errors.New("missing act")
			case len(s.Cite) == 0:
				return errors.New("no citation")
			}
			if err := checkDate(s.Date); err != nil {
				return err
			}
			if s.Effective != "" {
				if err := checkDate(s.Effective); err != nil {
					return fmt.Errorf("effective %w", err)
				}
			}
			return nil
		}()
		if err != nil {
			return fmt.Errorf("sanction %d: %w", i+1, err)
		}
	}
	return nil
}

// build merges documents in order and indexes the result, checking what
// only the merged whole can show: that cited keys exist and that no domain
// or name belongs to two outlets.
func build(docs []*document) (*Registry, error) {
	r := &Registry{
		citations: make(map[string]Citation),
		byHost:    make(map[string]*Outlet),
		byName:    make(map[string]*Outlet),
	}
	byID := make(map[string]*Outlet)
	for _, d := range docs {
		for k, c := range d.Citations {
			r.citations[k] = c
		}
		for _, o := range d.Outlets {
			byID[o.ID] = o
		}
	}
	for _, o := range byID {
		r.outlets = append(r.outlets, o)
	}
	slices.SortFunc(r.outlets, func(a, b *Outlet) int { return strings.Compare(a.ID, b.ID) })
	for _, o := range r.outlets {
		entry := "outlet " + quoteKey(o.ID)
		for _, k := range citedKeys(o) {
			if _, ok := r.citations[k]; !ok {
				return nil, &Error{File: o.File, Entry: entry, Err: fmt.Errorf("cites unknown citation %q", k)}
			}
		}
		for _, d := range slices.Concat(o.Domains, o.Mirrors) {
			if other, ok := r.byHost[d]; ok && other != o {
				return nil, &Error{File: o.File, Entry: entry, Err: fmt.Errorf("domain %q also belongs to outlet %q (%s)", d, other.ID, other.File)}
			}
			r.byHost[d] = o
		}
		for _, n := range append([]string{o.Name}, o.Aliases...) {
			key := foldName(n)
			if key == "" {
				continue
			}
			if other, ok := r.byName[key]; ok && other != o {
				return nil, &Error{File: o.File, Entry: entry, Err: fmt.Errorf("name %q also belongs to outlet %q (%s)", n, other.ID, other.File)}
			}
			r.byName[key] = o
		}
	}
	return r, nil
}

// citedKeys lists every citation key an outlet uses.
func citedKeys(o *Outlet) []string {
	keys := slices.Clone(o.Cite)
	if o.Owner != nil {
		keys = append(keys, o.Owner.Cite...)
	}
	if o.State != nil {
		keys = append(keys, o.State.Cite...)
	}
	for _, s := range o.Sanctions {
		keys = append(keys, s.Cite...)
	}
	return keys
}
