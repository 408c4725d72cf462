package jsonl

import "github.com/newstrace/newstrace/internal/article"

// Article converts the record into the shared model. Text is copied as is;
// HTML goes nowhere, because extraction is the caller's stage (it runs the
// extractor on r.HTML and fills the returned article's text). Provenance.Kind
// is set; the caller knows the file and line and fills the rest. A
// published time is marked as given by the input, whoever wrote the line.
func (r *Record) Article() *article.Article {
	a := article.New()
	a.ID = r.ID
	a.URL = r.URL
	a.Site = r.Site
	a.Lang = r.Lang
	if !r.Published.IsZero() {
		a.PublishedAt, a.PublishedFrom = r.Published, article.PublishedFromInput
	}
	a.Title = r.Title
	a.Text = r.Text
	a.Gold = goldOrNil(r.Gold)
	a.Provenance.Kind = article.KindJSONL
	return a
}

// recordFromArticle is the inverse of Article for the fields the corpus
// format carries.
func recordFromArticle(a *article.Article) *Record {
	return &Record{
		ID:        a.ID,
		URL:       a.URL,
		Site:      a.Site,
		Lang:      a.Lang,
		Published: a.PublishedAt,
		Title:     a.Title,
		Text:      a.Text,
		Gold:      goldOrNil(a.Gold),
	}
}
