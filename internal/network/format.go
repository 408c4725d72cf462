package network

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
)

// Output formats.
const (
	FormatGEXF    = "gexf"
	FormatGraphML = "graphml"
	FormatCSV     = "csv"
	FormatJSON    = "json"
)

// Formats lists the formats Write accepts.
var Formats = []string{FormatGEXF, FormatGraphML, FormatCSV, FormatJSON}

// WriteJSON writes g as indented JSON; json.Unmarshal into a Graph gives g
// back.
func WriteJSON(w io.Writer, g *Graph) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(g); err != nil {
		return fmt.Errorf("network: json: %w", err)
	}
	return nil
}

// Write writes g in format to w. CSV writes the edge list only; write the
// node table with WriteNodesCSV.
func Write(w io.Writer, g *Graph, format string) error {
	switch format {
	case FormatGEXF:
		return WriteGEXF(w, g)
	case FormatGraphML:
		return WriteGraphML(w, g)
	case FormatCSV:
		return WriteEdgesCSV(w, g)
	case FormatJSON:
		return WriteJSON(w, g)
	}
	return fmt.Errorf("network: unknown format %q (want one of %v)", format, Formats)
}

// ValidFormat reports whether Write accepts format.
func ValidFormat(format string) bool { return slices.Contains(Formats, format) }
