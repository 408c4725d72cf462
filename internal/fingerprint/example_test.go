package fingerprint_test

import (
	"fmt"
	"strings"

	"github.com/newstrace/newstrace/internal/fingerprint"
)

func Example() {
	origin := strings.Fields("the city council voted on thursday to extend the tram line to the tanneries district at a cost of 148 million euros")
	copied := append(append([]string(nil), origin...), strings.Fields("read more on our website")...)
	other := strings.Fields("the football club announced on friday that its coach had signed a new three year contract with the board")

	p := fingerprint.Params{}
	so, sc, sx := fingerprint.Compute(origin, p), fingerprint.Compute(copied, p), fingerprint.Compute(other, p)
	fmt.Printf("copy: %.1f, other: %.1f\n", fingerprint.Similarity(so, sc), fingerprint.Similarity(so, sx))
	fmt.Println("bands:", len(so.Bands(p)))
	// Output:
	// copy: 0.8, other: 0.0
	// bands: 64
}
