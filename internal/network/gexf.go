package network

import (
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
)

// GEXF 1.3 namespace and schema, as Gephi expects them.
const (
	GEXFNamespace = "http://gexf.net/1.3"
	gexfSchema    = "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd"
	xsiNamespace  = "http://www.w3.org/2001/XMLSchema-instance"
)

// The GEXF wire structs.
type gexfDoc struct {
	XMLName        xml.Name  `xml:"gexf"`
	XMLNS          string    `xml:"xmlns,attr"`
	XSI            string    `xml:"xmlns:xsi,attr"`
	SchemaLocation string    `xml:"xsi:schemaLocation,attr"`
	Version        string    `xml:"version,attr"`
	Meta           gexfMeta  `xml:"meta"`
	Graph          gexfGraph `xml:"graph"`
}

type gexfMeta struct {
	Creator     string `xml:"creator"`
	Description string `xml:"description"`
}

type gexfGraph struct {
	DefaultEdgeType string           `xml:"defaultedgetype,attr"`
	Mode            string           `xml:"mode,attr"`
	Attributes      []gexfAttributes `xml:"attributes"`
	Nodes           []gexfNode       `xml:"nodes>node"`
	Edges           []gexfEdge       `xml:"edges>edge"`
}

type gexfAttributes struct {
	Class      string          `xml:"class,attr"`
	Mode       string          `xml:"mode,attr"`
	Attributes []gexfAttribute `xml:"attribute"`
}

type gexfAttribute struct {
	ID    string `xml:"id,attr"`
	Title string `xml:"title,attr"`
	Type  string `xml:"type,attr"`
}

type gexfNode struct {
	ID        string          `xml:"id,attr"`
	Label     string          `xml:"label,attr"`
	AttValues []gexfAttrValue `xml:"attvalues>attvalue"`
}

type gexfEdge struct {
	ID        string          `xml:"id,attr"`
	Source    string          `xml:"source,attr"`
	Target    string          `xml:"target,attr"`
	Weight    string          `xml:"weight,attr"`
	AttValues []gexfAttrValue `xml:"attvalues>attvalue"`
}

type gexfAttrValue struct {
	For   string `xml:"for,attr"`
	Value string `xml:"value,attr"`
}

// WriteGEXF writes g as a GEXF 1.3 document: a directed static graph with
// the site as node id and label, every node and edge attribute declared in
// <attributes> with its type, and the edge weight as articles copied.
func WriteGEXF(w io.Writer, g *Graph) error {
	doc := gexfDoc{
		XMLNS: GEXFNamespace, XSI: xsiNamespace, SchemaLocation: gexfSchema, Version: "1.3",
		Meta: gexfMeta{Creator: "newstrace", Description: "Site network: an edge runs from a copier site to the site it copied from."},
		Graph: gexfGraph{
			DefaultEdgeType: "directed", Mode: "static",
			Attributes: []gexfAttributes{gexfDecl("node", nodeAttrs), gexfDecl("edge", edgeAttrs)},
		},
	}
	for _, n := range g.Nodes {
		doc.Graph.Nodes = append(doc.Graph.Nodes, gexfNode{ID: n.ID, Label: n.ID, AttValues: gexfValues(nodeAttrs, n)})
	}
	for i, e := range g.Edges {
		doc.Graph.Edges = append(doc.Graph.Edges, gexfEdge{
			ID: strconv.Itoa(i), Source: e.Source, Target: e.Target, Weight: strconv.Itoa(e.Articles),
			AttValues: gexfValues(edgeAttrs, e),
		})
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return fmt.Errorf("network: gexf: %w", err)
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("network: gexf: %w", err)
	}
	if _, err := io.WriteString(w, "\n"); err != nil {
		return fmt.Errorf("network: gexf: %w", err)
	}
	return nil
}

func gexfDecl[T any](class string, attrs []attr[T]) gexfAttributes {
	d := gexfAttributes{Class: class, Mode: "static"}
	for i, a := range attrs {
		d.Attributes = append(d.Attributes, gexfAttribute{ID: strconv.Itoa(i), Title: a.name, Type: gexfType(a.typ)})
	}
	return d
}

func gexfValues[T any](attrs []attr[T], x T) []gexfAttrValue {
	var out []gexfAttrValue
	for i, a := range attrs {
		if v, ok := a.value(x); ok {
			out = append(out, gexfAttrValue{For: strconv.Itoa(i), Value: v})
		}
	}
	return out
}
