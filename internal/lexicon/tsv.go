package lexicon

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strings"
)

// ImportTSV reads a hand-made word list: one headword per line followed by
// its translations, tab-separated, best first:
//
//	# French → English additions
//	chat	cat
//	maison	house	home
//
// Blank lines and lines starting with # are skipped. from and to give the
// direction as language codes; one must be English, and an English→X list
// is inverted like an English→X dictionary. A line with a headword but no
// translation is an error naming the line.
func ImportTSV(ctx context.Context, r io.Reader, from, to string) (*Lexicon, error) {
	lang, inverse, err := direction(from, to)
	if err != nil {
		return nil, err
	}
	b := newBuilder()
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		if line%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, fmt.Errorf("lexicon: tsv: %w", err)
			}
		}
		text := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(text) == "" || strings.HasPrefix(strings.TrimLeft(text, " "), "#") {
			continue
		}
		fields := strings.Split(text, "\t")
		head := normalizeKey(fields[0])
		if head == "" {
			return nil, fmt.Errorf("lexicon: tsv line %d: empty headword", line)
		}
		var trans []string
		for _, f := range fields[1:] {
			if t := normalizeKey(f); t != "" {
				trans = append(trans, t)
			}
		}
		if len(trans) == 0 {
			return nil, fmt.Errorf("lexicon: tsv line %d: headword %q has no translation", line, head)
		}
		if inverse {
			b.addInverse(lang, cleanEnglish(head), trans)
			continue
		}
		for i, t := range trans {
			trans[i] = cleanEnglish(t)
		}
		b.addDirect(lang, head, trans)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("lexicon: tsv line %d: %w", line+1, err)
	}
	return b.build(), nil
}
