package corpus

import (
	"bufio"
	"cmp"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/newstrace/newstrace/internal/article"
)

// wmtBase is the base of WMT22's pseudo publication times.
var wmtBase = time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC)

// wmtFile matches wmttest2022.<pair>.all.xml and captures the pair.
var wmtFile = regexp.MustCompile(`^wmttest2022\.([a-z]{2,3}-[a-z]{2,3})\.`)

// wmtDomains are the domains WMT22 uses; a document without a domain
// attribute gets one from its id prefix ("social_ru_197") when the prefix
// is one of these, else the name of its collection.
var wmtDomains = map[string]bool{"news": true, "social": true, "ecommerce": true, "conversation": true}

// ImportWMT reads WMT22 general test sets (wmttest2022.<pair>.all.xml) and
// returns their documents pooled, every domain included: news documents are
// the copies to find, the other domains are distractors.
//
// Per <doc>, the source is the original ("wmt22-<pair>-<docid>-src"), each
// human reference a translation of it ("…-ref-<translator>") and each
// submitted system's output a machine translation ("…-hyp-<system>"); all
// share the group "wmt22-<pair>-<docid>". The domain is kept in Site:
// "wmt22-<domain>.example" for the source, with "ref-<translator>." or
// "<system>." in front for the translations, each a publisher of its own.
// Only news documents get a title (a first segment that reads as a
// headline); conversation and review openings are not titles. Documents
// whose origlang is not the source's language are skipped, since
// their original is not in the file. Files are streamed, so their size
// does not matter.
func ImportWMT(ctx context.Context, files []string, opts Options) ([]*article.Article, error) {
	var arts []*article.Article
	keys := map[string][]string{} // a source's id → its key sentences
	for _, path := range files {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		f, err := os.Open(path)
		if err != nil {
			return nil, fmt.Errorf("corpus: wmt: %w", err)
		}
		got, err := parseWMT(ctx, bufio.NewReaderSize(f, 1<<16), wmtPair(path), filepath.Base(path), keys)
		f.Close()
		if err != nil {
			return nil, err
		}
		arts = append(arts, got...)
	}
	if err := checkUnique(arts); err != nil {
		return nil, fmt.Errorf("corpus: wmt: %w", err)
	}
	markDuplicateSources(arts, keys)
	return opts.apply(arts), nil
}

// markDuplicateSources relabels a source that copies an earlier source in
// the same language: its text is, spacing aside, the earlier one's (WMT22
// en-hr holds one review twice, under two document ids), or nearly all its
// sentences are sentences of the earlier one, word for word
// (copiedSource: a seller's listing republished with a line changed,
// fr-de's ecommerce_fr_5 and _23). It is a copy of that one, not an
// original, and the translations made from it have the earlier one as
// their origin — what a tracer that resolves a copy to the first text
// should name, the copy being a hop on their path. Both join the earlier
// one's group. Which texts copy which is read from the texts alone, not
// from any matcher's verdict; keys holds each source's key sentences
// (keySentences), by id.
func markDuplicateSources(arts []*article.Article, keys map[string][]string) {
	var sources []*article.Article
	for _, a := range arts {
		if a.Gold != nil && a.Gold.Relation == article.RelationOriginal {
			sources = append(sources, a)
		}
	}
	slices.SortStableFunc(sources, func(a, b *article.Article) int {
		return cmp.Or(a.PublishedAt.Compare(b.PublishedAt), strings.Compare(a.ID, b.ID))
	})
	first := map[string]*article.Article{}     // language and folded text → earliest source
	holders := map[string][]*article.Article{} // language and key sentence → the sources holding it, earliest first
	moved := map[string]*article.Article{}     // a duplicate's id → the source it copies
	for _, a := range sources {
		key := a.Lang + "\x00" + strings.Join(strings.Fields(a.Title+" "+a.Text), " ")
		e, ok := first[key]
		sents := keys[a.ID]
		if !ok {
			first[key] = a
			e = copiedSource(a, sents, holders)
		}
		for _, s := range sents {
			holders[a.Lang+"\x00"+s] = append(holders[a.Lang+"\x00"+s], a)
		}
		if e == nil {
			continue
		}
		if root, ok := moved[e.ID]; ok {
			e = root
		}
		moved[a.ID] = e
		a.Gold = &article.Gold{Origin: e.ID, Group: e.Gold.Group, Relation: article.RelationCopy}
	}
	for _, a := range arts {
		if a.Gold == nil {
			continue
		}
		if e, ok := moved[a.Gold.Origin]; ok {
			a.Gold.Origin, a.Gold.Group = e.ID, e.Gold.Group
		}
	}
}

// A source copies an earlier one when copiedShare of its key sentences
// (keySentences), copiedMinSentences at least, are the earlier one's: a
// one-line message repeated in another chat is no copy of it, nor is a
// chat that shares a canned greeting and closing.
const (
	copiedShare        = 0.8
	copiedMinSentences = 2
	keySentenceWords   = 4
)

// copiedSource returns the earlier source that holds the most of a's key
// sentences sents, the earliest of those that hold as many, when it holds
// enough for a to be its copy; holders maps a key sentence, after a's
// language, to the sources before a that hold it.
func copiedSource(a *article.Article, sents []string, holders map[string][]*article.Article) *article.Article {
	shared := map[*article.Article]int{}
	var best *article.Article
	for _, s := range sents {
		for _, h := range holders[a.Lang+"\x00"+s] {
			shared[h]++
			if best == nil || shared[h] > shared[best] || shared[h] == shared[best] && h.PublishedAt.Before(best.PublishedAt) {
				best = h
			}
		}
	}
	if best == nil || shared[best] < copiedMinSentences || float64(shared[best]) < copiedShare*float64(len(sents)) {
		return nil
	}
	return best
}

// sentenceEnd cuts a segment into sentences for keySentences: at a full
// stop, question or exclamation mark followed by a space.
var sentenceEnd = regexp.MustCompile(`[.!?…]+\s+`)

// keySentences returns the distinct sentences of segs of keySentenceWords
// words or more, lower-cased, with their spacing removed ("d’ œil" and
// "d’œil" are one spelling); a text written without spaces has none. They
// are read from the segments, which the article's paragraphs join three
// at a time: two listings that differ by a line would otherwise join
// different segments.
func keySentences(segs []segment) []string {
	var out []string
	for _, seg := range segs {
		for _, s := range sentenceEnd.Split(seg.Text, -1) {
			f := strings.Fields(s)
			if len(f) < keySentenceWords {
				continue
			}
			k := strings.ToLower(strings.Join(f, ""))
			if !slices.Contains(out, k) {
				out = append(out, k)
			}
		}
	}
	return out
}

// wmtPair is the language pair a file name states, or the sanitized name.
func wmtPair(path string) string {
	base := filepath.Base(path)
	if m := wmtFile.FindStringSubmatch(base); m != nil {
		return m[1]
	}
	return sanitize(strings.TrimSuffix(base, filepath.Ext(base)))
}

// wmtDoc is one <doc> as read: its attributes and its sides in order.
type wmtDoc struct {
	id, origlang, domain, collection string
	sides                            []wmtSide
}

// wmtSide is a <src>, <ref> or <hyp> of a document.
type wmtSide struct {
	kind, lang, who string // who: translator or system
	segs            []segment
}

// parseWMT streams one WMT22 XML file with xml.Decoder.Token, building a
// document at a time, and returns its articles; each source's key
// sentences (keySentences) go into keys, by the source's id. name is the
// file name for errors and provenance.
func parseWMT(ctx context.Context, r io.Reader, pair, name string, keys map[string][]string) ([]*article.Article, error) {
	dec := xml.NewDecoder(r)
	var (
		arts       []*article.Article
		collection string
		doc        *wmtDoc
		side       *wmtSide
		para       int
		seg        *strings.Builder
	)
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("corpus: wmt: %s: %w", name, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "collection":
				collection = attr(t, "id")
			case "doc":
				doc = &wmtDoc{id: attr(t, "id"), origlang: attr(t, "origlang"), domain: attr(t, "domain"), collection: collection}
			case "src", "ref", "hyp":
				if doc == nil {
					continue
				}
				who := attr(t, "translator")
				if t.Name.Local == "hyp" {
					who = attr(t, "system")
				}
				lang := attr(t, "lang")
				if lang == "" {
					lang = attr(t, "language")
				}
				side = &wmtSide{kind: t.Name.Local, lang: lang, who: who}
				para = 0
			case "p":
				para++
			case "seg":
				if side != nil {
					seg = &strings.Builder{}
				}
			}
		case xml.CharData:
			if seg != nil {
				seg.Write(t)
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "seg":
				if seg != nil && side != nil {
					side.segs = append(side.segs, segment{Text: strings.Join(strings.Fields(seg.String()), " "), Para: para})
				}
				seg = nil
			case "src", "ref", "hyp":
				if doc != nil && side != nil {
					doc.sides = append(doc.sides, *side)
				}
				side = nil
			case "doc":
				if doc != nil {
					if err := ctx.Err(); err != nil {
						return nil, err
					}
					arts = append(arts, doc.articles(pair, name, keys)...)
				}
				doc = nil
			}
		}
	}
	return arts, nil
}

func attr(t xml.StartElement, name string) string {
	for _, a := range t.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// articles turns a document into its source article and its translations,
// and puts the source's key sentences (keySentences) into keys, by its id;
// sides without text are left out, and so is the whole document when its
// source is missing, empty or not in its origlang.
func (d *wmtDoc) articles(pair, file string, keys map[string][]string) []*article.Article {
	var src *wmtSide
	for i := range d.sides {
		if d.sides[i].kind == "src" {
			src = &d.sides[i]
			break
		}
	}
	if src == nil || src.lang == "" || d.origlang != "" && src.lang != d.origlang {
		return nil
	}
	group := "wmt22-" + pair + "-" + sanitize(d.id)
	site := "wmt22-" + sanitize(strings.ToLower(d.domainName())) + ".example"
	published := originalTime(wmtBase, group)
	headlines := d.domainName() == "news" // other domains have no titles
	var arts []*article.Article
	for _, s := range d.sides {
		a := article.New()
		a.Title, a.Text = buildText(s.segs, headlines)
		if a.Text == "" {
			if s.kind == "src" {
				return nil
			}
			continue
		}
		a.Lang = s.lang
		if a.Lang == "" {
			// A side without a language is in the references' language.
			for _, o := range d.sides {
				if o.kind == "ref" && o.lang != "" {
					a.Lang = o.lang
					break
				}
			}
		}
		a.Provenance = article.Provenance{Kind: article.KindText, Path: file, Record: d.id}
		switch s.kind {
		case "src":
			a.ID = group + "-src"
			a.Site = site
			a.PublishedAt, a.PublishedFrom = published, article.PublishedFromInput
			a.Gold = &article.Gold{Group: group, Relation: article.RelationOriginal}
			keys[a.ID] = keySentences(s.segs)
		case "ref":
			a.ID = group + "-ref-" + sanitize(s.who)
			a.Site = "ref-" + strings.ToLower(sanitize(s.who)) + "." + site
		case "hyp":
			a.ID = group + "-hyp-" + sanitize(s.who)
			a.Site = strings.ToLower(sanitize(s.who)) + "." + site
		}
		if s.kind != "src" {
			a.PublishedAt, a.PublishedFrom = translationTime(published, a.ID), article.PublishedFromInput
			a.Gold = &article.Gold{Origin: group + "-src", Group: group, Relation: article.RelationTranslation}
		}
		arts = append(arts, a)
	}
	return arts
}

// domainName is the document's domain attribute, else its id prefix when
// that names a domain, else its collection, else "general".
func (d *wmtDoc) domainName() string {
	if d.domain != "" {
		return d.domain
	}
	if i := strings.IndexByte(d.id, '_'); i > 0 && wmtDomains[d.id[:i]] {
		return d.id[:i]
	}
	if d.collection != "" {
		return d.collection
	}
	return "general"
}
