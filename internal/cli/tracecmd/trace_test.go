package tracecmd_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newstrace/newstrace/internal/cli/clitest"
)

// The motivating case of the whole product: a French aggregator page that
// machine-translated an RT article and kept the leftovers.
func TestTraceNews24Fixture(t *testing.T) {
	fixture := filepath.Join(clitest.Shared(t), "fixtures", "news24-fr-otan.txt")
	out, _, err := clitest.Run(t, t.TempDir(), "trace", fixture, "--json")
	if err != nil {
		t.Fatal(err)
	}
	var rep struct {
		ID               string `json:"id"`
		Lang             string `json:"lang"`
		Title            string `json:"title"`
		AttributedSource string `json:"attributed_source"`
		Verdict          string `json:"verdict"`
		Origin           any    `json:"origin"`
		Markers          []struct{ Kind, Text string }
		Evidence         []any `json:"evidence"`
	}
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out)
	}
	if rep.Lang != "fr" {
		t.Errorf("lang = %q, want fr", rep.Lang)
	}
	if rep.AttributedSource != "RT World News" {
		t.Errorf("attributed_source = %q, want RT World News", rep.AttributedSource)
	}
	if !strings.HasPrefix(rep.Title, "L’OTAN n’est pas prête") {
		t.Errorf("title = %q", rep.Title)
	}
	for _, want := range []string{"EN SAVOIR PLUS", "Lien source"} {
		found := false
		for _, m := range rep.Markers {
			found = found || (m.Kind == "residue" && strings.Contains(m.Text, want))
		}
		if !found {
			t.Errorf("no residue marker %q in %+v", want, rep.Markers)
		}
	}
	// An empty store holds no origin: the verdict must say so, not guess.
	if rep.Verdict != "none" || rep.Origin != nil || rep.Evidence == nil {
		t.Errorf("verdict %q, origin %v, evidence %v; want none, null, []", rep.Verdict, rep.Origin, rep.Evidence)
	}
}

// Ingest an origin and a republished copy as files, then trace the copy
// by its stored ID and by file: both find the origin with evidence.
func TestIngestThenTrace(t *testing.T) {
	dir := t.TempDir()
	in := t.TempDir()
	origin := "Harbour workers vote to strike\n\n" + strings.Join(paragraphs, "\n\n")
	copied := "Daily Headlines | News 24\n\nPort of Ostvik faces strike\n\n" +
		strings.Join(paragraphs[1:], "\n\n") + "\n\nREAD MORE: Ferry fares to rise"
	write(t, filepath.Join(in, "origin.txt"), origin)
	write(t, filepath.Join(in, "copy.txt"), copied)

	out, _, err := clitest.Run(t, dir, "ingest", filepath.Join(in, "origin.txt"), "--json")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), `"created": 1`) {
		t.Fatalf("ingest summary: %s", out)
	}
	// Ingesting the same file again stores nothing new.
	out, _, err = clitest.Run(t, dir, "ingest", filepath.Join(in, "origin.txt"), "--json")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), `"duplicates": 1`) {
		t.Fatalf("second ingest summary: %s", out)
	}

	out, _, err = clitest.Run(t, dir, "trace", filepath.Join(in, "copy.txt"), "--json")
	if err != nil {
		t.Fatal(err)
	}
	var rep struct {
		Verdict  string
		Origin   *struct{ ID, Title string }
		Markers  []struct{ Kind, Text string }
		Evidence []struct {
			Query, Origin int
			Score         float64
		}
	}
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Origin == nil || rep.Origin.Title != "Harbour workers vote to strike" {
		t.Fatalf("origin = %+v, want the ingested origin", rep.Origin)
	}
	if rep.Verdict != "edited_copy" {
		t.Errorf("verdict = %q, want edited_copy (first paragraph cut, residue added)", rep.Verdict)
	}
	if len(rep.Evidence) < len(paragraphs)-1 {
		t.Errorf("%d aligned passages, want at least %d", len(rep.Evidence), len(paragraphs)-1)
	}
	for _, p := range rep.Evidence {
		if p.Origin != p.Query+1 {
			t.Errorf("copy ¶%d aligned with origin ¶%d, want ¶%d", p.Query, p.Origin, p.Query+1)
		}
	}

	// The human rendering names the origin.
	out, _, err = clitest.Run(t, dir, "trace", filepath.Join(in, "copy.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "verdict: edited_copy of") {
		t.Errorf("human output lacks the verdict line:\n%s", out)
	}
}

func TestTraceUnknownTarget(t *testing.T) {
	_, _, err := clitest.Run(t, t.TempDir(), "trace", "no-such-thing")
	want := `trace: "no-such-thing" is neither a stored article ID or URL nor a readable file`
	if err == nil || err.Error() != want {
		t.Errorf("err = %v, want %q", err, want)
	}
}

func write(t *testing.T, path, s string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

// paragraphs is a fictional wire story written for this test.
var paragraphs = []string{
	"OSTVIK, March 3 — Dock workers at the port of Ostvik voted on Monday to strike for 72 hours from next week, the harbour union said, after talks on pay and night shifts broke down.",
	"The union said 87 percent of its 2,400 members who took part backed the walkout, which would halt container handling at the country's second-largest port.",
	"\"We have waited eleven months for an offer that matches prices in the shops,\" union secretary Marta Lindqvist told reporters outside the port authority building.",
	"The port operator, Ostvik Terminals, said it regretted the decision and remained ready to resume talks at any time, adding that ferries would not be affected.",
	"Shipping lines have begun diverting some vessels to the northern port of Halden, where handling capacity is roughly a third of Ostvik's, a logistics association said.",
	"The last strike at the port, in 2019, lasted four days and delayed an estimated 30,000 containers.",
}
