package main

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"chronicle/generator/build"
)

// TestServeShowsEdits runs `serve` on a copy of the project, edits a capture
// and then an annotation, and waits for each edit to appear on the served
// pages. It logs how long each took (the figure in docs/PERFORMANCE.md); the
// deadline is generous so that a loaded machine does not fail the test.
func TestServeShowsEdits(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the seed site three times")
	}
	root := t.TempDir()
	for _, d := range []string{"content", "templates", "static"} {
		if err := os.CopyFS(filepath.Join(root, d), os.DirFS(filepath.Join("..", "..", d))); err != nil {
			t.Fatal(err)
		}
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	var errs errorBytes
	done := make(chan error, 1)
	go func() {
		done <- serve(ctx, ln, build.Options{Root: root}, 100*time.Millisecond, io.Discard, &errs)
	}()
	defer func() {
		cancel()
		if err := <-done; err != nil {
			t.Error(err)
		}
	}()
	base := "http://" + ln.Addr().String() + "/"
	waitFor(t, base+"index.html", "<html", 2*time.Minute)

	edits := []struct {
		name, file, old, new, page string
	}{
		{"capture", "content/sources/000_7afe650ce409cb36.txt",
			"The short answer is yes, although it’s largely a frozen conflict.",
			"The short answer is yes: an edited sentence, zqxedit1.",
			"days/2022-02-01.html"},
		{"annotation", "content/annotations/people.toml",
			"who met Sergei Lavrov for talks on Ukraine in Geneva on 21 January 2022.",
			"who met Sergei Lavrov in Geneva: an edited description, zqxedit2.",
			"people/antony-blinken.html"},
	}
	for _, e := range edits {
		path := filepath.Join(root, e.file)
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(data, []byte(e.old)) {
			t.Fatalf("%s does not contain %q", e.file, e.old)
		}
		marker := e.new[strings.LastIndex(e.new, " ")+1 : len(e.new)-1]
		if err := os.WriteFile(path, bytes.Replace(data, []byte(e.old), []byte(e.new), 1), 0o644); err != nil {
			t.Fatal(err)
		}
		took := waitFor(t, base+e.page, marker, time.Minute)
		t.Logf("%s edit shown after %.2fs", e.name, took.Seconds())
	}
	if n := errs.n.Load(); n > 0 {
		t.Errorf("serve reported %d bytes of errors (a failed rebuild)", n)
	}
}

// waitFor polls url until its body contains want, and returns how long that
// took; it fails the test after limit.
func waitFor(t *testing.T, url, want string, limit time.Duration) time.Duration {
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
