package warc

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/nlnwa/gowarc/v3"
)

var update = flag.Bool("update", false, "rewrite testdata/small.warc.gz")

// fixtureDate is the WARC-Date of every record of the fixture.
var fixtureDate = time.Date(2024, 3, 27, 9, 30, 0, 0, time.UTC)

// fixtureRecord is one record of the fixture. corrupt spoils its gzip
// checksum, the kind of damage bit rot leaves.
type fixtureRecord struct {
	typ     gowarc.RecordType
	id      string
	uri     string
	ctype   string // WARC Content-Type
	block   string
	corrupt bool
}

const page1 = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Harbour town opens ferry line</title></head>
<body><article><h1>Harbour town opens ferry line</h1><p>The small harbour town of Port Ellery opened a ferry line on Tuesday.</p>
<p>The mayor said the boats would run twice a day until October.</p></article></body></html>`

const page2 = `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Une ligne de ferry à Port Ellery</title></head>
<body><article><p>La petite ville portuaire de Port Ellery a ouvert mardi une ligne de ferry.</p></article></body></html>`

const page3 = `<?xml version="1.0" encoding="utf-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" lang="de"><head><title>Kirschblüte in Lindenau</title></head>
<body><p>Im Obstgarten von Lindenau blühen die Kirschbäume früher als sonst.</p></body></html>`

// fixtureRecords lists the fixture: three good HTML pages (one plain, one
// chunked, one gzip-encoded XHTML), a corrupt record between them, and the
// records a reader must skip.
func fixtureRecords() []fixtureRecord {
	httpResp := "application/http;msgtype=response"
	return []fixtureRecord{
		{typ: gowarc.Warcinfo, id: "urn:uuid:00000000-0000-4000-8000-000000000000", ctype: "application/warc-fields",
			block: "software: newstrace test fixture\r\nformat: WARC File Format 1.1\r\n"},
		{typ: gowarc.Request, id: "urn:uuid:00000000-0000-4000-8000-000000000001", uri: "https://example.org/news/harbour",
			ctype: "application/http;msgtype=request",
			block: "GET /news/harbour HTTP/1.1\r\nHost: example.org\r\nUser-Agent: newstrace-test\r\n\r\n"},
		{typ: gowarc.Response, id: "urn:uuid:00000000-0000-4000-8000-000000000002", uri: "https://example.org/news/harbour", ctype: httpResp,
			block: httpResponse("200 OK", "text/html; charset=utf-8", nil, []byte(page1))},
		{typ: gowarc.Response, id: "urn:uuid:00000000-0000-4000-8000-000000000003", uri: "https://exemple.fr/port", ctype: httpResp,
			block: httpResponse("200 OK", "text/html; charset=utf-8", []string{"Transfer-Encoding: chunked"}, chunk([]byte(page2), 40))},
		{typ: gowarc.Response, id: "urn:uuid:00000000-0000-4000-8000-000000000004", uri: "https://example.org/news/lost", ctype: httpResp,
			block: httpResponse("200 OK", "text/html", nil, []byte("<html><body><p>A page lost to bit rot.</p></body></html>")), corrupt: true},
		{typ: gowarc.Response, id: "urn:uuid:00000000-0000-4000-8000-000000000005", uri: "https://beispiel.de/obstgarten", ctype: httpResp,
			block: httpResponse("200 OK", "application/xhtml+xml", []string{"Content-Encoding: gzip"}, gzipBytes([]byte(page3)))},
		{typ: gowarc.Response, id: "urn:uuid:00000000-0000-4000-8000-000000000006", uri: "https://example.org/logo.png", ctype: httpResp,
			block: httpResponse("200 OK", "image/png", nil, []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))},
		{typ: gowarc.Response, id: "urn:uuid:00000000-0000-4000-8000-000000000007", uri: "https://example.org/news/gone", ctype: httpResp,
			block: httpResponse("404 Not Found", "text/html", nil, []byte("<html><body>Not found</body></html>"))},
		{typ: gowarc.Metadata, id: "urn:uuid:00000000-0000-4000-8000-000000000008", uri: "https://example.org/news/harbour", ctype: "application/warc-fields",
			block: "via: https://example.org/\r\n"},
		{typ: gowarc.Revisit, id: "urn:uuid:00000000-0000-4000-8000-000000000009", uri: "https://example.org/news/harbour", ctype: httpResp,
			block: "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"},
	}
}

func httpResponse(status, ctype string, extra []string, body []byte) string {
	var b strings.Builder
	fmt.Fprintf(&b, "HTTP/1.1 %s\r\nContent-Type: %s\r\n", status, ctype)
	for _, h := range extra {
		b.WriteString(h + "\r\n")
	}
	b.WriteString("\r\n")
	b.Write(body)
	return b.String()
}

func chunk(body []byte, size int) []byte {
	var b bytes.Buffer
	for len(body) > 0 {
		n := min(size, len(body))
		fmt.Fprintf(&b, "%x\r\n%s\r\n", n, body[:n])
		body = body[n:]
	}
	b.WriteString("0\r\n\r\n")
	return b.Bytes()
}

func gzipBytes(b []byte) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(b)
	zw.Close()
	return buf.Bytes()
}

// writeFixture writes recs as a WARC file, one gzip member per record when
// compress is set, and returns the offset of each record.
func writeFixture(t testing.TB, w io.Writer, recs []fixtureRecord, compress bool) []int64 {
	t.Helper()
	var offsets []int64
	var pos int64
	for _, fr := range recs {
		b := gowarc.NewRecordBuilder(fr.typ, gowarc.WithAddMissingDigest(true))
		b.AddWarcHeader(gowarc.WarcRecordID, "<"+fr.id+">")
		b.AddWarcHeaderTime(gowarc.WarcDate, fixtureDate)
		if fr.uri != "" {
			b.AddWarcHeader(gowarc.WarcTargetURI, fr.uri)
		}
		b.AddWarcHeader(gowarc.ContentType, fr.ctype)
		if fr.typ == gowarc.Revisit {
			b.AddWarcHeader(gowarc.WarcProfile, gowarc.ProfileServerNotModifiedV1_1)
			b.AddWarcHeader(gowarc.WarcRefersTo, "<urn:uuid:00000000-0000-4000-8000-000000000002>")
		}
		if _, err := b.WriteString(fr.block); err != nil {
			t.Fatal(err)
		}
		rec, _, err := b.Build()
		if err != nil {
			t.Fatalf("build %s: %v", fr.id, err)
		}
		var raw bytes.Buffer
		if _, _, err := gowarc.NewMarshaler().Marshal(&raw, rec, 0); err != nil {
			t.Fatalf("marshal %s: %v", fr.id, err)
		}
		rec.Close()
		out := raw.Bytes()
		if compress {
			out = gzipBytes(out)
			if fr.corrupt {
				crc := out[len(out)-8 : len(out)-4]
				binary.LittleEndian.PutUint32(crc, ^binary.LittleEndian.Uint32(crc))
			}
		}
		offsets = append(offsets, pos)
		n, err := w.Write(out)
		if err != nil {
			t.Fatal(err)
		}
		pos += int64(n)
	}
	return offsets
}

// TestGenerateFixture rewrites testdata/small.warc.gz when run with
// -update; TestReaderFixture checks what the committed file holds.
func TestGenerateFixture(t *testing.T) {
	if !*update {
		t.Skip("run with -update to rewrite testdata/small.warc.gz")
	}
	var buf bytes.Buffer
	writeFixture(t, &buf, fixtureRecords(), true)
	if err := os.WriteFile("testdata/small.warc.gz", buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}
