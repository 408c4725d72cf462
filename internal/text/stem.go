package text

import (
	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/arabic"
	"github.com/blevesearch/snowballstem/danish"
	"github.com/blevesearch/snowballstem/dutch"
	"github.com/blevesearch/snowballstem/english"
	"github.com/blevesearch/snowballstem/finnish"
	"github.com/blevesearch/snowballstem/french"
	"github.com/blevesearch/snowballstem/german"
	"github.com/blevesearch/snowballstem/hungarian"
	"github.com/blevesearch/snowballstem/irish"
	"github.com/blevesearch/snowballstem/italian"
	"github.com/blevesearch/snowballstem/norwegian"
	"github.com/blevesearch/snowballstem/portuguese"
	"github.com/blevesearch/snowballstem/romanian"
	"github.com/blevesearch/snowballstem/russian"
	"github.com/blevesearch/snowballstem/spanish"
	"github.com/blevesearch/snowballstem/swedish"
	"github.com/blevesearch/snowballstem/tamil"
	"github.com/blevesearch/snowballstem/turkish"
)

// stemmerFor returns the Snowball stemmer of a primary language tag, or
// nil where Snowball has none (the language is then matched on whole
// words, which copy detection tolerates: both sides are treated alike).
func stemmerFor(lang string) func(string) string {
	var stem func(*snowballstem.Env) bool
	switch lang {
	case "ar":
		stem = arabic.Stem
	case "da":
		stem = danish.Stem
	case "nl":
		stem = dutch.Stem
	case "en":
		stem = english.Stem
	case "fi":
		stem = finnish.Stem
	case "fr":
		stem = french.Stem
	case "de":
		stem = german.Stem
	case "hu":
		stem = hungarian.Stem
	case "ga":
		stem = irish.Stem
	case "it":
		stem = italian.Stem
	case "no", "nb", "nn":
		stem = norwegian.Stem
	case "pt":
		stem = portuguese.Stem
	case "ro":
		stem = romanian.Stem
	case "ru":
		stem = russian.Stem
	case "es":
		stem = spanish.Stem
	case "sv":
		stem = swedish.Stem
	case "ta":
		stem = tamil.Stem
	case "tr":
		stem = turkish.Stem
	default:
		return nil
	}
	return func(w string) string {
		env := snowballstem.NewEnv(w)
		stem(env)
		return env.Current()
	}
}
