package text

import "strings"

// AmericanSpelling respells a lower-case English word the American way
// where British and American spelling differ by a regular ending:
// -ise/-isation as -ize/-ization (apologise, organisation), -yse as -yze
// (analyse), -our as -or (colour, favourite), -tre and -bre as -ter and
// -ber (centre, fibre), -ogue as -og (catalogue). Other words come back
// unchanged.
//
// Stems are compared across languages through English glosses, and the
// lexicons gloss mostly the American way while British and Commonwealth
// outlets write the other: "apologise" stems to "apologis", the gloss
// "apologize" to "apolog", and the two never meet. The rules are applied
// to both sides alike, so a word they respell that has no American
// variant ("promise" → "promize") is merely renamed, consistently.
func AmericanSpelling(w string) string {
	for _, r := range spellingRules {
		for _, suf := range r.suffixes {
			if len(w) >= len(suf)+r.minStem && strings.HasSuffix(w, suf) {
				return w[:len(w)-len(suf)] + r.replace(suf)
			}
		}
	}
	return w
}

// spellingRule respells the endings it lists when at least minStem
// letters precede them: short words ("four", "hour", "wise", "rise")
// end alike without being British spellings of anything.
type spellingRule struct {
	suffixes []string // longest first, so that "-isation" is not read as "-ise"
	minStem  int
	replace  func(suf string) string
}

var spellingRules = []spellingRule{
	// organisation → organization, apologise → apologize.
	{[]string{"isations", "isation", "ising", "ised", "isers", "iser", "ises", "ise"}, 3,
		func(s string) string { return "iz" + s[2:] }},
	// analyse → analyze.
	{[]string{"ysing", "ysed", "yses", "yse"}, 3,
		func(s string) string { return "yz" + s[2:] }},
	// colour → color, favourite → favorite, labourer → laborer.
	{[]string{"ourites", "ourite", "ourable", "ouring", "oured", "ourer", "ours", "our"}, 3,
		func(s string) string { return "or" + s[3:] }},
	// centre → center, fibre → fiber, metre → meter.
	{[]string{"tres", "tre", "bres", "bre"}, 2,
		func(s string) string { return s[:1] + "er" + s[3:] }},
	// catalogue → catalog.
	{[]string{"ogues", "ogue"}, 2,
		func(s string) string { return "og" + s[4:] }},
}
