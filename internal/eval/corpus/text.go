package corpus

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newstrace/newstrace/internal/article"
)

// segsPerParagraph is how many segments make a paragraph when a document
// does not mark its paragraphs. The sets are sentence-segmented with the
// layout lost; one sentence per paragraph would make every text an
// unnaturally exact paragraph-for-paragraph list, while three sentences is
// close to the length of a news paragraph.
const segsPerParagraph = 3

// buildText turns a document's segments into a title and a text of
// paragraphs separated by blank lines. When headlines is set, the first
// segment becomes the title if it looks like a headline and more segments
// follow. Paragraph marks
// are used when the document has more than one paragraph; otherwise the
// segments are grouped segsPerParagraph at a time. Empty segments are
// skipped.
func buildText(segs []segment, headlines bool) (title, text string) {
	var kept []segment
	for _, s := range segs {
		if s.Text != "" {
			kept = append(kept, s)
		}
	}
	if headlines && len(kept) > 1 && looksLikeHeadline(kept[0].Text) {
		title, kept = kept[0].Text, kept[1:]
	}
	marked := len(kept) > 0 && kept[0].Para != kept[len(kept)-1].Para
	var paras []string
	var cur []string
	for i, s := range kept {
		if i > 0 && (marked && s.Para != kept[i-1].Para || !marked && len(cur) == segsPerParagraph) {
			paras = append(paras, joinSegments(cur))
			cur = nil
		}
		cur = append(cur, s.Text)
	}
	if len(cur) > 0 {
		paras = append(paras, joinSegments(cur))
	}
	return title, article.JoinParagraphs(paras)
}

// looksLikeHeadline reports whether a segment reads as a title: short, at
// least two words (or four characters of a script written without spaces),
// and not ending like a sentence.
func looksLikeHeadline(s string) bool {
	n := utf8.RuneCountInString(s)
	if n < 4 || n > 160 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	switch last {
	case '.', '!', '?', ',', ';', ':', '…', '。', '！', '？', '，', '；', '：', '।':
		return false
	}
	if len(strings.Fields(s)) >= 2 {
		return true
	}
	for _, r := range s {
		if isWide(r) {
			return true
		}
	}
	return false
}

// joinSegments joins the segments of a paragraph with a space, except
// between two that meet in a script written without spaces (Chinese,
// Japanese), where a space would be an artifact of the segmentation.
func joinSegments(segs []string) string {
	var b strings.Builder
	for i, s := range segs {
		if i > 0 {
			prev, _ := utf8.DecodeLastRuneInString(segs[i-1])
			next, _ := utf8.DecodeRuneInString(s)
			if !isWide(prev) || !isWide(next) {
				b.WriteByte(' ')
			}
		}
		b.WriteString(s)
	}
	return b.String()
}

// isWide reports whether r belongs to a script written without spaces
// between words, or is a full-width punctuation mark.
func isWide(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) ||
		r >= 0x3000 && r <= 0x303f || r >= 0xff00 && r <= 0xffef
}
