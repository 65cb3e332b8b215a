package build

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"chronicle/internal/testenv"
)

// fakeSite makes a published site in dir holding one page.
func fakeSite(t *testing.T, dir, page string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "index.html"), []byte(page), 0o644)
}

// TestPublishKeepsGoingWhenTheOldSiteStays: when the previous site cannot be
// removed after the swap (read-only folders in it, say), the new site is
// published all the same, the build says what is left, and the next build
// removes it; no later build fails because of it.
func TestPublishKeepsGoingWhenTheOldSiteStays(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	fakeSite(t, out, "old")
	markOutput(out)
	defer func(f func(string) error) { removeOld = f }(removeOld)
	removeOld = func(string) error { return errors.New("permission denied") }
	for i, page := range []string{"new", "newer"} {
		// Not removed by its done function: the test stands for a build
		// whose cleanup fails as its swap's did.
		stage, _, err := tempDir(dir, stagePattern(out), false)
		if err != nil {
			t.Fatal(err)
		}
		fakeSite(t, filepath.Join(stage, "site"), page)
		warning, err := publish(out, filepath.Join(stage, "site"), stage)
		if err != nil {
			t.Fatalf("publish %d: %v", i, err)
		}
		if !strings.Contains(warning, "the next build removes it") {
			t.Errorf("publish %d: warning %q", i, warning)
		}
		if data, _ := os.ReadFile(filepath.Join(out, "index.html")); string(data) != page {
			t.Fatalf("publish %d: the output holds %q, want %q", i, data, page)
		}
		// The build's own cleanup fails the same way: the stage stays, unlocked.
		temporaries.Lock()
		unlock := temporaries.dirs[stage]
		delete(temporaries.dirs, stage)
		temporaries.Unlock()
		unlock()
		removeOld = func(string) error { return errors.New("permission denied") }
		left, _ := filepath.Glob(filepath.Join(dir, stagePattern(out)))
		if len(left) != 1 {
			t.Fatalf("publish %d: %d staging folders left, want the one that failed", i, len(left))
		}
		did, err := Sweep(out)
		if err != nil || len(did) != 1 {
			t.Fatalf("sweep after publish %d: %v, %v", i, did, err)
		}
		if left, _ := filepath.Glob(filepath.Join(dir, stagePattern(out))); len(left) != 0 {
			t.Fatalf("sweep after publish %d left %v", i, left)
		}
	}
}

// TestSweepLeavesRunningBuilds: a staging folder whose build still runs
// (its lock is held) is not touched.
func TestSweepLeavesRunningBuilds(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	stage, done, err := tempDir(dir, stagePattern(out), false)
	if err != nil {
		t.Fatal(err)
	}
	defer done()
	if did, err := Sweep(out); err != nil || len(did) != 0 {
		t.Fatalf("swept a running build's folder: %v %v", did, err)
	}
	if _, err := os.Stat(stage); err != nil {
		t.Fatal(err)
	}
}

// TestSweepHalfRemoved: a build killed while it removed its finished
// folder leaves it renamed, perhaps without its lock file by then: the next
// Sweep removes it at once. A young folder without a lock file that was
// not being removed is left: its build may be about to lock it.
func TestSweepHalfRemoved(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	young := filepath.Join(dir, ".public-new-1")
	half := filepath.Join(dir, ".public-new-2"+trashSuffix)
	for _, d := range []string{young, half} {
		testenv.WriteFile(t, d, "site/index.html", []byte("x"))
	}
	did, err := Sweep(out)
	if err != nil || len(did) != 1 || !strings.Contains(did[0], half) {
		t.Fatalf("Sweep = %v, %v; want the half-removed folder removed", did, err)
	}
	if _, err := os.Stat(young); err != nil {
		t.Errorf("a young folder without a lock was removed: %v", err)
	}
}

// TestCheckOutSymlink: a symbolic link as --out is refused, whatever it
// points to.
func TestCheckOutSymlink(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "site")
	fakeSite(t, target, "x")
	markOutput(target)
	link := filepath.Join(dir, "link")
	os.Symlink(target, link)
	if err := CheckOut(link, nil); err == nil || !strings.Contains(err.Error(), "symbolic link") {
		t.Fatalf("CheckOut(symlink) = %v", err)
	}
}

// TestPublishedLastsTheBuild: a build that has put its site in place says so
// to a signal's RemoveTemporaries (which then reports the new site, not the
// previous one) until Build returns, and no longer: a signal while serve
// waits for changes, during its next build or while zip packs the site
// leaves that build's previous site. (The mark outlived the build, so
// Ctrl-C in serve said the new site had been published.)
func TestPublishedLastsTheBuild(t *testing.T) {
	published := func() bool {
		swapping.Lock()
		defer swapping.Unlock()
		return swapping.published
	}
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	for _, previous := range []bool{false, true} { // a first site (a rename), then a swap
		stage := filepath.Join(dir, "stage")
		fakeSite(t, filepath.Join(stage, "site"), "new")
		if _, err := publish(out, filepath.Join(stage, "site"), stage); err != nil {
			t.Fatal(err)
		}
		if !published() {
			t.Errorf("previous site %v: once published, the build does not say so", previous)
		}
		endPublished()
		os.RemoveAll(stage)
	}
	if published() {
		t.Fatal("endPublished left the mark")
	}

	s := bbcSite(t, "  1. Envoys meet in Genevapublished at 13:42 Greenwich Mean Time 17 February 2022\n\n    The talks will go on tomorrow.\n\n", "").build()
	if published() {
		t.Error("Build returned, and a signal would still find its site published")
	}
	s.fileContains("index.html", "Envoys meet in Geneva")
}
