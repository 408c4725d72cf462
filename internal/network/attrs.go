package network

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
)

// attr is one column of a node or edge, declared once so that every
// format writes the same attributes with the same types.
type attr[T any] struct {
	name string
	// typ is the GraphML attr.type: "int", "double" or "string"; GEXF
	// spells int as "integer".
	typ string
	// value returns the attribute's text, or ok=false when it is
	// unknown (the format then omits it rather than write a fake value).
	value func(T) (v string, ok bool)
}

func gexfType(t string) string {
	if t == "int" {
		return "integer"
	}
	return t
}

// templateSep joins template lines in the one-string attribute formats.
const templateSep = " | "

var nodeAttrs = []attr[Node]{
	{"articles", "int", func(n Node) (string, bool) { return strconv.Itoa(n.Articles), true }},
	{"langs", "string", func(n Node) (string, bool) { return strings.Join(n.Langs, ","), true }},
	{"outlet", "string", func(n Node) (string, bool) { return n.Outlet, n.Outlet != "" }},
	{"registry_label", "string", func(n Node) (string, bool) { return n.Label, n.Label != "" }},
	{"template", "string", func(n Node) (string, bool) { return strings.Join(n.Template, templateSep), true }},
	{"template_lines", "int", func(n Node) (string, bool) { return strconv.Itoa(len(n.Template)), true }},
	{"community", "int", func(n Node) (string, bool) { return strconv.Itoa(n.Community), true }},
	{"copies_out", "int", func(n Node) (string, bool) { return strconv.Itoa(n.CopiesOut), true }},
	{"copied_in", "int", func(n Node) (string, bool) { return strconv.Itoa(n.CopiedIn), true }},
}

var edgeAttrs = []attr[Edge]{
	{"articles", "int", func(e Edge) (string, bool) { return strconv.Itoa(e.Articles), true }},
	{"median_lag_hours", "double", func(e Edge) (string, bool) {
		return formatFloat(e.MedianLag.Hours()), e.LagSamples > 0
	}},
	{"lag_samples", "int", func(e Edge) (string, bool) { return strconv.Itoa(e.LagSamples), true }},
	{"translated", "double", func(e Edge) (string, bool) { return formatFloat(e.Translated), true }},
	{"verdicts", "string", func(e Edge) (string, bool) { return verdictString(e.Verdicts), true }},
}

func formatFloat(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// verdictString writes verdict counts as "copy=2;translation=1", sorted.
func verdictString(m map[string]int) string {
	var parts []string
	for _, k := range slices.Sorted(maps.Keys(m)) {
		parts = append(parts, fmt.Sprintf("%s=%d", k, m[k]))
	}
	return strings.Join(parts, ";")
}
