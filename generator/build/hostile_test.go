package build

import (
	"encoding/xml"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"chronicle"
	"chronicle/generator/diag"
	"chronicle/internal/testenv"

	"golang.org/x/net/html"
)

// bbcSidecar is the sidecar of a BBC capture of 17 February 2022.
const bbcSidecar = "publisher = \"BBC News\"\npublisher_id = \"bbc\"\npage_date = \"2022-02-17\"\ntime_zone = \"Europe/London\"\nformat = \"bbc-live\"\n"

// hostileCapture is a BBC capture whose text tries markup.
const hostileCapture = `  1. Talks <script>alert(1)</script> endpublished at 13:42 Greenwich Mean Time 17 February 2022

    The envoy wrote <img src=x onerror=alert(1)> on the board and {{< param "title" >}} too.

`

// withAnnotations writes annotation files into a project.
func withAnnotations(t *testing.T, root string, files map[string]string) {
	t.Helper()
	testenv.WriteFiles(t, filepath.Join(root, "content", "annotations"), files)
}

// siteFiles reads every file of a built site.
func siteFiles(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			data, _ := os.ReadFile(p)
			rel, _ := filepath.Rel(dir, p)
			out[filepath.ToSlash(rel)] = string(data)
		}
		return nil
	})
	return out
}

// TestHostileText: capture text and the editors' Markdown are shown as
// written. No shortcode runs (an editor's {{< youtube >}} would put a
// third-party frame on every page that shows the term, and break the
// offline promise), the RSS feed carries text (a feed reader decodes a
// description once and takes it for HTML), and no page has a style
// attribute, which the site's policy (style-src 'self') would block.
func TestHostileText(t *testing.T) {
	root := project(t, map[string]string{"live page #1 (50%).txt": hostileCapture, "live page #1 (50%).toml": bbcSidecar})
	withAnnotations(t, root, map[string]string{
		"glossary.toml":          "[[term]]\nid = \"envoy\"\nterm = \"envoy\"\ndefinition = \"\"\"\nA diplomat. Watch {{< youtube abc >}} and {{% param \"title\" %}}.\n\"\"\"\n",
		"notes/context-envoy.md": "+++\nkind = \"context\"\nabout = \"day:2022-02-17\"\ntitle = \"About the envoy\"\n+++\nSee {{< x user=\"a\" id=\"1\" >}} and [the talks](https://talks.test/page \"The talks\").\n",
	})
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Build(Options{Root: root, Out: out, BaseURL: "https://chronicle.test/"}); err != nil {
		t.Fatal(err)
	}
	files := siteFiles(t, out)
	for name, text := range files {
		switch {
		case strings.HasSuffix(name, ".html"):
			if bad := liveMarkup(text); bad != "" {
				t.Errorf("%s: capture or editor text became markup: %s", name, bad)
			}
		case strings.HasSuffix(name, ".xml"):
			if strings.Contains(text, "<img") || strings.Contains(text, "<script") || strings.Contains(text, "youtube") {
				t.Errorf("%s holds markup from the capture or the editors", name)
			}
		}
	}
	note := files["notes/context-envoy.html"]
	if !strings.Contains(note, `{{&lt; x user=&#34;a&#34; id=&#34;1&#34; >}}`) && !strings.Contains(note, `{{&lt; x user="a" id="1" >}}`) {
		t.Errorf("the note does not show its shortcode as written")
	}
	if !strings.Contains(note, `<a href="https://talks.test/page" title="The talks">the talks</a>`) {
		t.Errorf("the note's link is not drawn as goldmark draws one")
	}
	if g := files["glossary.html"]; !strings.Contains(g, `Watch {{&lt; youtube abc >}}`) {
		t.Errorf("the glossary does not show the definition's shortcode as written")
	}
	// The capture's address and download work with "#", "%" and spaces in its name.
	if _, ok := files["captures/live-page-1-50.html"]; !ok {
		t.Errorf("no capture page at captures/live-page-1-50.html")
	}
	if files["captures/live-page-1-50.txt"] != hostileCapture {
		t.Errorf("the capture's download is not the capture byte for byte")
	}
	// Decoded once, as a feed reader does, the description is still text.
	var feed struct {
		Items []struct {
			Description string `xml:"description"`
		} `xml:"channel>item"`
	}
	if err := xml.Unmarshal([]byte(files["index.xml"]), &feed); err != nil || len(feed.Items) != 1 {
		t.Fatalf("RSS: %v, %d items", err, len(feed.Items))
	}
	if d := feed.Items[0].Description; strings.Contains(d, "<img") || !strings.Contains(d, "&lt;img src=x") {
		t.Errorf("RSS description, decoded once, is %q: a feed reader would draw it as markup", d)
	}
}

// TestBadAnnotationsAreCheckErrors: what would break the build (or put a
// page elsewhere) is an error of the annotations' loader, with file and
// line, so `check` reports it as `build` does.
func TestBadAnnotationsAreCheckErrors(t *testing.T) {
	for _, c := range []struct {
		name, file, text, says string
		code                   diag.Code
		line                   int
	}{
		{"raw HTML in a note", "notes/context-x.md", "+++\nkind = \"context\"\nabout = \"day:2022-02-17\"\ntitle = \"X\"\n+++\nText.\n\n<div onclick=\"x\">hi</div>\n", "context-x.md:8: raw HTML", diag.RawHTML, 8},
		{"a person id with ..", "people.toml", "[[person]]\nid = \"..\"\nname = \"Anna Field\"\nkind = \"news\"\n", "people.toml:2: person: ID \"..\" is not a slug", diag.BadID, 2},
		{"a person id with /", "people.toml", "[[person]]\nid = \"a/b\"\nname = \"Anna Field\"\nkind = \"news\"\n", "people.toml:2: person: ID \"a/b\"", diag.BadID, 2},
		{"a thread id ..", "threads.toml", "[[thread]]\nid = \"..\"\ntitle = \"T\"\nkeywords = [\"talks\"]\n", "threads.toml:1: thread: ID", diag.BadID, 1},
		{"a note file name with a space", "notes/my note.md", "+++\nkind = \"context\"\nabout = \"day:2022-02-17\"\ntitle = \"X\"\n+++\nText.\n", "my note.md:1: a note's file name is its ID", diag.BadID, 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			root := project(t, map[string]string{"a.txt": hostileCapture, "a.toml": bbcSidecar})
			withAnnotations(t, root, map[string]string{c.file: c.text})
			_, err := Build(Options{Root: root, Out: filepath.Join(t.TempDir(), "public")})
			if err == nil || !strings.Contains(err.Error(), c.says) {
				t.Fatalf("build: %v\nwant an error saying %q", err, c.says)
			}
			_, lerr := Load(root, "")
			ps := diag.Collect(lerr, "")
			if len(ps) != 1 || ps[0].Code != c.code || ps[0].Line != c.line {
				t.Fatalf("the loader that check uses gives %v, want one problem %s at line %d", ps, c.code, c.line)
			}
		})
	}
}

// TestBadSidecarIDs: a publisher_id that is not a slug is a sidecar error
// with its line, so no entry lands outside its day.
func TestBadSidecarIDs(t *testing.T) {
	root := project(t, map[string]string{"a.txt": hostileCapture, "a.toml": strings.Replace(bbcSidecar, `"bbc"`, `"../../../../tmp/x"`, 1)})
	_, err := Build(Options{Root: root, Out: filepath.Join(t.TempDir(), "public")})
	if err == nil || !strings.Contains(err.Error(), "a.toml:2: error: publisher_id: ID") {
		t.Fatalf("build: %v", err)
	}
}

// TestImportNotices: a duplicate capture is read once, with a warning; a
// capture of junk gives a bounded number of warnings; build returns the
// warnings check prints; two names with one address are an error.
func TestImportNotices(t *testing.T) {
	junk := strings.Repeat("junk line\n\n", 5000)
	root := project(t, map[string]string{
		"a.txt": hostileCapture, "a.toml": bbcSidecar,
		"copy.txt": hostileCapture, "copy.toml": bbcSidecar,
		"junk.txt": junk + hostileCapture, "junk.toml": bbcSidecar,
	})
	r, err := Build(Options{Root: root, Out: filepath.Join(t.TempDir(), "public")})
	if err != nil {
		t.Fatal(err)
	}
	var dup, junkWarnings int
	for _, p := range r.Warnings {
		switch {
		case p.File == "copy.txt" && p.Code == diag.Duplicate:
			dup++
		case p.File == "junk.txt":
			junkWarnings++
		}
	}
	if dup != 1 || junkWarnings > 25 || junkWarnings == 0 {
		t.Errorf("%d duplicate warnings (want 1), %d junk warnings (want 1 to 25): %v", dup, junkWarnings, r.Warnings[:min(5, len(r.Warnings))])
	}
	if r.Entries != 2 {
		t.Errorf("%d entries, want 2 (the copy read once)", r.Entries)
	}
	clash := project(t, map[string]string{"Page A.txt": hostileCapture, "Page A.toml": bbcSidecar, "page-a.txt": hostileCapture + "\n", "page-a.toml": bbcSidecar})
	_, err = Build(Options{Root: clash, Out: filepath.Join(t.TempDir(), "public")})
	if err == nil || !strings.Contains(err.Error(), "is also Page A.txt's") {
		t.Fatalf("two captures with one address: %v", err)
	}
}

// TestMissingLayout: a kind of page whose layout is missing from the theme
// stops the build, instead of falling back to the generic layout without a
// word.
func TestMissingLayout(t *testing.T) {
	root := project(t, map[string]string{"a.txt": hostileCapture, "a.toml": bbcSidecar})
	os.Remove(filepath.Join(root, "templates")) // only the theme's
	theme := fstest.MapFS{}
	fs.WalkDir(chronicle.Theme, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && p != "templates/entries/single.html" {
			data, _ := fs.ReadFile(chronicle.Theme, p)
			theme[p] = &fstest.MapFile{Data: data}
		}
		return err
	})
	_, err := Build(Options{Root: root, Out: filepath.Join(t.TempDir(), "public"), Theme: theme})
	if err == nil || !strings.Contains(err.Error(), "missing layout") || !strings.Contains(err.Error(), filepath.Join("entries", "single.html")) {
		t.Fatalf("build without entries/single.html: %v", err)
	}
}

// liveMarkup parses a page and describes the first element the capture or
// an editor could have put there: a frame, a "<" inside a script, an event
// handler or a style attribute (which the site's policy,
// style-src 'self', would block).
func liveMarkup(page string) string {
	z := html.NewTokenizer(strings.NewReader(page))
	inScript := false
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			if tok.Data == "iframe" {
				return "an iframe"
			}
			inScript = tok.Data == "script"
			for _, a := range tok.Attr {
				if strings.HasPrefix(a.Key, "on") || a.Key == "style" {
					return "<" + tok.Data + " " + a.Key + ">"
				}
			}
		case html.TextToken:
			// Inside a script (JSON-LD holds capture text), a "<" could end
			// it early; html/template writes it as \u003c.
			if inScript && strings.Contains(string(z.Text()), "<") {
				return "a \"<\" inside a script"
			}
		case html.EndTagToken:
			inScript = false
		}
	}
}

// TestLongNames: a title word of 240 characters and a byline of 300 give
// file names the file system takes (IDs are at most entry.MaxIDLength
// bytes), so what `check` passes, `build` builds.
func TestLongNames(t *testing.T) {
	long := strings.Repeat("x", 240)
	byline := "Shweta " + strings.Repeat("Sharma", 50)
	text := "Headline\n\nTalks " + long + " begin\n\n09:09 , " + byline + "\n\nText of the entry.\n"
	sidecar := "publisher = \"The Independent\"\npublisher_id = \"independent\"\npage_date = \"2022-01-21\"\ntime_zone = \"Europe/London\"\nformat = \"independent-live\"\n"
	root := project(t, map[string]string{"long.txt": text, "long.toml": sidecar})
	out := filepath.Join(t.TempDir(), "public")
	r, err := Build(Options{Root: root, Out: out})
	if err != nil {
		t.Fatal(err)
	}
	if r.Entries != 1 {
		t.Fatalf("%d entries", r.Entries)
	}
	for name := range siteFiles(t, out) {
		if base := filepath.Base(name); len(base) > 200 {
			t.Errorf("file name of %d bytes: %s", len(base), base)
		}
	}
}
