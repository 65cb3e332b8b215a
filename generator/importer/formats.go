package importer

import (
	"fmt"
	"slices"

	"chronicle/generator/diag"
	"chronicle/generator/importer/bbc"
	"chronicle/generator/importer/capture"
	"chronicle/generator/importer/formatfile"
	"chronicle/generator/importer/yahoo"
)

// format is one capture format the importer knows: its reader and what a
// capture of it is assumed to be when it has no sidecar.
type format struct {
	reader      capture.Reader
	publisher   string // "" when the layout is a syndicator's: the sidecar must name the publisher
	publisherID string
	zone        string
	aliases     []string // other names sidecars may give it
	source      string   // the format file it was read from; "" for a Go reader
}

// goFormats are the readers written in Go. Every other format is a format
// file (package formatfile): the ones shipped with Chronicle and a
// chronicle's own in content/formats.
var goFormats = registry{
	{reader: bbc.New(), publisher: "BBC News", publisherID: "bbc", zone: "Europe/London"},
	{reader: yahoo.New(), zone: "Europe/London", aliases: []string{yahoo.OldFormat}},
}

// registry is the formats an import knows, the Go readers first.
type registry []format

// loadRegistry is the Go readers, the chronicle's own format files in dir
// ("" for none), and the format files shipped with Chronicle, in that
// order (which breaks a tie in detection): a chronicle's file takes the
// place of a shipped one of the same name. A format file that does not
// read, or that takes a Go reader's name, is a problem.
func loadRegistry(dir string) (registry, []capture.Problem) {
	own, problems := formatfile.Load(dir)
	reg := slices.Clone(goFormats)
	files := own
	for _, d := range formatfile.Defaults() {
		if !slices.ContainsFunc(own, func(f *formatfile.Format) bool { return f.Name == d.Name }) {
			files = append(files, d)
		}
	}
	for _, f := range files {
		if g, ok := goFormats.byName(f.Name); ok {
			problems = append(problems, capture.Problem{File: f.Source, Line: 1, Severity: capture.Error, Code: diag.BadFormatFile,
				Message: fmt.Sprintf("the format's name %q is the built-in reader %s's: give it another", f.Name, g.reader.Format())})
			continue
		}
		reg = append(reg, format{reader: f.Reader(), publisher: f.Publisher, publisherID: f.PublisherID, zone: f.Zone(), source: f.Source})
	}
	return reg, problems
}

// byName returns the format called name.
func (r registry) byName(name string) (format, bool) {
	for _, f := range r {
		if f.reader.Format() == name || slices.Contains(f.aliases, name) {
			return f, true
		}
	}
	return format{}, false
}

// names lists the formats.
func (r registry) names() []string {
	var names []string
	for _, f := range r {
		names = append(names, f.reader.Format())
	}
	return names
}

// FormatNames lists the formats Chronicle knows with the format files of
// the folder dir ("" for the shipped ones alone).
func FormatNames(dir string) []string {
	reg, _ := loadRegistry(dir)
	return reg.names()
}

// trial is one format's reading of a capture during detection.
type trial struct {
	f          format
	doc        *capture.Doc
	recognised int // non-blank lines placed by what the format knows of its layout
	placed     int // non-blank lines placed, body text and lede as well
	errors     int
}

// detect reads the capture with every format (read makes a fresh document
// for a format and reads it) and picks the one that places the most lines
// in at least one entry. Any format places every line below a header as
// body text, so lines count first that the format recognised (headers,
// titles, bylines, dates, markers, captions, boilerplate), then all it
// placed, then fewer errors, then the order of the registry. It says which
// won and what came next, and whether the next placed as many lines as
// the winner (tied): then only the registry's order chose, and the
// capture should name its format.
func (r registry) detect(read func(format) *capture.Doc) (best trial, msg string, tied, ok bool) {
	var second trial
	for _, f := range r {
		d := read(f)
		if d == nil || len(d.Entries) == 0 {
			continue
		}
		t := trial{f: f, doc: d, errors: countErrors(d.Problems)}
		t.recognised, t.placed = placed(d)
		switch {
		case best.doc == nil || better(t, best):
			best, second = t, best
		case second.doc == nil || better(t, second):
			second = t
		}
	}
	if best.doc == nil {
		return trial{}, "", false, false
	}
	total := best.placed + len(best.doc.Unplaced())
	msg = fmt.Sprintf("no format in a sidecar: detected %s, which places %d of the %d lines, %d of them by its layout rather than as text", best.f.reader.Format(), best.placed, total, best.recognised)
	if second.doc != nil {
		msg += fmt.Sprintf(" (next: %s, %d by its layout)", second.f.reader.Format(), second.recognised)
		tied = !better(best, second)
	}
	return best, msg, tied, true
}

// better ranks two trials.
func better(a, b trial) bool {
	if a.recognised != b.recognised {
		return a.recognised > b.recognised
	}
	if a.placed != b.placed {
		return a.placed > b.placed
	}
	return a.errors < b.errors
}

// placed counts a document's placed non-blank lines, and of them those
// placed as more than text (a paragraph, the page's lede).
func placed(d *capture.Doc) (recognised, all int) {
	for i := 1; i <= d.Len(); i++ {
		u := d.UseOf(i)
		if u == nil {
			continue
		}
		all++
		if u.Field != "body" && u.Field != "page:lede" {
			recognised++
		}
	}
	return recognised, all
}

func countErrors(ps []capture.Problem) int {
	n := 0
	for _, p := range ps {
		if p.Severity == capture.Error {
			n++
		}
	}
	return n
}
