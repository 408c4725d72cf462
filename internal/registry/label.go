package registry

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"
)

// lasting lists the sanction kinds that stay in force: the label says
// "since" the date they began to apply, when the registry knows it, and
// otherwise gives the act with its date.
var lasting = []string{SanctionBroadcastBan, SanctionBlocking, SanctionAssetFreeze, SanctionForeignMission}

// Label returns the one-line label a verdict shows for an origin outlet:
// name, country, state affiliation, then the earliest sanction of each
// authority and kind, oldest first, each with its act:
//
//	RT (Russia) — state-controlled; EU broadcast ban since 2 March 2022, Council Regulation (EU) 2022/350; …
//
// A nil outlet gives "".
func Label(o *Outlet) string {
	if o == nil {
		return ""
	}
	var b strings.Builder
	b.WriteString(o.Name)
	if o.Country != "" {
		fmt.Fprintf(&b, " (%s)", o.Country)
	}
	var parts []string
	if o.State != nil {
		if o.State.Kind == Proxy && o.State.Detail != "" {
			parts = append(parts, o.State.Detail)
		} else {
			parts = append(parts, o.State.Kind)
		}
	}
	for _, s := range labelledSanctions(o) {
		parts = append(parts, sanctionPhrase(s))
	}
	if len(parts) > 0 {
		b.WriteString(" — ")
		b.WriteString(strings.Join(parts, "; "))
	}
	return b.String()
}

// LabelCitations returns the citations behind the facts Label shows for
// o — its state affiliation and labelled sanctions — in label order,
// without repeats, so a report can print them under the label.
func (r *Registry) LabelCitations(o *Outlet) []Citation {
	if o == nil {
		return nil
	}
	var keys []string
	if o.State != nil {
		keys = append(keys, o.State.Cite...)
	}
	for _, s := range labelledSanctions(o) {
		keys = append(keys, s.Cite...)
	}
	var uniq []string
	for _, k := range keys {
		if !slices.Contains(uniq, k) {
			uniq = append(uniq, k)
		}
	}
	return r.Citations(uniq)
}

// labelledSanctions keeps the earliest sanction of each authority and kind,
// ordered by date, so a label stays one line.
func labelledSanctions(o *Outlet) []Sanction {
	ss := slices.Clone(o.Sanctions)
	slices.SortStableFunc(ss, func(a, b Sanction) int { return cmp.Compare(startDate(a), startDate(b)) })
	seen := make(map[string]bool)
	var out []Sanction
	for _, s := range ss {
		k := s.Authority + "\x00" + s.Kind
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, s)
	}
	return out
}

func startDate(s Sanction) string {
	if s.Effective != "" {
		return s.Effective
	}
	return s.Date
}

func sanctionPhrase(s Sanction) string {
	var b strings.Builder
	b.WriteString(s.Authority)
	b.WriteByte(' ')
	b.WriteString(s.Kind)
	if s.Via != "" {
		fmt.Fprintf(&b, " (via %s)", s.Via)
	}
	if s.Effective != "" && slices.Contains(lasting, s.Kind) {
		fmt.Fprintf(&b, " since %s, %s", humanDate(s.Effective), s.Act)
	} else {
		fmt.Fprintf(&b, ": %s, %s", s.Act, humanDate(s.Date))
	}
	return b.String()
}

// humanDate writes a registry date as "2 March 2022", "March 2022" or
// "2022"; a malformed date is returned as is.
func humanDate(s string) string {
	for _, f := range [][2]string{{"2006-01-02", "2 January 2006"}, {"2006-01", "January 2006"}, {"2006", "2006"}} {
		if t, err := time.Parse(f[0], s); err == nil {
			return t.Format(f[1])
		}
	}
	return s
}
