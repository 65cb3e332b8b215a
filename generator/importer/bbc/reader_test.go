package bbc

import (
	"os"
	"strings"
	"testing"
	"time"

	"chronicle/generator/diag"
	"chronicle/generator/entry"
	"chronicle/generator/importer/capture"
)

// readFile reads a capture with the BBC reader as the importer would.
func readFile(t testing.TB, path, pageDate string) *capture.Doc {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return readText(path, string(data), pageDate)
}

// readText reads the text of a capture named file with the BBC reader as
// the importer would, in London's zone.
func readText(file, text, pageDate string) *capture.Doc {
	loc, _ := time.LoadLocation("Europe/London")
	d := capture.NewDoc(&entry.Capture{File: file, Publisher: "BBC News", PublisherID: "bbc", PageDate: pageDate}, text, loc)
	New().Read(d)
	return d
}

// TestSummerPage reads a page nobody here has captured, written in the same
// style: British Summer Time, a marker after the header, an unknown marker, a
// YouTube embed, a caption without its photo line, a byline under a pull
// quote's speaker, links, and an entry glued to the previous line.
func TestSummerPage(t *testing.T) {
	d := readFile(t, "testdata/summer.txt", "")
	if got := len(d.Entries); got != 5 {
		t.Fatalf("got %d entries, want 5", got)
	}
	e := d.Entries
	want := []struct {
		kind  entry.Kind
		when  string
		title string
	}{
		{"live-reporting", "2022-08-03T20:10:00Z", "First grain ship reaches Istanbul"},
		{entry.KindBreaking, "2022-08-03T19:45:00Z", "Zelensky: exports are a signal of hope"},
		{entry.KindAnalysis, "2022-08-03T19:30:00Z", "Why the grain deal matters"},
		{entry.KindPost, "2022-08-03T18:58:00Z", "Ukraine strikes Antonivskiy bridge"},
		{entry.KindPost, "2022-08-02T23:15:00Z", "Overnight recap"},
	}
	for i, w := range want {
		if e[i].Kind != w.kind || e[i].Time.Format(time.RFC3339) != w.when || e[i].Title != w.title {
			t.Errorf("entry %d = %q %s %q, want %q %s %q", i, e[i].Kind, e[i].Time.Format(time.RFC3339), e[i].Title, w.kind, w.when, w.title)
		}
	}
	if len(e[0].Authors) != 1 || withoutLine(e[0].Authors[0]) != (entry.Author{Name: "Laura Gozzi", Role: "BBC News"}) {
		t.Errorf("byline = %+v", e[0].Authors)
	}
	if f := e[0].Body[1]; f.Type != entry.BlockFigure || f.Credit != "EPA" || f.Caption != "The Razoni left Odesa on Monday" {
		t.Errorf("figure = %+v", f)
	}
	q := e[1].Body[1]
	if q.Type != entry.BlockQuote || q.Speaker != "Volodymyr Zelensky" || !strings.HasPrefix(q.Text, "We can't be naive") {
		t.Errorf("quote = %+v", q)
	}
	if len(e[2].Authors) != 1 || e[2].Authors[0].Name != "Jeremy Bowen" {
		t.Errorf("analysis byline = %+v", e[2].Authors)
	}
	p := e[2].Body[0]
	if p.Text != "Millions depend on the grain that Ukraine exports, as the UN's World Food Programme says." || len(p.Links) != 2 {
		t.Errorf("links paragraph = %+v", p)
	} else if got := p.Text[p.Links[1].Start:p.Links[1].End]; got != "UN's World Food Programme" {
		t.Errorf("second link text = %q", got)
	}
	if b := e[2].Body[1]; b.Type != entry.BlockEmbed || b.Provider != "YouTube" {
		t.Errorf("embed = %+v", b)
	}
	if b := e[2].Body[2]; b.Type != entry.BlockFigure || b.Caption != "A grain silo in Odesa, shelled in July" {
		t.Errorf("caption-only figure = %+v", b)
	}
	if b := e[3].Body; len(b) != 3 || b[0].Type != entry.BlockVideo || b[2].Type != entry.BlockFigure || b[2].Alt != "Map of the Kherson region" {
		t.Errorf("video entry body = %+v", b)
	}
	if b := e[4].Body; len(b) != 1 || len(b[0].Items) != 2 || len(b[0].Items[1].Links) != 1 {
		t.Errorf("list = %+v", b)
	}
	if got := d.Capture.Page.Summary; len(got) != 2 {
		t.Errorf("summary = %q", got)
	}
	if u := d.Unplaced(); len(u) != 0 {
		t.Errorf("unplaced lines %v", u)
	}
	var warned bool
	for _, p := range d.Problems {
		if p.Severity == capture.Warning && strings.Contains(p.Message, "unknown marker") && p.Line == 7 {
			warned = true
		} else if p.Severity >= capture.Warning {
			t.Errorf("unexpected problem %v", p)
		}
	}
	if !warned {
		t.Error("the unknown marker was not reported")
	}
}

// TestImpossibleTime reports an impossible time at its line and keeps the entry.
func TestImpossibleTime(t *testing.T) {
	text := "  1. Latepublished at 25:61 Greenwich Mean Time 1 February 2022\n\n    Text.\n"
	d := capture.NewDoc(&entry.Capture{File: "x.txt"}, text, time.UTC)
	New().Read(d)
	if len(d.Entries) != 1 || len(d.Problems) == 0 || d.Problems[0].Line != 1 || d.Problems[0].Severity != capture.Error ||
		d.Problems[0].Code != diag.Header || !strings.Contains(d.Problems[0].Message, "impossible time 25:61") {
		t.Fatalf("entries %d, problems %v", len(d.Entries), d.Problems)
	}
}

// TestUndatedWithoutPageDate asks for a page date rather than guessing one.
func TestUndatedWithoutPageDate(t *testing.T) {
	text := "  1. Earlypublished at 06:00 GMT\n\n    Text.\n"
	d := capture.NewDoc(&entry.Capture{File: "x.txt"}, text, time.UTC)
	New().Read(d)
	if len(d.Problems) != 1 || d.Problems[0].Code != diag.NoDate {
		t.Fatalf("problems %v", d.Problems)
	}
	d = capture.NewDoc(&entry.Capture{File: "x.txt", PageDate: "2022-03-01"}, text, time.UTC)
	New().Read(d)
	if got := d.Entries[0].Time.Format(time.RFC3339); got != "2022-03-01T06:00:00Z" {
		t.Errorf("time = %s", got)
	}
}

func TestDetect(t *testing.T) {
	d := readFile(t, "testdata/summer.txt", "")
	if New().Detect(d.Lines) == 0 {
		t.Error("BBC page not detected")
	}
	if New().Detect([]string{"Title", "", "12:31 , Thomas Kingsley", "", "Text."}) != 0 {
		t.Error("an Independent page detected as BBC")
	}
}

// FuzzRead feeds arbitrary text to the reader: it must not panic, must claim
// only lines that exist, never claim a line twice, and keep entries' lines
// inside the file.
func FuzzRead(f *testing.F) {
	for _, p := range []string{"testdata/summer.txt", "../../../content/sources/000_7afe650ce409cb36.txt", "../../../content/sources/004_816f4847ca21db51.txt"} {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(string(data))
		}
	}
	f.Add("  1. Analysis\n\n    Xpublished at 10:00 GMT 1 May 2022\n    Breaking\n    Quote Message\n")
	f.Fuzz(func(t *testing.T, text string) {
		d := capture.NewDoc(&entry.Capture{File: "fuzz.txt", PageDate: "2022-01-01"}, text, time.UTC)
		New().Read(d)
		for _, p := range d.Problems {
			if p.Code == diag.ClaimedTwice {
				t.Fatalf("%v", p)
			}
		}
		for _, e := range d.Entries {
			if e.Lines[0] < 1 || e.Lines[1] > d.Len() || e.Lines[0] > e.Lines[1] {
				t.Fatalf("entry lines %v outside 1..%d", e.Lines, d.Len())
			}
		}
		for n := 1; n <= d.Len(); n++ {
			if u := d.UseOf(n); u != nil && u.Entry >= len(d.Entries) {
				t.Fatalf("line %d claimed for entry %d of %d", n, u.Entry, len(d.Entries))
			}
		}
	})
}

// TestYearlessDate: a page of the current year prints no year ("8 July"):
// the year comes from the page date, and the entries of a page that runs
// over New Year keep their own years; without a page date it is an error
// at the line that needs one, and the capture is still read.
func TestYearlessDate(t *testing.T) {
	text := "  1. Latest newspublished at 09:15 British Summer Time 8 July\n\n    Text.\n\n" +
		"  2. Earlierpublished at 23:50 Greenwich Mean Time 31 December\n\n    Text.\n"
	for _, c := range []struct{ page, first, second string }{
		{"2024-07-08", "2024-07-08T08:15:00Z", "2023-12-31T23:50:00Z"},
		{"2025-01-01", "2024-07-08T08:15:00Z", "2024-12-31T23:50:00Z"},
	} {
		d := capture.NewDoc(&entry.Capture{File: "x.txt", PageDate: c.page}, text, time.UTC)
		New().Read(d)
		if len(d.Entries) != 2 || d.Entries[0].Time.Format(time.RFC3339) != c.first || d.Entries[1].Time.Format(time.RFC3339) != c.second {
			t.Errorf("page %s: entries %+v, problems %v", c.page, d.Entries, d.Problems)
		}
	}
	d := capture.NewDoc(&entry.Capture{File: "x.txt"}, text, time.UTC)
	New().Read(d)
	if len(d.Entries) != 2 || len(d.Problems) != 1 || d.Problems[0].Code != diag.NoDate || d.Problems[0].Line != 1 {
		t.Errorf("without a page date: %d entries, problems %v", len(d.Entries), d.Problems)
	}
}

// TestVerifyPlaceRoleAndTimesInText: traits of later BBC pages (FORMATS.md,
// "Seen since"): a `BBC Verify` marker is the entry's kind, with no
// warning; a byline's role can be a place; times inside the text (`by
// 20:00 GMT`, `• 09:00:`) start no entry.
func TestVerifyPlaceRoleAndTimesInText(t *testing.T) {
	text := "  2. BBC Verify\n\n  Checking the footage of the convoypublished at 10:35 British Summer Time 8 July 2023\n\n" +
		"    Maya Osei\n    Reporting from Kyiv\n\n    Footage shared online appears to show a convoy near the border.\n\n" +
		"    We will update by 20:00 GMT with what we find.\n\n    • 09:00: first sighting reported\n\n" +
		"  1. Morning newspublished at 09:10 British Summer Time 8 July 2023\n\n    The morning began quietly.\n"
	d := readText("verify.txt", text, "2023-07-08")
	if len(d.Entries) != 2 {
		t.Fatalf("%d entries, want 2 (times in the text start none)", len(d.Entries))
	}
	e := d.Entries[0]
	if e.Kind != "bbc-verify" || e.Number != 2 {
		t.Errorf("kind %q, number %d; want bbc-verify, 2", e.Kind, e.Number)
	}
	if len(e.Authors) != 1 || e.Authors[0].Name != "Maya Osei" || e.Authors[0].Role != "Reporting from Kyiv" {
		t.Errorf("authors %+v, want Maya Osei, Reporting from Kyiv", e.Authors)
	}
	var texts []string
	for _, b := range e.Body {
		texts = append(texts, b.Text)
		for _, it := range b.Items {
			texts = append(texts, it.Text)
		}
	}
	if body := strings.Join(texts, " | "); !strings.Contains(body, "by 20:00 GMT") || !strings.Contains(body, "09:00: first sighting") {
		t.Errorf("the times in the text are not in its body: %s", body)
	}
	for _, p := range d.Problems {
		if p.Severity != capture.Notice {
			t.Errorf("problem: %s", p.String())
		}
	}
}

// TestAgenciesWithCommasOrNone: a photo's agency may hold a comma or be
// empty; the line is a figure either way, with the credit as printed.
func TestAgenciesWithCommasOrNone(t *testing.T) {
	text := "  1. Streets of the capitalpublished at 10:35 British Summer Time 8 July 2023\n\n" +
		"    A queue at a bus stopImage source, Olga Ivshina, BBC\n\n" +
		"    A map of the cityImage source, .\n\n" +
		"    People queued for buses all morning.\n"
	d := readText("agency.txt", text, "2023-07-08")
	if len(d.Entries) != 1 || len(d.Entries[0].Body) != 3 {
		t.Fatalf("entries %+v", d.Entries)
	}
	var got []string
	for _, b := range d.Entries[0].Body[:2] {
		got = append(got, string(b.Type)+":"+b.Alt+"/"+b.Credit)
	}
	if want := "figure:A queue at a bus stop/Olga Ivshina, BBC|figure:A map of the city/"; strings.Join(got, "|") != want {
		t.Errorf("figures %q, want %q", strings.Join(got, "|"), want)
	}
	if un := d.Unplaced(); len(un) > 0 {
		t.Errorf("unplaced lines %v", un)
	}
}
