package vnu_test

import (
	"path/filepath"
	"strings"
	"testing"

	"chronicle/internal/testenv"
	"chronicle/internal/vnu"
)

var valid = testenv.HTMLPage("Valid", "<p>Fine.</p>\n")

const invalid = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Invalid</title></head>
<body>
<p><div>block in a paragraph</div></p>
<img src="a.png">
</body>
</html>
`

func write(t *testing.T, dir, name, body string) string {
	t.Helper()
	return testenv.WriteFile(t, dir, name, []byte(body))
}

func TestCheck(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "valid.html", valid)
	write(t, dir, "sub/invalid.html", invalid)
	write(t, dir, "style.css", "this is { not html")

	msgs := vnu.Check(t, dir)
	for _, m := range msgs {
		t.Logf("%s", m)
		if m.File != "sub/invalid.html" {
			t.Errorf("message for %q, want only sub/invalid.html: %s", m.File, m)
		}
		if m.Type != "error" {
			t.Errorf("type %q, want error: %s", m.Type, m)
		}
	}
	var stray, alt bool
	for _, m := range msgs {
		if m.Line == 5 && strings.Contains(m.Message, "“p”") {
			stray = true
		}
		if m.Line == 6 && m.Column == 1 && strings.Contains(m.Message, "“alt”") {
			alt = true
		}
	}
	if !stray || !alt {
		t.Errorf("want the stray </p> on line 5 and the missing alt on line 6, col 1; got %v", msgs)
	}
}

func TestCheckFiles(t *testing.T) {
	dir := t.TempDir()
	good := write(t, dir, "valid.html", valid)
	if msgs := vnu.CheckFiles(t, good); len(msgs) != 0 {
		t.Errorf("valid HTML has errors: %v", msgs)
	}
	bad := write(t, dir, "invalid.html", invalid)
	msgs := vnu.CheckFiles(t, good, bad)
	if len(msgs) == 0 {
		t.Fatal("invalid HTML has no error")
	}
	for _, m := range msgs {
		if m.File != bad {
			t.Errorf("File %q, want %q", m.File, bad)
		}
	}
}

func TestParse(t *testing.T) {
	out := `{"version":"x","messages":[
{"type":"error","url":"file:/tmp/a%20b/./x.html","lastLine":3,"firstColumn":2,"lastColumn":5,"message":"Bad."},
{"type":"info","subType":"warning","url":"file:/tmp/x.html","lastLine":1,"message":"Warn."},
{"type":"error","url":"file:/tmp/y.html","firstLine":7,"lastLine":9,"firstColumn":4,"message":"Long."},
{"type":"non-document-error","url":"file:/tmp/z.html","message":"Cannot read."}]}`
	msgs, err := vnu.Parse([]byte(out))
	if err != nil {
		t.Fatal(err)
	}
	want := []vnu.Message{
		{File: filepath.FromSlash("/tmp/a b/x.html"), Line: 3, Column: 2, Message: "Bad.", Type: "error"},
		{File: filepath.FromSlash("/tmp/y.html"), Line: 7, Column: 4, Message: "Long.", Type: "error"},
		{File: filepath.FromSlash("/tmp/z.html"), Message: "Cannot read.", Type: "non-document-error"},
	}
	if len(msgs) != len(want) {
		t.Fatalf("Parse = %v, want %v", msgs, want)
	}
	for i := range want {
		if msgs[i] != want[i] {
			t.Errorf("message %d = %+v, want %+v", i, msgs[i], want[i])
		}
	}
	if got := msgs[0].String(); got != filepath.FromSlash("/tmp/a b/x.html")+":3:2: Bad." {
		t.Errorf("String = %q", got)
	}
	for _, bad := range []string{"", "not json", `{"version":"x"}`} {
		if _, err := vnu.Parse([]byte(bad)); err == nil {
			t.Errorf("Parse(%q) gave no error", bad)
		}
	}
}
