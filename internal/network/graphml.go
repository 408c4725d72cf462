package network

import (
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
)

// GraphML namespace and schema.
const (
	GraphMLNamespace = "http://graphml.graphdrawing.org/xmlns"
	graphmlSchema    = "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"
)

// The GraphML wire structs.
type graphmlDoc struct {
	XMLName        xml.Name     `xml:"graphml"`
	XMLNS          string       `xml:"xmlns,attr"`
	XSI            string       `xml:"xmlns:xsi,attr"`
	SchemaLocation string       `xml:"xsi:schemaLocation,attr"`
	Keys           []graphmlKey `xml:"key"`
	Graph          graphmlGraph `xml:"graph"`
}

type graphmlKey struct {
	ID       string `xml:"id,attr"`
	For      string `xml:"for,attr"`
	AttrName string `xml:"attr.name,attr"`
	AttrType string `xml:"attr.type,attr"`
}

type graphmlGraph struct {
	ID          string        `xml:"id,attr"`
	EdgeDefault string        `xml:"edgedefault,attr"`
	Nodes       []graphmlNode `xml:"node"`
	Edges       []graphmlEdge `xml:"edge"`
}

type graphmlNode struct {
	ID   string        `xml:"id,attr"`
	Data []graphmlData `xml:"data"`
}

type graphmlEdge struct {
	ID     string        `xml:"id,attr"`
	Source string        `xml:"source,attr"`
	Target string        `xml:"target,attr"`
	Data   []graphmlData `xml:"data"`
}

type graphmlData struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}

// Key ids: node keys are "n<i>", edge keys "e<i>", plus the node label
// and edge weight keys that networkx and igraph pick up by name.
const (
	graphmlLabelKey  = "label"
	graphmlWeightKey = "weight"
)

// WriteGraphML writes g as GraphML: every attribute declared once as a
// <key> with attr.name and attr.type before the graph, nodes with
// NMTOKEN-safe ids ("s0", "s1"…) and the site in a "label" key, edges
// directed from copier to origin with the articles copied as "weight".
func WriteGraphML(w io.Writer, g *Graph) error {
	doc := graphmlDoc{XMLNS: GraphMLNamespace, XSI: xsiNamespace, SchemaLocation: graphmlSchema}
	doc.Keys = append(doc.Keys, graphmlKey{ID: graphmlLabelKey, For: "node", AttrName: "label", AttrType: "string"})
	for i, a := range nodeAttrs {
		doc.Keys = append(doc.Keys, graphmlKey{ID: "n" + strconv.Itoa(i), For: "node", AttrName: a.name, AttrType: a.typ})
	}
	doc.Keys = append(doc.Keys, graphmlKey{ID: graphmlWeightKey, For: "edge", AttrName: "weight", AttrType: "double"})
	for i, a := range edgeAttrs {
		doc.Keys = append(doc.Keys, graphmlKey{ID: "e" + strconv.Itoa(i), For: "edge", AttrName: a.name, AttrType: a.typ})
	}
	doc.Graph = graphmlGraph{ID: "sites", EdgeDefault: "directed"}
	ids := make(map[string]string, len(g.Nodes))
	for i, n := range g.Nodes {
		id := "s" + strconv.Itoa(i)
		ids[n.ID] = id
		data := []graphmlData{{Key: graphmlLabelKey, Value: n.ID}}
		data = append(data, graphmlValues("n", nodeAttrs, n)...)
		doc.Graph.Nodes = append(doc.Graph.Nodes, graphmlNode{ID: id, Data: data})
	}
	for i, e := range g.Edges {
		src, ok1 := ids[e.Source]
		dst, ok2 := ids[e.Target]
		if !ok1 || !ok2 {
			return fmt.Errorf("network: graphml: edge %s → %s names a site that is not a node", e.Source, e.Target)
		}
		data := []graphmlData{{Key: graphmlWeightKey, Value: strconv.Itoa(e.Articles)}}
		data = append(data, graphmlValues("e", edgeAttrs, e)...)
		doc.Graph.Edges = append(doc.Graph.Edges, graphmlEdge{ID: "c" + strconv.Itoa(i), Source: src, Target: dst, Data: data})
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return fmt.Errorf("network: graphml: %w", err)
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("network: graphml: %w", err)
	}
	if _, err := io.WriteString(w, "\n"); err != nil {
		return fmt.Errorf("network: graphml: %w", err)
	}
	return nil
}

func graphmlValues[T any](prefix string, attrs []attr[T], x T) []graphmlData {
	var out []graphmlData
	for i, a := range attrs {
		if v, ok := a.value(x); ok {
			out = append(out, graphmlData{Key: prefix + strconv.Itoa(i), Value: v})
		}
	}
	return out
}
