package formatfile

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"chronicle/generator/diag"
	"chronicle/generator/entry"
	"chronicle/generator/importer/capture"
)

// readWith reads text by the shipped format called name.
func readWith(t testing.TB, name, text string) *capture.Doc {
	t.Helper()
	for _, f := range Defaults() {
		if f.Name == name {
			return readBy(f, text)
		}
	}
	t.Fatalf("no shipped format %s", name)
	return nil
}

func readBy(f *Format, text string) *capture.Doc {
	c := &entry.Capture{File: "t.txt", Format: f.Name, PageDate: "2024-03-09", CapturedAt: "2024-03-09T12:00:00Z", TimeZone: f.Zone()}
	loc, _ := time.LoadLocation(c.TimeZone)
	d := capture.NewDoc(c, text, loc)
	f.Reader().Read(d)
	return d
}

// entryTimes are the times of d's entries in loc, as "2006-01-02 15:04",
// joined by "|".
func entryTimes(d *capture.Doc, loc *time.Location) string {
	var times []string
	for _, e := range d.Entries {
		times = append(times, e.Time.In(loc).Format("2006-01-02 15:04"))
	}
	return strings.Join(times, "|")
}

// TestMarkersAbove: a marker line above a header (and its title) belongs
// to the entry below it, not to the one before.
func TestMarkersAbove(t *testing.T) {
	f, problems := Parse("m.toml", []byte(`title = "before"
header = ['^(?P<hour>\d{2}):(?P<minute>\d{2})$']
[markers]
analysis = '^Analysis$'
`))
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	d := readBy(f, "Page\nFirst title\n10:00\nText one.\nAnalysis\nSecond title\n09:00\nText two.\n")
	if len(d.Entries) != 2 {
		t.Fatalf("%d entries", len(d.Entries))
	}
	e := d.Entries[1]
	if e.Kind != "analysis" || e.Title != "Second title" || e.Lines != [2]int{5, 8} || d.Entries[0].Lines != [2]int{2, 4} {
		t.Errorf("second entry %q %q %v, first %v", e.Kind, e.Title, e.Lines, d.Entries[0].Lines)
	}
}

// TestUnknownZone: a zone the format does not know is an error at its
// line, not a time read in the wrong zone.
func TestUnknownZone(t *testing.T) {
	f, _ := Parse("z.toml", []byte(`header = ['^(?P<hour>\d{2}):(?P<minute>\d{2}) (?P<zone>[A-Z]{3,4})$']`))
	d := readBy(f, "10:00 KYV\nText.\n")
	if !diag.Has(d.Problems, diag.BadZone) || d.Problems[0].Line != 1 {
		t.Errorf("problems %v", d.Problems)
	}
}

// TestDateLines: a date line dates the entries under it; a header's own
// date wins over it.
func TestDateLines(t *testing.T) {
	d := readWith(t, "nikkei-live", "Saturday, Oct. 22 (Tokyo time)\n4:30 a.m. One.\nFriday, Oct. 21\n11:05 p.m. Two.\n")
	got := entryTimes(d, time.FixedZone("JST", 9*3600))
	// The page date is 2024-03-09 here: October is the October before.
	if got != "2023-10-22 04:30|2023-10-21 23:05" {
		t.Errorf("times %s", got)
	}
}

// FuzzRead: no text makes a format file's reader panic or claim a line
// twice, and every entry's lines and every problem's line are in the text.
func FuzzRead(f *testing.F) {
	fixtures, _ := filepath.Glob("../testdata/formats/*.txt")
	for _, p := range fixtures {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(string(data))
		}
	}
	f.Add("09.02 GMT\n\n09.01 GMT\nKey events\n")
	formats := Defaults()
	f.Fuzz(func(t *testing.T, text string) {
		for _, fm := range formats {
			d := readBy(fm, text)
			if diag.Has(d.Problems, diag.ClaimedTwice) {
				t.Fatalf("%s: a line claimed twice", fm.Name)
			}
			for _, p := range d.Problems {
				if p.Line < 1 || (p.Line > d.Len() && d.Len() > 0) {
					t.Fatalf("%s: problem at line %d of %d: %v", fm.Name, p.Line, d.Len(), p)
				}
			}
			for _, e := range d.Entries {
				if e.Lines[0] < 1 || e.Lines[1] > d.Len() || e.Lines[0] > e.Lines[1] {
					t.Fatalf("%s: entry lines %v of %d", fm.Name, e.Lines, d.Len())
				}
			}
		}
	})
}

// zoned is a format whose times print their zone, for the tests of the
// order across midnight.
func zoned(t *testing.T, order string) *Format {
	t.Helper()
	f, problems := Parse("z.toml", []byte(`zone = "Europe/London"
order = "`+order+`"
title = "none"
header = ['^(?P<hour>\d{2})[.:](?P<minute>\d{2})(?: (?P<zone>[A-Z]{3}))?$']
`))
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	return f
}

// TestMidnightByInstant: the order across midnight compares instants, not
// clock times printed in different zones.
func TestMidnightByInstant(t *testing.T) {
	d := readBy(zoned(t, NewestFirst), "13.00 BST\nOne.\n09.00 EDT\nTwo.\n12.30 BST\nThree.\n")
	got := entryTimes(d, time.UTC)
	// 12:00, 13:00 and 11:30 UTC on 9 March: the second is newer than the
	// one above it, so the day before; the third is older than the second
	// as printed, so the same day as it.
	if want := "2024-03-09 12:00|2024-03-08 13:00|2024-03-08 11:30"; got != want {
		t.Errorf("times %s, want %s", got, want)
	}
}

// TestOldestFirstMidnight: on an oldest-first page the page date is the
// day of the last entry, and the entries before midnight are the day
// before, with no warning that they are later than the page date.
func TestOldestFirstMidnight(t *testing.T) {
	d := readBy(zoned(t, OldestFirst), "22.00\nOne.\n23.30\nTwo.\n00.15\nThree.\n")
	got := entryTimes(d, time.UTC)
	if want := "2024-03-08 22:00|2024-03-08 23:30|2024-03-09 00:15"; got != want {
		t.Errorf("times %s, want %s", got, want)
	}
	for _, p := range d.Problems {
		if p.Severity > diag.Notice {
			t.Errorf("%v", p)
		}
	}
}

// TestPrintedTime: a header with a relative and a clock time prints the
// clock time.
func TestPrintedTime(t *testing.T) {
	d := readWith(t, "aljazeera-live", "A page\n40m ago (10:22 GMT)\nA title\nText.\n")
	if len(d.Entries) != 1 || d.Entries[0].LocalTime != "10:22 GMT" {
		t.Errorf("entries %+v", d.Entries)
	}
}
