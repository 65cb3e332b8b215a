package yahoo

import (
	"slices"
	"strings"

	"chronicle/generator/diag"
	"chronicle/generator/entry"
	"chronicle/generator/importer/capture"
)

// Format is the name of the format in sidecars.
const Format = "yahoo-live"

// OldFormat is the format's first name, which sidecars may still give.
const OldFormat = "independent-live"

// New returns a reader of live blogs in Yahoo News's syndicated layout.
func New() capture.Reader { return capture.Layout{Name: Format, Score: headerScore, Reads: read} }

// headerScore scores an entry header line (`12:31 , Thomas Kingsley`).
func headerScore(l string) int {
	if _, ok := parseHeader(l); ok {
		return 1
	}
	return 0
}

// start is where an entry begins: its header and the title above it.
type start struct {
	header header
	line   int // the header line
	title  int // the title line, or 0
}

// first is the entry's first line.
func (s start) first() int {
	if s.title > 0 {
		return s.title
	}
	return s.line
}

// read reads the page's opening and its entries.
func read(d *capture.Doc) {
	starts := findStarts(d)
	intro := d.Len()
	if len(starts) > 0 {
		intro = starts[0].line - 1
	}
	headline := headlineAt(d, intro)
	if headline > 0 {
		d.Capture.Page.Headline = strings.TrimSpace(d.Line(headline))
		d.Claim(headline, headline, -1, fieldHeadline)
	}
	if len(starts) == 0 {
		d.Errorf(1, diag.NoHeader, "no entry header such as `12:31 , Thomas Kingsley` found")
		claimBoilerplate(d)
		return
	}
	floor := headline + 1
	titles := make(map[string]bool, len(starts))
	for i := range starts {
		starts[i].title = findTitle(d, starts[i].line, floor)
		floor = starts[i].line + 1
		if t := starts[i].title; t > 0 {
			titles[fold(d.Line(t))] = true
		}
	}
	readIntro(d, 1, starts[0].first()-1)
	clk := newClock(d)
	base := len(d.Entries)
	d.Entries = slices.Grow(d.Entries, len(starts))
	for i, s := range starts {
		last := d.Len()
		if i+1 < len(starts) {
			last = starts[i+1].first() - 1
		}
		d.Entries = append(d.Entries, readEntry(d, s, base+i, last, titles, clk))
	}
}

// findStarts finds the entry headers.
func findStarts(d *capture.Doc) []start {
	var starts []start
	for n, l := range d.Lines {
		if h, ok := parseHeader(l); ok {
			starts = append(starts, start{header: h, line: n + 1})
		}
	}
	return starts
}

// readEntry reads the entry at s, whose body ends at line last.
func readEntry(d *capture.Doc, s start, index, last int, titles map[string]bool, clk *clock) entry.Entry {
	e := entry.Entry{
		Capture:     d.Capture.File,
		Publisher:   d.Capture.Publisher,
		PublisherID: d.Capture.PublisherID,
		LocalTime:   s.header.local,
		Zone:        clk.zone(),
		Kind:        entry.KindPost,
		Authors:     s.header.authors,
		Body:        []entry.Block{},
	}
	if s.title > 0 {
		e.Title, _ = capture.StripExternal(strings.TrimSpace(d.Line(s.title)))
		d.Claim(s.title, s.title, index, "title")
	}
	d.Claim(s.line, s.line, index, "header")
	for _, f := range s.header.check() {
		d.Report(f.sev, s.line, diag.Header, "%s", f.msg)
	}
	e.Time = clk.at(s.header, s.line)
	b := body{d: d, index: index, first: s.line + 1, last: last, titles: titles}
	b.read()
	if b.blocks != nil {
		e.Body = b.blocks
	}
	e.Lines = [2]int{s.first(), max(s.line, b.end)}
	if e.Title == "" {
		if onlyEmbeds(e.Body) {
			e.Kind = entry.KindStub
			d.Noticef(s.line, diag.Stub, "empty entry kept as stub")
		} else {
			d.Warnf(s.line, diag.NoTitle, "entry has no title")
		}
	}
	return e
}

// onlyEmbeds reports whether a body holds nothing but embeds whose content
// was not captured.
func onlyEmbeds(blocks []entry.Block) bool {
	for _, b := range blocks {
		if b.Type != entry.BlockEmbed {
			return false
		}
	}
	return true
}

// claimBoilerplate claims the boilerplate of a document with no entries.
func claimBoilerplate(d *capture.Doc) {
	for n := 1; n <= d.Len(); n++ {
		if d.Blank(n) || d.UseOf(n) != nil {
			continue
		}
		if field, end, _ := boilerplate(d, n, d.Len()); field != "" {
			d.Claim(n, end, -1, field)
			n = end
		}
	}
}
