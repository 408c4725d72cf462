// Package lang identifies the language of a text.
//
// Detection routes by Unicode script first, then tells apart the
// languages that share the script:
//
//   - Hangul is Korean, Greek Greek, Hebrew Hebrew; Han with a trace of
//     kana is Japanese, Han alone Chinese (CJK characters weigh four
//     letters, so Latin brand names do not outvote them);
//   - letters a language's alphabet lacks rule it out: "ы" Ukrainian and
//     Bulgarian, "і" Russian, "پ" Arabic, "ř" Italian (more loosely in
//     Latin script, where names travel);
//   - among the rest, whatlanggo trigram profiles, restricted to the
//     candidates and run on chunks of 250 letters that vote (its distance
//     breaks on long texts: whole Czech documents came out Vietnamese),
//     plus a few marker words for Russian, Ukrainian, Belarusian and
//     Bulgarian.
//
// Why whatlanggo and not lingua-go. Measured with TestCompare
// (compare_test.go, build tag langcompare) on newstest2014 (en fr de ru
// cs hi) and WMT22 news (de fr ru uk ja en zh hr): short = one segment of
// 40–120 characters, long = a whole document; own = testdata/sentences.tsv
// (145 sentences, 34 languages). Every candidate restricted to
// DefaultLanguages except "whatlanggo unrestricted":
//
//	candidate                  nt short  nt long  wmt short  own   binary
//	lingua-go high accuracy     0.998     1.000    0.996    0.993  +132.6 MB
//	lingua-go low accuracy      0.992     1.000    0.983    0.993  +132.6 MB
//	whatlanggo unrestricted     0.901     0.964    0.918    0.945    +0.5 MB
//	whatlanggo whitelist        0.925     0.968    0.930    0.924    +0.5 MB
//	this package                0.970     0.999    0.977    1.000    +0.6 MB
//
// (This package's row is TestAccuracy's final figures; WMT22 long is
// 1.000 for it. lingua-go links its 124 MB of models whatever languages
// it is restricted to: a main importing it is 135.0 MB against 2.4 MB,
// and with models preloaded the process held 1.5 GB. On long text
// lingua-go ran at about a fifth of this package's speed.) Language
// identification in newstrace labels whole articles, where both reach
// 0.999–1.000, so lingua-go's two points on single sentences do not pay
// for a 55-fold binary. The remaining errors are Russian sentences read
// as Bulgarian or Ukrainian (about 4%) and Czech sentences read as
// English (2.5%); texts under about 40 letters are unreliable.
package lang

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/abadojack/whatlanggo"
)

// Result is the language of a text.
type Result struct {
	// Lang is an ISO 639-1 code such as "fr", or "" when the text has too
	// few letters or is in a script no configured language uses.
	Lang string
	// Confidence is in [0, 1]: the share of the text's letters in the
	// language's script times the certainty among that script's
	// languages. It is 1 for a script with a single language, such as
	// Hangul for Korean.
	Confidence float64
}

// Options configures a Detector. The zero value is ready to use.
type Options struct {
	// Languages restricts detection to these ISO 639-1 codes, which must
	// be among SupportedLanguages. Nil means DefaultLanguages.
	Languages []string
	// MaxBytes is how much of a long text is read; a zero value means
	// 1536. A language shows in its first paragraphs, and reading less
	// keeps a 100 KB document as fast as a page: six chunks that vote
	// keep whole-document accuracy where 4096 bytes had it (TestAccuracy)
	// at a third of the cost, which was most of the ingest time of a
	// plain-text article.
	MaxBytes int
	// MinLetters is the fewest letters a text needs for a verdict; zero
	// means 3. A Han, kana or Hangul character counts for 4 letters.
	MinLetters int
}

const (
	defaultMaxBytes   = 1536
	defaultMinLetters = 3
)

// Detector identifies languages. It holds no mutable state, so one
// Detector is safe for concurrent use.
type Detector struct {
	langs      []string
	byScript   [numScripts][]language
	maxBytes   int
	minLetters int
	// words maps a marker word (language.words) to the languages it
	// marks.
	words map[string][]string
}

// New returns a Detector for DefaultLanguages.
func New() *Detector {
	d, err := NewDetector(Options{})
	if err != nil {
		// DefaultLanguages are all in the catalogue; a test guards it.
		return &Detector{maxBytes: defaultMaxBytes, minLetters: defaultMinLetters}
	}
	return d
}

// NewDetector returns a Detector configured by opts. It fails when
// opts.Languages names a language outside SupportedLanguages.
func NewDetector(opts Options) (*Detector, error) {
	codes := opts.Languages
	if codes == nil {
		codes = DefaultLanguages()
	}
	d := &Detector{maxBytes: opts.MaxBytes, minLetters: opts.MinLetters}
	if d.maxBytes <= 0 {
		d.maxBytes = defaultMaxBytes
	}
	if d.minLetters <= 0 {
		d.minLetters = defaultMinLetters
	}
	for _, code := range codes {
		l, ok := languageByCode(code)
		if !ok {
			return nil, fmt.Errorf("lang: unsupported language %q", code)
		}
		if slices.Contains(d.langs, code) {
			continue
		}
		d.langs = append(d.langs, code)
		d.byScript[l.script] = append(d.byScript[l.script], l)
		for w := range strings.FieldsSeq(l.words) {
			if d.words == nil {
				d.words = map[string][]string{}
			}
			d.words[w] = append(d.words[w], code)
		}
	}
	slices.Sort(d.langs)
	return d, nil
}

// Languages returns the sorted codes the Detector can return.
func (d *Detector) Languages() []string {
	return slices.Clone(d.langs)
}

// Detect returns the language of text. Text with fewer than MinLetters
// letters (empty, digits, punctuation) gives Lang "". Invalid UTF-8 is
// skipped, never an error.
func (d *Detector) Detect(text string) Result {
	text = prefix(text, d.maxBytes)

	var counts scriptCounts
	forEachWord(text, func(w string) {
		for _, r := range w {
			if unicode.IsLetter(r) {
				counts[scriptOf(r)]++
			}
		}
	})
	sc, share := counts.dominant()
	letters := counts[sc]
	switch sc {
	case scriptHan, scriptKana, scriptHangul:
		letters = (counts[scriptHan] + counts[scriptKana] + counts[scriptHangul]) * cjkWeight
	}
	if sc == scriptOther || letters < d.minLetters {
		return Result{}
	}

	cands := d.byScript[sc]
	switch len(cands) {
	case 0:
		return Result{}
	case 1:
		return Result{Lang: cands[0].code, Confidence: share}
	}

	body, foreign := scriptText(text, sc, cands)
	cands = excluded(cands, foreign, letters, sc == scriptLatin)
	if len(cands) == 1 {
		return Result{Lang: cands[0].code, Confidence: share}
	}
	lang, conf := vote(body, cands, d.words)
	if lang == "" {
		return Result{}
	}
	return Result{Lang: lang, Confidence: share * conf}
}

// wordVote is what one marker word adds to its language's votes, in
// letters of text classified with full confidence.
const wordVote = 100

// chunkRunes bounds the text whatlanggo sees in one call. Its distance
// ranks a text's trigrams by frequency and caps a missing trigram's
// penalty at 300, so past about 300 distinct trigrams a trigram present
// far down the ranking costs more than a missing one: on whole documents
// the scores go negative and Czech comes out as Vietnamese. Chunks of a
// sentence or two stay inside the range the profiles were built for.
const chunkRunes = 250

// vote classifies body among cands chunk by chunk and returns the
// language with most votes, each chunk voting with its length times its
// confidence (plus a floor, so that unsure chunks still count), and the
// winner's share of the votes. Each marker word of a candidate found in
// body adds wordVote.
func vote(body string, cands []language, words map[string][]string) (string, float64) {
	whitelist := make(map[whatlanggo.Lang]bool, len(cands))
	for _, l := range cands {
		whitelist[l.model] = true
	}
	opts := whatlanggo.Options{Whitelist: whitelist}
	votes := make([]float64, len(cands))
	var total float64
	if words != nil {
		for w := range strings.FieldsSeq(body) {
			for _, code := range words[w] {
				for i, l := range cands {
					if l.code == code {
						votes[i] += wordVote
						total += wordVote
					}
				}
			}
		}
	}
	for len(body) > 0 {
		chunk, n := body, 0
		for i := range body {
			if n == chunkRunes {
				if j := strings.LastIndexByte(body[:i], ' '); j > 0 {
					i = j
				}
				chunk = body[:i]
				break
			}
			n++
		}
		body = body[len(chunk):]
		info := whatlanggo.DetectWithOptions(chunk, opts)
		for i, l := range cands {
			if l.model == info.Lang {
				w := float64(utf8.RuneCountInString(chunk)) * (0.25 + info.Confidence)
				votes[i] += w
				total += w
			}
		}
	}
	best := -1
	for i, v := range votes {
		if v > 0 && (best < 0 || v > votes[best]) {
			best = i
		}
	}
	if best < 0 {
		return "", 0
	}
	return cands[best].code, votes[best] / total * min(1, total/float64(chunkRunes))
}

// prefix cuts text to at most n bytes without splitting a character.
func prefix(text string, n int) string {
	if len(text) <= n {
		return text
	}
	for n > 0 && !utf8.RuneStart(text[n]) {
		n--
	}
	return text[:n]
}

// forEachWord calls fn for each space-separated word of text that is not
// a URL, an e-mail address or a handle: their letters say nothing about
// the language of the text around them.
func forEachWord(text string, fn func(word string)) {
	for w := range strings.FieldsSeq(text) {
		if strings.Contains(w, "://") || strings.Contains(w, "@") || strings.HasPrefix(w, "www.") {
			continue
		}
		fn(w)
	}
}

// scriptText returns the lower-cased letters of text in script sc, with
// everything else turned into single spaces, so that trigram profiles
// see only the words of the routed script. It also counts, for each
// candidate, the letters foreign to its alphabet.
func scriptText(text string, sc script, cands []language) (string, []int) {
	var b strings.Builder
	b.Grow(len(text))
	foreign := make([]int, len(cands))
	space := true
	forEachWord(text, func(w string) {
		for _, r := range w {
			if !unicode.IsLetter(r) || scriptOf(r) != sc {
				if !space {
					b.WriteByte(' ')
					space = true
				}
				continue
			}
			r = unicode.ToLower(r)
			b.WriteRune(r)
			space = false
			for i := range cands {
				if cands[i].isForeign(r) {
					foreign[i]++
				}
			}
		}
		if !space {
			b.WriteByte(' ')
			space = true
		}
	})
	return b.String(), foreign
}

// excluded drops the candidates with too many letters foreign to their
// alphabet. Outside Latin script that is more than one letter in two
// hundred: one "ы" rules Ukrainian out of a sentence, while a long
// Ukrainian article may quote a Russian name; the letters that mark a
// language are far more common than that (ы and э are 2% of Russian, і
// and ї 5% of Ukrainian, ъ 2% of Bulgarian). Latin-script news quotes
// foreign names everywhere ("Erdoğan", "Łódź", "Dvořák"), so there it
// takes at least two foreign letters making up more than one letter in
// fifty. When every candidate would go, the text is mixed and all are
// kept.
func excluded(cands []language, foreign []int, letters int, latin bool) []language {
	var kept []language
	for i, l := range cands {
		out := foreign[i]*200 > letters
		if latin {
			out = foreign[i] >= 2 && foreign[i]*50 > letters
		}
		if !out {
			kept = append(kept, l)
		}
	}
	if len(kept) == 0 {
		return cands
	}
	return kept
}
