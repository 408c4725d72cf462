package match

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/newstrace/newstrace/internal/article"
)

// loadArticle reads testdata/<id>.txt: the title on the first line, then
// paragraphs separated by blank lines. The language is the id's prefix.
func loadArticle(t testing.TB, id string) *article.Article {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", id+".txt"))
	if err != nil {
		t.Fatal(err)
	}
	title, body, _ := strings.Cut(string(data), "\n")
	a := article.New()
	a.ID, a.Lang, a.Title, a.Text = id, id[:2], title, strings.TrimSpace(body)
	return a
}

// fixtureIDs lists the articles in testdata: for each language an origin,
// another outlet's article on the same event sharing one quote with it,
// and an unrelated article.
var fixtureIDs = []string{
	"en-bridge", "en-bridge-other", "en-birds",
	"fr-tram", "fr-tram-other", "fr-vendanges",
	"de-klinikum", "de-klinikum-other", "de-bibliothek",
}

// draft is a copy being made: its paragraphs, and for each the indexes of
// the origin paragraphs it holds text from (none for inserted ones).
type draft struct {
	lang, title string
	paras       []string
	src         [][]int
}

func newDraft(a *article.Article) *draft {
	d := &draft{lang: a.Lang, title: a.Title}
	for i, p := range a.Paragraphs() {
		d.paras = append(d.paras, p)
		d.src = append(d.src, []int{i})
	}
	return d
}

func (d *draft) article(id string) *article.Article {
	a := article.New()
	a.ID, a.Lang, a.Title, a.Text = id, d.lang, d.title, article.JoinParagraphs(d.paras)
	return a
}

func (d *draft) insert(i int, p string) {
	d.paras = slices.Insert(d.paras, i, p)
	d.src = slices.Insert(d.src, i, []int(nil))
}

func (d *draft) remove(i int) {
	d.paras = slices.Delete(d.paras, i, i+1)
	d.src = slices.Delete(d.src, i, i+1)
}

// An edit is one thing republishers do to the text they take.
type edit struct {
	name  string
	apply func(d *draft, rng *rand.Rand)
}

var (
	stripByline = edit{"byline stripped", func(d *draft, _ *rand.Rand) {
		for i := 0; i < len(d.paras); i++ {
			p := d.paras[i]
			if strings.HasPrefix(p, "By ") || strings.HasPrefix(p, "Par ") || strings.HasPrefix(p, "Von ") || strings.HasPrefix(p, "(Reporting") {
				d.remove(i)
				i--
			}
		}
	}}
	retitle = edit{"title changed", func(d *draft, _ *rand.Rand) {
		d.title = "BREAKING: " + strings.ToUpper(d.title[:1]) + d.title[1:] + " | Daily Wire Hub"
	}}
	residue = edit{"residue added", func(d *draft, _ *rand.Rand) {
		r := map[string][2]string{
			"en": {"READ MORE:\nWhat we know so far about the investigation", "Source link"},
			"fr": {"EN SAVOIR PLUS:\n« Le jour pourrait venir » pour un nouveau vote", "Lien source"},
			"de": {"MEHR ZUM THEMA:\nWas bisher über die Verhandlungen bekannt ist", "Quelle: Link"},
		}[d.lang]
		more, source := r[0], r[1]
		d.insert(len(d.paras)-2, more)
		d.insert(len(d.paras), source)
	}}
	cutFirst = edit{"first paragraph cut", func(d *draft, _ *rand.Rand) { d.remove(1) }}
	cutLast  = edit{"last paragraphs cut", func(d *draft, _ *rand.Rand) { d.remove(len(d.paras) - 1); d.remove(len(d.paras) - 1) }}
	split    = edit{"paragraphs split", func(d *draft, _ *rand.Rand) {
		for i := 0; i < len(d.paras); i++ {
			if k := strings.Index(d.paras[i], ". "); k > 0 && len(d.paras[i]) > 200 {
				head, tail := d.paras[i][:k+1], d.paras[i][k+2:]
				d.paras[i] = head
				d.paras = slices.Insert(d.paras, i+1, tail)
				d.src = slices.Insert(d.src, i+1, d.src[i])
				i++
			}
		}
	}}
	merge = edit{"paragraphs merged", func(d *draft, _ *rand.Rand) {
		for i := 1; i+1 < len(d.paras); i++ {
			d.paras[i] += " " + d.paras[i+1]
			d.src[i] = append(slices.Clone(d.src[i]), d.src[i+1]...)
			d.remove(i + 1)
		}
	}}
	boilerplate = edit{"boilerplate and related links", func(d *draft, _ *rand.Rand) {
		d.insert(2, map[string]string{
			"en": "Sign up for our free morning newsletter and never miss the stories that matter to you.",
			"fr": "Inscrivez-vous gratuitement à notre lettre d'information pour ne rien manquer de l'actualité.",
			"de": "Melden Sie sich jetzt kostenlos für unseren Newsletter an und verpassen Sie keine Nachricht mehr.",
		}[d.lang])
		d.insert(len(d.paras), map[string]string{
			"en": "Related stories:\nCouncil approves new budget after marathon session\nWeather: storms expected across the region this weekend\nLocal team clinches promotion on final day",
			"fr": "À lire aussi :\nLe budget 2025 adopté après une séance marathon\nMétéo : des orages attendus ce week-end dans la région\nLe club local assure son maintien lors de la dernière journée",
			"de": "Lesen Sie auch:\nHaushalt nach Marathonsitzung beschlossen\nWetter: Gewitter am Wochenende in der Region erwartet\nHeimischer Verein sichert Klassenerhalt am letzten Spieltag",
		}[d.lang])
	}}
	rewrite = edit{"words rewritten", func(d *draft, _ *rand.Rand) {
		r := map[string]*strings.Replacer{
			"en": strings.NewReplacer(" said", " stated", "about ", "around ", "more than", "over", " closed", " shut", " would", " will"),
			"fr": strings.NewReplacer("a déclaré", "a affirmé", "toutefois", "cependant", "près de", "environ", "doit", "devrait", "déjà", "dès à présent"),
			"de": strings.NewReplacer("sagte", "erklärte", "rund", "etwa", "bereits", "schon", "sollen", "werden"),
		}[d.lang]
		for i := range d.paras {
			d.paras[i] = r.Replace(d.paras[i])
		}
	}}
	partial = edit{"only the first half kept", func(d *draft, _ *rand.Rand) {
		n := len(d.paras) / 2
		d.paras, d.src = d.paras[:n], d.src[:n]
	}}
	shuffleRandomCut = edit{"random paragraphs cut", func(d *draft, rng *rand.Rand) {
		for range len(d.paras) / 3 {
			d.remove(rng.IntN(len(d.paras)))
		}
	}}
)

// copyCase is one way of copying, with the verdicts it may get.
type copyCase struct {
	edits []edit
	want  []Verdict
}

func (c copyCase) name() string {
	if len(c.edits) == 0 {
		return "verbatim"
	}
	var names []string
	for _, e := range c.edits {
		names = append(names, e.name)
	}
	return strings.Join(names, " + ")
}

// copyCases covers each edit alone and the combinations republishers make.
// Trivial edits must stay copies; edits that cut or add whole paragraphs may
// be either; heavy ones must be edited copies.
var copyCases = []copyCase{
	{nil, []Verdict{Copy}},
	{[]edit{stripByline}, []Verdict{Copy}},
	{[]edit{retitle}, []Verdict{Copy}},
	{[]edit{split}, []Verdict{Copy}},
	{[]edit{merge}, []Verdict{Copy}},
	{[]edit{residue}, []Verdict{Copy, EditedCopy}},
	{[]edit{rewrite}, []Verdict{Copy, EditedCopy}},
	{[]edit{cutFirst}, []Verdict{Copy, EditedCopy}},
	{[]edit{cutLast}, []Verdict{Copy, EditedCopy}},
	{[]edit{boilerplate}, []Verdict{Copy, EditedCopy}},
	{[]edit{stripByline, retitle, residue}, []Verdict{Copy, EditedCopy}},
	{[]edit{stripByline, cutFirst, cutLast, residue}, []Verdict{EditedCopy}},
	{[]edit{partial, residue}, []Verdict{EditedCopy}},
	{[]edit{stripByline, cutFirst, split, merge, boilerplate, residue, rewrite}, []Verdict{EditedCopy}},
	{[]edit{shuffleRandomCut, boilerplate, residue}, []Verdict{EditedCopy}},
}

// makeCopy applies the edits of c to origin a.
func makeCopy(a *article.Article, c copyCase, seed uint64) *draft {
	d := newDraft(a)
	rng := rand.New(rand.NewPCG(seed, 0x5eed))
	for _, e := range c.edits {
		e.apply(d, rng)
	}
	return d
}

// origins returns the fixture articles that have copies made of them.
func origins(t testing.TB) []*article.Article {
	var out []*article.Article
	for _, id := range fixtureIDs {
		out = append(out, loadArticle(t, id))
	}
	return out
}

func copyID(origin string, i int) string { return fmt.Sprintf("%s~copy%02d", origin, i) }
