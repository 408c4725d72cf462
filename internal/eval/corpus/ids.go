package corpus

import (
	"fmt"
	"hash/fnv"
	"strings"
	"time"

	"github.com/newstrace/newstrace/internal/article"
)

// sanitize makes a string safe inside an article id: ASCII letters, digits,
// '.', '_' and '-' are kept, every other run of runes becomes one '-'.
func sanitize(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range s {
		if r < 0x80 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '_' || r == '-') {
			b.WriteRune(r)
			dash = false
		} else if !dash {
			b.WriteByte('-')
			dash = true
		}
	}
	out := strings.Trim(b.String(), "-")
	if out == "" {
		return "x"
	}
	return out
}

func hash64(s string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(s))
	return h.Sum64()
}

// originalTime is an original's pseudo publication time: base plus a
// number of minutes, within a year, drawn from the hash of its group.
func originalTime(base time.Time, group string) time.Time {
	return base.Add(time.Duration(hash64(group)%(365*24*60)) * time.Minute)
}

// translationTime is one to 48 hours after the original, drawn from the
// hash of the translation's id, so that originals always come first.
func translationTime(orig time.Time, id string) time.Time {
	return orig.Add(time.Duration(60+hash64(id)%(47*60+1)) * time.Minute)
}

// checkUnique returns an error naming the first id that two articles share.
func checkUnique(arts []*article.Article) error {
	seen := make(map[string]bool, len(arts))
	for _, a := range arts {
		if seen[a.ID] {
			return fmt.Errorf("corpus: duplicate article id %q", a.ID)
		}
		seen[a.ID] = true
	}
	return nil
}
