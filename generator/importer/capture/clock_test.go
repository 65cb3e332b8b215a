package capture

import (
	"testing"
	"time"

	"chronicle/generator/diag"
	"chronicle/generator/entry"
)

func doc(pageDate, zone string) *Doc {
	loc, _ := time.LoadLocation(zone)
	return NewDoc(&entry.Capture{File: "c.txt", PageDate: pageDate, TimeZone: zone}, "line\n", loc)
}

// TestClockYearOf: a date printed without a year takes the page date's,
// or the year before across New Year; without a page date it is one error.
func TestClockYearOf(t *testing.T) {
	for _, c := range []struct {
		page  string
		month time.Month
		day   int
		want  string
	}{
		{"2024-07-08", time.July, 8, "2024-07-08"},
		{"2024-07-08", time.July, 1, "2024-07-01"},
		{"2025-01-01", time.December, 31, "2024-12-31"}, // a page that ran over New Year
		{"2024-02-29", time.February, 29, "2024-02-29"},
		{"2024-03-09", time.March, 10, "2024-03-10"}, // a day after the page date: its year, and CheckDay warns
		{"2024-03-09", time.March, 20, "2023-03-20"}, // weeks after: the year before
	} {
		clk := NewClock(doc(c.page, "Europe/London"))
		got, ok := clk.YearOf(3, c.month, c.day, "x")
		if !ok || got.Format(time.DateOnly) != c.want {
			t.Errorf("page %s, %s %d: %v %v, want %s", c.page, c.month, c.day, got, ok, c.want)
		}
	}
	d := doc("", "Europe/London")
	clk := NewClock(d)
	for range 3 {
		if _, ok := clk.YearOf(5, time.July, 8, "8 July"); ok {
			t.Fatal("a yearless date without a page date was dated")
		}
	}
	if len(d.Problems) != 1 || d.Problems[0].Code != diag.NoDate || d.Problems[0].Line != 5 {
		t.Errorf("problems %v, want one %s at line 5", d.Problems, diag.NoDate)
	}
}

// TestClockAt: local times in the page's zone, the gap when clocks go
// forward, and the page date for undated times reported once.
func TestClockAt(t *testing.T) {
	d := doc("2022-03-27", "Europe/London")
	clk := NewClock(d)
	day, ok := clk.PageDay(2, "13:42")
	if !ok {
		t.Fatal("no page day")
	}
	if got := clk.At(2, day, 13, 42, nil, "13:42"); got.Format(time.RFC3339) != "2022-03-27T12:42:00Z" {
		t.Errorf("13:42 BST = %v", got)
	}
	clk.PageDay(4, "14:00") // a second undated time: no second notice
	clk.At(6, day, 1, 30, nil, "01:30")
	codes := map[diag.Code]int{}
	for _, p := range d.Problems {
		codes[p.Code]++
	}
	if codes[diag.DateInferred] != 1 || codes[diag.ClockGap] != 1 {
		t.Errorf("problems %v, want one notice of the page date and one clock gap", d.Problems)
	}
	later := doc("2022-02-01", "UTC")
	NewClock(later).CheckDay(7, time.Date(2022, 2, 3, 0, 0, 0, 0, time.UTC), "3 February 2022")
	if len(later.Problems) != 1 || later.Problems[0].Code != diag.LaterThan {
		t.Errorf("a date after the page date: %v", later.Problems)
	}
}

// TestClockYearOfCalendar: a day the calendar does not have is an error at
// its line, not the first of the next month.
func TestClockYearOfCalendar(t *testing.T) {
	d := doc("2024-03-09", "Europe/London")
	clk := NewClock(d)
	if _, ok := clk.YearOf(4, time.June, 31, "31 June"); ok || !diag.Has(d.Problems, diag.BadDate) || d.Problems[0].Line != 4 {
		t.Errorf("31 June read, problems %v", d.Problems)
	}
	d = doc("2023-03-09", "Europe/London")
	if _, ok := NewClock(d).YearOf(2, time.February, 29, "29 February"); ok {
		t.Error("29 February read in 2023")
	}
}
