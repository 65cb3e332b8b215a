package cite

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"chronicle/generator/entry"
	"chronicle/internal/seeds"
	"chronicle/internal/tabletest"
	"chronicle/internal/testenv"
)

// root is the repository's root, where node_modules is.
const root = "../.."

// accessed is the day the tests cite on.
var accessed = time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC)

// seedWorks are the works of the seeds' entries, as the site cites them.
func seedWorks(t *testing.T) []Work {
	t.Helper()
	res := seeds.Import(t, root)
	caps := map[string]*entry.Capture{}
	for i := range res.Captures {
		caps[res.Captures[i].File] = &res.Captures[i]
	}
	var ws []Work
	for i := range res.Entries {
		e := &res.Entries[i]
		c := caps[e.Capture]
		ws = append(ws, Of(e, c, entry.ZoneOf(e, c), "https://chronicle.example.org/entries/"+e.ID+".html", "Ukraine crisis 2022: the live pages", accessed))
	}
	return ws
}

// node runs scripts/cite-check.js with args, and decodes what it prints.
func node(t *testing.T, v any, args ...string) {
	t.Helper()
	if err := json.Unmarshal(testenv.Node(t, root, "@citation-js/plugin-csl", "cite-check.js", args...), v); err != nil {
		t.Fatal(err)
	}
}

// TestAPAMatchesCiteproc: citeproc-js renders the CSL-JSON item of every
// seed entry in APA as the entry's page shows it.
func TestAPAMatchesCiteproc(t *testing.T) {
	ws := append(seedWorks(t), sourceWorks()...)
	items := make([]Item, len(ws))
	for i, w := range ws {
		items[i] = w.CSL()
	}
	file := filepath.Join(t.TempDir(), "items.json")
	data, _ := json.Marshal(items)
	testenv.WriteFile(t, filepath.Dir(file), filepath.Base(file), data)
	var got []string
	node(t, &got, "apa", file)
	if len(got) != len(ws) {
		t.Fatalf("%d citations for %d items", len(got), len(ws))
	}
	for i, w := range ws {
		if w.APA() != got[i] {
			t.Errorf("%s:\n  page:      %s\n  citeproc:  %s", w.ID, w.APA(), got[i])
		}
	}
}

// TestRecordsParse: the BibTeX and RIS records of the seed entries parse
// with citation.js and say what the work says.
func TestRecordsParse(t *testing.T) {
	ws := append(seedWorks(t), sourceWorks()...)
	var bib, ris strings.Builder
	for _, w := range ws {
		bib.WriteString(w.BibTeX() + "\n")
		ris.WriteString(w.RIS())
	}
	dir := t.TempDir()
	testenv.WriteFiles(t, dir, map[string]string{"all.bib": bib.String(), "all.ris": ris.String()})
	for _, file := range []string{"all.bib", "all.ris"} {
		var items []Item
		node(t, &items, "parse", filepath.Join(dir, file))
		if len(items) != len(ws) {
			t.Fatalf("%s: %d records for %d entries", file, len(items), len(ws))
		}
		for i, w := range ws {
			want := w.CSL()
			got := items[i]
			if got.ID != want.ID || got.Title != want.Title || got.URL != want.URL || got.Issued.DateParts[0] != want.Issued.DateParts[0] ||
				got.Accessed.DateParts[0] != want.Accessed.DateParts[0] || len(got.Author) != len(want.Author) {
				t.Errorf("%s, record %d: got %+v\nwant %+v", file, i, got, want)
				continue
			}
			for k := range got.Author {
				if wholeName(got.Author[k]) != wholeName(want.Author[k]) {
					t.Errorf("%s, %s: author %+v, want %+v", file, w.ID, got.Author[k], want.Author[k])
				}
			}
		}
	}
}

// wholeName is a CSL name with a literal as a family name alone:
// citation.js reads BibTeX's braced {BBC Monitoring} so, which is the same
// name.
func wholeName(n CSLName) CSLName {
	if n.Literal != "" && n.Family == "" && n.Given == "" {
		return CSLName{Family: n.Literal}
	}
	return n
}

// sourceWorks are works credited to sources (FORMATS.md, "Seen since"): a
// desk alone, and a programme with a journalist. A source's name is one
// literal, never cut into family and given names ("Monitoring, B.").
func sourceWorks() []Work {
	desk, both := adams(), adams()
	desk.ID, desk.Authors = "source-desk", []entry.Author{{Name: "BBC Monitoring", Kind: entry.SourceCredit}}
	both.ID, both.Authors = "source-and-person", []entry.Author{{Name: "Today Programme", Role: "BBC Radio 4", Kind: entry.SourceCredit}, {Name: "Paul Adams"}}
	return []Work{desk, both}
}

// TestSourceCredits: a source is cited by its whole name in every style
// and record.
func TestSourceCredits(t *testing.T) {
	ws := sourceWorks()
	for _, c := range []struct{ got, want string }{
		{ws[0].APA(), "BBC Monitoring. (2022, February 1)."},
		{ws[0].Chicago(), "BBC Monitoring. “Putin’s"},
		{ws[0].MLA(), "BBC Monitoring. “Putin’s"},
		{ws[1].APA(), "Today Programme, & Adams, P. (2022"},
		{ws[0].BibTeX(), "@online{source-desk,\n  author = {{BBC Monitoring}},"},
		{ws[1].BibTeX(), "  author = {{Today Programme} and Adams, Paul},"},
		{ws[0].RIS(), "AU  - BBC Monitoring\r\n"},
	} {
		if !strings.Contains(c.got, c.want) {
			t.Errorf("%q does not hold %q", c.got, c.want)
		}
	}
	if a := ws[0].CSL().Author; len(a) != 1 || a[0] != (CSLName{Literal: "BBC Monitoring"}) {
		t.Errorf("CSL author %+v", a)
	}
}

// adams is the seeds' Analysis entry by Paul Adams, cited.
func adams() Work {
	return Work{ID: "2022-02-01-1843-bbc-putins-threat-of-force-gets-us", Title: "Putin's threat of force gets US attention",
		Authors: []entry.Author{{Name: "Paul Adams", Role: "BBC diplomatic correspondent"}}, Publisher: "BBC News",
		Issued: time.Date(2022, 2, 1, 18, 43, 0, 0, time.UTC), TimePrinted: "18:43 Greenwich Mean Time 1 February 2022",
		PageURL: "https://www.bbc.co.uk/news/live/world-60218443", Address: "https://chronicle.example.org/entries/2022-02-01-1843-bbc-putins-threat-of-force-gets-us.html",
		Chronicle: "Ukraine crisis 2022", Accessed: accessed}
}

func TestStyles(t *testing.T) {
	w := adams()
	for style, want := range map[string]string{
		"APA":     "Adams, P. (2022, February 1). Putin’s threat of force gets US attention [Live blog post, 18:43 Greenwich Mean Time 1 February 2022]. BBC News. Originally at https://www.bbc.co.uk/news/live/world-60218443. Ukraine crisis 2022. https://chronicle.example.org/entries/2022-02-01-1843-bbc-putins-threat-of-force-gets-us.html",
		"Chicago": "Adams, Paul. “Putin’s threat of force gets US attention.” BBC News, live blog post, February 1, 2022, 18:43 Greenwich Mean Time 1 February 2022. Originally at https://www.bbc.co.uk/news/live/world-60218443. In Ukraine crisis 2022. Accessed December 2, 2026. https://chronicle.example.org/entries/2022-02-01-1843-bbc-putins-threat-of-force-gets-us.html.",
		"MLA":     "Adams, Paul. “Putin’s threat of force gets US attention.” BBC News, 1 Feb. 2022, 18:43 Greenwich Mean Time 1 February 2022. Originally at www.bbc.co.uk/news/live/world-60218443. Ukraine crisis 2022, chronicle.example.org/entries/2022-02-01-1843-bbc-putins-threat-of-force-gets-us.html. Accessed 2 Dec. 2026.",
	} {
		got := map[string]string{"APA": w.APA(), "Chicago": w.Chicago(), "MLA": w.MLA()}[style]
		if got != want {
			t.Errorf("%s:\n got %s\nwant %s", style, got, want)
		}
	}
	w.Authors = []entry.Author{{Name: "Paul Adams"}, {Name: "Lyse Doucet"}, {Name: "Jo Bell"}}
	if got := w.MLA(); !strings.HasPrefix(got, "Adams, Paul, et al. “") {
		t.Errorf("MLA with three authors: %s", got)
	}
	if got := w.Chicago(); !strings.HasPrefix(got, "Adams, Paul, Lyse Doucet, and Jo Bell. “") {
		t.Errorf("Chicago with three authors: %s", got)
	}
	w.Authors, w.Address, w.PageURL = nil, "", ""
	if got := w.APA(); got != "Putin’s threat of force gets US attention. (2022, February 1). [Live blog post, 18:43 Greenwich Mean Time 1 February 2022]. BBC News. Ukraine crisis 2022." {
		t.Errorf("APA without an author or an address: %s", got)
	}
}

func TestQuotes(t *testing.T) {
	tabletest.Func(t, "Quotes", Quotes, map[string]string{
		"Putin's threat":                                        "Putin’s threat",
		"Talks 'badly needed' to avoid war":                     "Talks “badly needed” to avoid war",
		"Russia ‘has a choice'":                                 "Russia ‘has a choice’",
		"Ukraine 'won't be intimidated' - \"PM\"":               "Ukraine “won’t be intimidated” - “PM”",
		"He said \"it is 'over'\" today":                        "He said “it is ‘over’” today",
		"US considers evacuating diplomats’ families":           "US considers evacuating diplomats’ families",
		"Nato is 'guarantee of security' - Ukraine's president": "Nato is “guarantee of security” - Ukraine’s president",
	})
}

func TestInitials(t *testing.T) {
	tabletest.Func(t, "initials", initials, map[string]string{"Paul": "P.", "Barbara Plett": "B. P.", "Jean-Pierre": "J.-P.", "": ""})
}

// TestReviewCases: a title that ends with a question, quotations inside a
// Chicago or MLA title, an address with TeX's special characters, and
// text that is not UTF-8.
func TestReviewCases(t *testing.T) {
	w := adams()
	w.Title = "Is Putin ill?"
	if got := w.Chicago(); !strings.Contains(got, "“Is Putin ill?” BBC News") {
		t.Errorf("Chicago: %s", got)
	}
	w.Title = "Johnson tells Russia to 'step back'"
	if got := w.MLA(); !strings.Contains(got, "“Johnson tells Russia to ‘step back.’” BBC News") {
		t.Errorf("MLA: %s", got)
	}
	w.Address = "https://example.org/~me/a_b c.html"
	if got := w.BibTeX(); !strings.Contains(got, "url = {https://example.org/~me/a_b%20c.html}") {
		t.Errorf("BibTeX url: %s", got)
	}
	if got := Quotes("abc\xff 'x'"); !strings.HasPrefix(got, "abc") {
		t.Errorf("Quotes of bad UTF-8: %q", got)
	}
}
