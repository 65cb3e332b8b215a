package yahoo

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"chronicle/generator/entry"
	"chronicle/generator/importer/capture"
)

// header is an entry header: `12:31 , Thomas Kingsley`, or for an entry of an
// earlier day `Thursday 27 January 2022 23:30 , John Bowden`.
type header struct {
	local        string // the date and time as printed
	date         string // the printed date, "" when the header has none
	hour, minute int
	authors      []entry.Author

	// The printed date, read; year is 0 when it could not be read.
	year       int
	month      time.Month
	day        int
	weekday    time.Weekday
	hasWeekday bool
}

// maxTimeOffset bounds where the time can stand in a header line: after at
// most a long date ("Wednesday 28 September 2022 "). Looking no further keeps
// the scan of body lines cheap.
const maxTimeOffset = 48

// maxBylineWords bounds the byline; a longer tail is prose, not names.
const maxBylineWords = 12

// parseHeader recognises an entry header by its shape. Whether the time and
// date it holds exist is for check to say, so that a header with a bad time
// still opens its entry.
func parseHeader(s string) (header, bool) {
	t := strings.TrimSpace(s)
	colon := timeColon(t)
	if colon < 0 {
		return header{}, false
	}
	start := colon - 1
	if start > 0 && isDigit(t[start-1]) {
		start--
	}
	if start > 0 && t[start-1] != ' ' {
		return header{}, false
	}
	rest := strings.TrimLeft(t[colon+3:], " ")
	if rest == "" || rest[0] != ',' {
		return header{}, false
	}
	authors, ok := parseByline(strings.TrimSpace(rest[1:]))
	if !ok {
		return header{}, false
	}
	h := header{local: t[:colon+3], authors: authors}
	h.hour, _ = strconv.Atoi(t[start:colon])
	h.minute, _ = strconv.Atoi(t[colon+1 : colon+3])
	if prefix := strings.TrimSpace(t[:start]); prefix != "" {
		if !isDigit(prefix[len(prefix)-1]) || len(strings.Fields(prefix)) > 5 {
			return header{}, false // a date ends in its year
		}
		h.date = prefix
		h.readDate()
	}
	return h, true
}

// timeColon returns the index of the colon of an H:MM or HH:MM time near the
// start of t, or -1.
func timeColon(t string) int {
	limit := min(len(t), maxTimeOffset)
	for i := 1; i < limit; i++ {
		if t[i] != ':' {
			continue
		}
		if isDigit(t[i-1]) && i+2 < len(t) && isDigit(t[i+1]) && isDigit(t[i+2]) &&
			(i+3 == len(t) || !isDigit(t[i+3])) {
			return i
		}
	}
	return -1
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// parseByline splits the names after the comma of a header. An empty byline
// is allowed (check reports it); a tail that reads like prose is not a byline.
func parseByline(s string) ([]entry.Author, bool) {
	if s == "" {
		return []entry.Author{}, true
	}
	r, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(r) || capture.WordCount(s) > maxBylineWords {
		return nil, false
	}
	if last, _ := utf8.DecodeLastRuneInString(s); strings.ContainsRune(".!?:;,", last) {
		return nil, false
	}
	s = strings.ReplaceAll(s, " & ", ", ")
	s = strings.ReplaceAll(s, " and ", ", ")
	var authors []entry.Author
	for _, name := range strings.Split(s, ",") {
		if name = strings.TrimSpace(name); name != "" {
			authors = append(authors, entry.Author{Name: name})
		}
	}
	return authors, true
}

// readDate reads the printed date: an optional weekday, the day, the month
// and the year, names in full or in three letters.
func (h *header) readDate() {
	f := strings.Fields(strings.ReplaceAll(h.date, ",", " "))
	if len(f) > 0 {
		if wd, ok := weekdayNamed(f[0]); ok {
			h.weekday, h.hasWeekday = wd, true
			f = f[1:]
		}
	}
	if len(f) != 3 {
		return
	}
	day, err := strconv.Atoi(strings.TrimRight(f[0], "stndrh"))
	if err != nil {
		return
	}
	month, ok := monthNamed(f[1])
	if !ok {
		return
	}
	year, err := strconv.Atoi(f[2])
	if err != nil || len(f[2]) != 4 {
		return
	}
	h.year, h.month, h.day = year, month, day
}

func weekdayNamed(s string) (time.Weekday, bool) {
	for d := time.Sunday; d <= time.Saturday; d++ {
		if name := d.String(); strings.EqualFold(s, name) || strings.EqualFold(s, name[:3]) {
			return d, true
		}
	}
	return 0, false
}

func monthNamed(s string) (time.Month, bool) {
	for m := time.January; m <= time.December; m++ {
		if name := m.String(); strings.EqualFold(s, name) || strings.EqualFold(s, name[:3]) {
			return m, true
		}
	}
	return 0, false
}

// clockTime is the header's time as HH:MM.
func (h header) clockTime() string { return fmt.Sprintf("%02d:%02d", h.hour, h.minute) }

func (h header) validTime() bool { return h.hour < 24 && h.minute < 60 }

// validDate reports whether the printed date was read and exists.
func (h header) validDate() bool {
	if h.year == 0 {
		return false
	}
	t := time.Date(h.year, h.month, h.day, 0, 0, 0, 0, time.UTC)
	return t.Day() == h.day && t.Month() == h.month
}

// finding is something check has to say about a header.
type finding struct {
	sev capture.Severity
	msg string
}

// check says what is wrong with the time, date and byline of a header.
func (h header) check() []finding {
	var out []finding
	if !h.validTime() {
		out = append(out, finding{capture.Error, fmt.Sprintf("time %s is not a valid time", h.clockTime())})
	}
	switch {
	case h.date == "":
	case h.year == 0:
		out = append(out, finding{capture.Error, fmt.Sprintf("date %q not understood: expected \"Thursday 27 January 2022\"", h.date)})
	case !h.validDate():
		out = append(out, finding{capture.Error, fmt.Sprintf("date %q does not exist", h.date)})
	case h.hasWeekday:
		if wd := time.Date(h.year, h.month, h.day, 0, 0, 0, 0, time.UTC).Weekday(); wd != h.weekday {
			out = append(out, finding{capture.Warning, fmt.Sprintf("date %q: %d %s %d was a %s, not a %s", h.date, h.day, h.month, h.year, wd, h.weekday)})
		}
	}
	if len(h.authors) == 0 {
		out = append(out, finding{capture.Warning, "entry header without author"})
	}
	return out
}
