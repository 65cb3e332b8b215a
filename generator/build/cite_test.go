package build

import (
	"context"
	"encoding/json"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"chronicle/generator/fixity"

	"github.com/chromedp/chromedp"
)

// adamsPage is the seeds' Analysis entry by Paul Adams.
const adamsPage = "entries/2022-02-01-1843-bbc-putins-threat-of-force-gets-us.html"

// metaTags reads a page's <meta name|property=… content=…> tags, in order.
func metaTags(page string) [][2]string {
	var out [][2]string
	for _, m := range regexp.MustCompile(`<meta (?:name|property)="?([^" >]+)"? content="([^"]*)"`).FindAllStringSubmatch(page, -1) {
		out = append(out, [2]string{m[1], html.UnescapeString(m[2])})
	}
	return out
}

// TestEntryCitationMetadata: the entry page of the Analysis by Paul Adams
// carries the Highwire Press tags Zotero reads, OpenGraph, JSON-LD (a
// BlogPosting part of its day's LiveBlogPosting), a description from its
// first paragraph, and its citation in three styles with its records.
func TestEntryCitationMetadata(t *testing.T) {
	_, site := seedSite(t)
	p := site.Pages[adamsPage]
	if p == nil {
		t.Fatalf("no page %s", adamsPage)
	}
	got := map[string][]string{}
	for _, m := range metaTags(p.HTML) {
		got[m[0]] = append(got[m[0]], m[1])
	}
	address := seedURL + adamsPage
	for name, want := range map[string]string{
		"citation_title":            "Putin's threat of force gets US attention",
		"citation_author":           "Adams, Paul",
		"citation_publication_date": "2022/02/01",
		"citation_online_date":      "2022/02/01",
		"citation_publisher":        "BBC News",
		"citation_public_url":       address,
		"og:type":                   "article",
		"og:url":                    address,
		"article:published_time":    "2022-02-01T18:43:00Z",
		"article:author":            "Paul Adams",
	} {
		if len(got[name]) != 1 || got[name][0] != want {
			t.Errorf("%s = %q, want %q", name, got[name], want)
		}
	}
	if d := got["description"]; len(d) != 1 || strings.HasPrefix(d[0], "[") || d[0] == "" {
		t.Errorf("description %q: want the first paragraph's words", d)
	}
	m := regexp.MustCompile(`<script type="?application/ld\+json"?>(.*?)</script>`).FindStringSubmatch(p.HTML)
	if m == nil {
		t.Fatal("no JSON-LD")
	}
	var ld struct {
		Type      string                  `json:"@type"`
		Headline  string                  `json:"headline"`
		Author    []struct{ Name string } `json:"author"`
		URL       string                  `json:"url"`
		IsBasedOn string                  `json:"isBasedOn"`
		IsPartOf  struct {
			Type string `json:"@type"`
			URL  string `json:"url"`
		} `json:"isPartOf"`
	}
	if err := json.Unmarshal([]byte(m[1]), &ld); err != nil {
		t.Fatal(err)
	}
	if ld.Type != "BlogPosting" || ld.URL != address || len(ld.Author) != 1 || ld.Author[0].Name != "Paul Adams" ||
		ld.IsPartOf.Type != "LiveBlogPosting" || ld.IsPartOf.URL != seedURL+"days/2022-02-01.html" || ld.IsBasedOn != "https://www.bbc.co.uk/news/live/world-60218443" {
		t.Errorf("JSON-LD %+v", ld)
	}
	for _, want := range []string{
		"Adams, P. (2022, February 1). Putin’s threat of force gets US attention [Live blog post, 18:43 Greenwich Mean Time 1 February 2022]. BBC News. Originally at https://www.bbc.co.uk/news/live/world-60218443.",
		"Adams, Paul. “Putin’s threat of force gets US attention.” BBC News, live blog post, February 1, 2022,",
		"Adams, Paul. “Putin’s threat of force gets US attention.” BBC News, 1 Feb. 2022,",
	} {
		if !strings.Contains(p.Text, want) {
			t.Errorf("the page does not cite the entry as %q", want)
		}
	}
	for _, record := range []string{"cite/2022-02-01/2022-02-01-1843-bbc-putins-threat-of-force-gets-us.bib", "cite/2022-02-01/2022-02-01-1843-bbc-putins-threat-of-force-gets-us.ris", "entries.csl.json", "datapackage.json"} {
		if !strings.Contains(p.HTML, "../"+record) && !strings.Contains(p.HTML, record) {
			t.Errorf("the page does not link %s", record)
		}
		if _, err := os.Stat(filepath.Join(site.Root, record)); err != nil {
			t.Errorf("%s: %v", record, err)
		}
	}
}

// TestSeedSiteVerifies: the seed site's manifest lists every file, and
// checks out.
func TestSeedSiteVerifies(t *testing.T) {
	r, site := seedSite(t)
	rep, err := fixity.Verify(site.Root, OutputMark)
	if err != nil || !rep.OK() || rep.Files != r.Manifest || rep.Files != r.Files-1 { // all but the manifest itself
		t.Errorf("verify: %+v, %v; the build listed %d of %d files", rep, err, r.Manifest, r.Files)
	}
}

// TestCopyCitation: in a browser, the Copy buttons of "Cite this entry"
// show, and one copies its citation's text as the page shows it. With
// CHRONICLE_SCREENSHOTS=DIR the section is saved as DIR/entry-cite-*.png
// at desktop and phone width (scripts/screenshots.sh).
func TestCopyCitation(t *testing.T) {
	b, base := seedInBrowser(t)
	p := b.Open(t, base+"/"+adamsPage)
	var got struct {
		Shown  int    `json:"shown"`
		Copied string `json:"copied"`
		Label  string `json:"label"`
		APA    string `json:"apa"`
	}
	p.Eval(t, `(async () => {
		const buttons = [...document.querySelectorAll('button.copy-citation')];
		let copied = '';
		navigator.clipboard.writeText = async (s) => { copied = s; };
		buttons[0].click();
		await new Promise((r) => setTimeout(r, 50));
		return {shown: buttons.filter((b) => !b.hidden).length, copied, label: buttons[0].textContent,
			apa: document.getElementById('cite-apa').textContent.replace(/\s+/g, ' ').trim()};
	})()`, &got)
	if got.Shown != 3 || got.Label != "Copied" || got.Copied != got.APA || !strings.HasPrefix(got.Copied, "Adams, P. (2022, February 1).") {
		t.Errorf("buttons shown %d, label %q, copied %q (the APA text is %q)", got.Shown, got.Label, got.Copied, got.APA)
	}
	if dir := os.Getenv("CHRONICLE_SCREENSHOTS"); dir != "" {
		for name, width := range map[string]int{"desktop": 1280, "phone": 390} {
			p.Screenshot(t, width, 900, false) // sets the viewport
			ctx, cancel := context.WithTimeout(p.Context(), time.Minute)
			png, err := chromedp.Run(ctx, chromedp.ScreenshotScale(chromedp.CSS("section.cite"), 1))
			cancel()
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, "entry-cite-"+name+".png"), png, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}
