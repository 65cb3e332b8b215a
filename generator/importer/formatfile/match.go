package formatfile

import (
	"regexp"
	"strings"
)

// match is what a pattern's named parts caught in a line, and where the
// parts of the time stand in it.
type match struct {
	parts       map[string]string
	timeSpan    [2]int // the printed time: from its first part to its last, "ago" aside
	hasTimeSpan bool
	agoSpan     [2]int // the relative time ("2h ago"), where there is one
}

// timeParts are the parts that make up a printed time.
var timeParts = map[string]bool{"hour": true, "minute": true, "ampm": true, "day": true, "month": true, "year": true, "weekday": true, "zone": true}

// find matches re against line and gathers its named parts.
func find(re *regexp.Regexp, line string) (match, bool) {
	idx := re.FindStringSubmatchIndex(line)
	if idx == nil {
		return match{}, false
	}
	m := match{parts: map[string]string{}}
	for i, name := range re.SubexpNames() {
		if name == "" || idx[2*i] < 0 {
			continue
		}
		start, end := idx[2*i], idx[2*i+1]
		m.parts[name] = strings.Join(strings.Fields(line[start:end]), " ") // a part over several lines is one line
		if name == "ago" {
			m.agoSpan = [2]int{start, end}
			continue
		}
		if timeParts[name] {
			if !m.hasTimeSpan {
				m.timeSpan, m.hasTimeSpan = [2]int{start, end}, true
			}
			m.timeSpan[0], m.timeSpan[1] = min(m.timeSpan[0], start), max(m.timeSpan[1], end)
		}
	}
	return m, true
}

// printed is the time as the line prints it: its clock time and date, or
// else its relative time.
func (m match) printed(line string) string {
	switch {
	case m.hasTimeSpan:
		return strings.TrimSpace(line[m.timeSpan[0]:m.timeSpan[1]])
	case m.agoSpan != [2]int{}:
		return strings.TrimSpace(line[m.agoSpan[0]:m.agoSpan[1]])
	}
	return strings.TrimSpace(line)
}

// matchHeader matches a line against the header patterns, the first that
// matches winning.
func (f *Format) matchHeader(line string) (match, bool) {
	for _, re := range f.header {
		if re == nil {
			continue
		}
		if m, ok := find(re, line); ok {
			return m, true
		}
	}
	return match{}, false
}

// matchAny matches a line against a list of patterns.
func matchAny(res []*regexp.Regexp, line string) (match, bool) {
	for _, re := range res {
		if m, ok := find(re, line); ok {
			return m, true
		}
	}
	return match{}, false
}

// nameSplit cuts a list of names ("A, B and C") into names.
var nameSplit = regexp.MustCompile(`\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)`)

// names cuts a byline's names.
func names(s string) []string {
	var out []string
	for _, n := range nameSplit.Split(strings.TrimSpace(s), -1) {
		if n = strings.TrimSpace(n); n != "" {
			out = append(out, n)
		}
	}
	return out
}
