// Package vnu runs the Nu HTML Checker (v.Nu, the checker behind the W3C's
// HTML validator) on generated HTML from tests, and returns what it finds
// as Go values.
//
// The checker is the vnu.jar of the npm package vnu-jar, which the
// repository's package.json pins: run npm ci once, and the jar is at
// node_modules/vnu-jar/build/dist/vnu.jar. It needs java (Java 8 or later)
// on $PATH. When either is missing, [Check] skips the test with a message
// that says what to install; with CHRONICLE_REQUIRE_BROWSER=1 in the
// environment (as in CI) it fails instead.
//
//	for _, m := range vnu.Check(t, outDir) {
//		t.Errorf("%s", m)
//	}
package vnu

import (
	"bytes"
	"chronicle/internal/testenv"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// RequireEnv is the environment variable that turns the skips of this
// package into failures. It is the one of internal/browser: CI sets it to 1.
const RequireEnv = testenv.RequireEnv

// JarEnv is the environment variable that can name vnu.jar, instead of the
// one in node_modules.
const JarEnv = "VNU_JAR"

// jarRel is where the npm package vnu-jar keeps the checker.
var jarRel = filepath.Join("node_modules", "vnu-jar", "build", "dist", "vnu.jar")

// timeout bounds one run of the checker, so that a stuck JVM fails the test
// instead of hanging it.
const timeout = 10 * time.Minute

// Message is one error that the checker reports.
type Message struct {
	// File is the checked file: for [Check], its path relative to the
	// checked folder, with forward slashes; for [CheckFiles] and [Run], the
	// path as the checker reports it.
	File string
	// Line and Column are where the error starts, from 1; 0 when the
	// checker gives no place (for example for a file it could not read).
	Line, Column int
	// Message is the checker's text.
	Message string
	// Type is the checker's kind of message: "error" for a document
	// error, "non-document-error" for a failure to read or parse a file.
	Type string
	// Extract is the piece of the source around the error, when the
	// checker gives one.
	Extract string
}

// String returns "file:line:column: message".
func (m Message) String() string {
	return fmt.Sprintf("%s:%d:%d: %s", m.File, m.Line, m.Column, m.Message)
}

// unavailable skips the test with msg, or fails it when required.
func unavailable(t testing.TB, msg string) {
	t.Helper()
	testenv.Unavailable(t, msg)
}

// Java returns the path of the java command, or skips the test with the
// message "java not found: apt-get install default-jre-headless" (or fails
// it when CHRONICLE_REQUIRE_BROWSER=1).
func Java(t testing.TB) string {
	t.Helper()
	p, err := exec.LookPath("java")
	if err != nil {
		unavailable(t, "java not found: apt-get install default-jre-headless")
	}
	return p
}

// Jar returns the path of vnu.jar: the one $VNU_JAR names, or
// node_modules/vnu-jar/build/dist/vnu.jar in the working directory or the
// nearest of its parents that has one. When there is none it skips the test
// with the message "node_modules/vnu-jar missing: run npm ci" (or fails it
// when CHRONICLE_REQUIRE_BROWSER=1).
func Jar(t testing.TB) string {
	t.Helper()
	if p := os.Getenv(JarEnv); p != "" {
		if _, err := os.Stat(p); err != nil {
			t.Fatalf("$%s: %v", JarEnv, err)
		}
		return p
	}
	dir, err := os.Getwd()
	if err != nil {
		t.Fatalf("working directory: %v", err)
	}
	for {
		p := filepath.Join(dir, jarRel)
		if _, err := os.Stat(p); err == nil {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			break
		}
		dir = parent
	}
	unavailable(t, "node_modules/vnu-jar missing: run npm ci")
	return ""
}

// Check runs the checker on every HTML file under dir (it skips other
// files) and returns the errors it finds, with File relative to dir; none
// for valid HTML. Warnings are left out. A dir that holds no .html, .htm or
// .xhtml file fails the test, since checking nothing proves nothing. Check
// skips the test (or fails it) as [Java] and [Jar] do when the checker
// cannot run.
func Check(t testing.TB, dir string) []Message {
	t.Helper()
	abs, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	err = filepath.WalkDir(abs, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		switch strings.ToLower(filepath.Ext(p)) {
		case ".html", ".htm", ".xhtml":
			if !d.IsDir() {
				n++
			}
		}
		return nil
	})
	if err != nil {
		t.Fatalf("vnu: %v", err)
	}
	if n == 0 {
		t.Fatalf("vnu: no HTML file under %s", dir)
	}
	java, jar := Java(t), Jar(t)
	msgs, err := run(t, java, jar, abs)
	if err != nil {
		t.Fatalf("vnu on %s: %v", dir, err)
	}
	for i := range msgs {
		if rel, err := filepath.Rel(abs, msgs[i].File); err == nil && !strings.HasPrefix(rel, "..") {
			msgs[i].File = filepath.ToSlash(rel)
		}
	}
	return msgs
}

// CheckFiles is like [Check] for a list of files. A file that does not
// exist fails the test (the checker itself would pass it in silence).
func CheckFiles(t testing.TB, files ...string) []Message {
	t.Helper()
	if len(files) == 0 {
		t.Fatal("vnu: CheckFiles with no file")
	}
	abs := make([]string, len(files))
	for i, f := range files {
		a, err := filepath.Abs(f)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := os.Stat(a); err != nil {
			t.Fatalf("vnu: %v", err)
		}
		abs[i] = a
	}
	java, jar := Java(t), Jar(t)
	msgs, err := run(t, java, jar, abs...)
	if err != nil {
		t.Fatalf("vnu: %v", err)
	}
	return msgs
}

// run runs the checker with a timeout.
func run(t testing.TB, java, jar string, paths ...string) ([]Message, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	return Run(ctx, java, jar, paths...)
}

// Run runs `java -jar jar --errors-only --format json --skip-non-html
// --stdout PATHS...` and returns the errors the checker reports, with File
// the path of the checked file as the checker reports it. The paths are
// files or folders; the checker walks folders. Run returns an error when
// the checker could not run or its output is not what it should be, and
// not for errors in the HTML.
func Run(ctx context.Context, java, jar string, paths ...string) ([]Message, error) {
	args := append([]string{"-jar", jar, "--errors-only", "--format", "json", "--skip-non-html", "--stdout"}, paths...)
	cmd := exec.CommandContext(ctx, java, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	// The checker exits 1 when it found errors; anything else is a failure
	// to run.
	var exit *exec.ExitError
	if err != nil && !(errors.As(err, &exit) && exit.ExitCode() == 1) {
		return nil, fmt.Errorf("%s %s: %v\n%s%s", java, strings.Join(args, " "), err, stdout.Bytes(), stderr.Bytes())
	}
	msgs, perr := Parse(stdout.Bytes())
	if perr != nil {
		return nil, fmt.Errorf("%v\nstderr: %s", perr, stderr.Bytes())
	}
	if err != nil && len(msgs) == 0 {
		return nil, fmt.Errorf("the checker failed (%v) and reported nothing: %s", err, stderr.Bytes())
	}
	return msgs, nil
}

// Parse decodes the checker's JSON output (--format json) and returns its
// errors and non-document errors, with File the local path of each file:
// URL. It leaves out messages of type "info" (warnings), which
// --errors-only also drops.
func Parse(out []byte) ([]Message, error) {
	var doc struct {
		Messages *[]struct {
			Type        string `json:"type"`
			URL         string `json:"url"`
			FirstLine   int    `json:"firstLine"`
			LastLine    int    `json:"lastLine"`
			FirstColumn int    `json:"firstColumn"`
			LastColumn  int    `json:"lastColumn"`
			Message     string `json:"message"`
			Extract     string `json:"extract"`
		} `json:"messages"`
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		return nil, fmt.Errorf("decoding the checker's output: %v: %q", err, abbrev(out))
	}
	if doc.Messages == nil {
		return nil, fmt.Errorf("the checker's output has no messages: %q", abbrev(out))
	}
	var msgs []Message
	for _, m := range *doc.Messages {
		if m.Type == "info" {
			continue
		}
		line := m.FirstLine
		if line == 0 {
			line = m.LastLine
		}
		col := m.FirstColumn
		if col == 0 {
			col = m.LastColumn
		}
		msgs = append(msgs, Message{
			File:    localPath(m.URL),
			Line:    line,
			Column:  col,
			Message: m.Message,
			Type:    m.Type,
			Extract: m.Extract,
		})
	}
	return msgs, nil
}

// localPath turns the checker's file: URL into a clean local path, and
// leaves any other string as it is.
func localPath(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Scheme != "file" {
		return raw
	}
	p := u.Path
	if p == "" {
		p = u.Opaque
	}
	return filepath.Clean(filepath.FromSlash(p))
}

// abbrev shortens the output for an error message.
func abbrev(b []byte) string {
	const max = 500
	if len(b) > max {
		return string(b[:max]) + "…"
	}
	return string(b)
}
