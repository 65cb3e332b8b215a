package build

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"chronicle/generator/entry"
	"chronicle/generator/export"
	"chronicle/internal/sitecheck"
	"chronicle/internal/testenv"
)

// repo is the project's own folder, holding the seeds and the templates.
const repo = "../.."

// buildSite builds a project into a temporary folder and parses the result.
func buildSite(t *testing.T, root string) (*Report, *sitecheck.Site) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	r, err := Build(Options{Root: root, Out: out, BaseURL: seedURL})
	if err != nil {
		t.Fatal(err)
	}
	site, err := sitecheck.Load(out)
	if err != nil {
		t.Fatal(err)
	}
	return r, site
}

// seedURL is the public address the seed site is built for in tests.
const seedURL = "https://chronicle.example.org/"

// seed is the seed chronicle built once for the package's tests (seedSite).
var seed struct {
	once sync.Once
	dir  string
	rep  *Report
	site *sitecheck.Site
	err  error
}

// seedSite returns the seed chronicle as the build publishes it, built
// once for all the tests of the package that only read it: the site must
// not be changed (a test that changes or rebuilds it builds its own).
func seedSite(t testing.TB) (*Report, *sitecheck.Site) {
	t.Helper()
	seed.once.Do(func() {
		if seed.dir, seed.err = os.MkdirTemp("", "chronicle-seed-test-"); seed.err != nil {
			return
		}
		out := filepath.Join(seed.dir, "public")
		if seed.rep, seed.err = Build(Options{Root: repo, Out: out, BaseURL: seedURL}); seed.err == nil {
			seed.site, seed.err = sitecheck.Load(out)
		}
	})
	if seed.err != nil {
		t.Fatal(seed.err)
	}
	return seed.rep, seed.site
}

// project makes a small project: the given captures (name → text, with
// sidecars), no annotations, and the repository's templates and static files.
func project(t testing.TB, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	src := filepath.Join(root, "content", "sources")
	os.MkdirAll(src, 0o755)
	for name, text := range files {
		os.WriteFile(filepath.Join(src, name), []byte(text), 0o644)
	}
	return root // built with the theme inside the binary
}

// TestOwnFilesOverTheme: a chronicle's own template or static file
// replaces the theme's of the same path, and its other static files join
// the site, as a Hugo site overrides its theme.
func TestOwnFilesOverTheme(t *testing.T) {
	root := project(t, map[string]string{"a.txt": hostileCapture, "a.toml": bbcSidecar})
	testenv.WriteFiles(t, root, map[string]string{
		"templates/_partials/site-footer.html": `<footer class="site-footer"><p>Our own footer</p></footer>`,
		"static/images/logo.svg":               `<svg xmlns="http://www.w3.org/2000/svg"/>`,
	})
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Build(Options{Root: root, Out: out}); err != nil {
		t.Fatal(err)
	}
	home, _ := os.ReadFile(filepath.Join(out, "index.html"))
	if !strings.Contains(string(home), "<p>Our own footer</p>") || strings.Contains(string(home), `class="credit"`) {
		t.Error("the chronicle's own footer does not replace the theme's")
	}
	if !strings.Contains(string(home), `class="site-header"`) {
		t.Error("the theme's header is gone")
	}
	if _, err := os.Stat(filepath.Join(out, "images", "logo.svg")); err != nil {
		t.Errorf("the chronicle's own static file is not in the site: %v", err)
	}
}

// TestSeedSite builds the seeds and checks the pages and links a reader needs.
func TestSeedSite(t *testing.T) {
	c, err := Load(repo, "")
	if err != nil {
		t.Fatal(err)
	}
	r, site := seedSite(t)
	if r.Entries != 149 {
		t.Errorf("%d entries", r.Entries)
	}
	must := func(path string) *sitecheck.Page {
		t.Helper()
		p := site.Pages[path]
		if p == nil {
			t.Errorf("missing page %s", path)
		}
		return p
	}
	for _, p := range []string{"index.html", "404.html", "glossary.html", "about.html", "days/index.html", "people/index.html"} {
		must(p)
	}
	for _, f := range []string{"index.xml", "feed.json", "sitemap.xml", "entries.json", "entries.csv", "captures/000_7afe650ce409cb36.txt"} {
		if _, err := os.Stat(filepath.Join(r.Out, f)); err != nil {
			t.Errorf("missing %s", f)
		}
	}
	checkDownloads(t, r.Out, c)
	if len(c.Days) != 6 {
		t.Fatalf("%d days", len(c.Days))
	}
	onDay := map[string]int{}
	for i, d := range c.Days {
		p := must("days/" + d.Date + ".html")
		if p == nil {
			continue
		}
		for _, e := range d.Entries {
			if p.IDs[e] {
				onDay[e]++
			}
		}
		links := strings.Join(site.LinksFrom(p.Path), " ")
		if i > 0 && !strings.Contains(links, "days/"+c.Days[i-1].Date+".html") {
			t.Errorf("%s does not link to the previous day", p.Path)
		}
		if i+1 < len(c.Days) && !strings.Contains(links, "days/"+c.Days[i+1].Date+".html") {
			t.Errorf("%s does not link to the next day", p.Path)
		}
	}
	for _, pub := range []string{"bbc", "independent"} {
		must("publishers/" + pub + ".html")
	}
	for _, e := range c.Entries {
		if onDay[e.ID] != 1 {
			t.Errorf("entry %s is on %d day pages, want 1", e.ID, onDay[e.ID])
		}
		p := must("entries/" + e.ID + ".html")
		if p == nil {
			continue
		}
		links := strings.Join(site.LinksFrom(p.Path), " ")
		want := []string{"days/" + e.Time.UTC().Format("2006-01-02") + ".html", "publishers/" + e.PublisherID + ".html"}
		for _, id := range e.People {
			want = append(want, "people/"+id+".html")
		}
		for _, a := range e.Authors {
			want = append(want, "people/"+a.Person+".html")
			must("people/" + a.Person + ".html")
		}
		for _, w := range want {
			if !strings.Contains(links, w) {
				t.Errorf("%s does not link to %s", p.Path, w)
			}
		}
	}
	// The first use of a glossary term links to its definition on the page.
	termLinks := 0
	for name, p := range site.Pages {
		if strings.HasPrefix(name, "entries/") {
			termLinks += strings.Count(p.HTML, `class="term"`)
		}
	}
	if termLinks < 50 {
		t.Errorf("only %d glossary term links in entry pages", termLinks)
	}
	broken, _ := site.BrokenLinks(false)
	for _, b := range broken {
		t.Error(b)
	}
}

// TestCaptureTextIsShownNotRun puts markup in a capture: the pages show it as
// written and nothing of it runs.
func TestCaptureTextIsShownNotRun(t *testing.T) {
	text := "Summary\n\n  • <b>bold</b> summary\n\n" +
		"  1. <script>alert(1)</script> in a titlepublished at 10:00 Greenwich Mean Time 1 March 2022\n\n" +
		"    Body with <script>alert(1)</script> and *stars* and [x](javascript:alert(1)) and {{< shortcode >}} and {{% md %}}.\n\n" +
		"    # not a heading & <img src=x onerror=alert(1)>\n"
	root := project(t, map[string]string{"evil.txt": text, "evil.toml": "format = \"bbc-live\"\n"})
	r, site := buildSite(t, root)
	if r.Entries != 1 {
		t.Fatalf("%d entries", r.Entries)
	}
	var entryPage *sitecheck.Page
	for name, p := range site.Pages {
		if strings.HasPrefix(name, "entries/") && name != "entries/index.html" {
			entryPage = p
		}
	}
	if entryPage == nil {
		t.Fatal("no entry page")
	}
	for name, p := range site.Pages {
		// The site's own scripts may run; nothing from the capture may.
		for _, a := range p.Active {
			if !strings.HasPrefix(a, "<script src=") || strings.Contains(a, "alert") {
				t.Errorf("%s: active content %s", name, a)
			}
		}
		if p.Tags["b"] > 0 || p.Tags["img"] > 0 {
			t.Errorf("%s: capture markup became HTML elements", name)
		}
	}
	for _, shown := range []string{"Body with <script>alert(1)</script> and *stars* and [x](javascript:alert(1)) and {{< shortcode >}} and {{% md %}}.",
		"# not a heading & <img src=x onerror=alert(1)>", "<script>alert(1)</script> in a title"} {
		if !strings.Contains(entryPage.Text, shown) {
			t.Errorf("entry page does not show %q literally; text:\n%s", shown, entryPage.Text)
		}
	}
}

// TestBuildsAreIdentical builds the seeds twice and compares every byte.
func TestBuildsAreIdentical(t *testing.T) {
	a, _ := seedSite(t)
	b, _ := buildSite(t, repo)
	files := 0
	err := filepath.WalkDir(a.Out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(a.Out, p)
		x, _ := os.ReadFile(p)
		y, err := os.ReadFile(filepath.Join(b.Out, rel))
		if err != nil || !bytes.Equal(x, y) {
			t.Errorf("%s differs between two builds", rel)
		}
		files++
		return nil
	})
	if err != nil || files < 200 {
		t.Fatalf("compared %d files: %v", files, err)
	}
}

// TestFailedBuildKeepsPrevious breaks a template after a good build: the next
// build fails and the previous site is untouched.
func TestFailedBuildKeepsPrevious(t *testing.T) {
	root := project(t, map[string]string{"000.txt": mustRead(t, filepath.Join(repo, "content/sources/000_7afe650ce409cb36.txt")),
		"000.toml": mustRead(t, filepath.Join(repo, "content/sources/000_7afe650ce409cb36.toml"))})
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Build(Options{Root: root, Out: out}); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, out)
	// Replace the templates with a copy whose home page cannot render.
	os.Remove(filepath.Join(root, "templates"))
	copyDir(t, filepath.Join(repo, "templates"), filepath.Join(root, "templates"))
	os.WriteFile(filepath.Join(root, "templates", "home.html"), []byte(`{{ define "main" }}{{ .Nonsense.Call }}{{ end }}`), 0o644)
	if _, err := Build(Options{Root: root, Out: out}); err == nil {
		t.Fatal("a broken template built")
	}
	if after := snapshot(t, out); after != before {
		t.Error("the failed build changed the previous site")
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	if len(entries) != 1 {
		t.Errorf("the failed build left files beside the site: %v", entries)
	}
}

func mustRead(t *testing.T, p string) string {
	t.Helper()
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// snapshot lists every file of a folder with its contents' length and hash.
func snapshot(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			data, _ := os.ReadFile(p)
			b.WriteString(p + " " + string(rune(len(data))) + string(data[:min(len(data), 64)]) + "\n")
		}
		return nil
	})
	return b.String()
}

func copyDir(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// checkDownloads checks the data a researcher downloads from the site: every
// entry in entries.json (the same array as chronicle export gives) and in
// entries.csv, and every capture byte for byte.
func checkDownloads(t *testing.T, site string, c *entry.Chronicle) {
	t.Helper()
	var want bytes.Buffer
	ds := DatasetOf(seedSiteFile().Title, seedURL, CiteDay(os.Getenv))
	ds.Entries, ds.Captures = c.Entries, c.Captures
	if err := export.CompactJSON(&want, ds); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(site, "entries.json"))
	if err != nil {
		t.Fatal(err)
	}
	var entries []map[string]any
	if err := json.Unmarshal(got, &entries); err != nil || len(entries) != len(c.Entries) {
		t.Errorf("entries.json: %d entries, %v; want %d", len(entries), err, len(c.Entries))
	}
	if !bytes.Equal(got, want.Bytes()) {
		t.Error("entries.json differs from the export of the same entries")
	}
	f, err := os.Open(filepath.Join(site, "entries.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil || len(rows) != len(c.Entries)+1 || rows[0][0] != "id" {
		t.Errorf("entries.csv: %d rows, %v; want a header and %d entries", len(rows), err, len(c.Entries))
	}
	for _, cp := range c.Captures {
		src, err := os.ReadFile(cp.Path)
		if err != nil {
			t.Fatal(err)
		}
		if copied, err := os.ReadFile(filepath.Join(site, "captures", cp.File)); err != nil || !bytes.Equal(copied, src) {
			t.Errorf("captures/%s is not the capture byte for byte (%v)", cp.File, err)
		}
	}
}
