package entry

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
)

// ZoneOf is the IANA name of the zone an entry's time was printed in:
// the entry's own when it is one, else its capture's, unless the zone the
// entry names is one Go knows (GMT) and disagrees with the capture's at that
// instant; else UTC. A BBC page in London prints "GMT" in winter and "BST"
// in summer: both are Europe/London.
func ZoneOf(e *Entry, c *Capture) string {
	if isIANA(e.Zone) {
		return e.Zone
	}
	if off, ok := ParseOffset(e.Zone); ok {
		if c != nil && isIANA(c.TimeZone) {
			page, _ := Location(c.TimeZone)
			if _, b := e.Time.In(page).Zone(); b == off {
				return c.TimeZone
			}
		}
		return etcZone(off)
	}
	if c == nil || !isIANA(c.TimeZone) {
		return "UTC"
	}
	if printed, err := Location(zoneOrUTC(e.Zone)); err == nil {
		page, _ := Location(c.TimeZone)
		_, a := e.Time.In(printed).Zone()
		_, b := e.Time.In(page).Zone()
		if a != b {
			return "UTC"
		}
	}
	return c.TimeZone
}

// isIANA reports whether name is a zone of the IANA database by its
// Area/Place name, or UTC.
func isIANA(name string) bool {
	if name != "UTC" && !strings.Contains(name, "/") {
		return false
	}
	_, err := Location(name)
	return err == nil
}

// zoneOrUTC reads the abbreviations the readers give (GMT) as the zones
// Go knows by those names.
func zoneOrUTC(name string) string {
	if name == "" {
		return "UTC"
	}
	return name
}

// locations caches what LoadLocation said of each name, a zone or an
// error: reading one parses the zone database each time, and a chronicle
// asks for its few zones (and abbreviations such as BST that are none)
// once per entry.
var locations sync.Map // name → located

type located struct {
	loc *time.Location
	err error
}

// Location is time.LoadLocation, cached.
func Location(name string) (*time.Location, error) {
	if l, ok := locations.Load(name); ok {
		return l.(located).loc, l.(located).err
	}
	loc, err := time.LoadLocation(name)
	locations.Store(name, located{loc, err})
	return loc, err
}

// ParseOffset reads a zone named by its UTC offset ("-04:00", "+0530",
// "+1", "UTC+3", "GMT-5"), in seconds east of UTC. Offsets past 14 hours
// are none.
func ParseOffset(name string) (int, bool) {
	m := offsetName.FindStringSubmatch(name)
	if m == nil {
		return 0, false
	}
	h, _ := strconv.Atoi(m[2])
	mins, _ := strconv.Atoi(m[3])
	if h > 14 || mins > 59 {
		return 0, false
	}
	secs := (h*60 + mins) * 60
	if m[1] == "-" {
		secs = -secs
	}
	return secs, true
}

var offsetName = regexp.MustCompile(`^(?:UTC|GMT)?([+-])(\d{1,2})(?::?(\d{2}))?$`)

// etcZone is the IANA zone of a whole-hour offset (Etc/GMT+4 is four hours
// west of UTC: the database counts the other way); UTC for another.
func etcZone(offset int) string {
	if offset == 0 || offset%3600 != 0 {
		return "UTC"
	}
	h := offset / 3600
	if h > 0 {
		return "Etc/GMT-" + strconv.Itoa(h)
	}
	return "Etc/GMT+" + strconv.Itoa(-h)
}
