package yahoo

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"chronicle/generator/importer/capture"
)

func TestClock(t *testing.T) {
	tests := []struct {
		name     string
		pageDate string
		headers  []string // read in turn, at lines 1, 2, …
		want     []string // RFC 3339 instants, "" for none
		problems []string // "line:severity:part of message"
	}{
		{"winter: UTC is local", "2022-01-28", []string{"12:31 , A B", "Thursday 27 January 2022 23:30 , A B"},
			[]string{"2022-01-28T12:31:00Z", "2022-01-27T23:30:00Z"},
			[]string{"1:notice:date 2022-01-28 of undated times taken from the page date"}},
		{"summer: UTC is local less an hour", "2022-08-13", []string{"11:42 , A B", "Thursday 11 August 2022 00:30 , A B"},
			[]string{"2022-08-13T10:42:00Z", "2022-08-10T23:30:00Z"},
			[]string{"1:notice:taken from the page date"}},
		{"the notice is given once", "2022-01-21", []string{"08:45 , A B", "09:09 , A B"},
			[]string{"2022-01-21T08:45:00Z", "2022-01-21T09:09:00Z"},
			[]string{"1:notice:taken from the page date"}},
		{"no page date", "", []string{"Thursday 27 January 2022 23:30 , A B", "12:31 , A B", "12:15 , A B"},
			[]string{"2022-01-27T23:30:00Z", "", ""},
			[]string{"2:error:time 12:31 has no date: set page_date in the sidecar or pass --date"}},
		{"page date malformed", "28/01/2022", []string{"12:31 , A B"}, []string{""},
			[]string{"1:error:page date \"28/01/2022\" is not YYYY-MM-DD"}},
		{"dated after the page date", "2022-01-27", []string{"Friday 28 January 2022 10:00 , A B"},
			[]string{"2022-01-28T10:00:00Z"},
			[]string{"1:warning:later than the page date"}},
		{"in the spring gap", "2022-03-27", []string{"01:30 , A B"}, []string{"2022-03-27T01:30:00Z"},
			[]string{"1:notice:taken from the page date", "1:warning:does not exist"}},
		{"bad time", "2022-01-28", []string{"25:61 , A B"}, []string{""}, nil},
	}
	for _, tt := range tests {
		d := newDoc(t, "test.txt", strings.Join(tt.headers, "\n"), tt.pageDate)
		c := newClock(d)
		for i, line := range tt.headers {
			h, ok := parseHeader(line)
			if !ok {
				t.Fatalf("%s: %q is not a header", tt.name, line)
			}
			got := ""
			if at := c.at(h, i+1); !at.IsZero() {
				got = at.Format(time.RFC3339)
			}
			if got != tt.want[i] {
				t.Errorf("%s: at(%q) = %q, want %q", tt.name, line, got, tt.want[i])
			}
		}
		if len(d.Problems) != len(tt.problems) {
			t.Errorf("%s: problems %v, want %v", tt.name, d.Problems, tt.problems)
			continue
		}
		for i, p := range d.Problems {
			parts := strings.SplitN(tt.problems[i], ":", 3)
			if strconv.Itoa(p.Line) != parts[0] || p.Severity.String() != parts[1] || !strings.Contains(p.Message, parts[2]) {
				t.Errorf("%s: problem %v, want %s", tt.name, p, tt.problems[i])
			}
		}
		if c.zone() != "Europe/London" {
			t.Errorf("%s: zone %q", tt.name, c.zone())
		}
	}
}

func TestClockWithoutLocation(t *testing.T) {
	d := newDoc(t, "test.txt", "12:00 , A B\n", "2022-08-13")
	d.Location = nil
	if c := newClock(d); c.zone() != "Europe/London" || len(d.Problems) != 0 {
		t.Errorf("zone from the sidecar: %q, %v", c.zone(), d.Problems)
	}
	d = newDoc(t, "test.txt", "12:00 , A B\n", "2022-08-13")
	d.Location, d.Capture.TimeZone = nil, ""
	if c := newClock(d); c.zone() != "UTC" || len(d.Problems) != 1 || d.Problems[0].Severity != capture.Warning {
		t.Errorf("no zone: %q, %v", c.zone(), d.Problems)
	}
}
