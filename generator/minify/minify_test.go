package minify

import (
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"chronicle/internal/testenv"
)

const testHTML = `<!DOCTYPE html>
<html lang="en-GB">
  <head>
    <meta charset="utf-8">
    <title>Tuesday 1 February 2022</title>
    <link rel="stylesheet" href="../css/site.css">
    <script type="application/ld+json">
      {
        "@context": "https://schema.org",
        "@type": "LiveBlogPosting",
        "headline": "Tuesday 1 February 2022",
        "coverageStartTime": "2022-02-01T00:00:00Z",
        "liveBlogUpdate": [ { "@type": "BlogPosting", "headline": "Talks in Geneva", "wordCount": 1000000 } ]
      }
    </script>
    <style>
      body   { margin : 0px ; }
    </style>
  </head>
  <body>
    <main>
      <h1 class="title">  Tuesday   1 February 2022  </h1>
      <p>
        Troops    were reported near the border.
      </p>
      <pre>line 1
    indented    line 2
      line 3</pre>
      <a href="../days/2022-02-02.html">next day</a>
    </main>
    <script>
      function greet ( name ) {
        var message = "hello, " + name ;
        return message ;
      }
    </script>
  </body>
</html>
`

var testFiles = map[string]string{
	"index.html": testHTML,
	"css/site.css": `/* the site style */
body {
    margin: 0px;
    color: #ff0000;
}

.entry  >  p  {
    line-height : 1.50;
}
`,
	"js/search.js": `// search the index
function search ( query ) {
    var results = [ ] ;
    for ( var i = 0 ; i < window.INDEX.length ; i++ ) {
        if ( window.INDEX[i].title.indexOf( query ) >= 0 ) {
            results.push( window.INDEX[i] ) ;
        }
    }
    return results ;
}
`,
	"feed.json": `{
    "version": "https://jsonfeed.org/version/1.1",
    "title": "Chronicle",
    "items": [
        {
            "id": "https://chronicle.example.org/days/2022-02-01.html",
            "title": "Tuesday 1 February 2022",
            "troops": 1000000
        }
    ]
}
`,
	"data/day.jsonld": `{
    "@context": "https://schema.org",
    "@type": "LiveBlogPosting",
    "headline": "Tuesday"
}
`,
	"img/icon.svg": `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16">
    <!-- an icon -->
    <rect x="0.000" y="0.000" width="16.000" height="16.000" fill="#ff0000" />
</svg>
`,
	"sitemap.xml": `<?xml version="1.0" encoding="utf-8" standalone="yes"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url>
    <loc>https://chronicle.example.org/index.html</loc>
    <lastmod>2022-02-02T00:00:00+00:00</lastmod>
  </url>
  <url>
    <loc>https://chronicle.example.org/days/2022-02-01.html</loc>
  </url>
</urlset>
`,
	"notes.txt":   "  left   alone  \n",
	"entries.csv": "id, title\n1, x\n",
}

func writeFiles(t testing.TB, root string, files map[string]string) {
	t.Helper()
	testenv.WriteFiles(t, root, files)
}

func xmlWellFormed(s string) error {
	d := xml.NewDecoder(strings.NewReader(s))
	for {
		if _, err := d.Token(); err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return err
		}
	}
}

func TestDir(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, testFiles)

	st, err := Dir(root)
	if err != nil {
		t.Fatal(err)
	}

	var before, after int64
	minifiable := 0
	for name, orig := range testFiles {
		got := testenv.ReadFile(t, root, name)
		switch filepath.Ext(name) {
		case ".txt", ".csv":
			if got != orig {
				t.Errorf("%s was changed", name)
			}
			continue
		}
		minifiable++
		before += int64(len(orig))
		after += int64(len(got))
		if len(got) >= len(orig) {
			t.Errorf("%s: %d bytes, not smaller than %d", name, len(got), len(orig))
		}
		switch filepath.Ext(name) {
		case ".json", ".jsonld":
			if !json.Valid([]byte(got)) {
				t.Errorf("%s is not valid JSON: %s", name, got)
			}
		case ".xml", ".svg":
			if err := xmlWellFormed(got); err != nil {
				t.Errorf("%s is not well-formed XML: %v\n%s", name, err, got)
			}
		}
	}
	if st.Files != minifiable || st.Before != before || st.After != after {
		t.Errorf("Stats = %+v, want {Files:%d Before:%d After:%d}", st, minifiable, before, after)
	}

	if feed := testenv.ReadFile(t, root, "feed.json"); !strings.Contains(feed, `"troops":1000000`) {
		t.Errorf("JSON numbers were rewritten: %s", feed)
	}

	page := testenv.ReadFile(t, root, "index.html")
	for _, want := range []string{
		"<!doctype html>",
		`<html lang="en-GB">`,
		"<head>",
		"</head>",
		"<body>",
		"</body></html>",
		"</p>",
		`<a href="../days/2022-02-02.html">next day</a>`,
		`<h1 class="title">`,
		"<pre>line 1\n    indented    line 2\n      line 3</pre>",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("index.html lacks %q:\n%s", want, page)
		}
	}
	if strings.Contains(page, "var message") {
		t.Errorf("inline script not minified:\n%s", page)
	}
	m := regexp.MustCompile(`(?s)<script type="application/ld\+json">(.*?)</script>`).FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("JSON-LD script lost:\n%s", page)
	}
	if !json.Valid([]byte(m[1])) || strings.Contains(m[1], "\n") {
		t.Errorf("JSON-LD not minified valid JSON: %q", m[1])
	}
	if !strings.Contains(m[1], `"wordCount":1000000`) {
		t.Errorf("JSON-LD numbers were rewritten: %s", m[1])
	}

	// No temporary files are left behind.
	entries, _ := os.ReadDir(root)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("left over %s", e.Name())
		}
	}

	// A second pass changes nothing and reports no savings.
	st2, err := Dir(root)
	if err != nil {
		t.Fatal(err)
	}
	if st2.Files != minifiable || st2.Before != after || st2.After > after {
		t.Errorf("second pass Stats = %+v", st2)
	}
}

// TestDirNotLarger checks that a file whose minified form is not smaller is
// left as it was.
func TestDirNotLarger(t *testing.T) {
	root := t.TempDir()
	const tiny = `{"a":1}`
	writeFiles(t, root, map[string]string{"a.json": tiny})
	info1, _ := os.Stat(filepath.Join(root, "a.json"))
	st, err := Dir(root)
	if err != nil {
		t.Fatal(err)
	}
	if got := testenv.ReadFile(t, root, "a.json"); got != tiny {
		t.Errorf("a.json = %q", got)
	}
	info2, _ := os.Stat(filepath.Join(root, "a.json"))
	if !os.SameFile(info1, info2) {
		t.Errorf("a.json was rewritten")
	}
	if st != (Stats{Files: 1, Before: int64(len(tiny)), After: int64(len(tiny))}) {
		t.Errorf("Stats = %+v", st)
	}
}

func TestDirErrorNamesFile(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"ok.css":     "body {  margin: 0  }",
		"broken.js":  "function ( {",
		"broken.xml": "<a><b></a>",
	})
	st, err := Dir(root)
	if err == nil {
		t.Fatal("no error for broken files")
	}
	if !strings.Contains(err.Error(), "broken.js") {
		t.Errorf("error does not name the file: %v", err)
	}
	if st.Files < 1 || testenv.ReadFile(t, root, "ok.css") != "body{margin:0}" {
		t.Errorf("other files were not minified: %+v %q", st, testenv.ReadFile(t, root, "ok.css"))
	}
	if testenv.ReadFile(t, root, "broken.js") != "function ( {" {
		t.Errorf("broken file was changed")
	}
}

func TestDirEmpty(t *testing.T) {
	st, err := Dir(t.TempDir())
	if err != nil || st != (Stats{}) {
		t.Errorf("Dir(empty) = %+v, %v", st, err)
	}
	if _, err := Dir(filepath.Join(t.TempDir(), "missing")); err == nil {
		t.Error("no error for a missing folder")
	}
}

func TestDirKeepsMode(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, map[string]string{"a.css": "body {  margin: 0  }"})
	p := filepath.Join(root, "a.css")
	if err := os.Chmod(p, 0o640); err != nil {
		t.Fatal(err)
	}
	if _, err := Dir(root); err != nil {
		t.Fatal(err)
	}
	fi, _ := os.Stat(p)
	if fi.Mode().Perm() != 0o640 {
		t.Errorf("mode = %v", fi.Mode())
	}
}

// benchPages returns n generated HTML pages of about 6 KB, by file name.
func benchPages(n int) map[string]string {
	files := map[string]string{}
	para := strings.Repeat("Troops were reported near the border, and talks continued in Geneva. ", 6)
	for i := range n {
		var sb strings.Builder
		fmt.Fprintf(&sb, "<!DOCTYPE html>\n<html lang=\"en-GB\">\n  <head>\n    <meta charset=\"utf-8\">\n    <title>Page %d</title>\n  </head>\n  <body>\n    <main>\n", i)
		for j := range 10 {
			fmt.Fprintf(&sb, "      <article id=\"e%d\" class=\"entry\">\n        <h2>Entry %d</h2>\n        <p>\n          %s\n        </p>\n        <a href=\"../people/p%d.html\">Person %d</a>\n      </article>\n", j, j, para, j, j)
		}
		sb.WriteString("    </main>\n  </body>\n</html>\n")
		files[fmt.Sprintf("days/p%04d.html", i)] = sb.String()
	}
	return files
}

// BenchmarkMinify runs Dir over 500 generated HTML pages of about 6 KB: file
// I/O included (writing the pages afresh is not timed).
func BenchmarkMinify(b *testing.B) {
	const n = 500
	files := benchPages(n)
	b.ReportAllocs()
	var saved float64
	for b.Loop() {
		b.StopTimer()
		dir := b.TempDir()
		writeFiles(b, dir, files)
		b.StartTimer()
		st, err := Dir(dir)
		if err != nil {
			b.Fatal(err)
		}
		b.SetBytes(st.Before)
		saved = 100 * float64(st.Before-st.After) / float64(st.Before)
	}
	b.ReportMetric(saved, "%saved")
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "files/s")
}

// BenchmarkMinifyHTMLOnly minifies the same 500 pages in memory, one after
// the other, to separate the minifier's cost from the file system's.
func BenchmarkMinifyHTMLOnly(b *testing.B) {
	const n = 500
	files := benchPages(n)
	m := newMinifier()
	var size int64
	for _, f := range files {
		size += int64(len(f))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, f := range files {
			if _, err := m.Bytes("text/html", []byte(f)); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "files/s")
}
