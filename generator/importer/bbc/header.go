package bbc

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// publishedAt is what a BBC live page glues between an entry's title and its
// time: "What's happened today?published at 19:05 Greenwich Mean Time 1 February 2022".
const publishedAt = "published at "

// header is an entry header line, read.
type header struct {
	Number int    // the entry's number on the page, 0 when not printed
	Title  string // the title, as printed
	Clock  string // "19:05"
	Hour   int
	Minute int
	Zone   string // the zone as printed: "Greenwich Mean Time"
	Date   string // the date as printed: "1 February 2022", or "" when absent
	Local  string // everything after "published at "
	// Glued is the end of the previous entry that ran straight into this
	// header's number ("A tankImage source, Reuters" before "  2. Title…"),
	// or "".
	Glued string
}

// zones maps the zone names BBC pages print to their offset from UTC in hours
// and a short name.
var zones = map[string]struct {
	Offset int
	Abbrev string
}{
	"Greenwich Mean Time": {0, "GMT"},
	"GMT":                 {0, "GMT"},
	"British Summer Time": {1, "BST"},
	"BST":                 {1, "BST"},
}

// parseHeader reads an entry header line. ok is false when the line is not a
// header; err is set when it is one but its time cannot be right.
func parseHeader(line string) (h header, ok bool, err error) {
	i := strings.LastIndex(line, publishedAt)
	if i < 0 {
		return h, false, nil
	}
	rest := line[i+len(publishedAt):]
	clock, after, found := strings.Cut(rest, " ")
	if !found {
		clock, after = rest, ""
	}
	hh, mm, isClock := splitClock(clock)
	if !isClock {
		return h, false, nil
	}
	h.Glued, h.Number, h.Title = splitGlued(strings.TrimSpace(line[:i]))
	h.Clock, h.Local = clock, rest
	h.Zone, h.Date = splitZone(after)
	if h.Zone == "" && after != "" {
		return h, true, errorf("unknown time zone in %q", after)
	}
	if hh > 23 || mm > 59 {
		return h, true, errorf("impossible time %s", clock)
	}
	h.Hour, h.Minute = hh, mm
	if h.Date != "" {
		if _, err := time.Parse("2 January 2006", h.Date); err != nil {
			// Pages of the current year print no year ("8 July"): the
			// clock takes it from the page date (capture.Clock.YearOf).
			if _, err := time.Parse(yearless, h.Date); err != nil {
				return h, true, errorf("bad date %q", h.Date)
			}
		}
	}
	return h, true, nil
}

// yearless is the layout of a date printed without its year.
const yearless = "2 January"

// splitClock reads "HH:MM" or "H:MM" into numbers without judging them.
func splitClock(s string) (hh, mm int, ok bool) {
	h, m, found := strings.Cut(s, ":")
	if !found || len(h) < 1 || len(h) > 2 || len(m) != 2 {
		return 0, 0, false
	}
	hh, err1 := strconv.Atoi(h)
	mm, err2 := strconv.Atoi(m)
	if err1 != nil || err2 != nil || hh < 0 || mm < 0 {
		return 0, 0, false
	}
	return hh, mm, true
}

// splitNumber separates "12. Title" into 12 and "Title".
func splitNumber(s string) (int, string) {
	dot := strings.Index(s, ". ")
	if dot < 1 || dot > 4 {
		return 0, s
	}
	n, err := strconv.Atoi(s[:dot])
	if err != nil || n < 0 {
		return 0, s
	}
	return n, strings.TrimSpace(s[dot+2:])
}

// gluedNumber finds an entry number that follows other text after two or
// more spaces: where a photo or alt-text line ran into the next header.
var gluedNumber = regexp.MustCompile(`^(.*\S)\s{2,}(\d{1,4}\. \S.*)$`)

// splitGlued separates "A tankImage source, Reuters  2. Title" into the
// glued text, 2 and "Title"; text with no glued part is split by
// splitNumber alone.
func splitGlued(s string) (glued string, n int, title string) {
	if m := gluedNumber.FindStringSubmatch(s); m != nil {
		if n, title = splitNumber(m[2]); n != 0 {
			return m[1], n, title
		}
	}
	n, title = splitNumber(s)
	return "", n, title
}

// splitZone separates "Greenwich Mean Time 1 February 2022" into the zone
// name and the date.
func splitZone(s string) (zone, date string) {
	for name := range zones {
		if s == name {
			return name, ""
		}
		if strings.HasPrefix(s, name+" ") {
			return name, strings.TrimSpace(s[len(name)+1:])
		}
	}
	return "", ""
}
