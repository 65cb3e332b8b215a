// Package browser holds test helpers that drive Debian's Chromium headless
// through chromedp, so that tests can look at Chronicle's output the way a
// reader's browser does: which links a page has, what it requests, what it
// logs to the console, how it looks at a given width, how it prints, and
// what axe-core finds wrong with its accessibility.
//
// The helpers never download a browser. They use the Chromium binary that
// $CHROMIUM names, or the one on $PATH (Debian's package chromium installs
// /usr/bin/chromium). When there is none, or when node_modules/axe-core is
// missing, the test is skipped with a message that says what to install;
// with CHRONICLE_REQUIRE_BROWSER=1 in the environment (as in CI) it fails
// instead.
//
// A typical test:
//
//	b := browser.New(t)
//	p := b.Open(t, srv.URL+"/index.html")
//	if errs := p.ConsoleErrors(); len(errs) > 0 {
//		t.Errorf("console errors: %q", errs)
//	}
//	for _, v := range p.Axe(t, browser.AxePath(t)) {
//		t.Errorf("axe: %s", v)
//	}
package browser

import (
	"chronicle/internal/testenv"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// RequireEnv is the environment variable that turns the skips of this
// package (and of internal/vnu) into failures. CI sets it to 1 so that a
// missing browser or tool cannot pass unnoticed.
const RequireEnv = testenv.RequireEnv

// Timeouts of the helpers. A test on a busy two-core machine can be slow, so
// they are generous; they exist so that a stuck browser fails the test
// instead of hanging it until the go test timeout.
const (
	startTimeout = 60 * time.Second
	loadTimeout  = 60 * time.Second
	opTimeout    = 2 * time.Minute
)

// Required reports whether CHRONICLE_REQUIRE_BROWSER asks for the browser
// tools to be present, so that a missing one fails the test instead of
// skipping it.
func Required() bool { return testenv.Required() }

// unavailable skips the test with msg, or fails it when Required.
func unavailable(t testing.TB, msg string) {
	t.Helper()
	testenv.Unavailable(t, msg)
}

// Chromium returns the path of a Chromium binary, or skips the test with the
// message "chromium not found: apt-get install chromium" when there is none
// (it fails the test instead when CHRONICLE_REQUIRE_BROWSER=1). It honours
// $CHROMIUM, which must then name an executable: a $CHROMIUM that names
// nothing usable fails the test, since it is a mistake and not a missing
// tool. Otherwise it looks on $PATH for chromium, chromium-browser,
// google-chrome-stable and google-chrome.
func Chromium(t testing.TB) string {
	t.Helper()
	if p := os.Getenv("CHROMIUM"); p != "" {
		path, err := exec.LookPath(p)
		if err != nil {
			t.Fatalf("$CHROMIUM=%q is not an executable: %v", p, err)
		}
		return path
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome-stable", "google-chrome"} {
		if path, err := exec.LookPath(name); err == nil {
			return path
		}
	}
	unavailable(t, "chromium not found: apt-get install chromium")
	return ""
}

// NodeModules returns the absolute path of the repository's node_modules
// folder, found by walking up from the working directory to the first
// folder that has node_modules/axe-core in it. When there is none it skips
// the test with the message "node_modules/axe-core missing: run npm ci" (or
// fails it when CHRONICLE_REQUIRE_BROWSER=1).
func NodeModules(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatalf("working directory: %v", err)
	}
	if nm, ok := findUp(dir, filepath.Join("node_modules", "axe-core")); ok {
		return filepath.Dir(nm)
	}
	unavailable(t, "node_modules/axe-core missing: run npm ci")
	return ""
}

// AxePath returns the path of node_modules/axe-core/axe.min.js, for
// [Page.Axe]. It skips (or fails) as [NodeModules] does when the file is
// missing.
func AxePath(t testing.TB) string {
	t.Helper()
	p := filepath.Join(NodeModules(t), "axe-core", "axe.min.js")
	if _, err := os.Stat(p); err != nil {
		unavailable(t, "node_modules/axe-core missing: run npm ci")
	}
	return p
}

// findUp looks for rel in dir and in each of its parents, and returns the
// first path that exists.
func findUp(dir, rel string) (string, bool) {
	for {
		p := filepath.Join(dir, rel)
		if _, err := os.Stat(p); err == nil {
			return p, true
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", false
		}
		dir = parent
	}
}

// Browser is a headless Chromium that runs for one test. Make it with
// [New]; the test's cleanup stops it.
type Browser struct {
	ctx context.Context
	out *tailBuffer
}

// Context returns the chromedp context of the browser, for tests that need
// a chromedp action the helpers do not offer. A context made from it with
// chromedp.NewContext is a new tab of this browser.
func (b *Browser) Context() context.Context { return b.ctx }

// Flags returns the command line flags, beyond chromedp's defaults, that
// [New] starts Chromium with, less --user-data-dir, which is a fresh
// t.TempDir() for each browser.
func Flags() []string {
	return []string{
		"--headless",
		"--no-sandbox",
		"--disable-gpu",
		"--no-first-run",
		"--disable-background-networking",
		"--disable-component-update",
		"--disable-sync",
		"--disable-quic",
	}
}

// New starts a headless Chromium for the test, with a fresh profile in
// t.TempDir() and the flags that [Flags] lists, and returns it. The test's
// cleanup stops the browser and its tabs. New skips the test (or fails it)
// as [Chromium] does when there is no browser.
func New(t testing.TB) *Browser {
	t.Helper()
	path := Chromium(t)
	// TempDir first: cleanups run last-in first-out, so the browser stops
	// before its profile folder is removed.
	profile := t.TempDir()

	out := &tailBuffer{max: 16 << 10}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.UserDataDir(profile),
		// With --disable-gpu, Chromium 139 and later need this to render
		// in software.
		chromedp.Flag("enable-unsafe-swiftshader", true),
		chromedp.WindowSize(1280, 800),
		chromedp.CombinedOutput(out),
	)
	for _, f := range Flags() {
		opts = append(opts, chromedp.Flag(strings.TrimPrefix(f, "--"), true))
	}
	allocCtx, allocCancel := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(allocCtx)
	t.Cleanup(func() {
		cancel()
		allocCancel()
	})
	t.Cleanup(func() {
		if t.Failed() {
			if s := strings.TrimSpace(out.String()); s != "" {
				t.Logf("chromium output (tail):\n%s", s)
			}
		}
	})

	// The first Run starts the browser and binds it to the context of that
	// call, so it must get ctx itself and not a context with a timeout. A
	// timer cancels ctx if the start hangs.
	timer := time.AfterFunc(startTimeout, cancel)
	err := chromedp.Do(ctx)
	stopped := timer.Stop()
	if err != nil {
		if !stopped {
			err = fmt.Errorf("no answer within %v: %w", startTimeout, err)
		}
		t.Fatalf("starting %s: %v\n%s", path, err, out.String())
	}
	return &Browser{ctx: ctx, out: out}
}

// tailBuffer keeps the last max bytes written to it. It receives the output
// of the browser process, which the test prints when it fails.
type tailBuffer struct {
	mu  sync.Mutex
	buf []byte
	max int
}

// Write implements io.Writer.
func (b *tailBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.buf = append(b.buf, p...)
	if over := len(b.buf) - b.max; over > 0 {
		b.buf = append(b.buf[:0], b.buf[over:]...)
	}
	return len(p), nil
}

// String returns what the buffer holds.
func (b *tailBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return string(b.buf)
}

// withTimeout runs f with a context derived from ctx that ends after d, and
// says so in the error when the time ran out.
func withTimeout(ctx context.Context, d time.Duration, f func(ctx context.Context) error) error {
	tctx, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	err := f(tctx)
	if err != nil && errors.Is(tctx.Err(), context.DeadlineExceeded) {
		return fmt.Errorf("timed out after %v: %w", d, err)
	}
	return err
}
