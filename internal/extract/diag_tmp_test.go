package extract

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"golang.org/x/net/html"
	trafilatura "github.com/markusmobius/go-trafilatura"
)

func TestDiagDates(t *testing.T) {
	if os.Getenv("M_DIAG") == "" {
		t.Skip()
	}
	dir := "/work/shared/eval/extraction/trafilatura"
	b, _ := os.ReadFile(filepath.Join(dir, "evaldata.json"))
	var ed map[string]struct {
		File string  `json:"file"`
		Date *string `json:"date"`
	}
	json.Unmarshal(b, &ed)
	keys := []string{}
	for k := range ed {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var metaN, metaOK, trafOK, both int
	for _, k := range keys {
		e := ed[k]
		if e.Date == nil || len(*e.Date) < 10 {
			continue
		}
		gold := (*e.Date)[:10]
		raw := readGz(t, filepath.Join(dir, "html", e.File+".gz"))
		doc, _ := html.Parse(decodeHTML(raw, ""))
		m := readPageMeta(doc)
		md, ok := parseDate(firstOf(m.ld.datePublished, m.publishedTime))
		if !ok {
			continue
		}
		metaN++
		res, err := trafilatura.Extract(bytes.NewReader(raw), trafilatura.Options{EnableFallback: false, ExcludeComments: true})
		var td string
		if err == nil {
			td = res.Metadata.Date.Format(time.DateOnly)
		}
		mo := md.Format(time.DateOnly) == gold
		to := td == gold
		if mo {
			metaOK++
		}
		if to {
			trafOK++
		}
		if mo && to {
			both++
		}
		if mo != to {
			t.Logf("%s gold=%s meta=%s (%q|%q) traf=%s", e.File, gold, md.Format(time.RFC3339), m.ld.datePublished, m.publishedTime, td)
		}
	}
	t.Logf("meta pages %d, meta ok %d, traf ok %d, both %d", metaN, metaOK, trafOK, both)
}
