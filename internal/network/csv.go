package network

import (
	"encoding/csv"
	"fmt"
	"io"
)

// WriteNodesCSV writes one row per site: a header "id" followed by the
// node attribute names, then the values, empty where unknown.
func WriteNodesCSV(w io.Writer, g *Graph) error {
	return writeCSV(w, "nodes", []string{"id"}, nodeAttrs, g.Nodes, func(n Node) []string { return []string{n.ID} })
}

// WriteEdgesCSV writes one row per edge: "source", "target", then the edge
// attribute names, so that a spreadsheet or pandas reads it as an edge
// list.
func WriteEdgesCSV(w io.Writer, g *Graph) error {
	return writeCSV(w, "edges", []string{"source", "target"}, edgeAttrs, g.Edges, func(e Edge) []string { return []string{e.Source, e.Target} })
}

func writeCSV[T any](w io.Writer, what string, lead []string, attrs []attr[T], rows []T, key func(T) []string) error {
	cw := csv.NewWriter(w)
	header := append([]string{}, lead...)
	for _, a := range attrs {
		header = append(header, a.name)
	}
	if err := cw.Write(header); err != nil {
		return fmt.Errorf("network: %s csv: %w", what, err)
	}
	for _, r := range rows {
		rec := key(r)
		for _, a := range attrs {
			v, _ := a.value(r)
			rec = append(rec, v)
		}
		if err := cw.Write(rec); err != nil {
			return fmt.Errorf("network: %s csv: %w", what, err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("network: %s csv: %w", what, err)
	}
	return nil
}
