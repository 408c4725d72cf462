package lexicon

import "context"

// Installed names the directories of installed language data that
// AddInstalled adds to a lexicon imported from dictionaries; "" skips one.
type Installed struct {
	LibreOffice string // LibreOffice's translated messages (AddCatalogues)
	Apertium    string // Apertium's language data (AddApertium)
	Hunspell    string // Hunspell's .aff and .dic files (AddHunspell)
	Locale      string // gettext catalogues, iso-codes' among them (AddNames)
	I18n        string // glibc's locale sources (AddNames)
	WordNet     string // WordNet's exception lists (AddWordNet)
}

// DefaultInstalled returns where Debian installs each.
func DefaultInstalled() Installed {
	return Installed{LibreOffice: DefaultLibreOfficeDir, Apertium: DefaultApertiumDir, Hunspell: DefaultHunspellDir, Locale: DefaultLocaleDir, I18n: DefaultI18nDir, WordNet: DefaultWordNetDir}
}

// AddInstalled returns base with, in this order, the one-word messages of
// LibreOffice's catalogues, Apertium's lemmas and word forms, Hunspell's
// word forms, the names of iso-codes and glibc and WordNet's English base
// forms added (AddCatalogues, AddApertium, AddHunspell, AddNames,
// AddWordNet), and every warning they gave. The
// order matters: each step looks words up in what the ones before it
// made (Apertium's Ukrainian analyser reaches a word form through a lemma
// LibreOffice translates). Every import — the command's, the cached one Load
// makes, the evaluation's — goes through here, so that they stay alike.
func AddInstalled(ctx context.Context, base *Lexicon, in Installed) (*Lexicon, []string, error) {
	l := base
	var warnings []string
	steps := []struct {
		skip bool
		add  func(*Lexicon) (*Lexicon, []string, error)
	}{
		{in.LibreOffice == "", func(l *Lexicon) (*Lexicon, []string, error) { return AddCatalogues(ctx, l, in.LibreOffice) }},
		{in.Apertium == "", func(l *Lexicon) (*Lexicon, []string, error) { return AddApertium(ctx, l, in.Apertium) }},
		{in.Hunspell == "", func(l *Lexicon) (*Lexicon, []string, error) { return AddHunspell(ctx, l, in.Hunspell) }},
		{in.Locale == "" && in.I18n == "", func(l *Lexicon) (*Lexicon, []string, error) { return AddNames(ctx, l, in.Locale, in.I18n) }},
		{in.WordNet == "", func(l *Lexicon) (*Lexicon, []string, error) { return AddWordNet(ctx, l, in.WordNet) }},
	}
	for _, s := range steps {
		if s.skip {
			continue
		}
		next, w, err := s.add(l)
		warnings = append(warnings, w...)
		if err != nil {
			return nil, warnings, err
		}
		l = next
	}
	return l, warnings, nil
}
