package capture

import (
	"time"

	"chronicle/generator/diag"
)

// Clock dates the times of one capture for every reader: the zone a time
// printed without one is read in, the page date that a time printed without
// a date falls on, and the year of a date printed without one. What it had
// to infer, or could not, it reports once per capture, at the first line
// that needed it.
type Clock struct {
	d *Doc
	// Loc is the zone of the times printed without one: the document's,
	// else the sidecar's, else UTC (with a warning).
	Loc     *time.Location
	page    time.Time // the page date; zero when unknown or malformed
	pageErr bool      // the page date is set but not YYYY-MM-DD
	state   pageState
	noYear  bool // a date without a year had none to take (reported)
}

type pageState int

const (
	pageUnasked pageState = iota // no undated time yet
	pageUsed                     // undated times take the page date
	pageMissing                  // undated times stay undated
)

// NewClock makes the clock of a document.
func NewClock(d *Doc) *Clock {
	c := &Clock{d: d, Loc: d.Location}
	if c.Loc == nil {
		if loc, err := time.LoadLocation(d.Capture.TimeZone); err == nil && d.Capture.TimeZone != "" {
			c.Loc = loc
		} else {
			c.Loc = time.UTC
			d.Warnf(1, diag.NoZone, "no time zone for the capture: times read as UTC")
		}
	}
	if pd := d.Capture.PageDate; pd != "" {
		t, err := time.Parse(time.DateOnly, pd)
		c.page, c.pageErr = t, err != nil
	}
	return c
}

// Zone names the zone of times printed without one.
func (c *Clock) Zone() string { return c.Loc.String() }

// PageDay is the day of a time printed without a date (printed, at line
// n): the page date. It reports, once, that the page date was used, or
// that there is none to use; ok is false then.
func (c *Clock) PageDay(n int, printed string) (day time.Time, ok bool) {
	if c.state == pageUnasked {
		pd := c.d.Capture.PageDate
		switch {
		case pd == "":
			c.state = pageMissing
			c.d.Errorf(n, diag.NoDate, "time %s has no date: set page_date in the sidecar or pass --date", printed)
		case c.pageErr:
			c.state = pageMissing
			c.d.Errorf(n, diag.BadDate, "page date %q is not YYYY-MM-DD: time %s has no date", pd, printed)
		default:
			c.state = pageUsed
			c.d.Noticef(n, diag.DateInferred, "date %s of undated times taken from the page date", pd)
		}
	}
	return c.page, c.state == pageUsed
}

// yearSlack is how many days after the page date a date without a year
// may fall and still be of the page's year.
const yearSlack = 7

// YearOf is the day of a date printed without a year (printed, at line
// n): in the page date's year, or the year before when that would put it
// more than a week after the page date (a page that runs over New Year). Without a page
// date it is an error, reported once, and ok is false.
func (c *Clock) YearOf(n int, month time.Month, day int, printed string) (time.Time, bool) {
	if c.page.IsZero() {
		if !c.noYear {
			c.noYear = true
			c.d.Errorf(n, diag.NoDate, "date %q has no year: set page_date in the sidecar or pass --date", printed)
		}
		return time.Time{}, false
	}
	t := time.Date(c.page.Year(), month, day, 0, 0, 0, 0, time.UTC)
	if t.Day() != day {
		c.d.Errorf(n, diag.BadDate, "date %q is not a day of the calendar", printed)
		return time.Time{}, false
	}
	// Well after the page date, it is of the year before (a page over New
	// Year); a day or two after, it is the page's own year, a little later
	// than its date (CheckDay says so).
	if t.After(c.page.AddDate(0, 0, yearSlack)) {
		t = time.Date(c.page.Year()-1, month, day, 0, 0, 0, 0, time.UTC)
		if t.Day() != day {
			c.d.Errorf(n, diag.BadDate, "date %q is not a day of the calendar in %d", printed, c.page.Year()-1)
			return time.Time{}, false
		}
	}
	return t, true
}

// CheckDay warns when a date printed at line n is later than the page date:
// an entry cannot be newer than the page it was copied from.
func (c *Clock) CheckDay(n int, day time.Time, printed string) {
	if !c.page.IsZero() && day.After(c.page) {
		c.d.Warnf(n, diag.LaterThan, "entry dated %s is later than the page date %s", printed, c.d.Capture.PageDate)
	}
}

// At is the instant, in UTC, of the local time hour:minute on day in loc
// (the clock's own zone when loc is nil). A time that does not exist there
// (the clocks went forward) is reported at line n, and read as Go reads it.
func (c *Clock) At(n int, day time.Time, hour, minute int, loc *time.Location, printed string) time.Time {
	if loc == nil {
		loc = c.Loc
	}
	t := time.Date(day.Year(), day.Month(), day.Day(), hour, minute, 0, 0, loc)
	if t.Hour() != hour || t.Minute() != minute {
		c.d.Warnf(n, diag.ClockGap, "time %s does not exist on %s in %s (the clocks went forward)",
			printed, day.Format(time.DateOnly), loc.String())
	}
	return t.UTC()
}
