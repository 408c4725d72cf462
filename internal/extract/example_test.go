package extract_test

import (
	"fmt"
	"strings"

	"github.com/newstrace/newstrace/internal/extract"
)

func ExampleFromText() {
	const page = `Eastmere Echo | Local News

Harbour bridge to close for repairs – council — Northwind Daily News

The old harbour bridge will close to traffic for six months from April.

READ MORE:
Ferry to run extra crossings

Lien source`
	a, err := extract.FromText(strings.NewReader(page), extract.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("site name:", a.SiteName)
	fmt.Println("title:", a.Title)
	fmt.Println("attributed to:", a.AttributedSource)
	for _, m := range a.Markers {
		fmt.Printf("%s %q in paragraph %d\n", m.Kind, m.Text, m.Paragraph)
	}
	// Output:
	// site name: Eastmere Echo | Local News
	// title: Harbour bridge to close for repairs – council — Northwind Daily News
	// attributed to: Northwind Daily News
	// residue "READ MORE:" in paragraph 1
	// residue "Lien source" in paragraph 2
	// title_suffix "Northwind Daily News" in paragraph -1
}
