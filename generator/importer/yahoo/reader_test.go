package yahoo

import (
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"chronicle/generator/diag"
	"chronicle/generator/entry"
	"chronicle/generator/importer/capture"
)

// sources holds the seed captures.
const sources = "../../../content/sources/"

// captures are the seeds and the fixtures, with their page dates.
var captures = []struct{ path, pageDate string }{
	{sources + "002_47fcd5b802167d02.txt", "2022-01-21"},
	{sources + "003_5866d952774fa42e.txt", "2022-01-28"},
	{"testdata/heatwave_bst.txt", "2022-08-13"},
	{"testdata/railstrike_oldest_first.txt", "2021-12-14"},
}

// want is what a capture must read as.
type want struct {
	days      map[string]int    // entries per local day
	instants  map[string]string // local time as printed → RFC 3339 UTC
	stubs     []string          // local times of the stubs
	titleOnly []string          // local times of posts with a title and no body
	related   []int             // lines of related-article headlines
	figures   map[int][2]string // first line of a figure → caption, credit
	joined    map[int]string    // first line of a broken paragraph → a run of its text
	lists     map[int]int       // first line of a list → number of items
	links     map[int]string    // first line of a block → text of its first link
	embeds    []int             // first lines of embeds
	headline  string
	lede      int
	keyPoints int
	fields    map[int]string // lines claimed as page-level fields
}

var wants = map[string]want{
	"002_47fcd5b802167d02.txt": {
		days:      map[string]int{"2022-01-21": 37},
		instants:  map[string]string{"08:45": "2022-01-21T08:45:00Z", "20:40": "2022-01-21T20:40:00Z"},
		stubs:     []string{"16:13"},
		titleOnly: []string{"10:29"},
		related:   []int{87, 138, 186, 200, 268, 278, 342},
		figures:   map[int][2]string{64: {"Service members attend a ceremony in tribute to fallen defenders of Ukraine in Kyiv", "REUTERS"}},
		headline:  "Ukraine-Russia crisis: Moscow would face severe response to invasion, warns Blinken as talks end",
		lede:      7,
		fields: map[int]string{1: fieldHeadline, 3: fieldReaderChrome, 9: fieldReaderChrome, 10: fieldReaderChrome,
			16: fieldReaderChrome, 18: fieldLede, 30: fieldLede, 32: fieldCoverageNote, 446: fieldCommentsNotice},
	},
	"003_5866d952774fa42e.txt": {
		days: map[string]int{"2022-01-28": 28, "2022-01-27": 24},
		instants: map[string]string{
			"12:31":                          "2022-01-28T12:31:00Z",
			"00:00":                          "2022-01-28T00:00:00Z",
			"Thursday 27 January 2022 23:30": "2022-01-27T23:30:00Z",
			"Thursday 27 January 2022 12:54": "2022-01-27T12:54:00Z",
		},
		titleOnly: []string{"Thursday 27 January 2022 15:52", "Thursday 27 January 2022 14:25", "Thursday 27 January 2022 13:05"},
		related:   []int{111, 181, 331, 365, 525, 561, 603, 643},
		figures: map[int][2]string{
			53: {"Ukraine Tensions", "The Associated Press"},
			66: {"", "AP"},
		},
		joined:    map[int]string{121: "clarifications from Mr Putin and emphasise"},
		headline:  "Ukraine news - live: US says Russia could invade next month as UK warns of cyber-warfare",
		lede:      6,
		keyPoints: 6,
		fields:    map[int]string{1: fieldHeadline, 3: fieldLede, 13: fieldLede, 15: fieldKeyPoints, 17: fieldKeyPoints, 27: fieldKeyPoints},
	},
	"heatwave_bst.txt": {
		days: map[string]int{"2022-08-13": 7, "2022-08-12": 3, "2022-08-11": 2, "2022-08-10": 1},
		instants: map[string]string{
			"11:42":                          "2022-08-13T10:42:00Z",
			"Friday 12 August 2022 22:15":    "2022-08-12T21:15:00Z",
			"Thursday 11 August 2022 00:30":  "2022-08-10T23:30:00Z",
			"Wednesday 10 August 2022 19:20": "2022-08-10T18:20:00Z",
		},
		stubs:     []string{"09:05"},
		titleOnly: []string{"11:05", "Friday 12 August 2022 16:02"},
		related:   []int{64, 112},
		figures:   map[int][2]string{45: {"A firefighter damps down a grass fire on Leyton Flats in east London", "PA"}},
		joined: map[int]string{
			54: "whose regional director, Ms Marsh, warned",
			58: "filling paddling pools and washing cars.",
		},
		lists:    map[int]int{40: 3},
		links:    map[int]string{26: "Surfers Against Sewage", 98: "BBC"},
		embeds:   []int{80},
		headline: "Heatwave – live: Hosepipe bans spread as amber warning extended into weekend",
		lede:     3,
		fields:   map[int]string{3: fieldReaderChrome, 6: fieldReaderChrome, 7: fieldReaderChrome, 80: fieldReaderChrome, 128: fieldCommentsNotice},
	},
	"railstrike_oldest_first.txt": {
		days: map[string]int{"2021-12-13": 2, "2021-12-14": 6},
		instants: map[string]string{
			"Monday 13 December 2021 21:10": "2021-12-13T21:10:00Z",
			"07:30":                         "2021-12-14T07:30:00Z",
			"08:15":                         "2021-12-14T08:15:00Z",
		},
		titleOnly: []string{"09:40", "10:05"},
		related:   []int{64, 80},
		figures:   map[int][2]string{43: {"Empty platforms at London Bridge station on Tuesday morning", "AFP via Getty Images"}},
		joined:    map[int]string{52: "transport secretary, Dr Amara Okafor, asking"},
		lists:     map[int]int{39: 3},
		headline:  "Rail strike – live: Commuters face second day of disruption as talks end without deal",
		lede:      2,
		keyPoints: 3,
		fields:    map[int]string{9: fieldKeyPoints, 15: fieldCoverageNote},
	},
}

func TestCaptures(t *testing.T) {
	for _, c := range captures {
		d := readCapture(t, c.path, c.pageDate)
		w, ok := wants[d.Capture.File]
		if !ok {
			t.Fatalf("no expectations for %s", d.Capture.File)
		}
		t.Run(d.Capture.File, func(t *testing.T) { checkCapture(t, d, w) })
	}
}

func checkCapture(t *testing.T, d *capture.Doc, w want) {
	checkLedger(t, d)
	for _, p := range problemsAtLeast(d, capture.Warning) {
		t.Errorf("problem: %s", p)
	}
	loc := london(t)
	days := map[string]int{}
	for i, e := range d.Entries {
		days[e.Time.In(loc).Format(time.DateOnly)]++
		if len(e.Authors) == 0 || e.Authors[0].Name == "" || e.Authors[0].Role != "" {
			t.Errorf("entry %d (%s) authors %v", i, e.LocalTime, e.Authors)
		}
		if e.Capture != d.Capture.File || e.PublisherID != "independent" || e.Publisher != "The Independent" || e.Zone != "Europe/London" || e.ID != "" {
			t.Errorf("entry %d (%s): capture fields %q %q %q %q %q", i, e.LocalTime, e.Capture, e.Publisher, e.PublisherID, e.Zone, e.ID)
		}
		if e.Time.Location() != time.UTC {
			t.Errorf("entry %d (%s): time %v not in UTC", i, e.LocalTime, e.Time)
		}
		if e.Lines[0] < 1 || e.Lines[1] > d.Len() || e.Lines[0] > e.Lines[1] {
			t.Errorf("entry %d (%s): lines %v", i, e.LocalTime, e.Lines)
		}
		if e.Kind == entry.KindStub && (e.Title != "" || len(e.Body) != 0) {
			t.Errorf("entry %d (%s): stub with title %q and %d blocks", i, e.LocalTime, e.Title, len(e.Body))
		}
		if e.Kind != entry.KindStub && e.Title == "" {
			t.Errorf("entry %d (%s): post without title", i, e.LocalTime)
		}
	}
	if !reflect.DeepEqual(days, w.days) {
		t.Errorf("entries per day %v, want %v", days, w.days)
	}
	for local, instant := range w.instants {
		if got := entryAt(t, d, local).Time.Format(time.RFC3339); got != instant {
			t.Errorf("entry at %s: time %s, want %s", local, got, instant)
		}
	}
	var stubs, titleOnly []string
	for _, e := range d.Entries {
		switch {
		case e.Kind == entry.KindStub:
			stubs = append(stubs, e.LocalTime)
		case len(e.Body) == 0:
			titleOnly = append(titleOnly, e.LocalTime)
		}
	}
	if !reflect.DeepEqual(stubs, w.stubs) || !reflect.DeepEqual(titleOnly, w.titleOnly) {
		t.Errorf("stubs %q, title-only %q; want %q, %q", stubs, titleOnly, w.stubs, w.titleOnly)
	}
	for _, local := range w.stubs {
		e := entryAt(t, d, local)
		if !hasProblem(d, e.Lines[0], capture.Notice, "empty entry kept as stub") {
			t.Errorf("stub at %s: no notice at line %d", local, e.Lines[0])
		}
	}
	var related []int
	for _, e := range d.Entries {
		for _, b := range e.Body {
			if b.Type == entry.BlockRelated {
				related = append(related, b.Lines[0])
				if b.Text != strings.TrimSpace(d.Line(b.Lines[0])) {
					t.Errorf("related at %d: text %q", b.Lines[0], b.Text)
				}
			}
		}
	}
	if !reflect.DeepEqual(related, w.related) {
		t.Errorf("related lines %v, want %v", related, w.related)
	}
	for n, cc := range w.figures {
		b, ok := blockAt(d, n)
		if !ok || b.Type != entry.BlockFigure || b.Caption != cc[0] || b.Credit != cc[1] || b.Lines != [2]int{n, n + 1} {
			t.Errorf("line %d: %+v, want figure %q credit %q over two lines", n, b, cc[0], cc[1])
		}
	}
	for n, run := range w.joined {
		b, ok := blockAt(d, n)
		if !ok || b.Type != entry.BlockParagraph || !strings.Contains(b.Text, run) || b.Lines[1] <= n {
			t.Errorf("line %d: %+v, want a paragraph joined across lines holding %q", n, b, run)
		}
	}
	for n, items := range w.lists {
		b, ok := blockAt(d, n)
		if !ok || b.Type != entry.BlockList || len(b.Items) != items || b.Items[0].Type != entry.BlockItem {
			t.Errorf("line %d: %+v, want a list of %d items", n, b, items)
		}
	}
	for n, link := range w.links {
		b, ok := blockAt(d, n)
		if !ok || len(b.Links) == 0 || b.Text[b.Links[0].Start:b.Links[0].End] != link || strings.Contains(b.Text, "external") {
			t.Errorf("line %d: %+v, want link %q", n, b, link)
		}
	}
	for _, n := range w.embeds {
		if b, ok := blockAt(d, n); !ok || b.Type != entry.BlockEmbed {
			t.Errorf("line %d: %+v, want an embed", n, b)
		}
	}
	pg := d.Capture.Page
	if pg.Headline != w.headline || len(pg.Lede) != w.lede || len(pg.KeyPoints) != w.keyPoints {
		t.Errorf("page: %q, %d lede, %d key points; want %q, %d, %d", pg.Headline, len(pg.Lede), len(pg.KeyPoints), w.headline, w.lede, w.keyPoints)
	}
	for n, field := range w.fields {
		if u := d.UseOf(n); u == nil || u.Field != field || u.Entry != -1 {
			t.Errorf("line %d claimed as %+v, want %s", n, u, field)
		}
	}
}

func hasProblem(d *capture.Doc, line int, sev capture.Severity, msg string) bool {
	for _, p := range d.Problems {
		if p.Line == line && p.Severity == sev && strings.Contains(p.Message, msg) {
			return true
		}
	}
	return false
}

// TestRepostedHeadline: 003 posts the same headline at 16:16 on 27 January
// and at 09:27 on 28 January; both are entries of their own.
func TestRepostedHeadline(t *testing.T) {
	d := readCapture(t, sources+"003_5866d952774fa42e.txt", "2022-01-28")
	const title = "Deadly attack by soldier fuels conspiracy theories in nervy Ukraine"
	var at []string
	for _, e := range d.Entries {
		if e.Title == title {
			at = append(at, e.LocalTime)
		}
	}
	if want := []string{"09:27", "Thursday 27 January 2022 16:16"}; !reflect.DeepEqual(at, want) {
		t.Errorf("entries titled %q at %q, want %q", title, at, want)
	}
}

func TestMissingPageDate(t *testing.T) {
	d := readCapture(t, sources+"003_5866d952774fa42e.txt", "")
	checkLedger(t, d)
	errs := problemsAtLeast(d, capture.Warning)
	if len(errs) != 1 || errs[0].Line != 31 || errs[0].Severity != capture.Error ||
		errs[0].Message != "time 12:31 has no date: set page_date in the sidecar or pass --date" {
		t.Fatalf("problems %v, want one error at line 31", errs)
	}
	if len(d.Entries) != 52 {
		t.Fatalf("%d entries, want 52", len(d.Entries))
	}
	for _, e := range d.Entries {
		if dated := strings.Contains(e.LocalTime, " "); dated == e.Time.IsZero() {
			t.Errorf("entry at %s: time %v", e.LocalTime, e.Time)
		}
	}
}

func TestBadHeaders(t *testing.T) {
	text := strings.Join([]string{
		"Headline",
		"",
		"Bad time",
		"",
		"25:61 , Jane Dalton",
		"",
		"Body.",
		"",
		"Wrong weekday",
		"",
		"Friday 27 January 2022 10:00 , John Bowden",
		"",
		"Body.",
		"",
		"",
		"11:00 , John Bowden",
		"",
		"A body under no title.",
	}, "\n")
	d := readText(t, text, "2022-01-28")
	checkLedger(t, d)
	if len(d.Entries) != 3 {
		t.Fatalf("%d entries, want 3", len(d.Entries))
	}
	if !d.Entries[0].Time.IsZero() || d.Entries[0].Title != "Bad time" {
		t.Errorf("entry with a bad time: %v %q", d.Entries[0].Time, d.Entries[0].Title)
	}
	if got := d.Entries[1].Time.Format(time.RFC3339); got != "2022-01-27T10:00:00Z" {
		t.Errorf("entry with a wrong weekday: %s", got)
	}
	for _, p := range []struct {
		line int
		sev  capture.Severity
		msg  string
	}{
		{5, capture.Error, "time 25:61 is not a valid time"},
		{11, capture.Warning, "was a Thursday, not a Friday"},
		{16, capture.Warning, "entry has no title"},
	} {
		if !hasProblem(d, p.line, p.sev, p.msg) {
			t.Errorf("no %v %q at line %d in %v", p.sev, p.msg, p.line, d.Problems)
		}
	}
}

func TestNoHeaders(t *testing.T) {
	d := readText(t, "A headline\n\n·3 min read\n\nSome text.\n", "2022-01-28")
	if len(d.Entries) != 0 || !hasProblem(d, 1, capture.Error, "no entry header") {
		t.Errorf("entries %d, problems %v", len(d.Entries), d.Problems)
	}
	if u := d.Unplaced(); !reflect.DeepEqual(u, []int{5}) {
		t.Errorf("unplaced %v, want [5]", u)
	}
}

func TestDetect(t *testing.T) {
	tests := []struct {
		file string
		want int
	}{
		{"000_7afe650ce409cb36.txt", 0},
		{"001_a28a9c18a89ddee7.txt", 0},
		{"004_816f4847ca21db51.txt", 0},
		{"002_47fcd5b802167d02.txt", 37},
		{"003_5866d952774fa42e.txt", 52},
	}
	for _, tt := range tests {
		data, err := os.ReadFile(sources + tt.file)
		if err != nil {
			t.Fatal(err)
		}
		if got := New().Detect(strings.Split(string(data), "\n")); got != tt.want {
			t.Errorf("Detect(%s) = %d, want %d", tt.file, got, tt.want)
		}
	}
	if New().Format() != "yahoo-live" {
		t.Errorf("Format() = %q", New().Format())
	}
}

func FuzzRead(f *testing.F) {
	for _, c := range captures {
		data, err := os.ReadFile(c.path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(data), c.pageDate)
	}
	f.Add("T\n\n25:61 , A\n\n16:13 , B\n", "")
	f.Add("  • Oops!\n    Something went wrong.\n12:00 , A\n  • Oops!\n", "2022-13-45")
	loc, err := time.LoadLocation("Europe/London")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text, pageDate string) {
		c := &entry.Capture{File: "fuzz.txt", PageDate: pageDate, TimeZone: "Europe/London", Format: Format}
		d := capture.NewDoc(c, text, loc)
		New().Read(d)
		for _, p := range d.Problems {
			if p.Code == diag.ClaimedTwice {
				t.Fatalf("%s", p)
			}
			if p.Line < 0 || p.Line > max(d.Len(), 1) {
				t.Fatalf("problem out of range: %s", p)
			}
		}
		for n := 1; n <= d.Len(); n++ {
			u := d.UseOf(n)
			if u == nil {
				continue
			}
			if d.Blank(n) || u.Entry < -1 || u.Entry >= len(d.Entries) {
				t.Fatalf("line %d claimed as %+v of %d entries", n, u, len(d.Entries))
			}
		}
		for i, e := range d.Entries {
			if e.Lines[0] < 1 || e.Lines[1] > d.Len() || e.Lines[0] > e.Lines[1] {
				t.Fatalf("entry %d: lines %v outside 1..%d", i, e.Lines, d.Len())
			}
			for _, b := range e.Body {
				if b.Lines[0] < e.Lines[0] || b.Lines[1] > e.Lines[1] || b.Lines[0] > b.Lines[1] {
					t.Fatalf("entry %d %v: block lines %v", i, e.Lines, b.Lines)
				}
			}
		}
	})
}

func BenchmarkRead(b *testing.B) {
	var texts []string
	size := 0
	for _, c := range captures[:2] {
		data, err := os.ReadFile(c.path)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(data))
		size += len(data)
	}
	loc := london(b)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for i, text := range texts {
			c := &entry.Capture{File: "bench.txt", PageDate: captures[i].pageDate, TimeZone: "Europe/London", Format: Format}
			New().Read(capture.NewDoc(c, text, loc))
		}
	}
}
