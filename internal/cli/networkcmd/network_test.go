package networkcmd_test

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/newstrace/newstrace/internal/cli/clitest"
	"github.com/newstrace/newstrace/internal/cli/lexiconcmd"
	"github.com/newstrace/newstrace/internal/demo"
	"github.com/newstrace/newstrace/internal/network"
)

// demoStore ingests the embedded demo corpus into a fresh data directory
// and returns it with the corpus's gold copy edges (copier site → origin
// site) and gold origins.
func demoStore(t *testing.T) (dir string, gold map[[2]string]bool) {
	t.Helper()
	dir = t.TempDir()
	b, err := io.ReadAll(demo.Corpus())
	if err != nil {
		t.Fatal(err)
	}
	corpus := filepath.Join(t.TempDir(), "demo.jsonl")
	if err := os.WriteFile(corpus, b, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := clitest.Run(t, dir, "ingest", corpus); err != nil {
		t.Fatal(err)
	}
	type rec struct {
		ID, Site string
		Gold     struct{ Origin, Relation string }
	}
	site := map[string]string{}
	var recs []rec
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var r rec
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		site[r.ID] = r.Site
		recs = append(recs, r)
	}
	gold = map[[2]string]bool{}
	for _, r := range recs {
		if r.Gold.Relation == "copy" || r.Gold.Relation == "translation" {
			gold[[2]string{r.Site, site[r.Gold.Origin]}] = true
		}
	}
	return dir, gold
}

// On the demo corpus the network's edges are exactly the copier → source
// site pairs that `trace` reports for the stored articles, the source being
// the last hop of each path (the network adds no relation of its own), and
// the JSON parses back. How well those match
// the corpus's gold labels depends on the tracer; it is logged, not
// asserted.
func TestNetworkDemoJSON(t *testing.T) {
	dir, gold := demoStore(t)
	out, errOut, err := clitest.Run(t, dir, "network", "--format", "json")
	if err != nil {
		t.Fatal(err)
	}
	var g network.Graph
	if err := json.Unmarshal(out.Bytes(), &g); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	got := map[[2]string]int{}
	for _, e := range g.Edges {
		got[[2]string{e.Source, e.Target}] = e.Articles
	}
	want := traceEdges(t, dir)
	if !maps.Equal(got, want) {
		t.Errorf("network edges %v\nwant the traced ones %v", got, want)
	}
	hits := 0
	for e := range gold {
		if got[e] > 0 {
			hits++
		}
	}
	t.Logf("demo corpus: %d site edges, %d gold; %d gold edges found (recall %.2f, precision %.2f)",
		len(got), len(gold), hits, float64(hits)/float64(len(gold)), float64(hits)/float64(max(1, len(got))))
	// The summary line, after the warning a machine without the FreeDict
	// dictionaries prints.
	summary := strings.TrimPrefix(errOut.String(), lexiconcmd.MissingWarning+"\n")
	if !strings.HasPrefix(summary, "network: ") || !strings.Contains(summary, "traced") {
		t.Errorf("stderr %q", errOut)
	}
	// The verbatim copy of the state broadcaster's story is an edge.
	if got[[2]string{"dailyheadlines24.example", "vov-news.example"}] == 0 {
		t.Error("dailyheadlines24 → vov-news missing")
	}
}

// traceEdges runs `trace ID --json` on every stored article and counts
// the copier → source site pairs of the derived verdicts: the site of the
// hop before the article on its path, the origin's when the path is direct.
func traceEdges(t *testing.T, dir string) map[[2]string]int {
	t.Helper()
	b, err := io.ReadAll(demo.Corpus())
	if err != nil {
		t.Fatal(err)
	}
	edges := map[[2]string]int{}
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var r struct{ ID string }
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		out, _, err := clitest.Run(t, dir, "trace", r.ID, "--json")
		if err != nil {
			t.Fatal(err)
		}
		var rep struct {
			Site    string
			Verdict string
			Origin  *struct{ Site string }
			Path    []struct{ Site string }
		}
		if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
			t.Fatal(err)
		}
		switch rep.Verdict {
		case "copy", "edited_copy", "translation":
			if rep.Origin == nil {
				break
			}
			src := rep.Origin.Site
			if n := len(rep.Path); n >= 2 {
				src = rep.Path[n-2].Site
			}
			if src != rep.Site {
				edges[[2]string{rep.Site, src}]++
			}
		}
	}
	return edges
}

func TestNetworkGEXFAndCSVFiles(t *testing.T) {
	dir, _ := demoStore(t)
	want := traceEdges(t, dir)
	outDir := t.TempDir()
	gexf := filepath.Join(outDir, "net.gexf")
	out, _, err := clitest.Run(t, dir, "network", "--format", "gexf", "-o", gexf)
	if err != nil {
		t.Fatal(err)
	}
	if out.Len() != 0 {
		t.Errorf("stdout not empty with -o: %q", out)
	}
	b, err := os.ReadFile(gexf)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		XMLName xml.Name
		Edges   []struct {
			Source string `xml:"source,attr"`
		} `xml:"graph>edges>edge"`
	}
	if err := xml.Unmarshal(b, &doc); err != nil || doc.XMLName.Space != network.GEXFNamespace || len(doc.Edges) != len(want) {
		t.Errorf("gexf: %v, root %v, %d edges (want %d)", err, doc.XMLName, len(doc.Edges), len(want))
	}

	edges := filepath.Join(outDir, "net.csv")
	if _, _, err := clitest.Run(t, dir, "network", "--format", "csv", "-o", edges); err != nil {
		t.Fatal(err)
	}
	for path, header := range map[string]string{edges: "source", filepath.Join(outDir, "net.nodes.csv"): "id"} {
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(f).ReadAll()
		f.Close()
		if err != nil || len(rows) < 2 || rows[0][0] != header {
			t.Errorf("%s: %v, %d rows, header %v", path, err, len(rows), rows)
		}
	}

	// --since after the whole corpus leaves nothing.
	out, _, err = clitest.Run(t, dir, "network", "--format", "csv", "--since", "2030-01-01")
	if err != nil {
		t.Fatal(err)
	}
	if rows, _ := csv.NewReader(out).ReadAll(); len(rows) != 1 {
		t.Errorf("--since 2030: %d rows, want the header alone", len(rows))
	}
}

func TestNetworkErrors(t *testing.T) {
	dir := t.TempDir()
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"network", "--format", "dot"}, `network: --format must be one of gexf, graphml, csv, json, not "dot"`},
		{[]string{"network", "--format", "json", "--since", "yesterday"}, `network: --since "yesterday" is not a date (YYYY-MM-DD) or RFC 3339 time`},
	} {
		_, _, err := clitest.Run(t, dir, tt.args...)
		if err == nil || err.Error() != tt.want {
			t.Errorf("%v: err = %v, want %q", tt.args, err, tt.want)
		}
	}
	bad := filepath.Join(t.TempDir(), "reg.json")
	if err := os.WriteFile(bad, []byte(`{"outlets": [{"id": "x"}]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, err := clitest.Run(t, dir, "network", "--format", "json", "--registry", bad)
	if want := "registry: " + bad + `: outlet "x": missing name`; err == nil || err.Error() != want {
		t.Errorf("bad registry: %v, want %q", err, want)
	}
}

// A user registry in the data directory labels the demo's state
// broadcaster.
func TestNetworkUserRegistry(t *testing.T) {
	dir, _ := demoStore(t)
	reg := `{"citations": {"demo": {"title": "Demo corpus notes", "url": "https://example.org/demo", "date": "2025-10"}},
 "outlets": [{"id": "voice-of-valdoria", "name": "Voice of Valdoria", "country": "Valdoria", "domains": ["vov-news.example"],
  "state": {"kind": "state-owned", "cite": ["demo"]}, "cite": ["demo"]}]}`
	if err := os.WriteFile(filepath.Join(dir, "registry.json"), []byte(reg), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, err := clitest.Run(t, dir, "network", "--format", "graphml")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "Voice of Valdoria (Valdoria) — state-owned") {
		t.Errorf("graphml lacks the registry label:\n%s", out)
	}
	if !slices.Contains(strings.Fields(out.String()), `xmlns="http://graphml.graphdrawing.org/xmlns"`) {
		t.Error("graphml namespace missing")
	}
}
