package formatfile

import (
	"strings"
	"time"

	"chronicle/generator/diag"
	"chronicle/generator/importer/capture"
)

// The claim fields of the lines outside entries.
const (
	fieldHeadline = "page:headline"
	fieldLede     = "page:lede"
	fieldDate     = "page:date"
)

// Reader returns the reader of captures in this format.
func (f *Format) Reader() capture.Reader {
	return capture.Layout{Name: f.Name, Score: f.score, Reads: f.read}
}

// score counts a header line as one point.
func (f *Format) score(line string) int {
	if _, ok := f.matchHeader(line); ok {
		return 1
	}
	return 0
}

// Zone is the format's page zone, "" when it names none.
func (f *Format) Zone() string {
	if f.loc == nil {
		return ""
	}
	return f.loc.String()
}

// reading is the state of one capture being read.
type reading struct {
	f         *Format
	d         *capture.Doc
	clk       *capture.Clock
	dates     map[int]time.Time // date lines that read, and the day each gives
	dateLines []int             // every date line, in order
	paged     []pagedTime       // the entries dated by the page date alone
	agoAsked  bool
	inferred  int
}

// start is where an entry begins.
type start struct {
	header  int // the header line
	title   int // the title line, or 0
	first   int // the entry's first line: a marker above, its title or its header
	markers []int
	m       match
}

// read reads a capture: the boilerplate and date lines first, then the
// entries from one header to the next, then the page's opening.
func (f *Format) read(d *capture.Doc) {
	r := &reading{f: f, d: d, clk: capture.NewClock(d), dates: map[int]time.Time{}}
	r.claimBlocks()
	r.claimBoilerplate()
	r.readDates()
	starts := r.findStarts()
	if len(starts) == 0 {
		d.Errorf(1, diag.NoHeader, "no line begins an entry as the format %s says one does (%s)", f.Name, f.Source)
		return
	}
	r.readOpening(starts[0].first - 1)
	for i, s := range starts {
		last := d.Len()
		if i+1 < len(starts) {
			last = starts[i+1].first - 1
		}
		d.Entries = append(d.Entries, r.readEntry(s, len(d.Entries), last))
	}
	r.crossMidnight()
	if r.inferred > 0 {
		d.Noticef(1, diag.TimeInferred, "%d relative time(s) such as \"2h ago\" read against the capture time %s", r.inferred, d.Capture.CapturedAt)
	}
}

// claimBlocks claims the boilerplate blocks.
func (r *reading) claimBlocks() {
	for n := 1; n <= r.d.Len(); n++ {
		if r.free(n) {
			n = r.claimBlock(n)
		}
	}
}

// claimBlock claims the block that starts at line n, if one does, and
// returns the last line it took.
func (r *reading) claimBlock(n int) int {
	line := r.d.Line(n)
	for _, b := range r.f.blocks {
		if b.start == nil || !b.start.MatchString(line) {
			continue
		}
		last := r.d.Len()
		if b.end != nil {
			last = r.blockEnd(b, n)
		}
		r.d.Claim(n, last, -1, "boilerplate:"+b.name)
		return last
	}
	return n
}

// blockEnd is the line that ends the block b begun at line n; a block
// whose end never comes is its first line alone, with a warning.
func (r *reading) blockEnd(b block, n int) int {
	for m := n + 1; m <= r.d.Len(); m++ {
		if r.free(m) && b.end.MatchString(r.d.Line(m)) {
			return m
		}
	}
	r.d.Warnf(n, diag.Unplaced, "boilerplate block %s begins here but no line ends it: only this line taken", b.name)
	return n
}

// claimBoilerplate claims the boilerplate lines.
func (r *reading) claimBoilerplate() {
	for n := 1; n <= r.d.Len(); n++ {
		if !r.free(n) {
			continue
		}
		for _, b := range r.f.boilerplate {
			if _, last, ok := r.matchLines(b, n); ok {
				r.d.Claim(n, last, -1, "boilerplate:"+b.name)
				n = last
				break
			}
		}
	}
}

// readDates claims the date lines and reads the day each gives.
func (r *reading) readDates() {
	for n := 1; n <= r.d.Len(); n++ {
		if !r.free(n) {
			continue
		}
		for _, re := range r.f.date {
			m, ok := find(re, r.d.Line(n))
			if !ok {
				continue
			}
			r.d.Claim(n, n, -1, fieldDate)
			r.dateLines = append(r.dateLines, n)
			if day, ok := r.day(n, m); ok {
				r.dates[n] = day
			}
			break
		}
	}
}

// matchLines matches a pattern of p.lines lines against the free lines
// from n on (blank lines between them skipped), joined by line breaks. It
// returns what the parts caught and the last line matched.
func (r *reading) matchLines(p named, n int) (match, int, bool) {
	text, last := r.d.Line(n), n
	for k := 1; k < p.lines; k++ {
		next := last + 1
		for next <= r.d.Len() && r.d.Blank(next) {
			next++
		}
		if next > r.d.Len() || !r.free(next) {
			return match{}, 0, false
		}
		text, last = text+"\n"+r.d.Line(next), next
	}
	m, ok := find(p.re, text)
	return m, last, ok
}

// free reports whether line n holds text no one has claimed yet.
func (r *reading) free(n int) bool { return !r.d.Blank(n) && r.d.UseOf(n) == nil }

// findStarts finds the entries' header lines and, around each, its title
// and the markers above it.
func (r *reading) findStarts() []start {
	var starts []start
	floor := 0 // the last line of the entry before, roughly: its header
	for n := 1; n <= r.d.Len(); n++ {
		if !r.free(n) {
			continue
		}
		m, ok := r.f.matchHeader(r.d.Line(n))
		if !ok {
			continue
		}
		s := start{header: n, first: n, m: m}
		if r.f.Title == TitleBefore {
			s.title = r.lineAbove(n, floor)
		}
		above := n
		if s.title > 0 {
			above = s.title
		}
		for k := r.lineAbove(above, floor); k > 0 && r.marker(k) != ""; k = r.lineAbove(k, floor) {
			s.markers = append(s.markers, k)
			above = k
		}
		if s.title > 0 && r.marker(s.title) != "" {
			s.markers, s.title = append(s.markers, s.title), 0
		}
		s.first = min(above, n)
		starts = append(starts, s)
		floor = n
	}
	return starts
}

// lineAbove is the nearest free line above line n and below floor, or 0.
func (r *reading) lineAbove(n, floor int) int {
	for k := n - 1; k > floor; k-- {
		if r.d.Blank(k) {
			continue
		}
		if r.d.UseOf(k) != nil {
			return 0
		}
		return k
	}
	return 0
}

// marker is the kind a marker line gives, or "".
func (r *reading) marker(n int) string {
	for _, m := range r.f.markers {
		if m.re.MatchString(r.d.Line(n)) {
			return m.name
		}
	}
	return ""
}

// readOpening reads the lines before the first entry: the page's headline,
// then its lede.
func (r *reading) readOpening(last int) {
	field := fieldHeadline
	for n := 1; n <= last; n++ {
		if !r.free(n) {
			continue
		}
		text := strings.TrimSpace(r.d.Line(n))
		if field == fieldHeadline {
			r.d.Capture.Page.Headline = text
		} else {
			r.d.Capture.Page.Lede = append(r.d.Capture.Page.Lede, text)
		}
		r.d.Claim(n, n, -1, field)
		field = fieldLede
	}
}
