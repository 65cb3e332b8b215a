// Package importer turns capture files into entries: it checks each file's
// bytes, reads its sidecar, picks the reader for its format, runs it, checks
// that every line was placed, and gives every entry a stable ID.
package importer

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	_ "time/tzdata" // captures name IANA zones; do not depend on the host's zoneinfo

	"chronicle/generator/diag"
	"chronicle/generator/entry"
	"chronicle/generator/importer/capture"
)

// Options adjust an import.
type Options struct {
	// Date is the page date (YYYY-MM-DD) for captures whose sidecar gives
	// none, as `--date` on the command line.
	Date string
	// Format forces a format for captures without a sidecar.
	Format string
	// Formats is the chronicle's folder of format files (content/formats),
	// "" for the formats shipped with Chronicle alone.
	Formats string
}

// Result is what an import produced.
type Result struct {
	Captures []entry.Capture
	// Entries from every capture, oldest first, with IDs.
	Entries []entry.Entry
	// Docs are the read documents, in the order of Captures, for tools that
	// need the line ledger.
	Docs     []*capture.Doc
	Problems []capture.Problem
}

// Count returns how many problems have the given severity.
func (r *Result) Count(s capture.Severity) int {
	n := 0
	for _, p := range r.Problems {
		if p.Severity == s {
			n++
		}
	}
	return n
}

// Warnings returns the import's warnings.
func (r *Result) Warnings() []capture.Problem {
	var out []capture.Problem
	for _, p := range r.Problems {
		if p.Severity == capture.Warning {
			out = append(out, p)
		}
	}
	return out
}

// Err returns an error listing the import's errors, or nil when it had none.
func (r *Result) Err() error {
	var lines []string
	for _, p := range r.Problems {
		if p.Severity == capture.Error {
			lines = append(lines, p.String())
		}
	}
	if len(lines) == 0 {
		return nil
	}
	return fmt.Errorf("import: %d error(s):\n%s", len(lines), strings.Join(lines, "\n"))
}

// Paths expands the arguments to capture files: a folder stands for the
// *.txt files in it. The result is sorted and free of duplicates.
func Paths(args []string) ([]string, error) {
	seen := map[string]bool{}
	var out []string
	for _, a := range args {
		info, err := os.Stat(a)
		if errors.Is(err, fs.ErrNotExist) && filepath.Base(a) == "sources" {
			return nil, fmt.Errorf("%s: no such folder: this is not a chronicle's folder (make one with `chronicle new DIR`, or give --root DIR)", a)
		}
		if err != nil {
			return nil, err
		}
		files := []string{a}
		if info.IsDir() {
			files, err = filepath.Glob(filepath.Join(a, "*.txt"))
			if err != nil {
				return nil, err
			}
		}
		for _, f := range files {
			if !seen[f] {
				seen[f] = true
				out = append(out, f)
			}
		}
	}
	sort.Strings(out)
	return out, nil
}

// Import reads the capture files at paths (files or folders).
func Import(paths []string, opts Options) (*Result, error) {
	files, err := Paths(paths)
	if err != nil {
		return nil, fmt.Errorf("import: %w", err)
	}
	if opts.Date != "" {
		if _, err := time.Parse("2006-01-02", opts.Date); err != nil {
			return nil, fmt.Errorf("import: --date %q is not a date (YYYY-MM-DD)", opts.Date)
		}
	}
	reg, regProblems := loadRegistry(opts.Formats)
	if countErrors(regProblems) > 0 {
		capture.SortProblems(regProblems)
		return &Result{Problems: regProblems}, nil // no capture is read by formats that are wrong
	}
	// Captures are read in parallel, each on its own; the results are
	// gathered in path order, so the outcome does not depend on timing.
	type read struct {
		doc      *capture.Doc
		problems []capture.Problem
		err      error
		sum      [sha256.Size]byte
	}
	reads := make([]read, len(files))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(files)) {
		wg.Go(func() {
			for i := int(next.Add(1)) - 1; i < len(files); i = int(next.Add(1)) - 1 {
				data, err := os.ReadFile(files[i])
				if err != nil {
					reads[i].err = err
					continue
				}
				reads[i].doc, reads[i].problems = readCapture(reg, files[i], data, opts)
				reads[i].sum = sha256.Sum256(data)
			}
		})
	}
	wg.Wait()
	res := &Result{}
	seen := map[[sha256.Size]byte]string{}
	for i, r := range reads {
		if r.err != nil {
			return nil, fmt.Errorf("import: %w", r.err)
		}
		if first, ok := seen[r.sum]; ok {
			res.Problems = append(res.Problems, capture.Problem{File: baseName(files[i]), Line: 1, Severity: capture.Warning, Code: diag.Duplicate,
				Message: fmt.Sprintf("a byte-for-byte copy of %s: its entries are read once, from %s; remove one of the two", first, first)})
			continue
		}
		seen[r.sum] = baseName(files[i])
		doc := r.doc
		res.Problems = append(res.Problems, r.problems...)
		if doc == nil {
			continue
		}
		res.Docs = append(res.Docs, doc)
		res.Captures = append(res.Captures, *doc.Capture)
		res.Entries = append(res.Entries, doc.Entries...)
	}
	res.Problems = append(res.Problems, checkCaptureIDs(res.Captures)...)
	AssignIDs(res.Entries)
	capture.SortProblems(res.Problems)
	return res, nil
}

// ReadCapture reads one capture from its bytes; its sidecar, if any, is read
// from beside path. It returns nil when the file cannot be read at all; the
// problems say why.
func ReadCapture(path string, data []byte, opts Options) (*capture.Doc, []capture.Problem) {
	reg, problems := loadRegistry(opts.Formats)
	if countErrors(problems) > 0 {
		return nil, problems
	}
	return readCapture(reg, path, data, opts)
}

// readCapture is ReadCapture with the formats known.
func readCapture(reg registry, path string, data []byte, opts Options) (*capture.Doc, []capture.Problem) {
	name := baseName(path)
	text, problems, ok := checkBytes(name, data)
	if !ok {
		return nil, problems
	}
	sc, scProblems := readSidecar(SidecarPath(path), reg)
	problems = append(problems, scProblems...)
	return readText(reg, name, path, string(data), text, sc, opts, problems)
}

// readText picks a format for the text and reads it; source is the file's
// bytes, which the capture keeps.
func readText(reg registry, name, path, source, text string, sc *Sidecar, opts Options, problems []capture.Problem) (*capture.Doc, []capture.Problem) {
	if opts.Date != "" {
		if _, err := time.Parse("2006-01-02", opts.Date); err != nil {
			problems = append(problems, capture.Problem{File: name, Line: 1, Severity: capture.Error, Code: diag.BadOption,
				Message: fmt.Sprintf("--date %q is not a date (YYYY-MM-DD)", opts.Date)})
			return nil, problems
		}
	}
	read := func(f format) *capture.Doc {
		doc := newDoc(name, path, source, text, sc, f, opts)
		f.reader.Read(doc)
		return doc
	}
	var f format
	var ok bool
	switch {
	case sc != nil && sc.Format != "":
		f, ok = reg.byName(sc.Format)
	case opts.Format != "":
		if f, ok = reg.byName(opts.Format); !ok {
			problems = append(problems, capture.Problem{File: name, Line: 1, Severity: capture.Error, Code: diag.Format,
				Message: fmt.Sprintf("unknown format %q (known: %s)", opts.Format, strings.Join(reg.names(), ", "))})
			return nil, problems
		}
	default:
		t, msg, tied, found := reg.detect(read)
		if !found {
			problems = append(problems, capture.Problem{File: name, Line: 1, Severity: capture.Error, Code: diag.Format,
				Message: fmt.Sprintf("unrecognised format: no reader (%s) knows this text; name the format in a sidecar, or describe it in a format file (docs/FORMATS.md)", strings.Join(reg.names(), ", "))})
			return nil, problems
		}
		sev := capture.Notice
		if tied {
			sev, msg = capture.Warning, msg+": as many as the next, so only the order of the formats chose; name the format in a sidecar"
		}
		problems = append(problems, capture.Problem{File: name, Line: 1, Severity: sev, Code: diag.Format, Message: msg})
		return finish(t.doc, t.f, problems)
	}
	if !ok {
		return nil, problems // readSidecar reported the unknown format
	}
	return finish(read(f), f, problems)
}

// newDoc makes the document of a capture read in format f, described by
// its sidecar and the options.
func newDoc(name, path, source, text string, sc *Sidecar, f format, opts Options) *capture.Doc {
	c := &entry.Capture{File: name, Path: path, Source: source}
	applySidecar(c, sc, f)
	if c.PageDate == "" {
		c.PageDate = opts.Date
	}
	var loc *time.Location // none: the reader's clock warns and reads times as UTC
	if c.TimeZone != "" {
		var err error
		if loc, err = time.LoadLocation(c.TimeZone); err != nil {
			loc = time.UTC // readSidecar reported it
		}
	}
	return capture.NewDoc(c, text, loc)
}

// finish checks a read document: a capture of a syndicator's layout must
// name its publisher, and the lines no reader placed are reported.
func finish(doc *capture.Doc, f format, problems []capture.Problem) (*capture.Doc, []capture.Problem) {
	if doc.Capture.Publisher == "" {
		problems = append(problems, capture.Problem{File: SidecarPath(doc.Capture.File), Line: 1, Severity: capture.Error, Code: diag.BadSidecar,
			Message: fmt.Sprintf("the %s layout does not name the publisher: give publisher (and publisher_id) in the sidecar", doc.Capture.Format)})
		return nil, problems
	}
	unplaced := doc.Unplaced()
	for i, n := range unplaced {
		if i == maxUnplacedWarnings {
			rest := unplaced[i:]
			doc.Warnf(n, diag.Unplaced20, "and %d more unplaced lines, the last at line %d: is this capture of the format %s?", len(rest), rest[len(rest)-1], f.reader.Format())
			break
		}
		doc.Warnf(n, diag.Unplaced, "unplaced line: %q", short(doc.Line(n)))
	}
	return doc, append(problems, doc.Problems...)
}

// checkCaptureIDs reports captures whose IDs (entry.CaptureID: the file
// name made to fit the ID grammar) are the same, since they would have one
// page and one download between them.
func checkCaptureIDs(cs []entry.Capture) []capture.Problem {
	var out []capture.Problem
	first := map[string]string{}
	for _, c := range cs {
		id := c.PageID()
		if f, ok := first[id]; ok {
			out = append(out, capture.Problem{File: c.File, Line: 1, Severity: capture.Error, Code: diag.AddressClash,
				Message: fmt.Sprintf("this capture's address (captures/%s.html) is also %s's: rename one of the two files", id, f)})
			continue
		}
		first[id] = c.File
	}
	return out
}

// maxUnplacedWarnings is how many unplaced lines of one capture are named
// one by one; the rest are summed up in one warning, so that a capture of
// junk gives a screenful, not a million lines.
const maxUnplacedWarnings = 20

// AssignIDs sorts entries oldest first and gives each a readable, stable ID:
// UTC date and time, publisher, and the first words of the title. A clash
// gets a suffix (-2, -3, …) in that order.
func AssignIDs(es []entry.Entry) {
	sort.SliceStable(es, func(i, j int) bool {
		a, b := es[i], es[j]
		if !a.Time.Equal(b.Time) {
			return a.Time.Before(b.Time)
		}
		if a.Capture != b.Capture {
			return a.Capture < b.Capture
		}
		return a.Lines[0] < b.Lines[0]
	})
	used := map[string]int{}
	for i := range es {
		e := &es[i]
		slug := capture.Slug(e.Title, 6)
		if slug == "" {
			slug = string(e.Kind)
		}
		id := fmt.Sprintf("%s-%s-%s", e.Time.UTC().Format("2006-01-02-1504"), e.PublisherID, slug)
		used[id]++
		if k := used[id]; k > 1 {
			id = fmt.Sprintf("%s-%d", id, k)
		}
		e.ID = id
	}
}

func baseName(path string) string { return filepath.Base(path) }

// short cuts a line for a message.
func short(s string) string {
	s = strings.TrimSpace(s)
	if r := []rune(s); len(r) > 60 {
		return string(r[:57]) + "..."
	}
	return s
}
