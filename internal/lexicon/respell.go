package lexicon

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// respelled lists languages that FreeDict has no dictionary for but whose
// words are looked up, approximately, in a close relative's table after
// respelling: Ukrainian in the Russian table. Ukrainian shares much of its
// political and news vocabulary with Russian, spelt by different rules
// (вибори/выборы, Європа/Европа, політика/политика, об'єкт/объект). The
// respelling maps letters only; true Ukrainian words (уряд, тиждень) miss,
// and a false friend may pick a Russian sense, so this is an approximation
// for want of a dictionary, used for the words the language's own table
// (Apertium's Ukrainian–Russian lemmas, composed) lacks. Measured on WMT22 uk-en (short chat messages,
// median 13 words) with the bridged Russian table: origin accuracy 0.085
// without, 0.338 with; pair precision 0.913 both ways; false origins 0 →
// 2% (18 of 886 originals attributed to another message's translation).
//
// Ukrainian's everyday words are often Polish ones in another alphabet
// (дякую/dziękuję, країна/kraj, розмовляємо/rozmawiamy, пам'ятка/pamiątka)
// where Russian has others (спасибо, страна, разговариваем), so a word the
// Russian table lacks is tried in the Polish table next, transliterated to
// Polish spelling without its diacritics, which the table's folded lookup
// restores. Over the 7,353 distinct Ukrainian words of WMT22 uk-en's
// sources, the Russian route found 1,537 and, with the infinitive, past
// tense and -ськ rules, 1,811; the Polish route 418 more. uk-en origin
// accuracy 0.366 → 0.432 with the adjective endings, false origins
// 0.024 → 0.031 (Polish false friends: бути, to be, is buty, shoes); і
// read as о as well as е, 0.435 → 0.450; initial в as у, -ння as -ние,
// -иця as -ица, 0.463 (false origins 0.033); Polish ie, ia, o, e for і,
// 0.475 (false origins 0.028).
var respelled = map[string][]respelling{
	"uk": {{via: "ru", respell: ukToRu}, {via: "pl", respell: ukToPl}},
}

// respelling is one route into a relative's table.
type respelling struct {
	via     string
	respell func(string) []string
}

// ukLetters maps the Ukrainian letters that Russian spells otherwise;
// и is handled by ukToRu, being ы or и in Russian.
var ukLetters = strings.NewReplacer("і", "и", "ї", "и", "є", "е", "ґ", "г", "'", "ъ", "’", "ъ")

// ukSoftK drops the soft sign Ukrainian writes before к in adjectives of
// place and people (російський, німецький), which Russian spells -ский,
// -цкий, and in the endings -ього, -ьому (всього → всего); and the soft
// ц of -иця, which Russian writes hard (вулиця, улица; столиця, столица).
var ukSoftK = strings.NewReplacer("ськ", "ск", "цьк", "цк", "ього", "его", "ьому", "ему", "иця", "ица")

// ukToRu returns Russian spellings of a Ukrainian word, likelier first:
// Ukrainian и is mostly Russian ы (вибори → выборы, ринок → рынок),
// Ukrainian і mostly Russian и; a word-initial е is Russian э (економіка
// → экономика).
func ukToRu(w string) []string {
	if strings.ContainsAny(w, "abcdefghijklmnopqrstuvwxyz") {
		return nil
	}
	var out []string
	add := func(s string) {
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	// ь before к is Ukrainian only (російських → российских); an
	// infinitive's -ти is Russian -ть (просити → просить).
	w = ukSoftK.Replace(w)
	if stem, ok := strings.CutSuffix(w, "тися"); ok {
		w = stem + "ться"
	} else if stem, ok := strings.CutSuffix(w, "ти"); ok {
		w = stem + "ть"
	}
	// Verbal nouns: -ння, -ття are Russian -ние, -тие (рішення →
	// решение, відкриття → открытие).
	for _, e := range [][2]string{{"ння", "ние"}, {"ття", "тие"}} {
		if stem, ok := strings.CutSuffix(w, e[0]); ok {
			w = stem + e[1]
			break
		}
	}
	y := strings.ReplaceAll(w, "и", "ы")
	for _, v := range []string{w, y} {
		v = ukLetters.Replace(v)
		add(v)
		if rest, ok := strings.CutPrefix(v, "е"); ok {
			add("э" + rest)
		}
	}
	// A word-initial в before a consonant is Russian у (вже → уже,
	// вчитель → учитель), and before у it is not written (вулиця → улица).
	if rest, ok := strings.CutPrefix(w, "в"); ok && rest != "" {
		u := ""
		switch r, _ := utf8.DecodeRuneInString(rest); {
		case r == 'у':
			u = rest
		case !strings.ContainsRune("аеиіїоуюяє", r):
			u = "у" + rest
		}
		if u != "" {
			add(ukLetters.Replace(u))
			add(ukLetters.Replace(strings.ReplaceAll(u, "и", "ы")))
		}
	}
	// Ukrainian і where Russian has е, from the old letter ѣ (довіряти →
	// доверять, віра → вера), or о, in a syllable that closed (війна →
	// война, ніч → ночь), after the commoner и.
	if strings.Contains(w, "і") {
		add(ukLetters.Replace(strings.ReplaceAll(w, "і", "е")))
		add(ukLetters.Replace(strings.ReplaceAll(w, "і", "о")))
	}
	// Ukrainian ї where Russian has е (їхати → ехать, поїхати → поехать,
	// Київ → Киев), after the commoner и.
	if strings.Contains(w, "ї") {
		add(ukLetters.Replace(strings.ReplaceAll(w, "ї", "е")))
	}
	// ъ only stands after a prefix; elsewhere the Ukrainian apostrophe
	// marks what Russian writes with ь (п'ять → пять, not пъять).
	for _, v := range out {
		if strings.Contains(v, "ъ") {
			add(strings.ReplaceAll(v, "ъ", ""))
			add(strings.ReplaceAll(v, "ъ", "ь"))
		}
	}
	return out
}

// ukPl maps Ukrainian letters to Polish spelling with its diacritics
// dropped (ж → z for ż); я, ю, є and ї depend on what precedes them and
// are handled in ukToPl, as are the alternatives for г and и.
var ukPl = map[rune]string{
	'а': "a", 'б': "b", 'в': "w", 'г': "h", 'ґ': "g", 'д': "d", 'е': "e", 'ж': "z", 'з': "z",
	'и': "y", 'і': "i", 'й': "j", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o", 'п': "p",
	'р': "r", 'с': "s", 'т': "t", 'у': "u", 'ф': "f", 'х': "ch", 'ц': "c", 'ч': "cz", 'ш': "sz",
	'щ': "szcz", 'ь': "", '\'': "", '’': "",
}

// ukIotated is the vowel of Ukrainian's iotated letters, which ukToPl
// writes after j or i.
var ukIotated = map[rune]string{'я': "a", 'ю': "u", 'є': "e", 'ї': "i"}

// ukToPl returns Polish spellings of a Ukrainian word, likelier first: г
// as h (голова → głowa has it as g, but native h is commoner: hałas,
// historia), then as g; и as y, then as i; я, ю, є as ja, ju, je at the
// start of a word or after a vowel and ia, iu, ie after a consonant; and
// an infinitive's -ти as Polish -ć (жити → żyć).
func ukToPl(w string) []string {
	if strings.ContainsAny(w, "abcdefghijklmnopqrstuvwxyz") {
		return nil
	}
	// Adjective endings: Polish writes -ego, -emu, -ych, -ymi, -ej where
	// Ukrainian writes -ого, -ому, -их, -ими, -ій (цивільного → cywilnego).
	for _, e := range [][2]string{{"ого", "\x00ego"}, {"ому", "\x00emu"}, {"ими", "\x00ymi"}, {"их", "\x00ych"}, {"ій", "\x00ej"}, {"ий", "\x00y"}} {
		if stem, ok := strings.CutSuffix(w, e[0]); ok && utf8.RuneCountInString(stem) >= 3 {
			w = stem + e[1]
			break
		}
	}
	spell := func(g, y, i string) string {
		var b strings.Builder
		prevVowel := true
		for _, r := range w {
			switch r {
			case 'я', 'ю', 'є', 'ї':
				v := ukIotated[r]
				if prevVowel || r == 'ї' {
					b.WriteString("j" + v)
				} else {
					b.WriteString("i" + v)
				}
				prevVowel = true
				continue
			case 'г':
				b.WriteString(g)
			case 'и':
				b.WriteString(y)
			case 'і':
				b.WriteString(i)
			case 0:
				// The rest is a Polish ending already (see above).
				b.WriteString(w[strings.IndexByte(w, 0)+1:])
				return b.String()
			default:
				m, ok := ukPl[r]
				if !ok {
					return ""
				}
				b.WriteString(m)
			}
			prevVowel = strings.ContainsRune("аеиіоу", r)
		}
		return b.String()
	}
	var out []string
	// і stands where Polish has i, and also ie, ia, o or e (місто →
	// miasto, хліб → chleb, кінь → koń).
	for _, gyi := range [][3]string{{"h", "y", "i"}, {"g", "y", "i"}, {"h", "i", "i"}, {"h", "y", "ie"}, {"h", "y", "ia"}, {"h", "y", "o"}, {"h", "y", "e"}} {
		if gyi[2] != "i" && !strings.ContainsRune(w, 'і') {
			break
		}
		v := spell(gyi[0], gyi[1], gyi[2])
		if v == "" || slices.Contains(out, v) {
			continue
		}
		out = append(out, v)
		if stem, ok := strings.CutSuffix(v, "ty"); ok && len(stem) > 1 {
			out = append(out, stem+"c")
		}
	}
	return out
}
