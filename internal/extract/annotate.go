package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newstrace/newstrace/internal/article"
)

// Annotate records the republisher signals of a: residue markers for
// leftover lines ("EN SAVOIR PLUS:", "Lien source"), a source name
// appended to the title ("… — RT World News") as a title-suffix marker and
// AttributedSource, and URLs on residue lines as source links. Text and
// Title are left as they are: the signals are evidence, not noise.
//
// Annotate only adds what is not there yet, so calling it again changes
// nothing. Extract and FromText call it.
func Annotate(a *article.Article) {
	if a.Markers == nil {
		a.Markers = []article.Marker{}
	}
	if a.Links == nil {
		a.Links = []article.Link{}
	}
	for i, p := range a.Paragraphs() {
		for line := range strings.SplitSeq(p, "\n") {
			text, ok := matchResidue(line)
			if !ok {
				continue
			}
			a.Markers = appendMarker(a.Markers, article.Marker{Kind: article.MarkerResidue, Text: text, Paragraph: i})
			for _, u := range urlRE.FindAllString(line, -1) {
				u = strings.TrimRight(u, ".,;:)»\"'")
				a.Links = appendLink(a.Links, article.Link{URL: u, Text: text, Rel: "source"})
				a.Markers = appendMarker(a.Markers, article.Marker{Kind: article.MarkerSourceLink, Text: u, Paragraph: i})
			}
		}
	}
	if s := titleSuffix(a.Title, a.SiteName); s != "" {
		a.Markers = appendMarker(a.Markers, article.Marker{Kind: article.MarkerTitleSuffix, Text: s, Paragraph: -1})
		a.AttributedSource = s
	}
}

// urlRE finds web addresses written out in text.
var urlRE = regexp.MustCompile(`https?://[^\s<>"«»]+`)

func appendMarker(ms []article.Marker, m article.Marker) []article.Marker {
	for _, x := range ms {
		if x == m {
			return ms
		}
	}
	return append(ms, m)
}

// titleSeparators are tried in order; the first one present splits the
// title at its last occurrence. An em dash is the strongest sign of an
// appended name, so "A – B — C" yields only "C".
var titleSeparators = []string{" — ", " | ", " – ", " - ", " :: ", " · "}

// titleSuffix returns the source name appended to title, or "" when the
// last segment does not look like an outlet's name.
func titleSuffix(title, siteName string) string {
	title = strings.TrimSpace(title)
	for _, sep := range titleSeparators {
		i := strings.LastIndex(title, sep)
		if i < 0 {
			continue
		}
		head, cand := strings.TrimSpace(title[:i]), strings.TrimSpace(title[i+len(sep):])
		if utf8.RuneCountInString(head) < 10 {
			return ""
		}
		if looksLikeOutlet(cand, siteName) {
			return cand
		}
		return ""
	}
	return ""
}

// outletWords are words that name a news outlet in the languages
// newstrace reads; a title segment with one of them, capitalised, is a
// source name rather than part of the headline.
var outletWords = wordSet(`news newsroom times post agency agence agencia agenzia tv television télévision press presse prensa
today daily journal herald tribune gazette gazeta gazzetta zeitung nachrichten rundschau spiegel monde figaro
libération liberation express telegraph guardian independent observer chronicle review magazine mag radio
media médias online network channel wire weekly report courier courrier kurier standard star sun mail mirror
insider info infos actu actualité actualités nouvelles noticias notizie diario periódico periodico corriere
repubblica stampa welt bild blick novosti tagesschau tagblatt observador folha globo jornal notícias noviny
zprávy wiadomości dziennik reuters bloomberg sputnik interfax xinhua afp ap rt bbc cnn tass dpa ansa efe pap
čtk unian npr abc cbs nbc msnbc dw zdf ard orf srf rts rfi tf1 lci euronews politico axios
новости известия газета ведомости коммерсантъ коммерсант правда вести время тасс риа интерфакс
новини вісті уніан укрінформ`)

// connectors may stay lower-case inside a capitalised outlet name.
var connectors = wordSet(`of the de la le les du des di del della der die das und and y i et on in am im auf na
for für pour per por en el il lo`)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// domainRE matches a bare host used as a name ("Lenta.ru", "news24.fr").
var domainRE = regexp.MustCompile(`^(?i)[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.[a-z]{2,12}$`)

// looksLikeOutlet reports whether s reads as an outlet's name: short, its
// words capitalised, and either the page's own site name or holding an
// outlet word, or a bare host name.
func looksLikeOutlet(s, siteName string) bool {
	n := utf8.RuneCountInString(s)
	if n < 2 || n > 60 {
		return false
	}
	if siteName != "" && (strings.EqualFold(s, siteName) || strings.Contains(strings.ToLower(siteName), strings.ToLower(s))) {
		return true
	}
	if domainRE.MatchString(s) {
		return true
	}
	if strings.ContainsAny(s, ",;!?…«»\"“”") {
		return false
	}
	words := strings.Fields(s)
	if len(words) > 6 {
		return false
	}
	outlet := false
	for i, w := range words {
		lw := strings.ToLower(strings.Trim(w, ".:'’()"))
		if outletWords[lw] {
			outlet = true
		}
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case unicode.IsUpper(r) || unicode.IsDigit(r):
		case i > 0 && connectors[lw]:
		default:
			return false
		}
	}
	return outlet
}

// sameOutlet reports whether name is the page's own outlet, judged by its
// site name or host.
func sameOutlet(name, siteName, host string) bool {
	ln := strings.ToLower(name)
	if siteName != "" {
		ls := strings.ToLower(siteName)
		if strings.Contains(ls, ln) || strings.Contains(ln, ls) {
			return true
		}
	}
	if host == "" {
		return false
	}
	squash := strings.NewReplacer(" ", "", ".", "", "-", "", "'", "", "’", "")
	lh := squash.Replace(strings.ToLower(host))
	sn := squash.Replace(ln)
	if label, _, ok := strings.Cut(strings.ToLower(host), "."); ok && sn != "" {
		return strings.Contains(sn, squash.Replace(label)) || strings.Contains(lh, sn)
	}
	return strings.Contains(lh, sn)
}
