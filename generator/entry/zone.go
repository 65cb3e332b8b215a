package entry

import (
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
	if off, ok := offsetOf(e.Zone); ok {
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

// offsetOf reads a zone named by its UTC offset ("-04:00", "+0530"), in
// seconds east of UTC.
func offsetOf(name string) (int, bool) {
	if len(name) < 3 || (name[0] != '+' && name[0] != '-') {
		return 0, false
	}
	digits := strings.ReplaceAll(name[1:], ":", "")
	if len(digits) != 2 && len(digits) != 4 {
		return 0, false
	}
	n := 0
	for _, r := range digits {
		if r < '0' || r > '9' {
			return 0, false
		}
		n = n*10 + int(r-'0')
	}
	h, m := n, 0
	if len(digits) == 4 {
		h, m = n/100, n%100
	}
	secs := h*3600 + m*60
	if name[0] == '-' {
		secs = -secs
	}
	return secs, true
}

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
