package text

import (
	"strings"
	"unicode/utf8"
)

// Romaji transliterates the hiragana and katakana of s to Latin letters in
// Hepburn romanisation ("ロシア" → "roshia", "トランプ" → "torampu"), so
// that a Japanese loanword or foreign name meets its Latin spelling through
// Skeleton: Skeleton(Romaji("ロシア")) = Skeleton("russia") = "rs". Long
// vowel marks are dropped, a small tsu doubles the next consonant, and the
// syllabic n is written m before b, m and p, as English spellings of
// Japanese do. Runes other than kana pass through unchanged; s without
// kana is returned as is, without allocating.
func Romaji(s string) string {
	i := strings.IndexFunc(s, isKana)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	double := false // a small tsu waits for the next consonant
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isKana(r) {
			if double {
				b.WriteByte('t') // a glottal stop before a non-kana
				double = false
			}
			b.WriteRune(r)
			i += n
			continue
		}
		r = toHiragana(r)
		// A syllable with a small ya, yu, yo or vowel after it ("きゃ",
		// "ふぁ") is one unit; try the pair first.
		syl := ""
		if i+n < len(s) {
			r2, n2 := utf8.DecodeRuneInString(s[i+n:])
			if m, ok := kanaPairs[[2]rune{r, toHiragana(r2)}]; ok {
				syl, n = m, n+n2
			}
		}
		if syl == "" {
			switch r {
			case 'っ':
				double = true
				i += n
				continue
			case 'ー':
				i += n
				continue // the long vowel mark lengthens; skeletons ignore vowels
			case 'ん':
				syl = "n"
				if i+n < len(s) {
					next, _ := utf8.DecodeRuneInString(s[i+n:])
					if m := kanaSyllable[toHiragana(next)]; m != "" && (m[0] == 'b' || m[0] == 'm' || m[0] == 'p') {
						syl = "m"
					}
				}
			default:
				syl = kanaSyllable[r]
				if syl == "" {
					syl = string(r) // an archaic or unknown kana stays as it is
				}
			}
		}
		if double {
			double = false
			switch {
			case strings.HasPrefix(syl, "ch"):
				b.WriteByte('t') // "matcha", not "machcha"
			case syl[0] < utf8.RuneSelf && !isVowelByte(syl[0]) && syl[0] != 'n':
				b.WriteByte(syl[0])
			}
		}
		b.WriteString(syl)
		i += n
	}
	if double {
		b.WriteByte('t')
	}
	return b.String()
}

// isKana reports whether r is a hiragana or katakana letter or the long
// vowel mark, which Romaji transliterates.
func isKana(r rune) bool {
	return (r >= 'ぁ' && r <= 'ゖ') || (r >= 'ァ' && r <= 'ヺ') || r == 'ー'
}

// toHiragana maps a katakana letter to the hiragana of the same sound;
// the two syllabaries are parallel blocks 0x60 apart. Katakana without a
// hiragana twin (ヷ to ヺ) and other runes are returned as they are.
func toHiragana(r rune) rune {
	if r >= 'ァ' && r <= 'ヶ' {
		return r - ('ァ' - 'ぁ')
	}
	switch r {
	case 'ヷ':
		return 'わ' // "va" spellings are rare; read as w-
	case 'ヸ', 'ヹ', 'ヺ':
		return 'を'
	}
	return r
}

// kanaSyllable spells each hiragana in Hepburn. It is a compile-time table,
// never written to.
var kanaSyllable = func() map[rune]string {
	m := map[rune]string{}
	add := func(pairs string) {
		f := strings.Fields(pairs)
		for i := 0; i+1 < len(f); i += 2 {
			r, _ := utf8.DecodeRuneInString(f[i])
			m[r] = f[i+1]
		}
	}
	add("あ a い i う u え e お o ぁ a ぃ i ぅ u ぇ e ぉ o")
	add("か ka き ki く ku け ke こ ko が ga ぎ gi ぐ gu げ ge ご go ゕ ka ゖ ke")
	add("さ sa し shi す su せ se そ so ざ za じ ji ず zu ぜ ze ぞ zo")
	add("た ta ち chi つ tsu て te と to だ da ぢ ji づ zu で de ど do")
	add("な na に ni ぬ nu ね ne の no")
	add("は ha ひ hi ふ fu へ he ほ ho ば ba び bi ぶ bu べ be ぼ bo ぱ pa ぴ pi ぷ pu ぺ pe ぽ po")
	add("ま ma み mi む mu め me も mo")
	add("や ya ゆ yu よ yo ゃ ya ゅ yu ょ yo")
	add("ら ra り ri る ru れ re ろ ro")
	add("わ wa ゐ i ゑ e を o ゎ wa ゔ vu")
	return m
}()

// kanaPairs spells the syllables written with a small kana after a full
// one: the palatal ones of native words ("きょう" → "kyo") and the ones
// katakana uses for foreign sounds ("ティ" → "ti", "ファ" → "fa").
var kanaPairs = func() map[[2]rune]string {
	m := map[[2]rune]string{}
	add := func(pairs string) {
		f := strings.Fields(pairs)
		for i := 0; i+1 < len(f); i += 2 {
			rs := []rune(f[i])
			m[[2]rune{rs[0], rs[1]}] = f[i+1]
		}
	}
	add("きゃ kya きゅ kyu きょ kyo ぎゃ gya ぎゅ gyu ぎょ gyo")
	add("しゃ sha しゅ shu しょ sho しぇ she じゃ ja じゅ ju じょ jo じぇ je")
	add("ちゃ cha ちゅ chu ちょ cho ちぇ che ぢゃ ja ぢゅ ju ぢょ jo")
	add("にゃ nya にゅ nyu にょ nyo ひゃ hya ひゅ hyu ひょ hyo")
	add("びゃ bya びゅ byu びょ byo ぴゃ pya ぴゅ pyu ぴょ pyo")
	add("みゃ mya みゅ myu みょ myo りゃ rya りゅ ryu りょ ryo")
	add("てぃ ti でぃ di とぅ tu どぅ du てゅ tyu でゅ dyu")
	add("ふぁ fa ふぃ fi ふぇ fe ふぉ fo ふゅ fyu")
	add("うぃ wi うぇ we うぉ wo ゔぁ va ゔぃ vi ゔぇ ve ゔぉ vo")
	add("つぁ tsa つぃ tsi つぇ tse つぉ tso")
	add("くぁ kwa くぃ kwi くぇ kwe くぉ kwo ぐぁ gwa")
	add("いぇ ye")
	return m
}()
