package formatfile

import (
	"testing"
	"time"

	"chronicle/internal/tabletest"
)

func TestAgo(t *testing.T) {
	tabletest.FuncOK(t, "ago", ago, []tabletest.Case[string, time.Duration]{
		{"26 min ago", 26 * time.Minute, true},
		{"2h ago", 2 * time.Hour, true},
		{"1 hr 35 min ago", 95 * time.Minute, true},
		{"1 day ago", 24 * time.Hour, true},
		{"3 weeks ago", 21 * 24 * time.Hour, true},
		{"15m", 15 * time.Minute, true},
		{"Just now", 0, true},
		{"2 fortnights ago", 0, false},
		{"ago", 0, false},
		{"yesterday", 0, false},
		{"20000 weeks ago", 0, false}, // past maxAgo: not a live page's age
	})
}

func TestHourOf(t *testing.T) {
	tests := []struct {
		h, ampm string
		want    int
		ok      bool
	}{
		{"09", "", 9, true}, {"23", "", 23, true}, {"24", "", 0, false},
		{"12", "a.m.", 0, true}, {"12", "PM", 12, true}, {"1", "pm", 13, true}, {"11", "p.m.", 23, true},
		{"13", "pm", 0, false}, {"0", "am", 0, false},
		{"Noon", "", 12, true}, {"midnight", "", 0, true}, {"x", "", 0, false},
	}
	for _, tt := range tests {
		got, ok := hourOf(tt.h, tt.ampm)
		if got != tt.want || ok != tt.ok {
			t.Errorf("hourOf(%q, %q) = %d, %v; want %d, %v", tt.h, tt.ampm, got, ok, tt.want, tt.ok)
		}
	}
}

func TestMonth(t *testing.T) {
	for in, want := range map[string]time.Month{"October": 10, "Oct.": 10, "oct": 10, "Sept.": 9, "June": 6, "3": 3} {
		if got, ok := month(in); !ok || got != want {
			t.Errorf("month(%q) = %v, %v; want %v", in, got, ok, want)
		}
	}
	for _, in := range []string{"Octo", "13", "", "Mayday"} {
		if _, ok := month(in); ok {
			t.Errorf("month(%q) reads", in)
		}
	}
}

func TestLoadZone(t *testing.T) {
	for in, offset := range map[string]int{"+01:00": 3600, "-05:00": -5 * 3600, "UTC+3": 3 * 3600, "+0530": 5*3600 + 1800} {
		loc, err := loadZone(in)
		if err != nil {
			t.Errorf("%s: %v", in, err)
			continue
		}
		if _, off := time.Date(2024, 1, 1, 0, 0, 0, 0, loc).Zone(); off != offset {
			t.Errorf("%s: offset %d, want %d", in, off, offset)
		}
	}
	if loc, err := loadZone("Europe/Kyiv"); err != nil || loc.String() != "Europe/Kyiv" {
		t.Errorf("Europe/Kyiv: %v %v", loc, err)
	}
	for _, bad := range []string{"Local", "", "+15:00", "Mars/Olympus"} {
		if _, err := loadZone(bad); err == nil {
			t.Errorf("%q loads", bad)
		}
	}
}
