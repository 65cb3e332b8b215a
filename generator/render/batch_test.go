package render

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"chronicle/internal/testenv"
)

// TestSiteBatches renders the test site in two batches, the entries and then
// the rest with stubs of the entries, and requires the pages of both, and
// Hugo's page count of the whole site.
func TestSiteBatches(t *testing.T) {
	opts := testSite(t)
	var entries, rest []string
	err := filepath.WalkDir(opts.ContentDir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(opts.ContentDir, p)
		rel = filepath.ToSlash(rel)
		if strings.HasPrefix(rel, "entries/e") {
			entries = append(entries, rel)
		} else {
			rest = append(rest, rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// A stub here is the page with render = "link".
	opts.StubDir = filepath.Join(filepath.Dir(opts.ContentDir), "stubs")
	for _, p := range append(append([]string{}, entries...), rest...) {
		data, err := os.ReadFile(filepath.Join(opts.ContentDir, p))
		if err != nil {
			t.Fatal(err)
		}
		front, body, ok := strings.Cut(strings.TrimPrefix(string(data), "---\n"), "---\n")
		if !ok {
			t.Fatalf("%s has no front matter", p)
		}
		writeTree(t, opts.StubDir, map[string]string{p: "---\n" + front + "build:\n  render: link\n---\n" + body})
	}
	whole := testSite(t)
	want := mustRender(t, whole)

	opts.Batches = []Batch{{Pages: entries, Stubs: rest}, {Pages: rest, Stubs: entries}}
	got := mustRender(t, opts)
	if got.Pages != want.Pages || got.Files != want.Files {
		t.Errorf("batched render: %d pages, %d files; in one go: %d pages, %d files", got.Pages, got.Files, want.Pages, want.Files)
	}
	for _, f := range listFiles(t, whole.PublishDir) {
		if a, b := testenv.ReadFile(t, whole.PublishDir, f), testenv.ReadFile(t, opts.PublishDir, f); a != b {
			t.Errorf("%s differs between the batched render and the render in one go", f)
		}
	}
}

// TestSiteBatchErrors: a batch that names a path outside the content folder,
// a file that is not there, or stubs without a stub folder fails the render
// and says which batch.
func TestSiteBatchErrors(t *testing.T) {
	for _, tc := range []struct {
		name  string
		batch Batch
		stubs bool
		want  string
	}{
		{"outside", Batch{Pages: []string{"../secret.md"}}, false, `"../secret.md" is not a clean relative path`},
		{"absolute", Batch{Pages: []string{"/etc/passwd"}}, false, "is not a clean relative path"},
		{"missing", Batch{Pages: []string{"entries/nope.md"}}, false, "nope.md"},
		{"no stub folder", Batch{Stubs: []string{"entries/e001.md"}}, false, "StubDir is not set"},
		{"missing stub", Batch{Stubs: []string{"entries/e001.md"}}, true, "e001.md"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			opts := testSite(t)
			if tc.stubs {
				opts.StubDir = t.TempDir()
			}
			opts.Batches = []Batch{tc.batch}
			_, err := Site(opts)
			if err == nil || !strings.Contains(err.Error(), "render: batch 1 of 1: ") || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want batch 1 of 1 and %q", err, tc.want)
			}
		})
	}
}
