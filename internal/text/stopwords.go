package text

import "strings"

// isStopWord reports whether a folded term is a stop word of lang.
func isStopWord(lang, term string) bool {
	_, ok := stopWords[lang][term]
	return ok
}

// stopWords lists, per language, the most frequent function words in
// folded form. The lists are short on purpose: they serve Terms'
// DropStopWords option, not retrieval ranking.
var stopWords = map[string]map[string]struct{}{
	"en": set("a an and are as at be been but by for from had has have he her his i in is it its not of on or our she that the their they this to was we were which who will with would you"),
	"fr": set("a au aux avec ce ces c d dans de des du elle en est et il ils j l la le les leur lui m mais me n ne nous on ou par pas pour qu que qui s sa se ses son sont sur t ta te un une vous y a ete etait"),
	"de": set("aber als am an auch auf aus bei bin bis das dass dem den der des die du ein eine einem einen einer eines er es fur hat ich ihr im in ist mit nach nicht noch sich sie sind so uber um und von vor war wie wir wird zu zum zur"),
	"es": set("a al como con de del el en es la las lo los mas no o para pero por que se su sus un una y"),
	"it": set("a al alla che con da del della di e gli i il in la le lo non per piu si su un una"),
	"ru": set("а в во да для до же за и из к как мы на не но о об от по с со то ты что это я"),
}

func set(words string) map[string]struct{} {
	m := make(map[string]struct{})
	for _, w := range strings.Fields(words) {
		m[w] = struct{}{}
	}
	return m
}
