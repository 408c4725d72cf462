package network

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"
)

// awkward is a small graph whose strings need escaping in every format:
// markup characters, quotes, commas, a newline, a control character and
// non-Latin text.
func awkward() *Graph {
	b := NewBuilder(Options{})
	for i, site := range []string{`a&b<c>.example`, `quo"te's,site.example`, "новости.example"} {
		b.AddArticle(art(strconv.Itoa(i), site, "Lien source\n\nEN SAVOIR PLUS: x\n\nhello \"world\", <b>&amp;</b>\x01\nsecond line"))
	}
	b.AddLink(Link{CopyID: "c1", CopySite: `a&b<c>.example`, OriginID: "o1", OriginSite: "новости.example", Verdict: "translation",
		CopyLang: "fr", OriginLang: "ru", CopyPublished: t0.Add(90 * time.Minute), OriginPublished: t0})
	b.AddLink(Link{CopyID: "c2", CopySite: `quo"te's,site.example`, OriginID: "o1", OriginSite: "новости.example", Verdict: "copy"})
	g := b.Graph()
	g.Nodes[0].Label = "Label with \"quotes\" — and; semicolons"
	g.Nodes[0].Template = append(g.Nodes[0].Template, "pipe | inside", "tab\tinside")
	return g
}

func graphs() map[string]*Graph {
	p, _ := planted()
	return map[string]*Graph{"planted": p.Graph(), "awkward": awkward(), "empty": NewBuilder(Options{}).Graph()}
}

// checkValue checks that v is a valid literal of a GEXF or GraphML type.
func checkValue(t *testing.T, where, typ, v string) {
	t.Helper()
	var err error
	switch typ {
	case "integer", "int", "long":
		_, err = strconv.ParseInt(v, 10, 64)
	case "double", "float":
		_, err = strconv.ParseFloat(v, 64)
	case "boolean":
		_, err = strconv.ParseBool(v)
	case "string":
	default:
		t.Errorf("%s: unknown type %q", where, typ)
	}
	if err != nil {
		t.Errorf("%s: value %q is not a %s: %v", where, v, typ, err)
	}
}

// GEXF read back with encoding/xml, checked against the GEXF 1.3 rules
// Gephi relies on: namespace and version, a valid default edge type,
// attribute ids unique per class with known types, attvalues pointing at
// declared attributes with well-typed values, unique node and edge ids,
// edge endpoints that are nodes, numeric weights.
func TestGEXFParsesBack(t *testing.T) {
	type attvalue struct {
		For   string `xml:"for,attr"`
		Value string `xml:"value,attr"`
	}
	type doc struct {
		XMLName xml.Name
		Version string `xml:"version,attr"`
		Meta    struct {
			Creator string `xml:"creator"`
		} `xml:"meta"`
		Graph struct {
			DefaultEdgeType string `xml:"defaultedgetype,attr"`
			Mode            string `xml:"mode,attr"`
			Attributes      []struct {
				Class string `xml:"class,attr"`
				Attr  []struct {
					ID    string `xml:"id,attr"`
					Title string `xml:"title,attr"`
					Type  string `xml:"type,attr"`
				} `xml:"attribute"`
			} `xml:"attributes"`
			Nodes []struct {
				ID    string     `xml:"id,attr"`
				Label string     `xml:"label,attr"`
				Vals  []attvalue `xml:"attvalues>attvalue"`
			} `xml:"nodes>node"`
			Edges []struct {
				ID     string     `xml:"id,attr"`
				Source string     `xml:"source,attr"`
				Target string     `xml:"target,attr"`
				Weight string     `xml:"weight,attr"`
				Vals   []attvalue `xml:"attvalues>attvalue"`
			} `xml:"edges>edge"`
		} `xml:"graph"`
	}
	for name, g := range graphs() {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteGEXF(&buf, g); err != nil {
				t.Fatal(err)
			}
			var d doc
			if err := xml.Unmarshal(buf.Bytes(), &d); err != nil {
				t.Fatalf("not XML: %v\n%s", err, buf.String())
			}
			if d.XMLName.Space != GEXFNamespace || d.XMLName.Local != "gexf" || d.Version != "1.3" {
				t.Errorf("root %v version %q", d.XMLName, d.Version)
			}
			if d.Graph.DefaultEdgeType != "directed" || (d.Graph.Mode != "static" && d.Graph.Mode != "dynamic") {
				t.Errorf("graph defaultedgetype %q mode %q", d.Graph.DefaultEdgeType, d.Graph.Mode)
			}
			types := map[string]map[string]string{}
			for _, as := range d.Graph.Attributes {
				if as.Class != "node" && as.Class != "edge" {
					t.Errorf("attributes class %q", as.Class)
				}
				if types[as.Class] != nil {
					t.Errorf("two <attributes> of class %s", as.Class)
				}
				types[as.Class] = map[string]string{}
				for _, a := range as.Attr {
					if _, dup := types[as.Class][a.ID]; dup || a.ID == "" || a.Title == "" {
						t.Errorf("%s attribute %+v duplicate or incomplete", as.Class, a)
					}
					switch a.Type {
					case "integer", "long", "double", "float", "boolean", "string", "liststring", "anyURI":
					default:
						t.Errorf("%s attribute %s: type %q is not a GEXF 1.3 type", as.Class, a.ID, a.Type)
					}
					types[as.Class][a.ID] = a.Type
				}
			}
			checkVals := func(class, owner string, vals []attvalue) {
				seen := map[string]bool{}
				for _, v := range vals {
					typ, ok := types[class][v.For]
					if !ok {
						t.Errorf("%s %s: attvalue for undeclared %q", class, owner, v.For)
						continue
					}
					if seen[v.For] {
						t.Errorf("%s %s: two values for %q", class, owner, v.For)
					}
					seen[v.For] = true
					checkValue(t, class+" "+owner, typ, v.Value)
				}
			}
			nodes := map[string]bool{}
			for _, n := range d.Graph.Nodes {
				if n.ID == "" || nodes[n.ID] {
					t.Errorf("node id %q empty or duplicate", n.ID)
				}
				nodes[n.ID] = true
				checkVals("node", n.ID, n.Vals)
			}
			edges := map[string]bool{}
			for _, e := range d.Graph.Edges {
				if e.ID == "" || edges[e.ID] {
					t.Errorf("edge id %q empty or duplicate", e.ID)
				}
				edges[e.ID] = true
				if !nodes[e.Source] || !nodes[e.Target] {
					t.Errorf("edge %s: endpoint %q → %q is not a node", e.ID, e.Source, e.Target)
				}
				if w, err := strconv.ParseFloat(e.Weight, 64); err != nil || w <= 0 {
					t.Errorf("edge %s weight %q", e.ID, e.Weight)
				}
				checkVals("edge", e.ID, e.Vals)
			}
			if len(nodes) != len(g.Nodes) || len(edges) != len(g.Edges) {
				t.Errorf("%d nodes, %d edges read back; wrote %d, %d", len(nodes), len(edges), len(g.Nodes), len(g.Edges))
			}
			// The site names survive escaping.
			for _, n := range g.Nodes {
				if !nodes[n.ID] {
					t.Errorf("site %q lost", n.ID)
				}
			}
		})
	}
}

// GraphML read back with encoding/xml, checked against the rules networkx
// and igraph apply: namespace, keys declared before use with a unique id, a
// valid "for" and attr.name/attr.type, data only under the element kind its
// key is for, well-typed values, unique ids, existing endpoints.
func TestGraphMLParsesBack(t *testing.T) {
	type data struct {
		Key   string `xml:"key,attr"`
		Value string `xml:",chardata"`
	}
	type doc struct {
		XMLName xml.Name
		Keys    []struct {
			ID   string `xml:"id,attr"`
			For  string `xml:"for,attr"`
			Name string `xml:"attr.name,attr"`
			Type string `xml:"attr.type,attr"`
		} `xml:"key"`
		Graph struct {
			ID          string `xml:"id,attr"`
			EdgeDefault string `xml:"edgedefault,attr"`
			Nodes       []struct {
				ID   string `xml:"id,attr"`
				Data []data `xml:"data"`
			} `xml:"node"`
			Edges []struct {
				ID     string `xml:"id,attr"`
				Source string `xml:"source,attr"`
				Target string `xml:"target,attr"`
				Data   []data `xml:"data"`
			} `xml:"edge"`
		} `xml:"graph"`
	}
	for name, g := range graphs() {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteGraphML(&buf, g); err != nil {
				t.Fatal(err)
			}
			var d doc
			if err := xml.Unmarshal(buf.Bytes(), &d); err != nil {
				t.Fatalf("not XML: %v", err)
			}
			if d.XMLName.Space != GraphMLNamespace || d.XMLName.Local != "graphml" {
				t.Errorf("root %v", d.XMLName)
			}
			if d.Graph.EdgeDefault != "directed" {
				t.Errorf("edgedefault %q", d.Graph.EdgeDefault)
			}
			keyFor, keyType := map[string]string{}, map[string]string{}
			names := map[string]bool{}
			for _, k := range d.Keys {
				if _, dup := keyFor[k.ID]; dup || k.ID == "" {
					t.Errorf("key id %q empty or duplicate", k.ID)
				}
				switch k.For {
				case "node", "edge", "graph", "all":
				default:
					t.Errorf("key %s for %q", k.ID, k.For)
				}
				switch k.Type {
				case "boolean", "int", "long", "float", "double", "string":
				default:
					t.Errorf("key %s attr.type %q", k.ID, k.Type)
				}
				if k.Name == "" || names[k.For+"/"+k.Name] {
					t.Errorf("key %s attr.name %q empty or duplicate for %s", k.ID, k.Name, k.For)
				}
				names[k.For+"/"+k.Name] = true
				keyFor[k.ID], keyType[k.ID] = k.For, k.Type
			}
			checkData := func(kind, owner string, ds []data) map[string]string {
				got := map[string]string{}
				for _, x := range ds {
					f, ok := keyFor[x.Key]
					if !ok {
						t.Errorf("%s %s: data for undeclared key %q", kind, owner, x.Key)
						continue
					}
					if f != kind && f != "all" {
						t.Errorf("%s %s: data key %q is declared for %s", kind, owner, x.Key, f)
					}
					if _, dup := got[x.Key]; dup {
						t.Errorf("%s %s: key %q twice", kind, owner, x.Key)
					}
					got[x.Key] = x.Value
					checkValue(t, kind+" "+owner, keyType[x.Key], x.Value)
				}
				return got
			}
			nodes := map[string]bool{}
			var labels []string
			for _, n := range d.Graph.Nodes {
				if n.ID == "" || nodes[n.ID] {
					t.Errorf("node id %q empty or duplicate", n.ID)
				}
				nodes[n.ID] = true
				labels = append(labels, checkData("node", n.ID, n.Data)["label"])
			}
			edges := map[string]bool{}
			for _, e := range d.Graph.Edges {
				if e.ID == "" || edges[e.ID] {
					t.Errorf("edge id %q empty or duplicate", e.ID)
				}
				edges[e.ID] = true
				if !nodes[e.Source] || !nodes[e.Target] {
					t.Errorf("edge %s endpoints %q → %q", e.ID, e.Source, e.Target)
				}
				if w := checkData("edge", e.ID, e.Data)["weight"]; w == "" {
					t.Errorf("edge %s has no weight", e.ID)
				}
			}
			for i, n := range g.Nodes {
				if labels[i] != n.ID {
					t.Errorf("node %d label %q, want %q", i, labels[i], n.ID)
				}
			}
			if len(edges) != len(g.Edges) {
				t.Errorf("%d edges read back, wrote %d", len(edges), len(g.Edges))
			}
		})
	}
}

func TestCSVParsesBack(t *testing.T) {
	for name, g := range graphs() {
		t.Run(name, func(t *testing.T) {
			var nb, eb bytes.Buffer
			if err := WriteNodesCSV(&nb, g); err != nil {
				t.Fatal(err)
			}
			if err := Write(&eb, g, FormatCSV); err != nil {
				t.Fatal(err)
			}
			nodes, err := csv.NewReader(&nb).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			edges, err := csv.NewReader(&eb).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			if len(nodes) != len(g.Nodes)+1 || len(edges) != len(g.Edges)+1 {
				t.Fatalf("%d node rows, %d edge rows for %d nodes, %d edges", len(nodes), len(edges), len(g.Nodes), len(g.Edges))
			}
			if nodes[0][0] != "id" || edges[0][0] != "source" || edges[0][1] != "target" || edges[0][2] != "articles" {
				t.Errorf("headers %q / %q", nodes[0], edges[0])
			}
			for i, n := range g.Nodes {
				row := nodes[i+1]
				if row[0] != n.ID || row[1] != strconv.Itoa(n.Articles) {
					t.Errorf("node row %q for %+v", row, n)
				}
				if tpl := strings.Join(n.Template, templateSep); row[5] != tpl {
					t.Errorf("template cell %q, want %q", row[5], tpl)
				}
			}
			for i, e := range g.Edges {
				row := edges[i+1]
				if row[0] != e.Source || row[1] != e.Target || row[2] != strconv.Itoa(e.Articles) {
					t.Errorf("edge row %q for %+v", row, e)
				}
				if tr, err := strconv.ParseFloat(row[5], 64); err != nil || tr != e.Translated {
					t.Errorf("translated cell %q, want %v", row[5], e.Translated)
				}
			}
		})
	}
}

func TestJSONRoundTrip(t *testing.T) {
	for name, g := range graphs() {
		var buf bytes.Buffer
		if err := Write(&buf, g, FormatJSON); err != nil {
			t.Fatal(err)
		}
		var back Graph
		if err := json.Unmarshal(buf.Bytes(), &back); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(&back, g) {
			t.Errorf("%s: JSON round trip differs:\n%+v\n%+v", name, back, *g)
		}
	}
	if err := Write(new(bytes.Buffer), &Graph{}, "dot"); err == nil || err.Error() != `network: unknown format "dot" (want one of [gexf graphml csv json])` {
		t.Errorf("unknown format: %v", err)
	}
}
