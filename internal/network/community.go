package network

import (
	"cmp"
	"math/rand/v2"
	"slices"

	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/community"
	"gonum.org/v1/gonum/graph/simple"
)

// communities assigns Node.Community with Louvain modularity on the
// undirected, weighted copy graph — copying in either direction ties two
// sites together — and returns the number of communities and their Q.
// Communities are numbered by size, largest first, ties broken by their
// alphabetically first site, so the numbering is stable across runs.
func communities(g *Graph, resolution float64, seed uint64) (int, float64) {
	if len(g.Nodes) == 0 {
		return 0, 0
	}
	index := make(map[string]int64, len(g.Nodes))
	ug := simple.NewWeightedUndirectedGraph(0, 0)
	for i, n := range g.Nodes {
		index[n.ID] = int64(i)
		ug.AddNode(simple.Node(i))
	}
	for _, e := range g.Edges {
		u, v := index[e.Source], index[e.Target]
		w := float64(e.Articles)
		if old, ok := ug.Weight(u, v); ok {
			w += old
		}
		ug.SetWeightedEdge(ug.NewWeightedEdge(simple.Node(u), simple.Node(v), w))
	}
	var groups [][]graph.Node
	if len(g.Edges) == 0 {
		for i := range g.Nodes {
			groups = append(groups, []graph.Node{simple.Node(i)})
		}
	} else {
		src := rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)
		groups = community.Modularize(ug, resolution, src).Communities()
	}
	// Member IDs are node indexes, and nodes are sorted by site, so
	// the smallest index is the alphabetically first site.
	type group struct{ members []int64 }
	gs := make([]group, 0, len(groups))
	for _, c := range groups {
		var m []int64
		for _, n := range c {
			m = append(m, n.ID())
		}
		slices.Sort(m)
		gs = append(gs, group{m})
	}
	slices.SortFunc(gs, func(a, b group) int {
		return cmp.Or(cmp.Compare(len(b.members), len(a.members)), cmp.Compare(a.members[0], b.members[0]))
	})
	for ci, c := range gs {
		for _, id := range c.members {
			g.Nodes[id].Community = ci
		}
	}
	q := 0.0
	if len(g.Edges) > 0 {
		q = community.Q(ug, groups, resolution)
	}
	return len(gs), q
}
