// Package testenv decides what a test does when a tool it needs (Chromium,
// Java, node_modules, a QR decoder) is missing: skip with a message that says
// what to install, or, when CHRONICLE_REQUIRE_BROWSER=1 (as in CI), fail. It
// also has the file helpers tests share, which fail the test on an error.
package testenv

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// RequireEnv is the environment variable that turns skips into failures.
const RequireEnv = "CHRONICLE_REQUIRE_BROWSER"

// Required reports whether RequireEnv forbids skipping.
func Required() bool {
	v := os.Getenv(RequireEnv)
	return v != "" && v != "0" && !strings.EqualFold(v, "false")
}

// Unavailable skips the test with msg, or fails it when Required.
func Unavailable(t testing.TB, msg string) {
	t.Helper()
	if Required() {
		t.Fatalf("%s (%s=1 forbids skipping)", msg, RequireEnv)
	}
	t.Skip(msg)
}

// WriteFile writes data to dir/name (a slash path), making the folders on
// the way; a failure fails the test. It returns the file's path.
func WriteFile(t testing.TB, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// WriteFiles writes each file of files (slash path → text) under dir.
func WriteFiles(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		WriteFile(t, dir, name, []byte(text))
	}
}

// HTMLPage is a small, valid HTML page, clean for axe and the Nu checker:
// the title, a stylesheet style.css beside it, and body inside <main>.
func HTMLPage(title, body string) string {
	return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>` + title + `</title>
<link rel="stylesheet" href="style.css">
</head>
<body>
<main>
` + body + "</main>\n</body>\n</html>\n"
}

// ReadFile is the text of the file dir/name (a slash path).
func ReadFile(t testing.TB, dir, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// ReadTree reads every file under dir: its slash path under dir → its text.
func ReadTree(t testing.TB, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// Node runs a script of the repository at root (scripts/NAME.js) with Node
// and returns what it prints. The test skips (or, when Required, fails)
// when Node or the npm package the script needs (pkg, under
// root/node_modules) is missing.
func Node(t testing.TB, root, pkg, script string, args ...string) []byte {
	t.Helper()
	bin, err := exec.LookPath("node")
	if err != nil {
		Unavailable(t, "this test needs Node (Debian: nodejs)")
	}
	if _, err := os.Stat(filepath.Join(root, "node_modules", filepath.FromSlash(pkg))); err != nil {
		Unavailable(t, "this test needs the npm package "+pkg+": run `npm ci` at the repository's root")
	}
	cmd := exec.Command(bin, append([]string{filepath.Join("scripts", script)}, args...)...)
	cmd.Dir = root
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node scripts/%s: %v\n%s", script, err, stderr.String())
	}
	return out
}
