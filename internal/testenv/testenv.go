// Package testenv decides what a test does when a tool it needs (Chromium,
// Java, node_modules, a QR decoder) is missing: skip with a message that says
// what to install, or, when CHRONICLE_REQUIRE_BROWSER=1 (as in CI), fail.
package testenv

import (
	"os"
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
