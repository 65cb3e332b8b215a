package build

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"chronicle/internal/sitecheck"
	"chronicle/internal/testenv"

	"golang.org/x/tools/txtar"
)

// siteTest is a small chronicle written from one txtar archive and built
// with the project's templates and static files, in the manner of Hugo's
// own integration tests (hugolib.Test): a test reads as the files it starts
// from and the pages it expects.
//
//	s := newSiteTest(t, `
//	-- content/sources/a.txt --
//	…
//	-- content/sources/a.toml --
//	…
//	`)
//	s.build().fileContains("days/2022-02-17.html", "Talks begin")
type siteTest struct {
	t    *testing.T
	root string
	out  string
	rep  *Report
	err  error
}

// newSiteTest writes the files of the archive under a new project folder.
// A file under templates/ or static/ is not allowed: those are the
// project's own, linked in.
func newSiteTest(t *testing.T, archive string) *siteTest {
	t.Helper()
	root := t.TempDir()
	for _, f := range txtar.Parse([]byte(strings.TrimPrefix(archive, "\n"))).Files {
		if strings.HasPrefix(f.Name, "templates/") || strings.HasPrefix(f.Name, "static/") {
			t.Fatalf("%s: a site test uses the theme's templates and static files", f.Name)
		}
		testenv.WriteFile(t, root, f.Name, f.Data)
	}
	return &siteTest{t: t, root: root, out: filepath.Join(t.TempDir(), "public")}
}

// bbcSite is a site test of one BBC capture, bbc.txt, with its sidecar
// (bbcSidecar), and more files of the archive after it.
func bbcSite(t *testing.T, capture, more string) *siteTest {
	t.Helper()
	return newSiteTest(t, "-- content/sources/bbc.txt --\n"+capture+"-- content/sources/bbc.toml --\n"+bbcSidecar+more)
}

// annaField and deskSeventeen are people.toml records of the site tests:
// a foreign minister the text names, and a desk that bylines credit.
const (
	annaField = `[[person]]
id = "anna-field"
name = "Anna Field"
kind = "news"
role = "Foreign minister"
`
	deskSeventeen = `[[person]]
id = "desk-seventeen"
name = "Desk Seventeen"
kind = "source"
`
)

// build builds the site at https://chronicle.test/; a failure fails the
// test.
func (s *siteTest) build() *siteTest {
	s.t.Helper()
	return s.buildAt("https://chronicle.test/")
}

// buildAt builds the site for the public address base.
func (s *siteTest) buildAt(base string) *siteTest {
	s.t.Helper()
	s.rep, s.err = Build(Options{Root: s.root, Out: s.out, BaseURL: base})
	if s.err != nil {
		s.t.Fatalf("build: %v", s.err)
	}
	return s
}

// buildFails builds the site, which must fail with an error that says each
// of the texts.
func (s *siteTest) buildFails(says ...string) *siteTest {
	s.t.Helper()
	s.rep, s.err = Build(Options{Root: s.root, Out: s.out, BaseURL: "https://chronicle.test/"})
	if s.err == nil {
		s.t.Fatal("build succeeded, want an error")
	}
	for _, w := range says {
		if !strings.Contains(s.err.Error(), w) {
			s.t.Errorf("build error does not say %q:\n%v", w, s.err)
		}
	}
	return s
}

// file returns a file of the built site.
func (s *siteTest) file(name string) string {
	s.t.Helper()
	data, err := os.ReadFile(filepath.Join(s.out, filepath.FromSlash(name)))
	if err != nil {
		s.t.Fatalf("the site has no %s: %v", name, err)
	}
	return string(data)
}

// fileContains checks that a file of the site holds each of the texts.
func (s *siteTest) fileContains(name string, texts ...string) *siteTest {
	s.t.Helper()
	page := s.file(name)
	for _, w := range texts {
		if !strings.Contains(page, w) {
			s.t.Errorf("%s does not hold %q", name, w)
		}
	}
	return s
}

// fileLacks checks that a file of the site holds none of the texts.
func (s *siteTest) fileLacks(name string, texts ...string) *siteTest {
	s.t.Helper()
	page := s.file(name)
	for _, w := range texts {
		if strings.Contains(page, w) {
			s.t.Errorf("%s holds %q", name, w)
		}
	}
	return s
}

// TestSiteFromTxtar: a day of two publishers, built from one archive, has
// its day page with both entries in time order, links from each entry to
// its publisher, person and capture pages, and the editors' note.
func TestSiteFromTxtar(t *testing.T) {
	s := bbcSite(t, `  1. Envoys meet in Genevapublished at 13:42 Greenwich Mean Time 17 February 2022

    Anna Field says the talks will go on tomorrow.

`, "-- content/annotations/people.toml --\n"+annaField+`-- content/annotations/notes/context-geneva.md --
+++
kind = "context"
about = "day:2022-02-17"
title = "Why Geneva"
+++
The talks were held in Geneva.
`).build()
	s.fileContains("days/2022-02-17.html",
		"Envoys meet in Geneva", `href="../people/anna-field.html"`, "Why Geneva")
	s.fileContains("entries/2022-02-17-1342-bbc-envoys-meet-in-geneva.html",
		`href="../publishers/bbc.html"`, `href="../captures/bbc.html#L1-L3"`, `href="../people/anna-field.html"`)
	s.fileContains("captures/bbc.txt", "Anna Field says the talks will go on tomorrow.")
	s.fileLacks("days/2022-02-17.html", "Untitled entry")
}

// TestSiteUnderAFolder: a site whose public address is a folder of a host
// (a project's pages on GitHub, say) links its pages to each other as well
// as at the root, and gives the folder in every public address: the
// canonical link, the citation metadata, the feeds and the sitemap. (Hugo,
// given that address, put the folder into every relative link once more:
// 16,344 of the 17,897 links of the seed site led nowhere.)
func TestSiteUnderAFolder(t *testing.T) {
	s := bbcSite(t, `  1. Envoys meet in Genevapublished at 13:42 Greenwich Mean Time 17 February 2022

    Anna Field says the talks will go on tomorrow.

`, "-- content/annotations/people.toml --\n"+annaField).buildAt("https://chronicle.test/archive/")
	site, err := sitecheck.Load(s.out)
	if err != nil {
		t.Fatal(err)
	}
	broken, _ := site.BrokenLinks(false)
	for _, b := range broken {
		t.Error(b)
	}
	const entry = "entries/2022-02-17-1342-bbc-envoys-meet-in-geneva.html"
	if links := site.LinksFrom(entry); len(links) < 20 {
		t.Errorf("the entry page has %d links; the test expects its header's and its own", len(links))
	}
	s.fileContains(entry, `href="../people/anna-field.html"`, `href="../days/2022-02-17.html#2022-02-17-1342-bbc-envoys-meet-in-geneva"`,
		`<link rel="canonical" href="https://chronicle.test/archive/`+entry+`">`,
		`<meta name="citation_public_url" content="https://chronicle.test/archive/`+entry+`">`,
		`"isPartOf":{"@type":"LiveBlogPosting","headline":"Thursday 17 February 2022: the live pages","url":"https://chronicle.test/archive/days/2022-02-17.html"}`)
	s.fileLacks(entry, `archive/archive`, `href="../archive/`)
	s.fileContains("sitemap.xml", "<loc>https://chronicle.test/archive/"+entry+"</loc>")
	s.fileContains("index.xml", "<link>https://chronicle.test/archive/"+entry+"</link>")
	s.fileContains("feed.json", `"feed_url":"https://chronicle.test/archive/feed.json"`)
}

// TestSiteRefusesBadThreadID: a thread ID outside the grammar stops the
// build, naming its file and line.
func TestSiteRefusesBadThreadID(t *testing.T) {
	newSiteTest(t, "-- content/sources/bbc.txt --\n"+hostileCapture+"-- content/sources/bbc.toml --\n"+bbcSidecar+`-- content/annotations/threads.toml --
[[thread]]
id = ".."
title = "T"
keywords = ["talks"]
`).buildFails("threads.toml:1", "not a slug")
}

// TestMisspellingsApart: a person's and a term's misspellings link the text
// that prints them, as aliases do, and their pages show them apart from the
// real other spellings, as the captures' own, kept as printed.
func TestMisspellingsApart(t *testing.T) {
	s := bbcSite(t, `  1. Envoys meetpublished at 13:42 Greenwich Mean Time 17 February 2022

    Anna Fieldd says the talks in Genevaa will go on.

`, `-- content/annotations/people.toml --
[[person]]
id = "anna-field"
name = "Anna Field"
aliases = ["Anna Feld"]
misspellings = ["Anna Fieldd"]
kind = "news"
-- content/annotations/glossary.toml --
[[term]]
id = "geneva"
term = "Geneva"
aliases = ["Genève"]
misspellings = ["Genevaa"]
definition = "A city in Switzerland."
`).build()
	s.fileContains("entries/2022-02-17-1342-bbc-envoys-meet.html", `href="../people/anna-field.html"`, "A city in Switzerland.")
	s.fileContains("people/anna-field.html", `<dt>Also written as</dt><dd class="aliases">Anna Feld</dd>`,
		`<dt>Misspelt in the captures as</dt><dd class="aliases">Anna Fieldd <span class="meta">(kept as printed)</span>`)
	s.fileContains("glossary.html", "Also: Genève", "Misspelt in the captures, and kept as printed: Genevaa")
}

// TestSourceCredits: a byline that credits a source (a programme and its
// network, a desk) shows it as a source, not a journalist: on the entry
// page ("From …", an Organization in the JSON-LD), on its page and its
// publisher's, in the handouts index and in both exports. A registry
// record of kind source names one the reader took for a person.
func TestSourceCredits(t *testing.T) {
	s := bbcSite(t, `  2. What listeners heardpublished at 13:42 Greenwich Mean Time 17 February 2022

    Today Programme
    BBC Radio 4

    A former general told the programme the talks would fail.

  1. State TV on the talkspublished at 13:10 Greenwich Mean Time 17 February 2022

    Desk Seventeen
    Moscow bureau

    Russian state television says the talks will go on.

`, "-- content/annotations/people.toml --\n"+deskSeventeen).build()
	listeners := "entries/2022-02-17-1342-bbc-what-listeners-heard.html"
	s.fileContains(listeners, `<p class="byline byline-source">From <span class="author"><a href="../people/today-programme.html">Today Programme</a><span class="role">, BBC Radio 4</span>`,
		`"@type":"Organization","name":"Today Programme"`)
	s.fileLacks(listeners, `<p class="byline">By`)
	s.fileContains("entries/2022-02-17-1310-bbc-state-tv-on-the-talks.html", `From <span class="author"><a href="../people/desk-seventeen.html">Desk Seventeen</a>`)
	s.fileContains("people/today-programme.html", "Source credited in bylines", "Entries from Today Programme")
	s.fileContains("publishers/bbc.html", "Sources credited", `href="../people/today-programme.html"`, `href="../people/desk-seventeen.html"`)
	s.fileLacks("publishers/bbc.html", "journalists-h")
	s.fileContains("handouts/index.html", "Sources credited in bylines")
	s.fileContains("entries.json", `{"name":"Today Programme","role":"BBC Radio 4","kind":"source","person":"today-programme"}`,
		`{"name":"Desk Seventeen","role":"Moscow bureau","kind":"source","person":"desk-seventeen"}`)
	s.fileContains("entries.csv", "author_kinds", "Today Programme,BBC Radio 4,source,")
}

// TestQuotesKeepTheirKind: a person's page shows a full quote as their
// words and a partial one in the sentence that reports it (once for the
// quotes of one sentence), and says which quote came from a headline; the
// export keeps each quote's kind.
func TestQuotesKeepTheirKind(t *testing.T) {
	s := bbcSite(t, `  1. 'We will rebuild every school': Fieldpublished at 13:42 Greenwich Mean Time 17 February 2022

    Anna Field says the town faces "a long and hard winter" after the shelling.

    "We will rebuild every school and every hospital," Field said.

    Field adds that the night was "the worst of the war" and that the town needs "help from every country in Europe".

`, `-- content/annotations/people.toml --
[[person]]
id = "anna-field"
name = "Anna Field"
aliases = ["Field"]
kind = "news"
role = "Mayor"
pronoun = "she"
`).build()
	s.fileContains("people/anna-field.html",
		`<p class="quote-context">Anna Field says the town faces <q>a long and hard winter</q> after the shelling.</p>`,
		`<blockquote><p>We will rebuild every school and every hospital</p></blockquote>`,
		`In a headline:`,
		// two partial quotes of one sentence: the sentence once, both marked
		`<p class="quote-context">Field adds that the night was <q>the worst of the war</q> and that the town needs <q>help from every country in Europe</q>.</p>`)
	if n := strings.Count(s.file("people/anna-field.html"), "Field adds that the night was"); n != 1 {
		t.Errorf("the sentence of two quotes is shown %d times, want once", n)
	}
	s.fileContains("entries.json", `"kind":"partial","before":"Anna Field says the town faces ","after":" after the shelling."`, `"kind":"headline"`)
}

// TestSearchFieldInEveryHeader: every page's header has a plain search
// form that opens the search page with the words (a link there without
// JavaScript too), but the search page, which has its own.
func TestSearchFieldInEveryHeader(t *testing.T) {
	s := bbcSite(t, `  1. Envoys meet in Genevapublished at 13:42 Greenwich Mean Time 17 February 2022

    The talks will go on tomorrow.

`, "").build()
	form := `<form class="site-search" role="search" action="%ssearch/index.html">`
	s.fileContains("index.html", fmt.Sprintf(form, "./"), `name="q"`)
	s.fileContains("days/2022-02-17.html", fmt.Sprintf(form, "../"), `<label for="site-search-q" class="visually-hidden">Search the chronicle</label>`)
	s.fileContains("entries/2022-02-17-1342-bbc-envoys-meet-in-geneva.html", fmt.Sprintf(form, "../"))
	s.fileLacks("search/index.html", "site-search")
}

// TestLinkSections: the sections of links to pages of one kind
// (link-section.html) list each page with its count where the page asks
// for one: the home page's threads (the unit read aloud, not shown) and
// publishers, an entry's people (with their roles) and threads, and a
// publisher's sources (with the note under the heading).
func TestLinkSections(t *testing.T) {
	s := bbcSite(t, `  2. More talks tomorrowpublished at 15:05 Greenwich Mean Time 17 February 2022

    Desk Seventeen
    Moscow bureau

    Anna Field says the talks will resume in the morning.

  1. Envoys meet in Genevapublished at 13:42 Greenwich Mean Time 17 February 2022

    The talks in Geneva began at noon.

`, "-- content/annotations/people.toml --\n"+annaField+deskSeventeen+`-- content/annotations/threads.toml --
[[thread]]
id = "geneva-talks"
title = "The Geneva talks"
keywords = ["talks"]
`).build()
	s.fileContains("index.html",
		`<h2 id="threads-h" class="section-title">Story threads</h2><ul class="plain-list"><li><a href="./threads/geneva-talks.html">The Geneva talks</a> <span class="meta">2<span class="visually-hidden"> entries</span></span></li></ul>`,
		`<h2 id="publishers-h" class="section-title">Publishers</h2><ul class="plain-list"><li><a href="./publishers/bbc.html">`,
		`</a> <span class="meta">2 entries</span></li></ul>`)
	s.fileContains("entries/2022-02-17-1505-bbc-more-talks-tomorrow.html",
		`<h2 id="people-h" class="section-title">People in this entry</h2><p class="section-note">Found in the text automatically.</p><ul class="people-list"><li><a href="../people/anna-field.html">Anna Field</a> <span class="role">Foreign minister</span></li>`,
		`<h2 id="threads-h" class="section-title">Story threads</h2><p class="section-note">Threads are named by the editors; entries join them automatically by their words.</p><ul class="plain-list"><li><a href="../threads/geneva-talks.html">The Geneva talks</a></li></ul>`)
	s.fileContains("publishers/bbc.html",
		`<h2 id="sources-h" class="section-title">Sources credited</h2><p class="meta">Programmes, channels, institutions and desks that bylines credit in a journalist's place.</p><ul class="people-list"><li><a href="../people/desk-seventeen.html">Desk Seventeen</a>`)
	s.fileLacks("index.html", "figures-h") // no figures in this chronicle: no section
}
