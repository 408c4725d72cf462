package networkcmd_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/newstrace/newstrace/internal/cli/clitest"
	"github.com/newstrace/newstrace/internal/eval/planted"
	"github.com/newstrace/newstrace/internal/network"
)

// On the planted chains (origin → copy on an aggregator → translation of
// the copy on a second aggregator), the network links each site to the
// site it took the text from: the translating aggregator to the copying
// one, not past it to the origin, and never an origin to anything.
func TestNetworkPlantedChains(t *testing.T) {
	b, err := io.ReadAll(planted.Chains())
	if err != nil {
		t.Fatal(err)
	}
	paths, err := planted.Paths()
	if err != nil {
		t.Fatal(err)
	}
	corpus := filepath.Join(t.TempDir(), "chains.jsonl")
	if err := os.WriteFile(corpus, b, 0o644); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if _, _, err := clitest.Run(t, dir, "ingest", corpus); err != nil {
		t.Fatal(err)
	}
	site := map[string]string{}
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var r struct{ ID, Site string }
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		site[r.ID] = r.Site
	}
	// The gold hops, site to site: each article's site → the site of the
	// article before it on its path. A translation of a verbatim copy
	// cannot show which of the two identical texts it was made from, so
	// its edge may also go straight to the origin's site (a shortcut);
	// anything else is wrong.
	hop := map[[2]string]bool{}
	shortcut := map[[2]string]bool{}
	origins := map[string]bool{}
	for _, p := range paths {
		origins[site[p[0]]] = true
		for i := 1; i < len(p); i++ {
			hop[[2]string{site[p[i]], site[p[i-1]]}] = true
		}
		if len(p) > 2 {
			shortcut[[2]string{site[p[len(p)-1]], site[p[0]]}] = true
		}
	}

	out, _, err := clitest.Run(t, dir, "network", "--format", "json")
	if err != nil {
		t.Fatal(err)
	}
	var g network.Graph
	if err := json.Unmarshal(out.Bytes(), &g); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	got := map[[2]string]bool{}
	hops := 0
	for _, e := range g.Edges {
		k := [2]string{e.Source, e.Target}
		got[k] = true
		switch {
		case origins[e.Source]:
			t.Errorf("edge %s → %s: an origin outlet copied", e.Source, e.Target)
		case hop[k]:
			hops++
		case !shortcut[k]:
			t.Errorf("edge %s → %s is on no planted path", e.Source, e.Target)
		}
	}
	// Every copier links to the origin it copied: a verbatim or edited
	// copy in the same language is never in doubt.
	for _, p := range paths {
		if len(p) == 2 && !got[[2]string{site[p[1]], site[p[0]]}] {
			t.Errorf("copy %s: no edge %s → %s", p[1], site[p[1]], site[p[0]])
		}
	}
	t.Logf("planted chains: %d site edges, %d of %d planted site hops (the rest are translation → origin shortcuts)",
		len(g.Edges), hops, len(hop))
	if hops <= len(hop)/2 {
		t.Errorf("%d of %d planted site hops, want most: translations of edited copies go through the copier", hops, len(hop))
	}
}
