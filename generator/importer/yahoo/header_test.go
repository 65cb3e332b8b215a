package yahoo

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"chronicle/generator/importer/capture"
)

func TestParseHeader(t *testing.T) {
	tests := []struct {
		line    string
		ok      bool
		local   string
		date    string
		hour    int
		minute  int
		authors []string
		ymd     string // the date read, YYYY-MM-DD
		wd      string // the weekday printed
		finding string // a word of the one finding expected, "" for none
		sev     capture.Severity
	}{
		{line: "12:31 , Thomas Kingsley", ok: true, local: "12:31", hour: 12, minute: 31, authors: []string{"Thomas Kingsley"}},
		{line: "Thursday 27 January 2022 23:30 , John Bowden", ok: true, local: "Thursday 27 January 2022 23:30",
			date: "Thursday 27 January 2022", hour: 23, minute: 30, authors: []string{"John Bowden"}, ymd: "2022-01-27", wd: "Thursday"},
		{line: "  09:05 , Matt Mathers  ", ok: true, local: "09:05", hour: 9, minute: 5, authors: []string{"Matt Mathers"}},
		{line: "08:15, Tom Ashby", ok: true, local: "08:15", hour: 8, minute: 15, authors: []string{"Tom Ashby"}},
		{line: "9:05 , Jane Dalton", ok: true, local: "9:05", hour: 9, minute: 5, authors: []string{"Jane Dalton"}},
		{line: "Thu 27 Jan 2022 10:00 , John Bowden", ok: true, local: "Thu 27 Jan 2022 10:00", date: "Thu 27 Jan 2022",
			hour: 10, authors: []string{"John Bowden"}, ymd: "2022-01-27", wd: "Thursday"},
		{line: "27 January 2022 10:00 , John Bowden", ok: true, local: "27 January 2022 10:00", date: "27 January 2022",
			hour: 10, authors: []string{"John Bowden"}, ymd: "2022-01-27"},
		{line: "12:31 , Holly Evans and Matt Mathers", ok: true, local: "12:31", hour: 12, minute: 31,
			authors: []string{"Holly Evans", "Matt Mathers"}},
		{line: "12:31 , Priya Nair, Tom Ashby & Ann Lee", ok: true, local: "12:31", hour: 12, minute: 31,
			authors: []string{"Priya Nair", "Tom Ashby", "Ann Lee"}},
		// Shaped like a header, but wrong: still a header, with a finding.
		{line: "25:61 , Jane Dalton", ok: true, local: "25:61", hour: 25, minute: 61, authors: []string{"Jane Dalton"},
			finding: "time 25:61 is not a valid time", sev: capture.Error},
		{line: "Friday 27 January 2022 10:00 , John Bowden", ok: true, local: "Friday 27 January 2022 10:00",
			date: "Friday 27 January 2022", hour: 10, authors: []string{"John Bowden"}, ymd: "2022-01-27", wd: "Friday",
			finding: "was a Thursday, not a Friday", sev: capture.Warning},
		{line: "Monday 31 February 2022 10:00 , John Bowden", ok: true, local: "Monday 31 February 2022 10:00",
			date: "Monday 31 February 2022", hour: 10, authors: []string{"John Bowden"}, ymd: "2022-02-31", wd: "Monday",
			finding: "does not exist", sev: capture.Error},
		{line: "Jeudi 27 Janvier 2022 10:00 , John Bowden", ok: true, local: "Jeudi 27 Janvier 2022 10:00",
			date: "Jeudi 27 Janvier 2022", hour: 10, authors: []string{"John Bowden"},
			finding: "not understood", sev: capture.Error},
		{line: "12:31 ,", ok: true, local: "12:31", hour: 12, minute: 31, authors: []string{},
			finding: "without author", sev: capture.Warning},
		// Not headers.
		{line: ""},
		{line: "12:31"},
		{line: "Ukraine-Russia latest"},
		{line: "What's happened today?published at 19:05 Greenwich Mean Time 1 February 2022"},
		{line: "At 10:00, the minister arrived in Kyiv."},
		{line: "10:00, the minister arrived in Kyiv"},
		{line: "The meeting at 10:00 , Geneva"},
		{line: "123:45 , Jane Dalton"},
		{line: "12:345 , Jane Dalton"},
		{line: "12:31 , Jane Dalton said the talks were over."},
		{line: "I will be here to answer your questions live at 1.30pm UK time on Friday 28 January."},
	}
	for _, tt := range tests {
		h, ok := parseHeader(tt.line)
		if ok != tt.ok {
			t.Errorf("parseHeader(%q) ok = %v, want %v", tt.line, ok, tt.ok)
			continue
		}
		if !ok {
			continue
		}
		var names []string
		for _, a := range h.authors {
			names = append(names, a.Name)
		}
		if names == nil {
			names = []string{}
		}
		if h.local != tt.local || h.date != tt.date || h.hour != tt.hour || h.minute != tt.minute || !reflect.DeepEqual(names, tt.authors) {
			t.Errorf("parseHeader(%q) = %q %q %d:%d %q, want %q %q %d:%d %q", tt.line,
				h.local, h.date, h.hour, h.minute, names, tt.local, tt.date, tt.hour, tt.minute, tt.authors)
		}
		if tt.ymd != "" {
			if got := fmt.Sprintf("%04d-%02d-%02d", h.year, h.month, h.day); got != tt.ymd {
				t.Errorf("parseHeader(%q) date = %s, want %s", tt.line, got, tt.ymd)
			}
		}
		if tt.wd != "" && (!h.hasWeekday || h.weekday.String() != tt.wd) {
			t.Errorf("parseHeader(%q) weekday = %v %v, want %s", tt.line, h.hasWeekday, h.weekday, tt.wd)
		}
		fs := h.check()
		switch {
		case tt.finding == "" && len(fs) > 0:
			t.Errorf("check(%q) = %v, want none", tt.line, fs)
		case tt.finding != "" && (len(fs) != 1 || !strings.Contains(fs[0].msg, tt.finding) || fs[0].sev != tt.sev):
			t.Errorf("check(%q) = %v, want one %v containing %q", tt.line, fs, tt.sev, tt.finding)
		}
	}
}
