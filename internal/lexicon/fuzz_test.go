package lexicon

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// FuzzRead feeds arbitrary bytes to Read, both as they are and with a valid
// checksum appended so the structural checks are reached. Read must not
// panic; a file it accepts must survive Write/Read unchanged and answer
// lookups without panicking.
func FuzzRead(f *testing.F) {
	good := encode(f, fixtureLexicon(f))
	f.Add(good)
	if forms, _, err := AddWordNet(context.Background(), fixtureLexicon(f), filepath.Join("testdata", "wordnet")); err == nil {
		f.Add(encode(f, forms))
	}
	f.Add(good[:len(good)-4])
	f.Add(good[:len(good)/3])
	f.Add([]byte("NTLX\x01"))
	f.Add([]byte{0x1f, 0x8b, 8, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, in := range [][]byte{data, withCRC(data)} {
			l, err := Read(bytes.NewReader(in))
			if err != nil {
				continue
			}
			again, err := Read(bytes.NewReader(encode(t, l)))
			if err != nil {
				t.Fatalf("re-reading a written lexicon: %v", err)
			}
			if !reflect.DeepEqual(again, l) {
				t.Fatalf("Write/Read changed an accepted lexicon")
			}
			for _, lang := range l.Languages() {
				for _, w := range []string{"chat", "ecole", "domami", ""} {
					l.ToEnglish(lang, w)
				}
			}
			l.BaseForm("went")
		}
	})
}

// FuzzImportTSV checks that any TSV input either fails with a line-numbered
// error or yields a lexicon whose lookups return normalised, non-empty
// English words and which survives Write/Read.
func FuzzImportTSV(f *testing.F) {
	f.Add("chat\tcat\nmaison\thouse\thome\n")
	f.Add("# comment\n\nÉcole\t school \n")
	f.Add("chien\n")
	f.Add("\t\t\n")
	f.Add("a\tb\tc\td\te\tf\tg\th\ti\tj\tk\tl\tm\tn\to\tp\tq\n")
	f.Fuzz(func(t *testing.T, in string) {
		for _, dir := range [][2]string{{"fr", "en"}, {"en", "ru"}} {
			l, err := ImportTSV(context.Background(), strings.NewReader(in), dir[0], dir[1])
			if err != nil {
				if !strings.HasPrefix(err.Error(), "lexicon: tsv line ") {
					t.Fatalf("error without line number: %v", err)
				}
				continue
			}
			lang := dir[0]
			if lang == "en" {
				lang = dir[1]
			}
			for line := range strings.SplitSeq(in, "\n") {
				for field := range strings.SplitSeq(line, "\t") {
					for _, e := range l.ToEnglish(lang, field) {
						if e == "" || !utf8.ValidString(e) || normalizeKey(e) != e {
							t.Fatalf("ToEnglish(%s, %q) returned unnormalised %q", lang, field, e)
						}
					}
				}
			}
			if _, err := Read(bytes.NewReader(encode(t, l))); err != nil {
				t.Fatalf("re-reading an imported lexicon: %v", err)
			}
		}
	})
}

// FuzzParseEntry checks that entry parsing, FreeDict's and WikDict's, never
// panics and only yields normalised candidates of at most maxPhraseWords
// words.
func FuzzParseEntry(f *testing.F) {
	for _, entries := range fixtureDicts {
		for _, e := range entries {
			f.Add(e.text)
		}
	}
	for _, e := range wikDictEntries {
		f.Add(e.text)
	}
	if b, err := os.ReadFile("testdata/freedict-fra-eng.index"); err == nil {
		f.Add(string(b))
	}
	f.Fuzz(func(t *testing.T, text string) {
		for name, parse := range map[string]func(string) []string{"parseEntry": parseEntry, "parseWikDictEntry": parseWikDictEntry} {
			for _, c := range parse(text) {
				if c == "" || normalizeKey(c) != c || strings.Count(c, " ")+1 > maxPhraseWords {
					t.Fatalf("%s(%q) yielded %q", name, text, c)
				}
			}
		}
	})
}

// FuzzScriptEntry checks that the bridge dictionaries' parser never panics
// and only yields normalised Cyrillic candidates of at most maxPhraseWords
// words.
func FuzzScriptEntry(f *testing.F) {
	for _, entries := range bridgeFixtureDicts {
		for _, e := range entries {
			f.Add(e.text)
		}
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, c := range scriptEntry(text, "ru") {
			if c == "" || normalizeKey(c) != c || strings.Count(c, " ")+1 > maxPhraseWords {
				t.Fatalf("scriptEntry(%q) yielded %q", text, c)
			}
			for _, r := range c {
				if unicode.IsLetter(r) && !unicode.Is(unicode.Cyrillic, r) {
					t.Fatalf("scriptEntry(%q) yielded %q, with a non-Cyrillic letter", text, c)
				}
			}
		}
		_ = entryHead(text)
	})
}

// FuzzImportCEDICT checks that any CC-CEDICT input either fails with a
// line-numbered error or yields a lexicon whose lookups of every word of
// the input return normalised, non-empty English words.
func FuzzImportCEDICT(f *testing.F) {
	if b, err := os.ReadFile("testdata/cedict/sample.u8"); err == nil {
		f.Add(string(b))
		for line := range strings.SplitSeq(string(b), "\n") {
			f.Add(line)
		}
	}
	f.Add("政府 政府 [zheng4 fu3]\n")
	f.Add("X Y [] //\n")
	f.Add("甲 乙 [A1] /Ab Cd (1900-)/~'s/(old)/\r\n")
	f.Fuzz(func(t *testing.T, in string) {
		l, err := ImportCEDICT(context.Background(), strings.NewReader(in))
		if err != nil {
			if !strings.HasPrefix(err.Error(), "lexicon: cedict line ") {
				t.Fatalf("error without line number: %v", err)
			}
			return
		}
		for line := range strings.SplitSeq(in, "\n") {
			for field := range strings.FieldsSeq(line) {
				for _, e := range l.ToEnglish("zh", field) {
					if e == "" || !utf8.ValidString(e) || normalizeKey(e) != e {
						t.Fatalf("ToEnglish(zh, %q) returned unnormalised %q", field, e)
					}
				}
			}
		}
	})
}

// FuzzReadLTToolbox feeds arbitrary bytes to the Apertium transducer
// reader: it must not panic, and the lemma pairs and analyses of a file it
// accepts are non-empty valid UTF-8 on both sides.
func FuzzReadLTToolbox(f *testing.F) {
	for _, name := range []string{"ukr-rus.autobil.bin", "hbs-eng.autobil.bin", "ukr-rus.automorf.bin"} {
		b, err := os.ReadFile("testdata/apertium/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
		f.Add(b[:len(b)/2])
	}
	f.Add([]byte("LTTB\x00\x00\x00\x00\x00\x00\x00\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		lt, err := readLTToolbox(bytes.NewReader(data))
		if err != nil {
			return
		}
		for _, p := range append(lt.lemmaPairs(), lt.analyses()...) {
			if p.left == "" || p.right == "" || !utf8.ValidString(p.left) || !utf8.ValidString(p.right) {
				t.Fatalf("bad pair %q", p)
			}
		}
	})
}

// FuzzHunspell checks that any affix and dictionary text either fails to
// read with an error or expands without panicking.
func FuzzHunspell(f *testing.F) {
	for _, name := range []string{"cs_CZ", "hr_HR"} {
		aff, err1 := os.ReadFile(filepath.Join("testdata", "hunspell", name+".aff"))
		dic, err2 := os.ReadFile(filepath.Join("testdata", "hunspell", name+".dic"))
		if err1 != nil || err2 != nil {
			f.Fatal(err1, err2)
		}
		f.Add(string(aff), string(dic))
	}
	f.Add("SFX A Y 1\nSFX A 0 [ .\n", "a/A\n")
	f.Fuzz(func(t *testing.T, aff, dic string) {
		af, err := readAffix(strings.NewReader(aff))
		if err != nil {
			return
		}
		_ = af.readDic(strings.NewReader(dic), func(stem string, flags []string) error {
			n := 0
			af.expand(stem, flags, func(string) { n++ })
			if n > hunspellMaxForms {
				t.Fatalf("%s: %d forms", stem, n)
			}
			return nil
		})
	})
}

// FuzzReadMO feeds arbitrary bytes to the gettext catalogue reader, which
// must fail with an error or return messages, never panic or allocate
// what a corrupt header claims.
func FuzzReadMO(f *testing.F) {
	mo, err := os.ReadFile(filepath.Join("testdata", "names", "locale", "hi", "LC_MESSAGES", "iso_3166-1.mo"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(mo)
	f.Add(mo[:moHeader])
	f.Fuzz(func(t *testing.T, data []byte) {
		msgs, err := readMO(data)
		if err != nil {
			return
		}
		if len(msgs) > len(data)/16 {
			t.Fatalf("%d messages from %d bytes", len(msgs), len(data))
		}
	})
}

// FuzzReadLCTime checks that any locale source either fails with an error
// or yields lists of strings, without panicking.
func FuzzReadLCTime(f *testing.F) {
	src, err := os.ReadFile(filepath.Join("testdata", "names", "i18n", "hi_IN"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(src))
	f.Add("LC_TIME\ncopy \"hi_IN\"\nEND LC_TIME\n")
	f.Add("escape_char \\\nLC_TIME\nday \"a\\\"b\";\\\n \"<U0930>\"\nEND LC_TIME\n")
	f.Fuzz(func(t *testing.T, in string) {
		_, _ = readLCTime(strings.NewReader(in))
	})
}

// FuzzOneWordMessage checks that a catalogue message of any text either
// gives no pair or a pair of one word each: a lower-case English word of
// ASCII letters and a word of letters and marks, both normalised; and
// that the words alignWords takes from it are words, alignMaxWords at
// most a side.
func FuzzOneWordMessage(f *testing.F) {
	for _, m := range [][2]string{{"~Delete", "~Видалити"}, {"~File", "ファイル(~F)"}, {"Name:", "Назва:"}, {"OK", "OK"}, {"Insert ~Table...", "Вставити ~таблицю..."}, {"(A)", "(Б)"}} {
		f.Add(m[0], m[1])
	}
	f.Fuzz(func(t *testing.T, id, str string) {
		if en, tr, ok := alignWords(moMessage{id: id, str: str}); ok {
			if len(en) > alignMaxWords || len(tr) > alignMaxWords || slices.Contains(en, "") || slices.Contains(tr, "") {
				t.Fatalf("alignWords(%q, %q) = %q, %q", id, str, en, tr)
			}
		}
		w, en, ok := oneWordMessage(moMessage{id: id, str: str})
		if !ok {
			if w != "" || en != "" {
				t.Fatalf("no pair, yet %q, %q", w, en)
			}
			return
		}
		if len(en) < 2 || strings.Trim(en, "abcdefghijklmnopqrstuvwxyz") != "" {
			t.Fatalf("English %q from %q: not a lower-case ASCII word", en, id)
		}
		if w == "" || w != normalizeKey(w) || strings.ContainsFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsMark(r) }) {
			t.Fatalf("word %q from %q: not one normalised word", w, str)
		}
	})
}

// FuzzReadExceptions checks that any exception list either fails with a
// line-numbered error or yields pairs of distinct, normalised single
// words.
func FuzzReadExceptions(f *testing.F) {
	for _, name := range []string{"verb.exc", "noun.exc", "adj.exc"} {
		data, err := os.ReadFile(filepath.Join("testdata", "wordnet", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("mice\n"))
	f.Add([]byte("Ä  b\n\x00 \xff\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		pairs, err := ReadExceptions(bytes.NewReader(data))
		if err != nil {
			if !strings.Contains(err.Error(), "line ") {
				t.Fatalf("error without a line number: %v", err)
			}
			return
		}
		for _, p := range pairs {
			if p[0] == "" || p[1] == "" || p[0] == p[1] || strings.ContainsAny(p[0]+p[1], "_ ") ||
				normalizeKey(p[0]) != p[0] || normalizeKey(p[1]) != p[1] {
				t.Fatalf("bad pair %q", p)
			}
		}
	})
}
