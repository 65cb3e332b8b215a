package yahoo

import (
	"time"

	"chronicle/generator/importer/capture"
)

// clock dates the entries of one capture with the readers' shared clock
// (capture.Clock): a dated header carries its date; an undated one is on
// the page date, which only the sidecar knows.
type clock struct{ *capture.Clock }

// newClock makes the clock of a document.
func newClock(d *capture.Doc) *clock { return &clock{capture.NewClock(d)} }

// zone names the zone times are read in.
func (c *clock) zone() string { return c.Zone() }

// at returns the instant, in UTC, of the header at line n, or the zero time
// when its time, its date or the page date is wanting.
func (c *clock) at(h header, n int) time.Time {
	if !h.validTime() {
		return time.Time{}
	}
	var day time.Time
	if h.date != "" {
		if !h.validDate() {
			return time.Time{}
		}
		day = time.Date(h.year, h.month, h.day, 0, 0, 0, 0, time.UTC)
		c.CheckDay(n, day, h.date)
	} else {
		var ok bool
		if day, ok = c.PageDay(n, h.local); !ok {
			return time.Time{}
		}
	}
	return c.At(n, day, h.hour, h.minute, nil, h.clockTime())
}
