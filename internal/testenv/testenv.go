// Package testenv decides what a test does when a tool it needs (Chromium,
// Java, node_modules, a QR decoder) is missing: skip with a message that says
// what to install, or, when CHRONICLE_REQUIRE_BROWSER=1 (as in CI), fail.
package testenv

import (
	"os"
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
