package lexicon

import (
	"bufio"
	"context"
	"errors"
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
	err = scanLines(ctx, r, "tsv", func(line int, text string) error {
		fields := strings.Split(text, "\t")
		head := normalizeKey(fields[0])
		if head == "" {
			return errors.New("empty headword")
		}
		var trans []string
		for _, f := range fields[1:] {
			if t := normalizeKey(f); t != "" {
				trans = append(trans, t)
			}
		}
		if len(trans) == 0 {
			return fmt.Errorf("headword %q has no translation", head)
		}
		if inverse {
			b.addInverse(lang, cleanEnglish(head), trans)
			return nil
		}
		for i, t := range trans {
			trans[i] = cleanEnglish(t)
		}
		b.addDirect(lang, head, trans)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return b.build(), nil
}

// scanLines calls fn with each line of a word list in turn, numbered from
// 1, without its line ending, skipping blank lines and # comments; it
// checks ctx every few thousand lines. An error from fn or the reader is
// returned as "lexicon: <kind> line N: …".
func scanLines(ctx context.Context, r io.Reader, kind string, fn func(line int, text string) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		if line%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return fmt.Errorf("lexicon: %s: %w", kind, err)
			}
		}
		text := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(text) == "" || strings.HasPrefix(strings.TrimLeft(text, " "), "#") {
			continue
		}
		if err := fn(line, text); err != nil {
			return fmt.Errorf("lexicon: %s line %d: %w", kind, line, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("lexicon: %s line %d: %w", kind, line+1, err)
	}
	return nil
}
