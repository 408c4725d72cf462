package extract

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// residueLabel is one republisher leftover. Strong labels ("Read more",
// "Lire aussi") may lead a short line without punctuation; weak ones
// ("Source", "Quelle") are ordinary words too and count only alone on a
// line or followed by a separator ("Source : AFP").
type residueLabel struct {
	text   string
	strong bool
}

// residueLabels is the table of leftovers in en fr de es it pt pl cs uk ru.
var residueLabels = []residueLabel{
	// en
	{"Read more", true}, {"Read also", true}, {"Also read", true}, {"Read on the website", true},
	{"Read the original article", true}, {"Read the full article", true}, {"Read full story", true},
	{"Read the full story", true}, {"Continue reading", true}, {"See also", true},
	{"Related articles", true}, {"Related stories", true}, {"Click here to read", true},
	{"This article was originally published", true}, {"Originally published", true},
	{"Related", false}, {"More", false}, {"Source", false}, {"Sources", false}, {"Source link", true},
	{"Original article", true},
	// fr
	{"En savoir plus", true}, {"Lire aussi", true}, {"Lire également", true}, {"À lire aussi", true},
	{"A lire aussi", true}, {"À lire également", true}, {"Lire la suite", true}, {"Voir aussi", true},
	{"Lien source", true}, {"Lien vers la source", true}, {"Article original", true},
	{"Lire l'article original", true}, {"Lire l’article original", true}, {"Plus d'infos", true},
	{"Plus d’infos", true}, {"Pour aller plus loin", true}, {"Cet article a été publié", true},
	{"La source", false},
	// de
	{"Weiterlesen", true}, {"Hier weiterlesen", true}, {"Mehr dazu", true}, {"Mehr zum Thema", true},
	{"Lesen Sie auch", true}, {"Lesen Sie mehr", true}, {"Lesen Sie hier", true}, {"Auch interessant", true},
	{"Siehe auch", true}, {"Zum Originalartikel", true}, {"Quelle", false}, {"Quellen", false},
	// es
	{"Leer más", true}, {"Lee también", true}, {"Lea también", true}, {"Lee más", true}, {"Ver también", true},
	{"Te puede interesar", true}, {"Más información", true}, {"Sigue leyendo", true}, {"Seguir leyendo", true},
	{"Fuente", false}, {"Fuente original", true},
	// it
	{"Leggi anche", true}, {"Leggi di più", true}, {"Leggi tutto", true}, {"Continua a leggere", true},
	{"Vedi anche", true}, {"Potrebbe interessarti", true}, {"Per saperne di più", true}, {"Fonte", false},
	// pt
	{"Leia mais", true}, {"Leia também", true}, {"Saiba mais", true}, {"Veja também", true}, {"Ler mais", true},
	{"Continue lendo", true}, {"Leia a matéria completa", true},
	// pl
	{"Czytaj także", true}, {"Czytaj też", true}, {"Czytaj więcej", true}, {"Czytaj dalej", true},
	{"Zobacz też", true}, {"Zobacz także", true}, {"Przeczytaj także", true}, {"Przeczytaj też", true},
	{"Źródło", false}, {"Więcej", false},
	// cs
	{"Čtěte také", true}, {"Čtěte též", true}, {"Přečtěte si také", true}, {"Čtěte více", true},
	{"Celý článek", true}, {"Více zde", true}, {"Zdroj", false}, {"Související", false},
	// uk
	{"Читайте також", true}, {"Читати далі", true}, {"Читайте більше", true}, {"Дивіться також", true},
	{"Джерело", false}, {"Більше", false},
	// ru
	{"Читайте также", true}, {"Читать далее", true}, {"Читать полностью", true}, {"Смотрите также", true},
	{"См. также", true}, {"Оригинал статьи", true}, {"Ссылка на источник", true}, {"Больше новостей", true},
	{"Подробнее", false}, {"Источник", false},
}

// residueRE matches any residue label at the start of a line; the
// alternatives are longest first so that "Sources" wins over "Source".
var residueRE = compileResidue(residueLabels)

// strongLabel says, by lower-cased label, whether it is strong.
var strongLabel = func() map[string]bool {
	m := make(map[string]bool, len(residueLabels))
	for _, l := range residueLabels {
		m[strings.ToLower(l.text)] = l.strong
	}
	return m
}()

func compileResidue(ls []residueLabel) *regexp.Regexp {
	alts := make([]string, 0, len(ls))
	for _, l := range ls {
		alts = append(alts, regexp.QuoteMeta(l.text))
	}
	sort.SliceStable(alts, func(i, j int) bool { return len(alts[i]) > len(alts[j]) })
	return regexp.MustCompile(`^(?i)(?:` + strings.Join(alts, "|") + `)`)
}

// separators may follow a label: "Source : AFP", "Lire aussi | …".
const separators = ":：|—–->»›"

// trailing punctuation allowed after a label alone on a line.
const trailing = ":：.…!»›>→ "

// maxShortLine is how long a line led by a strong label without a
// separator may be: beyond it the label is more likely a sentence start.
const maxShortLine = 200

// matchResidue reports whether line starts with a residue label, and
// returns the marker text: the label with its separator as written
// ("EN SAVOIR PLUS:"), or the whole line when the label stands alone.
func matchResidue(line string) (string, bool) {
	line = strings.TrimSpace(line)
	loc := residueRE.FindStringIndex(line)
	if loc == nil {
		return "", false
	}
	label, rest := line[:loc[1]], line[loc[1]:]
	if r, _ := utf8.DecodeRuneInString(rest); unicode.IsLetter(r) || unicode.IsDigit(r) {
		return "", false // a longer word: "Sourcebook", "Morel"
	}
	if strings.Trim(rest, trailing) == "" {
		return line, true
	}
	t := strings.TrimLeft(rest, " \t\u00a0")
	if r, size := utf8.DecodeRuneInString(t); strings.ContainsRune(separators, r) {
		return label + rest[:len(rest)-len(t)+size], true
	}
	if strongLabel[strings.ToLower(label)] && utf8.RuneCountInString(line) <= maxShortLine {
		return label, true
	}
	return "", false
}
