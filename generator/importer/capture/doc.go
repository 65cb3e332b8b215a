// Package capture holds what every reader of a capture format shares: the
// document being read with its lines, the ledger that proves each line is
// accounted for exactly once, the problems found on the way, and the text
// helpers the recognisers use.
package capture

import (
	"fmt"
	"strings"
	"time"

	"chronicle/generator/diag"
	"chronicle/generator/entry"
)

// Severity ranks a Problem (diag.Severity).
type Severity = diag.Severity

// Severities, from least to most serious (diag).
const (
	Notice  = diag.Notice
	Warning = diag.Warning
	Error   = diag.Error
)

// Problem is something a reader wants a person to know, tied to a line: the
// one problem type of every stage (diag.Problem).
type Problem = diag.Problem

// Use says where a line of the capture went.
type Use struct {
	Entry int    // index into Doc.Entries, or -1 for page-level lines
	Field string // "title", "header", "body", "byline", "page:summary", "boilerplate:twitter", …
}

// Doc is one capture being read: its lines, its metadata and what the reader
// makes of it.
type Doc struct {
	Capture *entry.Capture
	// Lines holds the capture's lines without line endings; line n is Lines[n-1].
	Lines []string
	// Location is the zone that undated or zone-less times are read in.
	Location *time.Location

	Entries  []entry.Entry
	Problems []Problem

	uses []*Use // per line, index n-1
}

// NewDoc makes a Doc of the given text, already checked to be valid UTF-8
// with LF line endings.
func NewDoc(c *entry.Capture, text string, loc *time.Location) *Doc {
	lines := strings.Split(text, "\n")
	if len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1] // a final newline ends the last line
	}
	return &Doc{Capture: c, Lines: lines, Location: loc, uses: make([]*Use, len(lines))}
}

// Line returns line n (1-based), or "" past either end.
func (d *Doc) Line(n int) string {
	if n < 1 || n > len(d.Lines) {
		return ""
	}
	return d.Lines[n-1]
}

// Len is the number of lines.
func (d *Doc) Len() int { return len(d.Lines) }

// Blank reports whether line n is empty or white space only.
func (d *Doc) Blank(n int) bool { return strings.TrimSpace(d.Line(n)) == "" }

// Claim records that the non-blank lines first..last went to the given use.
// A line claimed twice is a bug in a reader; it is reported as an error so the
// ledger test catches it.
func (d *Doc) Claim(first, last int, entryIndex int, field string) {
	for n := first; n <= last; n++ {
		if n < 1 || n > len(d.Lines) || d.Blank(n) {
			continue
		}
		if prev := d.uses[n-1]; prev != nil {
			d.Errorf(n, diag.ClaimedTwice, "line claimed twice (%s, then %s)", prev.Field, field)
			continue
		}
		d.uses[n-1] = &Use{Entry: entryIndex, Field: field}
	}
}

// UseOf returns where line n went, or nil.
func (d *Doc) UseOf(n int) *Use {
	if n < 1 || n > len(d.uses) {
		return nil
	}
	return d.uses[n-1]
}

// Unplaced returns the non-blank lines no reader claimed.
func (d *Doc) Unplaced() []int {
	var out []int
	for n := 1; n <= len(d.Lines); n++ {
		if d.uses[n-1] == nil && !d.Blank(n) {
			out = append(out, n)
		}
	}
	return out
}

// Report adds a problem of the given code at line n.
func (d *Doc) Report(sev Severity, n int, code diag.Code, format string, args ...any) {
	d.Problems = append(d.Problems, Problem{File: d.Capture.File, Line: n, Severity: sev, Code: code, Message: fmt.Sprintf(format, args...)})
}

// Errorf reports an error at line n.
func (d *Doc) Errorf(n int, code diag.Code, format string, args ...any) {
	d.Report(Error, n, code, format, args...)
}

// Warnf reports a warning at line n.
func (d *Doc) Warnf(n int, code diag.Code, format string, args ...any) {
	d.Report(Warning, n, code, format, args...)
}

// Noticef reports a notice at line n.
func (d *Doc) Noticef(n int, code diag.Code, format string, args ...any) {
	d.Report(Notice, n, code, format, args...)
}

// SortProblems orders problems by line, then severity.
func SortProblems(ps []Problem) { diag.Sort(ps) }

// Reader turns the lines of one capture format into entries. A reader fills
// Doc.Entries (without IDs: the importer assigns them), Doc.Capture.Page, claims
// every line it places, and reports what it could not place or had to infer.
type Reader interface {
	// Format is the reader's name, as written in sidecars ("bbc-live").
	Format() string
	// Detect scores how sure the reader is that the lines are its format:
	// 0 means not at all; the highest score above zero wins.
	Detect(lines []string) int
	// Read reads the document.
	Read(d *Doc)
}

// Layout is a Reader made of its parts: a format whose page is recognised
// line by line. Each reader package returns one from its New.
type Layout struct {
	Name  string                // the format's name in sidecars
	Score func(line string) int // how much one line says the page is this format
	Reads func(d *Doc)          // reads the document
}

// Format returns the layout's name.
func (l Layout) Format() string { return l.Name }

// Detect sums the lines' scores.
func (l Layout) Detect(lines []string) int {
	score := 0
	for _, s := range lines {
		score += l.Score(s)
	}
	return score
}

// Read reads the document with the layout's Reads.
func (l Layout) Read(d *Doc) { l.Reads(d) }
