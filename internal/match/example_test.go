package match_test

import (
	"fmt"

	"github.com/newstrace/newstrace/internal/article"
	"github.com/newstrace/newstrace/internal/match"
)

func ExampleCompare() {
	origin := article.New()
	origin.Lang = "en"
	origin.Text = "The Harbour Bridge was closed on Tuesday after engineers found cracks in two of its main cables.\n\n" +
		"\"I will not gamble with people's lives,\" the mayor told reporters outside City Hall.\n\n" +
		"Specialists will carry out ultrasound tests on all fourteen cable anchorages this week."

	copied := article.New()
	copied.Lang = "en"
	copied.Text = "The Harbour Bridge was closed on Tuesday after engineers found cracks in two of its main cables. " +
		"\"I will not gamble with people's lives,\" the mayor told reporters outside City Hall.\n\n" +
		"READ MORE:\nWhat we know so far"

	res := match.Compare(copied, origin, match.Options{})
	fmt.Printf("%s coverage %.2f origin coverage %.2f\n", res.Verdict, res.Coverage, res.OriginCoverage)
	for _, p := range res.Evidence {
		fmt.Printf("query ¶%d ← origin ¶%d (%.2f)\n", p.Query, p.Origin, p.Score)
	}
	// Output:
	// edited_copy coverage 0.82 origin coverage 0.70
	// query ¶0 ← origin ¶0 (0.55)
	// query ¶0 ← origin ¶1 (0.45)
}
