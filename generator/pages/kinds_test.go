package pages

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestKinds: every kind has its own name and its own addresses, its list
// page and its pages sit where its route says, and every kind whose pages
// live in a section has that section's layout in the project's templates.
func TestKinds(t *testing.T) {
	names := map[string]bool{}
	routes := map[string]string{}
	for _, k := range kinds {
		if names[k.Name()] {
			t.Errorf("two kinds are named %q", k.Name())
		}
		names[k.Name()] = true
		for _, id := range []string{"", "some-id"} {
			r := k.Route(id)
			if !strings.HasSuffix(r, ".md") || strings.HasPrefix(r, "/") {
				t.Errorf("%s: Route(%q) = %q, want a content path ending in .md", k.Name(), id, r)
			}
			if other, ok := routes[r]; ok && other != k.Name() && id != "" {
				t.Errorf("%s and %s both route %q to %s", k.Name(), other, id, r)
			}
			routes[r] = k.Name()
		}
		// Hugo picks a page's layout by its top section: <section>/single.html.
		if sec, _, ok := strings.Cut(k.Route("some-id"), "/"); ok && k.Route("some-id") != k.Route("") {
			layout := filepath.Join("..", "..", "templates", sec, "single.html")
			if _, err := os.Stat(layout); err != nil {
				t.Errorf("%s: no layout %s", k.Name(), layout)
			}
		}
	}
	r := Routes()
	for _, c := range []struct{ kind, page, list string }{
		{"person", "/people/%s", "/people"},
		{"entry", "/entries/%s", "/entries"},
		{"day-handout", "/handouts/days/%s", "/handouts/days"},
		{"glossary", "/glossary", "/glossary"},
		{"home", "/", "/"},
		{"handouts", "/handouts", "/handouts"},
		{"search", "/search", "/search"},
	} {
		if got := r[c.kind]; got["page"] != c.page || got["list"] != c.list {
			t.Errorf("Routes()[%q] = %v, want page %q and list %q", c.kind, got, c.page, c.list)
		}
	}
}

// TestTemplatesSpellNoAddress: templates find pages through page.html (the
// kinds' routes) or a link or path the front matter holds; none spells a page's
// address itself: no GetPage of a literal, and no string that starts with
// the folder of a kind's pages ("/people/…", "entries/…"), in a format or
// not. page.html, which reads the routes, is the one exception.
func TestTemplatesSpellNoAddress(t *testing.T) {
	var folders []string
	for _, r := range Routes() {
		if dir := strings.Trim(path.Dir(r["page"]), "/"); dir != "" && dir != "." {
			folders = append(folders, regexp.QuoteMeta(dir))
		}
	}
	slices.Sort(folders)
	spelled := regexp.MustCompile(`GetPage\s+"|"/?(` + strings.Join(folders, "|") + `)/`)
	if !spelled.MatchString(`printf "/people/%s"`) || !spelled.MatchString(`"handouts/days/x"`) || spelled.MatchString(`"entries.json"`) {
		t.Fatalf("the pattern %s does not tell addresses from other strings", spelled)
	}
	root := filepath.Join("..", "..", "templates")
	err := filepath.WalkDir(root, func(file string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Base(file) == "page.html" {
			return err
		}
		data, err := os.ReadFile(file)
		if err != nil {
			return err
		}
		for i, line := range strings.Split(string(data), "\n") {
			if m := spelled.FindString(line); m != "" {
				rel, _ := filepath.Rel(root, file)
				t.Errorf("templates/%s:%d spells an address (%s…): use a link of the front matter (generator/pages links.go) or partial \"page.html\" (dict \"kind\" …)", filepath.ToSlash(rel), i+1, m)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
