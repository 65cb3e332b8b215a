package formatfile

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"chronicle/generator/entry"
)

// commonZones are the zone abbreviations every format knows; a format's
// own [zones] table adds to them or overrides them. An abbreviation that
// names a season (BST, EDT) is a fixed offset; one that does not (ET, CT)
// is the zone, which knows its summer time.
var commonZones = map[string]string{
	"UTC": "UTC", "GMT": "UTC", "Z": "UTC",
	"BST": "+01:00", "CET": "+01:00", "CEST": "+02:00", "EET": "+02:00", "EEST": "+03:00",
	"MSK": "+03:00", "JST": "+09:00", "KST": "+09:00", "HKT": "+08:00", "SGT": "+08:00",
	"ET": "America/New_York", "EST": "-05:00", "EDT": "-04:00",
	"CT": "America/Chicago", "CST": "-06:00", "CDT": "-05:00",
	"MT": "America/Denver", "MST": "-07:00", "MDT": "-06:00",
	"PT": "America/Los_Angeles", "PST": "-08:00", "PDT": "-07:00",
	"AEST": "+10:00", "AEDT": "+11:00",
}

// loadZone reads an IANA zone name or a UTC offset (entry.ParseOffset).
func loadZone(s string) (*time.Location, error) {
	if secs, ok := entry.ParseOffset(s); ok {
		return time.FixedZone(s, secs), nil
	}
	if s == "Local" || s == "" {
		return nil, fmt.Errorf("not an IANA zone name such as Europe/London, nor an offset such as +01:00")
	}
	loc, err := time.LoadLocation(s)
	if err != nil {
		return nil, fmt.Errorf("not an IANA zone name such as Europe/London, nor an offset such as +01:00")
	}
	return loc, nil
}

// months reads a month as printed: its name, its usual abbreviations, or
// its number.
func month(s string) (time.Month, bool) {
	s = strings.ToLower(strings.TrimSuffix(strings.TrimSpace(s), "."))
	if n, err := strconv.Atoi(s); err == nil {
		return time.Month(n), n >= 1 && n <= 12
	}
	if s == "sept" {
		s = "sep"
	}
	for m := time.January; m <= time.December; m++ {
		name := strings.ToLower(m.String())
		if s == name || (len(s) == 3 && s == name[:3]) {
			return m, true
		}
	}
	return 0, false
}

// hourOf reads an hour with its a.m. or p.m. ("" when the page prints a
// 24-hour clock).
func hourOf(h, ampm string) (int, bool) {
	switch strings.ToLower(h) {
	case "noon", "midday":
		return 12, ampm == ""
	case "midnight":
		return 0, ampm == ""
	}
	n, err := strconv.Atoi(h)
	if err != nil {
		return 0, false
	}
	a := strings.ToLower(strings.NewReplacer(".", "", " ", "").Replace(ampm))
	switch a {
	case "":
		if n < 0 || n > 23 {
			return 0, false
		}
		return n, true
	case "am", "a":
		if n < 1 || n > 12 {
			return 0, false
		}
		return n % 12, true
	case "pm", "p":
		if n < 1 || n > 12 {
			return 0, false
		}
		return n%12 + 12, true
	}
	return 0, false
}

// agoPattern reads a relative time: "26 min ago", "2h ago", "1 hr 35 min
// ago", "1 day ago", "just now".
var (
	agoPattern = regexp.MustCompile(`(?i)^(?:just now|now|((?:\d+\s*[a-z]+\.?,?\s*)+)(?:ago)?)$`)
	agoStep    = regexp.MustCompile(`(?i)(\d+)\s*([a-z]+)`)
	agoUnits   = map[string]time.Duration{
		"s": time.Second, "sec": time.Second, "secs": time.Second, "second": time.Second, "seconds": time.Second,
		"m": time.Minute, "min": time.Minute, "mins": time.Minute, "minute": time.Minute, "minutes": time.Minute,
		"h": time.Hour, "hr": time.Hour, "hrs": time.Hour, "hour": time.Hour, "hours": time.Hour,
		"d": 24 * time.Hour, "day": 24 * time.Hour, "days": 24 * time.Hour,
		"w": 7 * 24 * time.Hour, "wk": 7 * 24 * time.Hour, "wks": 7 * 24 * time.Hour, "week": 7 * 24 * time.Hour, "weeks": 7 * 24 * time.Hour,
	}
)

// maxAgo is the longest relative time read: a live page is not older.
const maxAgo = 10 * 365 * 24 * time.Hour

// ago reads a relative time as a duration before the capture.
func ago(s string) (time.Duration, bool) {
	m := agoPattern.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return 0, false
	}
	var d time.Duration
	for _, step := range agoStep.FindAllStringSubmatch(m[1], -1) {
		unit, ok := agoUnits[strings.ToLower(step[2])]
		if !ok {
			return 0, false
		}
		n, err := strconv.Atoi(step[1])
		if err != nil || time.Duration(n) > maxAgo/unit {
			return 0, false
		}
		d += time.Duration(n) * unit
		if d > maxAgo {
			return 0, false
		}
	}
	return d, true
}
