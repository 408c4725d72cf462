package match

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// Japanese verbs and adjectives are cited in their dictionary form (残る,
// 書く, 高い) and written inflected (残っている, 書いた, 高くて): a kanji
// stem, then kana that change with the form. Segmentation finds the stem
// alone, which is a different word or none (残, a remnant), so for a run
// of Han followed by hiragana that is no headword, the dictionary forms
// the first kana can come from are tried: a godan verb's ending from the
// row of its stem vowel (書か, 書き, 書け, 書こ → 書く), the sound changes
// before た and て (っ → る, う, つ, く; ん → む, ぶ, ぬ; い → く, ぐ, う),
// an ichidan verb's る after the stem or after its kana (見て → 見る,
// 食べて → 食べる), and an adjective's い (高く → 高い). A wrong guess
// costs a lookup; a right one turns a verb into a pivot term.

// godanEndings maps a kana that follows a godan verb's stem to the
// dictionary endings it can come from.
var godanEndings = func() map[rune][]string {
	m := map[rune][]string{
		'っ': {"る", "う", "つ", "く"},
		'ん': {"む", "ぶ", "ぬ"},
		'い': {"く", "ぐ", "う"},
	}
	for _, row := range []string{"かきけこく", "がぎげごぐ", "さしせそす", "たちてとつ", "なにねのぬ", "ばびべぼぶ", "まみめもむ", "らりれろる", "わいえおう"} {
		rs := []rune(row)
		end := string(rs[len(rs)-1])
		for _, r := range rs[:len(rs)-1] {
			if r == 'い' {
				continue // listed above, with its sound-change readings
			}
			m[r] = append(m[r], end)
		}
	}
	return m
}()

// inflectionEndings maps each hiragana to the endings of the dictionary
// forms a kanji stem followed by it can come from, likelier first: a godan
// verb's, an ichidan verb's る after the stem, then after the kana, and an
// adjective's い. Built once, as segmentation asks at every kanji.
var inflectionEndings = func() map[rune][]string {
	m := map[rune][]string{}
	for k := 'ぁ'; k <= 'ゖ'; k++ {
		es := append(slices.Clone(godanEndings[k]), "る")
		if strings.ContainsRune("いきぎしちにびみりえけげせてねべめれ", k) {
			es = append(es, string(k)+"る")
		}
		if strings.ContainsRune("くかけ", k) {
			es = append(es, "い")
		}
		m[k] = es
	}
	return m
}()

// deinflections returns the dictionary forms a Han stem followed by the
// hiragana kana may be an inflection of, likelier first.
func deinflections(stem, kana string) []string {
	k, size := utf8.DecodeRuneInString(kana)
	if size == 0 {
		return nil
	}
	es, ok := inflectionEndings[k]
	if !ok {
		es = []string{"る"}
	}
	out := make([]string, len(es))
	for i, e := range es {
		out[i] = stem + e
	}
	return out
}
