package entry

import (
	"strings"
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
	if c == nil || !isIANA(c.TimeZone) {
		return "UTC"
	}
	if printed, err := time.LoadLocation(zoneOrUTC(e.Zone)); err == nil {
		page, _ := time.LoadLocation(c.TimeZone)
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
	_, err := time.LoadLocation(name)
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
