package artifact

import (
	"os"
	"strings"
	"testing"

	"github.com/newstrace/newstrace/internal/article"
	"github.com/newstrace/newstrace/internal/match"
	"github.com/newstrace/newstrace/internal/sharedtest"
)

// rulesOf returns "kind/rule" for each finding.
func rulesOf(fs []Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Kind+"/"+f.Rule)
	}
	return out
}

func TestText(t *testing.T) {
	tests := []struct {
		name, lang, text string
		want             []string // kind/rule, in order; nil for none
	}{
		{"split quote", "fr", "« Nous ne sommes pas prêts à le faire », » a déclaré la ministre.",
			[]string{"broken_quotes/split_quote"}},
		{"stranded quote", "fr", "Le ministre a dit que ces affirmations étaient fausses. « absurdité. » Il a ajouté.",
			[]string{"broken_quotes/stranded_quote"}},
		{"quote after abbreviation is fine", "fr", "Il a rencontré M. « petit » Durand.", nil},
		{"clean French quotes", "fr", "« Nous devons nous concentrer sur l'essentiel », a déclaré la ministre. Elle a parlé de « solidarité ».", nil},
		{"clean German quotes", "de", "„Wir sind nicht bereit“, sagte die Ministerin. Sie sprach von „Solidarität“.", nil},
		{"glued quote", "de", `Die Lage sei "groß oder erhöht"ist, hieß es.`,
			[]string{"broken_quotes/glued_quote"}},
		{"orphan close is disabled", "fr", "ne sommes pas prêts », a déclaré la ministre.", nil},
		{"English words in French", "fr", "Le ministre a insisté sur le fait que the rest of the world devait agir.",
			[]string{"untranslated/foreign_words"}},
		{"quoted English phrase is fine", "fr", "Il a parlé de « the rest of the world » devant la presse.", nil},
		{"English title is fine", "fr", "Selon le journal News of the World, la ministre a démissionné.", nil},
		{"Cyrillic in English", "en", "The agency Интерфакс reported the figures on Monday.",
			[]string{"untranslated/foreign_script"}},
		{"Cyrillic domain is fine", "en", "The site of the award is https://премия.рф/ since May.", nil},
		{"decimal point in German", "de", "Die Wirtschaft wuchs um 3.5 Prozent im Jahr.",
			[]string{"number_format/decimal_point"}},
		{"German time is fine", "de", "Das Treffen beginnt um 14.30 Uhr im Rathaus.", nil},
		{"German decimal is fine", "de", "Die Wirtschaft wuchs um 3,5 Prozent im Jahr.", nil},
		{"comma thousands in French", "fr", "Environ 10,000 personnes ont manifesté.",
			[]string{"number_format/comma_thousands"}},
		{"decimal comma in English", "en", "The deal is worth 1,2 billion euros.",
			[]string{"number_format/decimal_comma"}},
		{"point thousands in English", "en", "Up to 75.000 people may die.",
			[]string{"number_format/point_thousands"}},
		{"three decimals in English are fine", "en", "He won by 2.256 seconds.", nil},
		{"no language, no language rules", "", "Le faire », » a déclaré 3.5 Prozent.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := rulesOf(Text(&article.Article{Lang: tt.lang, Text: tt.text}))
			if strings.Join(got, ",") != strings.Join(tt.want, ",") {
				t.Errorf("Text(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestTextFixture checks the motivating page, a French machine translation
// of an RT article: its two broken quotes are real translation artifacts
// (English `to do it," the prime minister said` and `were "nonsense."`),
// and nothing else fires.
func TestTextFixture(t *testing.T) {
	b, err := os.ReadFile(sharedtest.Path(t, "fixtures", "news24-fr-otan.txt"))
	if err != nil {
		t.Fatal(err)
	}
	got := Text(&article.Article{Lang: "fr", Text: string(b)})
	want := []struct{ rule, span string }{
		{"split_quote", "le faire », » a déclaré"},
		{"stranded_quote", "absurdité"},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d findings %q, want %d", len(got), rulesOf(got), len(want))
	}
	for i, w := range want {
		if got[i].Rule != w.rule || !strings.Contains(got[i].Query, w.span) {
			t.Errorf("finding %d = %s %q, want %s containing %q", i, got[i].Rule, got[i].Query, w.rule, w.span)
		}
	}
}

func TestPair(t *testing.T) {
	// passage aligns the paragraphs of q and o one to one.
	passage := func(q, o string) []match.Passage {
		qp, op := article.SplitParagraphs(q), article.SplitParagraphs(o)
		var out []match.Passage
		for i := range min(len(qp), len(op)) {
			out = append(out, match.Passage{Query: i, Origin: i, QueryText: qp[i], OriginText: op[i]})
		}
		return out
	}
	tests := []struct {
		name               string
		copyLang, origLang string
		copy, orig         string
		want               []string // Detail substrings; nil for none
		weak               bool
	}{
		{"one letter changed", "en", "en",
			"Silina met German Chancellor Olaf Schulz in Berlin.", "Silina met German Chancellor Olaf Scholz in Berlin.",
			[]string{"“Schulz” where the origin has “Scholz”"}, false},
		{"two letters in a long name", "en", "en",
			"The NATO chief Jens Stultenbarg said so.", "The NATO chief Jens Stoltenberg said so.",
			[]string{"“Stultenbarg” where the origin has “Stoltenberg”"}, false},
		{"diacritics are not drift", "en", "lv",
			"The prime minister Evika Siliņa spoke.", "The prime minister Evika Silina spoke.", nil, false},
		{"French transliteration is not drift", "fr", "en",
			"Le président Vladimir Poutine a déclaré.", "The president Vladimir Putin said.", nil, false},
		{"Cyrillic original is not drift", "en", "ru",
			"President Vladimir Putin said.", "Президент Владимир Путин сказал.", nil, false},
		{"German transliteration is not drift", "de", "en",
			"Präsident Wolodymyr Selenskyj sagte.", "President Volodymyr Zelensky said.", nil, false},
		{"inflection is not drift", "cs", "en",
			"Setkal se s Putinem v Moskvě.", "He met Putin in Moscow.", nil, false},
		{"exonym is not drift", "fr", "de",
			"Il vit à Francfort depuis 2010.", "Er lebt in Frankfurt seit 2010.", nil, false},
		{"cross-language drift needs a witness", "fr", "en",
			"Silina a rencontré Olaf Schulz.\n\nPlus tard, Olaf Scholz a parlé.", "Silina met Olaf Scholz.\n\nLater Olaf Scholz spoke.",
			[]string{"“Schulz” where the origin has “Scholz”"}, true},
		{"cross-language drift without witness is silent", "fr", "en",
			"Silina a rencontré le chancelier Olaf Schulz.", "Silina met Chancellor Olaf Scholz.", nil, false},
		{"another person of the story is not drift", "en", "en",
			"Later Olaf Schulz spoke.", "Martin Schulz and Olaf Scholz met. Later Olaf Scholz spoke.", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := &article.Article{Lang: tt.copyLang, Text: tt.copy}
			o := &article.Article{Lang: tt.origLang, Text: tt.orig}
			got := Pair(c, o, passage(tt.copy, tt.orig))
			if len(got) != len(tt.want) {
				t.Fatalf("Pair = %d findings %+v, want %d", len(got), got, len(tt.want))
			}
			for i, w := range tt.want {
				if !strings.Contains(got[i].Detail, w) || got[i].Kind != KindNameDrift || got[i].Weak != tt.weak {
					t.Errorf("finding %d = %+v, want detail containing %q, weak %v", i, got[i], w, tt.weak)
				}
			}
		})
	}
}

func TestCanonName(t *testing.T) {
	tests := []struct{ a, b string }{
		{"Poutine", "Putin"}, {"Путин", "Putin"}, {"Siliņa", "Silina"}, {"Selenskyj", "Zelensky"},
		{"Scholz", "Scholz"}, {"Macron", "Макрон"},
	}
	for _, tt := range tests {
		if ca, cb := canonName(tt.a), canonName(tt.b); ca != cb {
			t.Errorf("canonName(%q) = %q, canonName(%q) = %q, want equal", tt.a, ca, tt.b, cb)
		}
	}
	if canonName("Scholz") == canonName("Schulz") {
		t.Errorf("canonName makes Scholz and Schulz equal")
	}
}

func TestNilArticles(t *testing.T) {
	if Text(nil) != nil || Pair(nil, nil, nil) != nil {
		t.Error("nil articles should give no findings")
	}
}
