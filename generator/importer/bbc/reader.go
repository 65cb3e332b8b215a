// Package bbc reads captures of BBC News live pages (format "bbc-live").
//
// A BBC live page copied from a browser starts with a "Summary" of bullets,
// then its entries, newest first. Each entry has a header that glues the title
// to its time ("What's happened today?published at 19:05 Greenwich Mean Time
// 1 February 2022"), usually numbered, sometimes preceded by a numbered kind
// marker ("4. Analysis") or followed by one ("Breaking"). The body is indented
// by four spaces and holds paragraphs, bullets, a byline (name line, role
// line), photos ("…Image source, Reuters", "Image caption,"), videos ("Media
// caption,"), pull quotes ("Quote Message") and what embedded posts leave
// behind. Each of those is read by one recogniser in its own file.
package bbc

import (
	"strings"
	"time"

	"chronicle/generator/diag"
	"chronicle/generator/entry"
	"chronicle/generator/importer/capture"
)

// Format is the name of the format in sidecars.
const Format = "bbc-live"

// New returns a BBC live page reader.
func New() capture.Reader { return capture.Layout{Name: Format, Score: headerScore, Reads: read} }

// headerScore scores a line that carries a BBC entry header.
func headerScore(l string) int {
	if strings.Contains(l, publishedAt) {
		if _, ok, _ := parseHeader(l); ok {
			return 10
		}
	}
	return 0
}

// start is where an entry begins: its header line and, when a marker line
// precedes it, the marker.
type start struct {
	marker int // line of a marker before the header, or 0
	line   int // the header line
	header header
	err    error
}

// read reads the document's entries.
func read(d *capture.Doc) {
	starts := findStarts(d)
	first := d.Len() + 1
	if len(starts) > 0 {
		first = starts[0].line
		if starts[0].marker != 0 {
			first = starts[0].marker
		}
	}
	readSummary(d, 1, first-1)
	if len(starts) == 0 && d.Len() > 0 {
		d.Errorf(1, diag.NoHeader, "no entry header such as `  1. Titlepublished at 19:05 Greenwich Mean Time 1 February 2022` found")
	}
	clk := capture.NewClock(d)
	for i, s := range starts {
		end := d.Len()
		if i+1 < len(starts) {
			end = starts[i+1].line - 1
			if starts[i+1].marker != 0 {
				end = starts[i+1].marker - 1
			}
		}
		readEntry(d, clk, s, end)
	}
}

// findStarts finds every entry header and the marker lines before them.
func findStarts(d *capture.Doc) []start {
	var starts []start
	for n := 1; n <= d.Len(); n++ {
		line := d.Line(n)
		if !strings.Contains(line, publishedAt) {
			continue
		}
		h, ok, err := parseHeader(line)
		if !ok {
			continue
		}
		s := start{line: n, header: h, err: err}
		if p := prevNonBlank(d, n); p != 0 && h.Number == 0 {
			if kind, number, known := parseMarker(d.Line(p)); known && number != 0 {
				s.marker, s.header.Number = p, number
				_ = kind
			} else if _, number, maybe := looksLikeMarker(d.Line(p)); maybe {
				s.marker, s.header.Number = p, number
			}
		}
		starts = append(starts, s)
	}
	return starts
}

func prevNonBlank(d *capture.Doc, n int) int {
	for m := n - 1; m >= 1; m-- {
		if !d.Blank(m) {
			return m
		}
	}
	return 0
}

// readSummary claims the page's "Summary" heading and its bullets.
func readSummary(d *capture.Doc, first, last int) {
	for n := first; n <= last; n++ {
		s := strings.TrimSpace(d.Line(n))
		switch {
		case s == "":
		case s == "Summary" || s == "Key Points":
			d.Claim(n, n, -1, "page:summary-heading")
		case strings.HasPrefix(s, bullet):
			d.Capture.Page.Summary = append(d.Capture.Page.Summary, strings.TrimSpace(strings.TrimPrefix(s, bullet)))
			d.Claim(n, n, -1, "page:summary")
		}
	}
}

// readEntry reads one entry from its start to line end.
func readEntry(d *capture.Doc, clk *capture.Clock, s start, end int) {
	c := d.Capture
	e := entry.Entry{
		Capture: c.File, Publisher: c.Publisher, PublisherID: c.PublisherID,
		Title: s.header.Title, Kind: entry.KindPost, Number: s.header.Number,
		LocalTime: s.header.Local,
	}
	first := s.line
	index := len(d.Entries)
	if s.marker != 0 {
		first = s.marker
		kind, _, known := parseMarker(d.Line(s.marker))
		if !known {
			kind, _, _ = looksLikeMarker(d.Line(s.marker))
			d.Warnf(s.marker, diag.Marker, "unknown marker %q kept as kind %q", strings.TrimSpace(d.Line(s.marker)), kind)
		}
		e.Kind = kind
		d.Claim(s.marker, s.marker, index, "marker")
	}
	d.Claim(s.line, s.line, index, "header")
	keepGlued(d, s, index)
	if s.err != nil {
		d.Errorf(s.line, diag.Header, "entry header: %v", s.err)
	} else {
		e.Time, e.Zone = instant(clk, s)
	}
	d.Entries = append(d.Entries, e)
	b := &body{d: d, index: index, e: &d.Entries[index], first: s.line + 1, end: end, start: true, headerIndent: indent(d.Line(first))}
	b.read()
	header := indent(d.Line(first))
	if s.header.Glued != "" {
		header -= 2 // the header ran into a body line: its own indent was the layout's two spaces less
	}
	checkIndent(d, index, s.line+1, end, header)
	last := end
	for last > first && d.Blank(last) {
		last--
	}
	d.Entries[index].Lines = [2]int{first, last}
	if e.Title == "" {
		d.Warnf(s.line, diag.NoTitle, "entry without a title")
	}
}

// checkIndent reports the first line of an entry's body that is indented
// no deeper than its header: the BBC layout indents a body under its
// header, and a page copied without that (a rendering where only the first
// header kept its shape, and the other entries ran into it) cannot be cut
// into entries with confidence. Lines readUntimedHeader reported are not
// reported again.
func checkIndent(d *capture.Doc, index, first, last, header int) {
	for n := first; n <= last; n++ {
		if d.Blank(n) {
			continue
		}
		if u := d.UseOf(n); u != nil && u.Field == "untimed-header" {
			return
		}
		if indent(d.Line(n)) <= header {
			d.Errorf(n, diag.Rendering, "this line is not indented under its entry's header (line %d), as the BBC layout indents a body: a rendering of the page this reader does not know, whose entries cannot be told apart; capture the page again as the live page shows it", first-1)
			return
		}
	}
}

// keepGlued gives the text glued before a header's number to the entry
// before it, as the block that text is; the line stays the header's in the
// ledger, and a notice says it was split.
func keepGlued(d *capture.Doc, s start, index int) {
	if s.header.Glued == "" {
		return
	}
	if index == 0 {
		d.Warnf(s.line, diag.Glued, "text before the first entry's number, %q, belongs to no entry", s.header.Glued)
		return
	}
	blk := gluedBlock(s.header.Glued)
	blk.Lines = [2]int{s.line, s.line}
	prev := &d.Entries[index-1]
	prev.Body = append(prev.Body, blk)
	d.Noticef(s.line, diag.Glued, "the end of the entry before (%s) ran into this header: split off and kept there", blk.Type)
}

// instant turns a header's printed time into UTC with the readers' shared
// clock, taking the date from the page date when the header prints none.
func instant(clk *capture.Clock, s start) (time.Time, string) {
	z := zones[s.header.Zone]
	loc, zone := time.FixedZone(z.Abbrev, z.Offset*3600), z.Abbrev
	if s.header.Zone == "" { // no zone printed: the page's own zone
		loc, zone = clk.Loc, clk.Zone()
	}
	var day time.Time
	if s.header.Date != "" {
		d, err := time.Parse("2 January 2006", s.header.Date)
		if err != nil {
			y, err := time.Parse(yearless, s.header.Date)
			if err != nil {
				return time.Time{}, zone // parseHeader reported it
			}
			var ok bool
			if d, ok = clk.YearOf(s.line, y.Month(), y.Day(), s.header.Date); !ok {
				return time.Time{}, zone
			}
		}
		day = d
		clk.CheckDay(s.line, day, s.header.Date)
	} else {
		d, ok := clk.PageDay(s.line, s.header.Clock)
		if !ok {
			return time.Time{}, zone
		}
		day = d
	}
	return clk.At(s.line, day, s.header.Hour, s.header.Minute, loc, s.header.Clock), zone
}
