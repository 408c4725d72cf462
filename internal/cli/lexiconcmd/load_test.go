package lexiconcmd

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newstrace/newstrace/internal/lexicon"
)

// With neither a lexicon file nor dictionaries, Load warns once and the
// caller goes on without a lexicon.
func TestLoadMissing(t *testing.T) {
	dir := t.TempDir()
	var warn bytes.Buffer
	lex, err := load(context.Background(), filepath.Join(dir, "lexicon.bin"), sources{dict: filepath.Join(dir, "no-dictd")}, "", &warn, nil)
	if err != nil || lex != nil {
		t.Fatalf("load = %v, %v; want nil, nil", lex, err)
	}
	if got := warn.String(); strings.Count(got, "lexicon missing") != 1 {
		t.Errorf("warning %q, want one 'lexicon missing' line", got)
	}
}

// A corrupt lexicon file is an error, not a silent fallback.
func TestLoadCorrupt(t *testing.T) {
	path := filepath.Join(t.TempDir(), "lexicon.bin")
	if err := os.WriteFile(path, []byte("not a lexicon"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := load(context.Background(), path, sources{}, "", nil, nil); err == nil {
		t.Error("corrupt lexicon: no error")
	}
}

// Installing CC-CEDICT beside the FreeDict dictionaries, or only it,
// changes the key of the cached import.
func TestDictKeyCEDICT(t *testing.T) {
	dir := t.TempDir()
	if _, ok := dictKey(sources{dict: dir}); ok {
		t.Error("empty dir: dictKey reports dictionaries")
	}
	if err := os.WriteFile(filepath.Join(dir, "freedict-fra-eng.index"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	before, _ := dictKey(sources{dict: dir})
	if err := os.WriteFile(filepath.Join(dir, "cedict_ts.u8"), []byte("政府 政府 [zheng4 fu3] /government/\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	after, ok := dictKey(sources{dict: dir})
	if !ok || after == before {
		t.Errorf("dictKey after installing cedict_ts.u8 = %s, %v; want a new key", after, ok)
	}
	if err := os.Remove(filepath.Join(dir, "freedict-fra-eng.index")); err != nil {
		t.Fatal(err)
	}
	if _, ok := dictKey(sources{dict: dir}); !ok {
		t.Error("dir with only cedict_ts.u8: dictKey reports no dictionaries")
	}
}

// Load imports a dictionary directory that holds only CC-CEDICT.
func TestLoadCEDICTOnly(t *testing.T) {
	dir := t.TempDir()
	dicts := filepath.Join(dir, "dictd")
	if err := os.Mkdir(dicts, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dicts, "cedict_ts.u8"), []byte("政府 政府 [zheng4 fu3] /government/\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var warn, notice bytes.Buffer
	lex, err := load(context.Background(), filepath.Join(dir, "lexicon.bin"), sources{dict: dicts}, filepath.Join(dir, "cache"), &warn, &notice)
	if err != nil || lex == nil {
		t.Fatalf("load = %v, %v; want a lexicon", lex, err)
	}
	if !strings.Contains(notice.String(), "importing the dictionaries installed in "+dicts) {
		t.Errorf("notice %q does not say the import began", notice.String())
	}
	notice.Reset()
	if _, err := load(context.Background(), filepath.Join(dir, "lexicon.bin"), sources{dict: dicts}, filepath.Join(dir, "cache"), &warn, &notice); err != nil || notice.Len() != 0 {
		t.Errorf("second load: %v, notice %q; want the cached import, silently", err, notice.String())
	}
	if got := lex.ToEnglish("zh", "政府"); len(got) != 1 || got[0] != "government" {
		t.Errorf("ToEnglish(zh, 政府) = %q, want [government]", got)
	}
	if warn.Len() != 0 {
		t.Errorf("warning %q, want none", warn.String())
	}
}

// Installing an Apertium bilingual dictionary changes the key too.
func TestDictKeyApertium(t *testing.T) {
	dir, ap := t.TempDir(), t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "freedict-fra-eng.index"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	before, _ := dictKey(sources{dict: dir, Installed: lexicon.Installed{Apertium: ap}})
	pair := filepath.Join(ap, "apertium-rus-ukr")
	if err := os.Mkdir(pair, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(pair, "ukr-rus.autobil.bin"), []byte("LTTB"), 0o644); err != nil {
		t.Fatal(err)
	}
	if after, _ := dictKey(sources{dict: dir, Installed: lexicon.Installed{Apertium: ap}}); after == before {
		t.Errorf("dictKey after installing ukr-rus.autobil.bin = %s, unchanged", after)
	}
}

// Installing a Hunspell dictionary that the import reads changes the key.
func TestDictKeyHunspell(t *testing.T) {
	dir, hs := t.TempDir(), t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "freedict-ces-eng.index"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	before, _ := dictKey(sources{dict: dir, Installed: lexicon.Installed{Hunspell: hs}})
	for _, name := range []string{"cs_CZ.aff", "cs_CZ.dic"} {
		if err := os.WriteFile(filepath.Join(hs, name), []byte("SET UTF-8\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if after, _ := dictKey(sources{dict: dir, Installed: lexicon.Installed{Hunspell: hs}}); after == before {
		t.Errorf("dictKey after installing cs_CZ.aff = %s, unchanged", after)
	}
}

// Installing WordNet's exception lists changes the key.
func TestDictKeyWordNet(t *testing.T) {
	dir, wn := t.TempDir(), t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "freedict-deu-eng.index"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	before, _ := dictKey(sources{dict: dir, Installed: lexicon.Installed{WordNet: wn}})
	if err := os.WriteFile(filepath.Join(wn, "verb.exc"), []byte("bought buy\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if after, _ := dictKey(sources{dict: dir, Installed: lexicon.Installed{WordNet: wn}}); after == before {
		t.Errorf("dictKey after installing verb.exc = %s, unchanged", after)
	}
}

// Installing iso-codes' catalogue for a language, or glibc's locale
// source, changes the key.
func TestDictKeyNames(t *testing.T) {
	dir, loc, i18n := t.TempDir(), t.TempDir(), t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "freedict-hin-eng.index"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	src := sources{dict: dir, Installed: lexicon.Installed{Locale: loc, I18n: i18n}}
	before, _ := dictKey(src)
	msgs := filepath.Join(loc, "hi", "LC_MESSAGES")
	if err := os.MkdirAll(msgs, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(msgs, "iso_3166-1.mo"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	withISO, _ := dictKey(src)
	if withISO == before {
		t.Errorf("dictKey after installing hi/LC_MESSAGES/iso_3166-1.mo = %s, unchanged", withISO)
	}
	if err := os.WriteFile(filepath.Join(i18n, "hi_IN"), []byte("LC_TIME\nEND LC_TIME\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if after, _ := dictKey(src); after == withISO {
		t.Errorf("dictKey after installing hi_IN = %s, unchanged", after)
	}
}

// Installing a language's LibreOffice catalogues changes the key.
func TestDictKeyCatalogues(t *testing.T) {
	dir, lo := t.TempDir(), t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "freedict-ces-eng.index"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	src := sources{dict: dir, Installed: lexicon.Installed{LibreOffice: lo}}
	before, _ := dictKey(src)
	msgs := filepath.Join(lo, "uk", "LC_MESSAGES")
	if err := os.MkdirAll(msgs, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(msgs, "sw.mo"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if after, _ := dictKey(src); after == before {
		t.Errorf("dictKey after installing uk/LC_MESSAGES/sw.mo = %s, unchanged", after)
	}
}
