package corpus

import (
	"context"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/newstrace/newstrace/internal/article"
)

// newstestBase is the base of newstest2014's pseudo publication times.
var newstestBase = time.Date(2014, 1, 1, 0, 0, 0, 0, time.UTC)

// newstestFile matches newstest2014-<xx><yy>-{src,ref}.<lang>.sgm.
var newstestFile = regexp.MustCompile(`^newstest2014-([a-z]{2}[a-z]{2})-(src|ref)\.([a-z]{2})\.sgm$`)

// docidPrefix is the running number in front of a newstest docid.
var docidPrefix = regexp.MustCompile(`^[0-9]+[-_]`)

// variantConflict records a document whose text differs between the files
// that hold it (the same English original in two pairs, say). The importer
// keeps the variant most files agree on.
type variantConflict struct {
	DocID, Lang string
	Variants    int
	Files       []string
}

// ImportNewstest reads every pair of WMT newstest2014 in dir
// (newstest2014-<xx>en-{src,ref}.<lang>.sgm) and returns the pooled corpus.
//
// In each pair the document in its origlang is the original and its
// counterpart in the other language a human translation of it. The
// English-original documents appear in every pair; they become one English
// original with one translation per pair. Articles are named
// "nt14-<docid>-<lang>" and grouped as "nt14-<docid>". Where the files of a
// pair disagree on a docid (the Hindi source file adds ".com"), the id most
// files use wins; where they disagree on a text, the variant most files hold
// wins.
func ImportNewstest(ctx context.Context, dir string, opts Options) ([]*article.Article, error) {
	arts, _, err := importNewstest(ctx, dir, opts)
	return arts, err
}

// ntVariant is one file's text of one document in one language.
type ntVariant struct {
	segs []segment
	file string
}

func importNewstest(ctx context.Context, dir string, opts Options) ([]*article.Article, []variantConflict, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, nil, fmt.Errorf("corpus: newstest: %w", err)
	}
	pairs := map[string][]string{} // pair → file names
	for _, e := range entries {
		if m := newstestFile.FindStringSubmatch(e.Name()); m != nil && !e.IsDir() {
			pairs[m[1]] = append(pairs[m[1]], e.Name())
		}
	}
	if len(pairs) == 0 {
		return nil, nil, fmt.Errorf("corpus: newstest: no newstest2014-*.sgm files in %s", dir)
	}

	variants := map[[2]string][]ntVariant{} // (docid, lang) → texts
	origlang := map[string]string{}         // docid → original language
	langsOf := map[string][]string{}        // docid → languages held
	for _, pair := range slices.Sorted(maps.Keys(pairs)) {
		if err := ctx.Err(); err != nil {
			return nil, nil, err
		}
		files := pairs[pair]
		slices.Sort(files)
		docs := make([][]sgmlDoc, len(files))
		for i, name := range files {
			data, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil {
				return nil, nil, fmt.Errorf("corpus: newstest: %w", err)
			}
			docs[i] = parseSGML(data)
			if len(docs[i]) != len(docs[0]) {
				return nil, nil, fmt.Errorf("corpus: newstest: %s has %d documents, %s has %d", name, len(docs[i]), files[0], len(docs[0]))
			}
		}
		for j := range docs[0] {
			ids := make([]string, len(files))
			for i := range files {
				ids[i] = docs[i][j].Attrs["docid"]
			}
			docid := majority(ids)
			if docid == "" {
				return nil, nil, fmt.Errorf("corpus: newstest: %s: document %d has no docid", files[0], j+1)
			}
			for i, name := range files {
				d := docs[i][j]
				ol := d.Attrs["origlang"]
				if ol == "" {
					return nil, nil, fmt.Errorf("corpus: newstest: %s: document %s has no origlang", name, docid)
				}
				if prev, ok := origlang[docid]; ok && prev != ol {
					return nil, nil, fmt.Errorf("corpus: newstest: %s: document %s has origlang %s, elsewhere %s", name, docid, ol, prev)
				}
				origlang[docid] = ol
				lang := newstestFile.FindStringSubmatch(name)[3]
				key := [2]string{docid, lang}
				if _, ok := variants[key]; !ok {
					langsOf[docid] = append(langsOf[docid], lang)
				}
				variants[key] = append(variants[key], ntVariant{segs: d.Segs, file: name})
			}
		}
	}

	var arts []*article.Article
	var conflicts []variantConflict
	for _, docid := range slices.Sorted(maps.Keys(origlang)) {
		ol := origlang[docid]
		if _, ok := variants[[2]string{docid, ol}]; !ok {
			return nil, nil, fmt.Errorf("corpus: newstest: document %s: no text in its original language %s", docid, ol)
		}
		langs := []string{ol}
		for _, l := range slices.Sorted(slices.Values(langsOf[docid])) {
			if l != ol {
				langs = append(langs, l)
			}
		}
		group := "nt14-" + sanitize(docid)
		origID := group + "-" + ol
		published := originalTime(newstestBase, group)
		for _, lang := range langs {
			v, conflict := chooseVariant(variants[[2]string{docid, lang}])
			if conflict != nil {
				conflict.DocID, conflict.Lang = docid, lang
				conflicts = append(conflicts, *conflict)
			}
			a := article.New()
			a.ID = group + "-" + lang
			a.Lang = lang
			a.Title, a.Text = buildText(v.segs, true)
			a.Provenance = article.Provenance{Kind: article.KindText, Path: v.file, Record: docid}
			if lang == ol {
				a.Site = newstestSite(docid)
				a.PublishedAt, a.PublishedFrom = published, article.PublishedFromInput
				a.Gold = &article.Gold{Group: group, Relation: article.RelationOriginal}
			} else {
				a.Site = "newstest2014-" + lang
				a.PublishedAt, a.PublishedFrom = translationTime(published, a.ID), article.PublishedFromInput
				a.Gold = &article.Gold{Origin: origID, Group: group, Relation: article.RelationTranslation}
			}
			arts = append(arts, a)
		}
	}
	if err := checkUnique(arts); err != nil {
		return nil, nil, fmt.Errorf("corpus: newstest: %w", err)
	}
	return opts.apply(arts), conflicts, nil
}

// newstestSite derives the publisher from a docid such as "1009-lemondefr"
// or "103-denik.cz": the part after the running number.
func newstestSite(docid string) string {
	site := strings.ToLower(docidPrefix.ReplaceAllString(docid, ""))
	if strings.Trim(site, "0123456789") == "" {
		return "newstest2014"
	}
	return site
}

// chooseVariant returns the text most files hold, preferring the longest
// among equally common ones, and a conflict when the files disagree.
func chooseVariant(vs []ntVariant) (ntVariant, *variantConflict) {
	count := map[string]int{}
	keys := make([]string, len(vs))
	for i, v := range vs {
		keys[i] = segsKey(v.segs)
		count[keys[i]]++
	}
	best := 0
	for i, k := range keys {
		bk := keys[best]
		if count[k] > count[bk] || count[k] == count[bk] && len(k) > len(bk) {
			best = i
		}
	}
	if len(count) == 1 {
		return vs[best], nil
	}
	c := &variantConflict{Variants: len(count)}
	for _, v := range vs {
		c.Files = append(c.Files, v.file)
	}
	return vs[best], c
}

func segsKey(segs []segment) string {
	var b strings.Builder
	for _, s := range segs {
		b.WriteString(s.Text)
		b.WriteByte(0)
	}
	return b.String()
}

// majority returns the most common non-empty string; among equally common
// ones, the first to reach that count.
func majority(ss []string) string {
	count := map[string]int{}
	best := ""
	for _, s := range ss {
		if s == "" {
			continue
		}
		count[s]++
		if count[s] > count[best] {
			best = s
		}
	}
	return best
}
