package lexicon

import (
	"bytes"
	"context"
	"testing"
	"time"
)

func TestExplore(t *testing.T) {
	start := time.Now()
	l, warns, err := ImportDir(context.Background(), "/usr/share/dictd")
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("import %v warnings %q", time.Since(start), warns)
	t.Logf("stats %v vocab %d", l.Stats(), len(l.vocab))
	var buf bytes.Buffer
	l.Write(&buf)
	t.Logf("size %d", buf.Len())
	start = time.Now()
	if _, err := Read(bytes.NewReader(buf.Bytes())); err != nil {
		t.Fatal(err)
	}
	t.Logf("read %v", time.Since(start))
	for _, q := range [][2]string{{"fr", "chat"}, {"fr", "chats"}, {"fr", "ecole"}, {"fr", "maison"}, {"fr", "mangeaient"}, {"de", "Haus"}, {"de", "Häuser"}, {"de", "gehen"}, {"de", "ging"}, {"de", "machen"}, {"de", "Regierung"}, {"es", "perro"}, {"es", "perros"}, {"it", "cane"}, {"ru", "дом"}, {"ru", "дома"}, {"ru", "кошка"}, {"ru", "правительство"}, {"pl", "dom"}, {"pl", "rząd"}, {"pl", "pies"}, {"hi", "घर"}, {"hi", "कुत्ता"}, {"cs", "pes"}, {"cs", "vláda"}, {"cs", "dům"}, {"fr", "gouvernement"}, {"de", "und"}, {"fr", "le"}} {
		t.Logf("%s %s → %q", q[0], q[1], l.ToEnglish(q[0], q[1]))
	}
}
