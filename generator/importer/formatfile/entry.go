package formatfile

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"chronicle/generator/diag"
	"chronicle/generator/entry"
	"chronicle/generator/importer/capture"
)

// readEntry reads the entry that begins at s and ends at line last.
func (r *reading) readEntry(s start, index, last int) entry.Entry {
	d := r.d
	line := d.Line(s.header)
	e := entry.Entry{
		Capture: d.Capture.File, Publisher: d.Capture.Publisher, PublisherID: d.Capture.PublisherID,
		LocalTime: s.m.printed(line), Zone: r.clk.Zone(), Kind: entry.KindPost,
		Authors: []entry.Author{}, Body: []entry.Block{},
	}
	d.Claim(s.header, s.header, index, "header")
	for _, k := range s.markers {
		e.Kind = entry.Kind(r.marker(k))
		d.Claim(k, k, index, "marker")
	}
	e.Time, e.Zone = r.when(s, index, e.Zone)
	e.Authors = append(e.Authors, authors(s.m.parts["author"], s.m.parts["role"])...)
	b := &body{r: r, e: &e, index: index, last: last}
	switch {
	case s.title > 0:
		b.title(s.title)
	case s.m.parts["title"] != "":
		e.Title, _ = capture.StripExternal(s.m.parts["title"])
	}
	if text := s.m.parts["text"]; text != "" {
		b.paragraph(text, s.header)
	}
	capture.Walk(d, b, s.header+1, last, bodyRecognisers, nil)
	b.flushList()
	e.Lines = [2]int{s.first, max(s.header, b.end)}
	r.checkTitle(&e, s.header)
	return e
}

// checkTitle reports an entry without a title where the layout has them,
// and keeps an entry with nothing in it as a stub.
func (r *reading) checkTitle(e *entry.Entry, n int) {
	switch {
	case e.Title == "" && len(e.Body) == 0:
		e.Kind = entry.KindStub
		r.d.Noticef(n, diag.Stub, "empty entry kept as stub")
	case e.Title == "" && (r.f.Title == TitleBefore || r.f.Title == TitleAfter || r.f.Title == TitleOn):
		r.d.Warnf(n, diag.NoTitle, "entry has no title")
	}
}

// when is the instant of the entry at s and the zone it was read in. An
// entry dated by the page date alone is noted in r.paged, for the order
// of the page to date it across midnight (crossMidnight).
func (r *reading) when(s start, index int, zone string) (time.Time, string) {
	p, n := s.m.parts, s.header
	printed := s.m.printed(r.d.Line(n))
	if _, has := p["hour"]; !has {
		return r.fromCapture(n, p["ago"], printed), zone
	}
	hour, ok := hourOf(p["hour"], p["ampm"])
	minute, err := strconv.Atoi(orZero(p["minute"]))
	if !ok || err != nil || minute > 59 {
		r.d.Errorf(n, diag.Header, "time %q does not read as a time of day", printed)
		return time.Time{}, zone
	}
	loc := r.clk.Loc
	if abbr := p["zone"]; abbr != "" {
		l, ok := r.f.zones[abbr]
		if !ok {
			l, ok = r.f.zones[strings.ToUpper(abbr)]
		}
		if !ok {
			r.d.Errorf(n, diag.BadZone, "zone %q is not one the format %s knows: add it to its [zones] table", abbr, r.f.Name)
			return time.Time{}, zone
		}
		loc = l
	}
	day, paged, ok := r.dayOf(s, printed)
	if !ok {
		return time.Time{}, zone
	}
	if paged {
		r.paged = append(r.paged, pagedTime{index: index, line: n, day: day, hour: hour, minute: minute, loc: loc, printed: printed})
	} else {
		r.clk.CheckDay(n, day, printed)
	}
	t := r.clk.At(n, day, hour, minute, loc, printed)
	return t, zoneName(t, loc, r.clk.Loc)
}

// pagedTime is an entry dated by the page date alone: what it takes to
// date it again a day earlier.
type pagedTime struct {
	index, line, hour, minute int
	day                       time.Time
	loc                       *time.Location
	printed                   string
}

// crossMidnight dates the entries that only the page date dates, as the
// order of the page has it: the page date is the day of its newest entry,
// and an entry that is not older than the one after it in time order
// (below it on a newest-first page, above it on an oldest-first page) is
// taken to be a day earlier, and said so in a notice.
func (r *reading) crossMidnight() {
	ps := r.paged
	if r.f.Order == Either || len(ps) < 2 {
		for _, p := range ps {
			r.clk.CheckDay(p.line, p.day, p.printed)
		}
		return
	}
	if r.f.Order == OldestFirst {
		ps = slices.Clone(ps)
		slices.Reverse(ps) // newest first
	}
	offset := 0
	prev := r.d.Entries[ps[0].index].Time
	for _, p := range ps[1:] {
		e := &r.d.Entries[p.index]
		if offset != 0 {
			e.Time = r.clk.At(p.line, p.day.AddDate(0, 0, offset), p.hour, p.minute, p.loc, p.printed)
		}
		if e.Time.After(prev) {
			offset--
			e.Time = r.clk.At(p.line, p.day.AddDate(0, 0, offset), p.hour, p.minute, p.loc, p.printed)
			r.d.Noticef(p.line, diag.DateInferred, "time %s is later than the one after it in time on a %s page: taken as the day before (%s)",
				p.printed, r.f.Order, p.day.AddDate(0, 0, offset).Format(time.DateOnly))
		}
		prev = e.Time
	}
	for _, p := range r.paged {
		r.clk.CheckDay(p.line, p.day, p.printed)
	}
}

func orZero(s string) string {
	if s == "" {
		return "0"
	}
	return s
}

// zoneName names the zone a time was read in: the page's IANA zone when
// the printed zone agrees with it at that instant (EDT in New York), else
// the printed zone's own name.
func zoneName(t time.Time, printed, page *time.Location) string {
	_, a := t.In(printed).Zone()
	_, b := t.In(page).Zone()
	if a == b {
		return page.String()
	}
	return printed.String()
}

// dayOf is the day of the entry at s: the date its header prints, else the
// date line above it, else the page date (paged). A date line that did
// not read leaves the entries below it undated (ok false).
func (r *reading) dayOf(s start, printed string) (day time.Time, paged, ok bool) {
	if s.m.parts["day"] != "" {
		day, ok = r.day(s.header, s.m)
		return day, false, ok
	}
	if k := r.dateAbove(s.header); k > 0 {
		day, ok = r.dates[k]
		return day, false, ok
	}
	day, ok = r.clk.PageDay(s.header, printed)
	return day, true, ok
}

// dateAbove is the nearest date line above line n, or 0.
func (r *reading) dateAbove(n int) int {
	i := sort.SearchInts(r.dateLines, n) // the first date line at or after n
	if i == 0 {
		return 0
	}
	return r.dateLines[i-1]
}

// day reads the date a header or date line prints at line n.
func (r *reading) day(n int, m match) (time.Time, bool) {
	p := m.parts
	printed := m.printed(r.d.Line(n))
	mon, okM := month(p["month"])
	d, err := strconv.Atoi(p["day"])
	if !okM || err != nil || d < 1 || d > 31 {
		r.d.Errorf(n, diag.BadDate, "date %q does not read as a day and a month", printed)
		return time.Time{}, false
	}
	if p["year"] == "" {
		return r.clk.YearOf(n, mon, d, printed)
	}
	y, err := strconv.Atoi(p["year"])
	if err == nil && y < 100 {
		y += 2000
	}
	t := time.Date(y, mon, d, 0, 0, 0, 0, time.UTC)
	if err != nil || t.Day() != d {
		r.d.Errorf(n, diag.BadDate, "date %q is not a day of the calendar", printed)
		return time.Time{}, false
	}
	return t, true
}

// fromCapture is the instant of a relative time ("2h ago") printed at line
// n: the capture time less the time ago.
func (r *reading) fromCapture(n int, printed, whole string) time.Time {
	dur, ok := ago(printed)
	if !ok {
		r.d.Errorf(n, diag.Header, "relative time %q does not read (such as \"26 min ago\" or \"2h ago\")", whole)
		return time.Time{}
	}
	at := r.d.Capture.CapturedAt
	t, err := time.Parse(time.RFC3339, at)
	if err != nil {
		if !r.agoAsked {
			r.agoAsked = true
			r.d.Errorf(n, diag.NoCaptured, "relative time %q needs the time the page was captured: set captured_at in the sidecar (such as captured_at = 2022-02-24T09:30:00Z)", whole)
		}
		return time.Time{}
	}
	r.inferred++
	return t.Add(-dur).UTC()
}

// authors makes a byline's authors, each with the role.
func authors(list, role string) []entry.Author {
	var out []entry.Author
	for _, n := range names(list) {
		out = append(out, entry.Author{Name: n, Role: role})
	}
	return out
}
