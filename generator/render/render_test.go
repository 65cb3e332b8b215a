package render

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"chronicle/internal/testenv"
)

// testLayouts are the templates of the tiny test site, in the v0.146+ layout
// naming.
var testLayouts = map[string]string{
	"baseof.html": `<!doctype html>
<html lang="{{ site.Language.Locale }}">
<head>
<meta charset="utf-8">
<title>{{ .Title }} – {{ site.Title }}</title>
{{ with resources.Get "css/site.css" }}{{ with . | fingerprint "sha256" }}<link rel="stylesheet" href="{{ .RelPermalink }}">{{ end }}{{ end }}
</head>
<body>
{{ partial "nav.html" . }}
<main>{{ block "main" . }}{{ end }}</main>
{{ if site.Params.offline }}<p id="mode">offline</p>{{ else }}<p id="mode">online</p>{{ end }}
<p id="motto">{{ site.Params.motto }}</p>
</body>
</html>
`,
	"_partials/nav.html": `<nav><a id="home" href="{{ site.Home.RelPermalink }}">Home</a>
{{ range site.Sections }}<a class="section" href="{{ .RelPermalink }}">{{ .Title }}</a>
{{ end }}</nav>`,
	"home.html": `{{ define "main" }}<h1>{{ .Title }}</h1>
{{ .Content }}
<ul>
{{ range site.RegularPages.ByTitle }}<li><a class="page" href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}</ul>
{{ end }}`,
	"list.html": `{{ define "main" }}<h1>{{ .Title }}</h1>
{{ $p := .Paginate .Pages.ByTitle }}
<ul>
{{ range $p.Pages }}<li><a class="page" href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}</ul>
{{ with $p.Prev }}<a class="prev" href="{{ .URL }}">prev</a>{{ end }}
{{ with $p.Next }}<a class="next" href="{{ .URL }}">next</a>{{ end }}
{{ end }}`,
	"single.html": `{{ define "main" }}<article><h1>{{ .Title }}</h1>
<time>{{ .Date.Format "2006-01-02" }}</time>
{{ .Content }}
{{ with .Parent }}<a class="up" href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}
</article>{{ end }}`,
	"home.jsonfeed.json": `{{- $items := slice -}}
{{- range site.RegularPages.ByTitle -}}
{{- $items = $items | append (dict "id" (print site.Params.address (strings.TrimPrefix "/" .RelPermalink)) "url" (print site.Params.address (strings.TrimPrefix "/" .RelPermalink)) "title" .Title "date_published" (.Date.Format "2006-01-02T15:04:05Z07:00")) -}}
{{- end -}}
{{- dict "version" "https://jsonfeed.org/version/1.1" "title" site.Title "home_page_url" (print site.Params.address (strings.TrimPrefix "/" site.Home.RelPermalink)) "items" $items | jsonify (dict "indent" "  ") -}}
`,
	"sitemap.xml": `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
{{ range .Pages }}<url><loc>{{ print site.Params.address (strings.TrimPrefix "/" .RelPermalink) }}</loc></url>{{ end }}
</urlset>
`,
}

// testContent is the Markdown tree of the tiny test site.
var testContent = map[string]string{
	"_index.md":              "---\ntitle: Chronicle\n---\nWelcome *home*.\n",
	"days/_index.md":         "---\ntitle: Days\n---\n",
	"days/2022-02-01.md":     "---\ntitle: Tuesday 1 February 2022\ndate: 2022-02-01T00:00:00Z\n---\nThe first day. &lt;script&gt;alert(1)&lt;/script&gt; \\*not emphasis\\*\n",
	"days/2022-02-02.md":     "---\ntitle: Wednesday 2 February 2022\ndate: 2022-02-02T00:00:00Z\n---\nThe second day.\n",
	"people/_index.md":       "---\ntitle: People\n---\n",
	"people/alice/index.md":  "---\ntitle: Alice\ndate: 2022-02-01T10:00:00Z\n---\nA person, as a leaf bundle.\n",
	"people/press/_index.md": "---\ntitle: Press\n---\n",
	"people/press/bob.md":    "---\ntitle: Bob\ndate: 2022-02-01T11:00:00Z\n---\nA journalist.\n",
	"about.md":               "---\ntitle: About\ndate: 2022-01-01T00:00:00Z\n---\nAbout this site. \"Quoted\" -- as written.\n\nSee [the first day]({{< relref \"days/2022-02-01.md\" >}}) and [the second](/days/2022-02-02.html).\n",
}

// testRegular is the number of regular pages in testContent.
const testRegular = 5

// entryPages is how many pages the entries section gets: more than one pager
// (pagerSize 50) so that pagination pages are rendered.
const entryPages = 51

func writeTree(t testing.TB, root string, files map[string]string) {
	t.Helper()
	testenv.WriteFiles(t, root, files)
}

// testSite writes the test site into a new temp dir and returns Options for
// it (PublishDir is dir/public).
func testSite(t testing.TB) Options {
	t.Helper()
	dir := t.TempDir()
	content := map[string]string{"entries/_index.md": "---\ntitle: Entries\n---\n"}
	for k, v := range testContent {
		content[k] = v
	}
	for i := 1; i <= entryPages; i++ {
		content[fmt.Sprintf("entries/e%03d.md", i)] = fmt.Sprintf("---\ntitle: Entry %03d\ndate: 2022-02-01T%02d:%02d:00Z\n---\nEntry body %d.\n", i, i/60, i%60, i)
	}
	writeTree(t, filepath.Join(dir, "content"), content)
	writeTree(t, filepath.Join(dir, "templates"), testLayouts)
	writeTree(t, filepath.Join(dir, "static"), map[string]string{
		"css/site.css": "body { margin: 0 }\n", // an asset: published fingerprinted
		"img/note.txt": "a static file\n",
		".hidden":      "not copied",
	})
	return Options{
		ContentDir: filepath.Join(dir, "content"),
		LayoutsDir: filepath.Join(dir, "templates"),
		StaticDir:  filepath.Join(dir, "static"),
		PublishDir: filepath.Join(dir, "public"),
		WorkDir:    filepath.Join(dir, "work"),
		BaseURL:    "https://chronicle.example.org/",
		Title:      "Test Chronicle",
		Params:     map[string]any{"motto": "Facts first"},
	}
}

func mustRender(t testing.TB, opts Options) Stats {
	t.Helper()
	st, err := Site(opts)
	if err != nil {
		t.Fatalf("Site: %v", err)
	}
	return st
}

// renderedSite renders the test site and returns its publish folder.
func renderedSite(t testing.TB) string {
	t.Helper()
	opts := testSite(t)
	mustRender(t, opts)
	return opts.PublishDir
}

// listFiles returns the slash-separated paths of all files under root, sorted.
func listFiles(t testing.TB, root string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			rel, _ := filepath.Rel(root, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(out)
	return out
}

var hrefRe = regexp.MustCompile(`(?:href|src)="([^"]*)"`)

// links returns the href and src values of an HTML document.
func links(html string) []string {
	var out []string
	for _, m := range hrefRe.FindAllStringSubmatch(html, -1) {
		out = append(out, m[1])
	}
	return out
}

func TestSiteURLShapes(t *testing.T) {
	opts := testSite(t)
	st := mustRender(t, opts)
	pub := opts.PublishDir

	for _, name := range []string{
		"index.html",                // home
		"days/index.html",           // section list
		"days/2022-02-01.html",      // regular page
		"days/2022-02-02.html",      // regular page
		"people/index.html",         // section list
		"people/alice.html",         // leaf bundle
		"about.html",                // regular page at the root
		"entries/index.html",        // section list, pager 1
		"entries/page/2/index.html", // pager 2
		"entries/e001.html",
		"index.xml",    // RSS
		"feed.json",    // JSON Feed
		"sitemap.xml",  // sitemap
		"img/note.txt", // static
	} {
		if _, err := os.Stat(filepath.Join(pub, filepath.FromSlash(name))); err != nil {
			t.Errorf("missing %s: %v\nfiles: %v", name, err, listFiles(t, pub))
		}
	}
	for _, name := range []string{"css/site.css", "entries/page/1/index.html", "robots.txt", "tags/index.html", "categories/index.html", ".hidden", "days.html", "entries/page/2.html"} {
		if _, err := os.Stat(filepath.Join(pub, filepath.FromSlash(name))); err == nil {
			t.Errorf("unexpected %s", name)
		}
	}

	want := 1 + 4 + testRegular + entryPages // home, 4 sections, regular pages
	if st.Pages != want {
		t.Errorf("Stats.Pages = %d, want %d", st.Pages, want)
	}
	files := listFiles(t, pub)
	if st.Files != len(files) {
		t.Errorf("Stats.Files = %d, want %d", st.Files, len(files))
	}
	var size int64
	for _, f := range files {
		fi, _ := os.Stat(filepath.Join(pub, f))
		size += fi.Size()
	}
	if st.Bytes != size {
		t.Errorf("Stats.Bytes = %d, want %d", st.Bytes, size)
	}
	if got := testenv.ReadFile(t, pub, "img/note.txt"); got != "a static file\n" {
		t.Errorf("static file = %q", got)
	}
	// The stylesheet is there once, under its fingerprinted name.
	css, _ := filepath.Glob(filepath.Join(pub, "css", "site.*.css"))
	if len(css) != 1 || testenv.ReadFile(t, pub, "css/"+filepath.Base(css[0])) != "body { margin: 0 }\n" {
		t.Errorf("fingerprinted stylesheets: %v", css)
	}
}

// TestSiteRelativeLinks checks that every link in every HTML page is relative,
// ends in a file name and resolves to a file in the publish folder.
func TestSiteRelativeLinks(t *testing.T) {
	pub := renderedSite(t)

	home := testenv.ReadFile(t, pub, "index.html")
	if !strings.Contains(home, `href="./days/2022-02-01.html"`) {
		t.Errorf("home does not link to days/2022-02-01.html relatively:\n%s", home)
	}
	day := testenv.ReadFile(t, pub, "days/2022-02-01.html")
	if !strings.Contains(day, `href="../index.html"`) || !strings.Contains(day, `href="../days/index.html"`) {
		t.Errorf("day page links:\n%v", links(day))
	}
	if !strings.Contains(day, "&lt;script&gt;alert(1)&lt;/script&gt; *not emphasis*") {
		t.Errorf("escaped Markdown not shown as written:\n%s", day)
	}
	about := testenv.ReadFile(t, pub, "about.html")
	for _, want := range []string{`<a href="./days/2022-02-01.html">the first day</a>`, `<a href="./days/2022-02-02.html">the second</a>`, `&quot;Quoted&quot; -- as written.`} {
		if !strings.Contains(about, want) {
			t.Errorf("about.html lacks %s:\n%s", want, about)
		}
	}
	p2 := testenv.ReadFile(t, pub, "entries/page/2/index.html")
	if !strings.Contains(p2, `class="prev" href="../../../entries/index.html"`) {
		t.Errorf("pager 2 prev link: %v", links(p2))
	}

	checked := 0
	for _, f := range listFiles(t, pub) {
		if path.Ext(f) != ".html" {
			continue
		}
		for _, l := range links(testenv.ReadFile(t, pub, f)) {
			if strings.HasPrefix(l, "/") || strings.Contains(l, "://") {
				t.Errorf("%s: link %q is not relative", f, l)
				continue
			}
			if strings.HasSuffix(l, "/") || path.Ext(l) == "" {
				t.Errorf("%s: link %q does not end in a file name", f, l)
				continue
			}
			target := path.Join(path.Dir(f), l)
			if _, err := os.Stat(filepath.Join(pub, filepath.FromSlash(target))); err != nil {
				t.Errorf("%s: link %q → %s does not exist", f, l, target)
			}
			checked++
		}
	}
	if checked < 100 {
		t.Errorf("only %d links checked", checked)
	}
}

func TestSiteFeeds(t *testing.T) {
	pub := renderedSite(t)

	feed := testenv.ReadFile(t, pub, "feed.json")
	var jf struct {
		Version string
		Items   []struct{ URL string }
	}
	if err := json.Unmarshal([]byte(feed), &jf); err != nil {
		t.Fatalf("feed.json: %v\n%s", err, feed)
	}
	if len(jf.Items) != testRegular+entryPages || !strings.HasPrefix(jf.Items[0].URL, "https://chronicle.example.org/") {
		t.Errorf("feed.json items: %d, first %+v", len(jf.Items), jf.Items[0])
	}
	for _, name := range []string{"index.xml", "sitemap.xml"} {
		d := xml.NewDecoder(strings.NewReader(testenv.ReadFile(t, pub, name)))
		for {
			_, err := d.Token()
			if err != nil {
				if err.Error() != "EOF" {
					t.Errorf("%s: %v", name, err)
				}
				break
			}
		}
	}
	sm := testenv.ReadFile(t, pub, "sitemap.xml")
	if !strings.Contains(sm, "<loc>https://chronicle.example.org/days/2022-02-01.html</loc>") {
		t.Errorf("sitemap.xml:\n%s", sm)
	}
	home := testenv.ReadFile(t, pub, "index.html")
	if strings.Contains(home, "generator") {
		t.Errorf("generator tag injected")
	}
}

func TestSiteDeterministic(t *testing.T) {
	a := testSite(t)
	b := a
	b.PublishDir = filepath.Join(filepath.Dir(a.PublishDir), "public2")
	b.WorkDir = filepath.Join(filepath.Dir(a.PublishDir), "work2")
	mustRender(t, a)
	mustRender(t, b)

	fa, fb := listFiles(t, a.PublishDir), listFiles(t, b.PublishDir)
	if strings.Join(fa, "\n") != strings.Join(fb, "\n") {
		t.Fatalf("file lists differ:\n%v\n%v", fa, fb)
	}
	for _, f := range fa {
		x, y := testenv.ReadFile(t, a.PublishDir, f), testenv.ReadFile(t, b.PublishDir, f)
		if x != y {
			t.Errorf("%s differs between two renders", f)
		}
	}
}

func TestSiteParamsOffline(t *testing.T) {
	for _, offline := range []bool{false, true} {
		opts := testSite(t)
		opts.Offline = offline
		mustRender(t, opts)
		home := testenv.ReadFile(t, opts.PublishDir, "index.html")
		want := map[bool]string{false: `<p id="mode">online</p>`, true: `<p id="mode">offline</p>`}[offline]
		if !strings.Contains(home, want) {
			t.Errorf("Offline=%v: home lacks %s", offline, want)
		}
		if !strings.Contains(home, `<p id="motto">Facts first</p>`) {
			t.Errorf("Params.motto did not reach the template")
		}
	}
}

func TestSiteTemplateError(t *testing.T) {
	opts := testSite(t)
	writeTree(t, opts.LayoutsDir, map[string]string{
		"single.html": `{{ define "main" }}{{ .Title | nosuchfunc }}{{ end }}`,
	})
	_, err := Site(opts)
	if err == nil {
		t.Fatal("no error for a broken template")
	}
	if !strings.HasPrefix(err.Error(), "render: ") || !strings.Contains(err.Error(), "single.html") {
		t.Errorf("error does not name the template: %v", err)
	}

	opts = testSite(t)
	writeTree(t, opts.LayoutsDir, map[string]string{
		"single.html": `{{ define "main" }}{{ .Title.NoSuchField }}{{ end }}`,
	})
	_, err = Site(opts)
	if err == nil {
		t.Fatal("no error for a template that fails to execute")
	}
	if !strings.HasPrefix(err.Error(), "render: ") || !strings.Contains(err.Error(), "single.html") {
		t.Errorf("error does not name the template: %v", err)
	}
}

// TestSiteRawHTML checks that raw HTML in the Markdown, which goldmark omits
// (renderer.unsafe = false), fails the render: the write stage must escape it.
func TestSiteRawHTML(t *testing.T) {
	opts := testSite(t)
	writeTree(t, opts.ContentDir, map[string]string{"days/2022-02-02.md": "---\ntitle: Raw\n---\n<script>alert(1)</script>\n"})
	_, err := Site(opts)
	if err == nil || !strings.Contains(err.Error(), "Raw HTML omitted") || !strings.Contains(err.Error(), "2022-02-02.md") {
		t.Fatalf("want a raw-HTML error naming the file, got %v", err)
	}
}

func TestSiteMissingLayout(t *testing.T) {
	opts := testSite(t)
	if err := os.Remove(filepath.Join(opts.LayoutsDir, "home.jsonfeed.json")); err != nil {
		t.Fatal(err)
	}
	_, err := Site(opts)
	if err == nil || !strings.HasPrefix(err.Error(), "render: ") {
		t.Fatalf("want an error for a missing layout (a Hugo warning), got %v", err)
	}
}

func TestSiteOptionsChecked(t *testing.T) {
	opts := testSite(t)
	if err := os.MkdirAll(opts.PublishDir, 0o755); err != nil {
		t.Fatal(err)
	}
	writeTree(t, opts.PublishDir, map[string]string{"old.html": "x"})
	if _, err := Site(opts); err == nil || !strings.Contains(err.Error(), "not empty") {
		t.Errorf("non-empty PublishDir: %v", err)
	}

	opts = testSite(t)
	writeTree(t, opts.WorkDir, map[string]string{"go.mod": "module x\n"})
	if _, err := Site(opts); err == nil || !strings.Contains(err.Error(), "WorkDir") {
		t.Errorf("WorkDir with go.mod: %v", err)
	}

	opts = testSite(t)
	writeTree(t, opts.StaticDir, map[string]string{"about.html": "static"})
	if _, err := Site(opts); err == nil || !strings.Contains(err.Error(), "about.html") {
		t.Errorf("static file replacing a page: %v", err)
	}
}

// TestSiteTwice checks that two renders in one process both work and do not
// see each other's content.
func TestSiteTwice(t *testing.T) {
	a := testSite(t)
	mustRender(t, a)

	b := testSite(t)
	writeTree(t, b.ContentDir, map[string]string{"days/2022-02-03.md": "---\ntitle: Thursday\ndate: 2022-02-03T00:00:00Z\n---\nThird.\n"})
	b.Title = "Second"
	mustRender(t, b)

	if _, err := os.Stat(filepath.Join(b.PublishDir, "days", "2022-02-03.html")); err != nil {
		t.Error(err)
	}
	if _, err := os.Stat(filepath.Join(a.PublishDir, "days", "2022-02-03.html")); err == nil {
		t.Error("first render got the second render's page")
	}
	if !strings.Contains(testenv.ReadFile(t, b.PublishDir, "index.html"), "– Second</title>") {
		t.Error("second render did not use its own title")
	}
}

// TestSiteQuiet checks that a successful render writes nothing to stdout or
// stderr.
func TestSiteQuiet(t *testing.T) {
	opts := testSite(t)
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, stderr := os.Stdout, os.Stderr
	os.Stdout, os.Stderr = w, w
	_, rerr := Site(opts)
	os.Stdout, os.Stderr = stdout, stderr
	w.Close()
	var buf bytes.Buffer
	buf.ReadFrom(r)
	if rerr != nil {
		t.Fatal(rerr)
	}
	if buf.Len() > 0 {
		t.Errorf("render wrote output:\n%s", buf.String())
	}
}

// BenchmarkRender renders a site of 1,000 small pages.
func BenchmarkRender(b *testing.B) {
	const n = 1000
	dir := b.TempDir()
	content := map[string]string{"_index.md": "---\ntitle: Home\n---\n", "days/_index.md": "---\ntitle: Days\n---\n"}
	para := strings.Repeat("Troops were reported near the border, and talks continued in Geneva. ", 8)
	for i := range n {
		content[fmt.Sprintf("days/p%04d.md", i)] = fmt.Sprintf("---\ntitle: Page %d\ndate: 2022-02-%02dT%02d:%02d:00Z\n---\n%s\n\n%s\n\n* one\n* two\n", i, 1+i%28, i%24, i%60, para, para)
	}
	writeTree(b, filepath.Join(dir, "content"), content)
	writeTree(b, filepath.Join(dir, "templates"), testLayouts)
	b.ReportAllocs()
	b.ResetTimer()
	pages := 0
	for i := 0; b.Loop(); i++ {
		st, err := Site(Options{
			ContentDir: filepath.Join(dir, "content"),
			LayoutsDir: filepath.Join(dir, "templates"),
			PublishDir: filepath.Join(dir, fmt.Sprintf("public%d", i)),
			WorkDir:    filepath.Join(dir, "work"),
			BaseURL:    "https://chronicle.example.org/",
			Title:      "Bench",
		})
		if err != nil {
			b.Fatal(err)
		}
		pages += st.Pages
	}
	b.ReportMetric(float64(pages)/b.Elapsed().Seconds(), "pages/s")
}

// TestRenderSampleNamesTheTemplate: the sample render, made when Hugo stops
// a failing render without reporting it, reports the broken template.
func TestRenderSampleNamesTheTemplate(t *testing.T) {
	opts := testSite(t)
	pages := map[string]string{}
	for i := range 30 {
		pages[fmt.Sprintf("days/2022-03-%02d.md", i+1)] = fmt.Sprintf("---\ntitle: Day %d\n---\nText.\n", i)
	}
	writeTree(t, opts.ContentDir, pages)
	writeTree(t, opts.LayoutsDir, map[string]string{
		"single.html": `{{ define "main" }}{{ .Title.NoSuchField }}{{ end }}`,
	})
	opts, err := checkOptions(opts)
	if err != nil {
		t.Fatal(err)
	}
	err = renderSample(opts)
	if err == nil || !strings.Contains(err.Error(), "single.html") {
		t.Fatalf("want an error naming single.html, got %v", err)
	}
	if entries, _ := os.ReadDir(opts.PublishDir); len(entries) != 0 {
		t.Errorf("the sample render wrote %d files into the publish folder", len(entries))
	}
}
