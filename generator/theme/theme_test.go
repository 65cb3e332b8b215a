package theme

import (
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
)

// TestWrite: the theme's files are laid out, a chronicle's own file at the
// same path replaces the theme's, its other files join them, and names
// that start with "." are left out.
func TestWrite(t *testing.T) {
	base := fstest.MapFS{
		"templates/baseof.html":             {Data: []byte("theme base")},
		"templates/_partials/footer.html":   {Data: []byte("theme footer")},
		"static/css/site.css":               {Data: []byte("theme css")},
		"templates/.editor-backup.html.swp": {Data: []byte("no")},
	}
	root := t.TempDir()
	for name, text := range map[string]string{
		"templates/_partials/footer.html": "own footer",
		"static/images/logo.svg":          "own logo",
		"static/.DS_Store":                "no",
	} {
		p := filepath.Join(root, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(text), 0o644)
	}
	d, err := Write(filepath.Join(t.TempDir(), "theme"), base, root)
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{
		"templates/baseof.html":           "theme base",
		"templates/_partials/footer.html": "own footer",
		"static/css/site.css":             "theme css",
		"static/images/logo.svg":          "own logo",
	} {
		got, err := os.ReadFile(filepath.Join(filepath.Dir(d.Templates), filepath.FromSlash(name)))
		if err != nil || string(got) != want {
			t.Errorf("%s = %q, %v; want %q", name, got, err, want)
		}
	}
	for _, name := range []string{"templates/.editor-backup.html.swp", "static/.DS_Store"} {
		if _, err := os.Stat(filepath.Join(filepath.Dir(d.Templates), filepath.FromSlash(name))); err == nil {
			t.Errorf("%s was copied", name)
		}
	}
}
