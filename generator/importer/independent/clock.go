package independent

import (
	"time"

	"chronicle/generator/diag"
	"chronicle/generator/importer/capture"
)

// clock dates the entries of one capture. A dated header carries its date;
// an undated one is on the page date, which only the sidecar knows. Whether
// the page date was used, missing or malformed is reported once, at the first
// undated header.
type clock struct {
	d       *capture.Doc
	loc     *time.Location
	page    time.Time // the page date; zero when unknown or malformed
	pageErr bool      // the page date is set but not YYYY-MM-DD
	state   pageState
}

type pageState int

const (
	pageUnasked pageState = iota // no undated header yet
	pageUsed                     // undated times take the page date
	pageMissing                  // undated times stay undated
)

// newClock makes the clock of a document, reading times in d.Location, or
// else in the sidecar's zone.
func newClock(d *capture.Doc) *clock {
	c := &clock{d: d, loc: d.Location}
	if c.loc == nil {
		if loc, err := time.LoadLocation(d.Capture.TimeZone); err == nil && d.Capture.TimeZone != "" {
			c.loc = loc
		} else {
			c.loc = time.UTC
			d.Warnf(1, diag.NoZone, "no time zone for the capture: times read as UTC")
		}
	}
	if pd := d.Capture.PageDate; pd != "" {
		t, err := time.Parse(time.DateOnly, pd)
		c.page, c.pageErr = t, err != nil
	}
	return c
}

// zone names the zone times are read in.
func (c *clock) zone() string { return c.loc.String() }

// at returns the instant, in UTC, of the header at line n, or the zero time
// when its time, its date or the page date is wanting.
func (c *clock) at(h header, n int) time.Time {
	if !h.validTime() {
		return time.Time{}
	}
	var (
		year  int
		month time.Month
		day   int
	)
	if h.date != "" {
		if !h.validDate() {
			return time.Time{}
		}
		year, month, day = h.year, h.month, h.day
		if !c.page.IsZero() && time.Date(year, month, day, 0, 0, 0, 0, time.UTC).After(c.page) {
			c.d.Warnf(n, diag.LaterThan, "entry dated %s is later than the page date %s", h.date, c.d.Capture.PageDate)
		}
	} else {
		if !c.pageDate(h, n) {
			return time.Time{}
		}
		year, month, day = c.page.Date()
	}
	t := time.Date(year, month, day, h.hour, h.minute, 0, 0, c.loc)
	if t.Hour() != h.hour || t.Minute() != h.minute {
		c.d.Warnf(n, diag.ClockGap, "time %s does not exist on %s in %s (the clocks went forward)",
			h.clockTime(), time.Date(year, month, day, 0, 0, 0, 0, time.UTC).Format(time.DateOnly), c.zone())
	}
	return t.UTC()
}

// pageDate reports whether the page date can date the undated header at
// line n, reporting the first time what was done.
func (c *clock) pageDate(h header, n int) bool {
	if c.state == pageUnasked {
		pd := c.d.Capture.PageDate
		switch {
		case pd == "":
			c.state = pageMissing
			c.d.Errorf(n, diag.NoDate, "time %s has no date: set page_date in the sidecar or pass --date", h.local)
		case c.pageErr:
			c.state = pageMissing
			c.d.Errorf(n, diag.BadDate, "page date %q is not YYYY-MM-DD: time %s has no date", pd, h.local)
		default:
			c.state = pageUsed
			c.d.Noticef(n, diag.DateInferred, "date %s of undated times taken from the page date", pd)
		}
	}
	return c.state == pageUsed
}
