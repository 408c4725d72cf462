package tracecmd

import (
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/newstrace/newstrace/internal/provenance"
	"github.com/newstrace/newstrace/internal/registry"
)

// Render writes a report for a person: verdict and origin first, then the
// signals, then the aligned passages side by side.
func Render(w io.Writer, r *provenance.Report, maxPassages int) {
	fmt.Fprintf(w, "%s  [%s] %s  %s\n", r.ID, r.Lang, r.Site, date(r.Published))
	if r.Title != "" {
		fmt.Fprintf(w, "  %q\n", r.Title)
	}
	if r.Origin == nil {
		fmt.Fprintf(w, "  verdict: %s — no origin found among stored articles\n", r.Verdict)
	} else {
		o := r.Origin
		fmt.Fprintf(w, "  verdict: %s of %s (score %.2f, %.0f%% of the text aligned)\n", r.Verdict, o.ID, r.Score, 100*r.Coverage)
		fmt.Fprintf(w, "  origin:  %s  [%s] %s  %s", o.ID, o.Lang, o.Site, date(o.Published))
		if o.Lag != "" {
			fmt.Fprintf(w, "  (copied %s later)", o.Lag)
		}
		fmt.Fprintln(w)
		if o.Title != "" {
			fmt.Fprintf(w, "           %q\n", o.Title)
		}
		if o.Label != "" {
			fmt.Fprintf(w, "           publisher: %s\n", o.Label)
			for _, c := range o.Citations {
				fmt.Fprintf(w, "             cited: %s\n", citation(c))
			}
		}
	}
	if len(r.Path) > 2 {
		parts := make([]string, len(r.Path))
		for i, h := range r.Path {
			parts[i] = fmt.Sprintf("%s (%s)", h.ID, h.Site)
			if i > 0 {
				parts[i] = fmt.Sprintf("—%s, %s→ %s", h.Relation, h.Lag, parts[i])
			}
		}
		fmt.Fprintf(w, "  path:    %s\n", strings.Join(parts, " "))
	}
	if r.AttributedSource != "" {
		fmt.Fprintf(w, "  attributed source in title: %s\n", r.AttributedSource)
	}
	for _, s := range r.Signals {
		fmt.Fprintf(w, "  signal %s: %s\n", s.Kind, s.Detail)
	}
	for _, a := range r.Artifacts {
		strength := "artifact"
		if a.Weak {
			strength = "artifact (hint)"
		}
		fmt.Fprintf(w, "  %s %s: %s — %q\n", strength, a.Kind, a.Detail, clip(a.Query, 80))
	}
	for i, p := range r.Evidence {
		if maxPassages > 0 && i == maxPassages {
			fmt.Fprintf(w, "  … %d more aligned passages\n", len(r.Evidence)-i)
			break
		}
		fmt.Fprintf(w, "  ¶%d ↔ origin ¶%d  (%.2f)\n", p.Query+1, p.Origin+1, p.Score)
		fmt.Fprintf(w, "      this:   %s\n", clip(p.QueryText, 150))
		fmt.Fprintf(w, "      origin: %s\n", clip(p.OriginText, 150))
	}
	for _, l := range r.Related {
		fmt.Fprintf(w, "  also %s: %s [%s] %s (%s, %.2f)\n", l.Role, l.ID, l.Lang, l.Site, l.Verdict, l.Score)
	}
}

func date(t time.Time) string {
	if t.IsZero() {
		return "undated"
	}
	return t.UTC().Format("2006-01-02 15:04Z")
}

// clip shortens s to n runes on one line.
func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// citation writes a registry citation on one line: title, act, date, URL.
func citation(c registry.Citation) string {
	parts := []string{}
	for _, p := range []string{c.Title, c.Act, c.Publisher, c.Date, c.URL} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, ", ")
}
