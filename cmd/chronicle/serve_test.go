package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"chronicle/generator/build"
)

// serveEdit is an edit to the served project and the page that shows it.
type serveEdit struct {
	name, file, old, new, page string
}

// serveEdits are a capture edit and an annotation edit. new ends in a
// marker word (before the full stop) that the page then shows.
var serveEdits = []serveEdit{
	{"capture", "content/sources/000_7afe650ce409cb36.txt",
		"The short answer is yes, although it’s largely a frozen conflict.",
		"The short answer is yes: an edited sentence, zqxedit1.",
		"days/2022-02-01.html"},
	{"annotation", "content/annotations/people.toml",
		"who met Sergei Lavrov for talks on Ukraine in Geneva on 21 January 2022.",
		"who met Sergei Lavrov in Geneva: an edited description, zqxedit2.",
		"people/antony-blinken.html"},
}

// startServe runs serve, polling every interval, on a copy of the project,
// waits for the first build, and returns the copy's folder and the site's
// address. The server stops when the test ends; a failed rebuild fails it.
func startServe(tb testing.TB, interval time.Duration) (root, base string) {
	tb.Helper()
	root = tb.TempDir()
	for _, d := range []string{"content", "templates", "static"} {
		if err := os.CopyFS(filepath.Join(root, d), os.DirFS(filepath.Join("..", "..", d))); err != nil {
			tb.Fatal(err)
		}
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	errs := &errorBytes{}
	done := make(chan error, 1)
	go func() {
		done <- serve(ctx, ln, build.Options{Root: root}, interval, io.Discard, errs)
	}()
	tb.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			tb.Error(err)
		}
		if n := errs.n.Load(); n > 0 {
			tb.Errorf("serve reported %d bytes of errors (a failed rebuild)", n)
		}
	})
	base = "http://" + ln.Addr().String() + "/"
	waitFor(tb, base+"index.html", "<html", 2*time.Minute)
	return root, base
}

// apply replaces from with to in the edit's file of the project at root,
// and waits until the served page shows to's last word; it returns how long
// that took.
func (e serveEdit) apply(tb testing.TB, root, base, from, to string) time.Duration {
	tb.Helper()
	path := filepath.Join(root, e.file)
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	if !bytes.Contains(data, []byte(from)) {
		tb.Fatalf("%s does not contain %q", e.file, from)
	}
	if err := os.WriteFile(path, bytes.Replace(data, []byte(from), []byte(to), 1), 0o644); err != nil {
		tb.Fatal(err)
	}
	return waitFor(tb, base+e.page, lastWord(to), time.Minute)
}

// lastWord is a sentence's last word without its full stop: the marker the
// page shows once it is rebuilt.
func lastWord(s string) string { return strings.TrimSuffix(s[strings.LastIndex(s, " ")+1:], ".") }

// TestServeShowsEdits runs `serve` on a copy of the project, edits a capture
// and then an annotation, and waits for each edit to appear on the served
// pages. The deadline is generous so that a loaded machine does not fail
// the test; BenchmarkServeEdit measures how long an edit takes to show.
func TestServeShowsEdits(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the seed site three times")
	}
	root, base := startServe(t, 100*time.Millisecond)
	for _, e := range serveEdits {
		took := e.apply(t, root, base, e.old, e.new)
		t.Logf("%s edit shown after %.2fs", e.name, took.Seconds())
	}
}

// BenchmarkServeEdit measures how long an edit takes to show on the page
// `chronicle serve` serves, polling as often as it does by default: from
// saving the file to the page having the new text (issue 8 asks for at most
// 2 seconds). One op is one edit and its rebuild.
//
//	go test -run '^$' -bench ServeEdit -benchtime 5x ./cmd/chronicle/
func BenchmarkServeEdit(b *testing.B) {
	for _, e := range serveEdits {
		b.Run(e.name, func(b *testing.B) {
			root, base := startServe(b, defaultPoll)
			var worst time.Duration
			from := e.old
			for i := 0; b.Loop(); i++ {
				to := strings.Replace(e.new, lastWord(e.new), fmt.Sprintf("zqxbench%d", i), 1)
				worst = max(worst, e.apply(b, root, base, from, to))
				from = to
			}
			b.ReportMetric(worst.Seconds(), "worst-s")
		})
	}
}

// waitFor polls url until its body contains want, and returns how long that
// took; it fails the test after limit.
func waitFor(t testing.TB, url, want string, limit time.Duration) time.Duration {
	t.Helper()
	start := time.Now()
	for time.Since(start) < limit {
		if resp, err := http.Get(url); err == nil {
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK && bytes.Contains(body, []byte(want)) {
				return time.Since(start)
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("%s did not show %q within %s", url, want, limit)
	return 0
}

// errorBytes counts what serve writes as errors; a failed rebuild would
// write its error there.
type errorBytes struct{ n atomic.Int64 }

func (e *errorBytes) Write(p []byte) (int, error) {
	e.n.Add(int64(len(p)))
	return len(p), nil
}

// TestSiteHandler: serve sends netlify.toml's headers, a folder's
// index.html, the site's 404 page for a missing address (deep ones too),
// and never a listing of a folder or a hidden file.
func TestSiteHandler(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "days"), 0o755)
	os.MkdirAll(filepath.Join(dir, "css"), 0o755)
	os.WriteFile(filepath.Join(dir, "index.html"), []byte("home"), 0o644)
	os.WriteFile(filepath.Join(dir, "404.html"), []byte("not here"), 0o644)
	os.WriteFile(filepath.Join(dir, "css", "a.css"), []byte("body{}"), 0o644)
	os.WriteFile(filepath.Join(dir, ".chronicle-site"), []byte("mark"), 0o644)
	rules, err := loadHeaders(filepath.Join("..", "..", "netlify.toml"))
	if err != nil || len(rules) == 0 {
		t.Fatalf("netlify.toml: %d rules, %v", len(rules), err)
	}
	srv := httptest.NewServer(siteHandler(dir, rules))
	defer srv.Close()
	for _, c := range []struct {
		path, body string
		status     int
		header     string
	}{
		{"/", "home", 200, "Content-Security-Policy"},
		{"/index.html", "home", 200, "Strict-Transport-Security"},
		{"/days/", "not here", 404, "Content-Security-Policy"},
		{"/days", "not here", 404, ""},
		{"/missing/deep/page.html", "not here", 404, ""},
		{"/.chronicle-site", "not here", 404, ""},
		{"/../../etc/passwd", "not here", 404, ""},
		{"/css/a.css", "body{}", 200, "Cache-Control"},
	} {
		resp, err := http.Get(srv.URL + c.path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != c.status || string(body) != c.body {
			t.Errorf("GET %s: %d %q, want %d %q", c.path, resp.StatusCode, body, c.status, c.body)
		}
		if c.header != "" && resp.Header.Get(c.header) == "" {
			t.Errorf("GET %s: no %s header", c.path, c.header)
		}
	}
}

// TestWatchSeesEarlyEdits: an edit made after serve took its fingerprint
// but before the watcher's first poll (as when the first build has just
// been served) is seen. The watcher once fingerprinted the project itself
// when its goroutine started, so an edit in that gap was never built.
func TestWatchSeesEarlyEdits(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "a.txt")
	os.WriteFile(file, []byte("before"), 0o644)
	seen := fingerprint([]string{dir})
	os.WriteFile(file, []byte("after, longer"), 0o644)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	changed := make(chan struct{}, 1)
	go watch(ctx, []string{dir}, seen, 10*time.Millisecond, func() { changed <- struct{}{} })
	select {
	case <-changed:
	case <-time.After(5 * time.Second):
		t.Fatal("an edit made before the watcher's first poll was not seen")
	}
}
