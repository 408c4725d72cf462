package extraction

import (
	"context"
	"encoding/json"
	"os"
	"strconv"
	"testing"
)

func TestMeasureTmp(t *testing.T) {
	set := os.Getenv("M_SET")
	if set == "" {
		t.Skip()
	}
	lim, _ := strconv.Atoi(os.Getenv("M_LIMIT"))
	rep, err := Run(context.Background(), set, "/work/shared/eval/extraction/"+set, Options{
		Baseline: os.Getenv("M_BASE") != "", NoFallback: os.Getenv("M_NOFB") != "", Limit: lim})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(rep)
	t.Log(string(b))
}

func TestDiagTmp(t *testing.T) {
	if os.Getenv("M_DIAG") == "" {
		t.Skip()
	}
	pages, _ := loadAEB("/work/shared/eval/extraction/aeb")
	for _, p := range pages {
		raw, _ := p.load()
		got, _ := extractPage(raw, p.url, Options{})
		c := shingleCounts(p.gold.text, got.text)
		pp, _, r, _ := pageScores(c)
		if pp < 0.8 || r < 0.8 {
			t.Logf("%s P=%.2f R=%.2f gold=%d got=%d %s", p.id[:8], pp, r, len(p.gold.text), len(got.text), p.url)
		}
	}
}
