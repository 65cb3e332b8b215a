// Package formatfile reads capture formats described as data: a short TOML
// file (a format file) that says how a publisher's live blog looks as copied
// text, and a reader that reads captures by it with the guarantees of the Go
// readers (every line accounted for, problems at file and line).
//
// The language is described for editors in docs/FORMATS.md. Its patterns
// are Go regular expressions (RE2 syntax, https://golang.org/s/re2syntax):
// they run in time linear in the line, so no pattern can hang the reader.
package formatfile

import (
	"fmt"
	"maps"
	"path"
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"time"

	"chronicle/generator/diag"
	"chronicle/generator/entry"
	"chronicle/generator/tomlfile"
)

// File is a format file as written: the TOML keys of the language.
type File struct {
	// Name is the format's name in sidecars; the file's name without
	// ".toml" when left out.
	Name        string `toml:"name"`
	Description string `toml:"description"`
	// Publisher and PublisherID are the publisher a capture of this format
	// is from unless its sidecar says otherwise; a syndicator's layout
	// leaves them out, and then the sidecar must name one.
	Publisher   string `toml:"publisher"`
	PublisherID string `toml:"publisher_id"`
	// Zone is the IANA zone of times printed without one.
	Zone string `toml:"zone"`
	// Order is newest-first, oldest-first or either (the default): the
	// order of the entries on the page, which dates entries across midnight
	// when the page prints no dates.
	Order string `toml:"order"`
	// Title is where an entry's title stands: before the header line, on
	// it (the header pattern has a title part), after it, after it when the
	// line reads as a title (after-if-short), or none.
	Title string `toml:"title"`
	// Zones maps the zone abbreviations the page prints to an IANA zone or
	// a UTC offset ("+01:00"), over the common ones the reader knows.
	Zones map[string]string `toml:"zones"`
	// Header lists the patterns of the line that begins an entry.
	Header []string `toml:"header"`
	// Date lists the patterns of a line that dates the entries below it.
	Date []string `toml:"date"`
	// Byline lists the patterns of a line that names an entry's authors.
	Byline []string `toml:"byline"`
	// Item lists the patterns of a list item's line; its text part is the item.
	Item []string `toml:"item"`
	// Figure lists the patterns of a photo's caption line.
	Figure []string `toml:"figure"`
	// Markers maps an entry kind to the pattern of the line that marks it
	// ("key-event" = '^Key event$').
	Markers map[string]string `toml:"markers"`
	// Boilerplate maps a name to the pattern of lines to drop as that
	// boilerplate ("share" = '^Share$').
	Boilerplate map[string]string `toml:"boilerplate"`
	// Blocks are runs of boilerplate lines from a start line to an end line.
	Blocks []Block `toml:"block"`
}

// Block is a run of boilerplate lines: from a line matching Start to the
// next line matching End, or to the end of the capture when End is empty.
type Block struct {
	Name  string `toml:"name"`
	Start string `toml:"start"`
	End   string `toml:"end"`
}

// Title positions.
const (
	TitleBefore       = "before"
	TitleOn           = "on"
	TitleAfter        = "after"
	TitleAfterIfShort = "after-if-short"
	TitleNone         = "none"
)

// Orders of entries.
const (
	NewestFirst = "newest-first"
	OldestFirst = "oldest-first"
	Either      = "either"
)

// The named parts a pattern may have, by the kind of line it matches.
var parts = map[string][]string{
	"header": {"hour", "minute", "ampm", "day", "month", "year", "weekday", "zone", "title", "author", "role", "ago", "text"},
	"date":   {"day", "month", "year", "weekday"},
	"byline": {"author", "role"},
	"item":   {"text"},
	"figure": {"caption", "credit", "alt"},
}

// Format is a checked, compiled format file.
type Format struct {
	File
	Source string // the file's name, for problems ("formats/guardian-live.toml")
	loc    *time.Location
	zones  map[string]*time.Location

	header, date, byline, item []*regexp.Regexp
	figure                     []named // multi-line patterns
	markers                    []named
	boilerplate                []named
	blocks                     []block
}

// named is a pattern with the name it gives what it matches, and how many
// lines it matches: one, and one more for each \n the pattern holds.
type named struct {
	name  string
	re    *regexp.Regexp
	lines int
}

type block struct {
	name       string
	start, end *regexp.Regexp
}

// Parse reads and checks the format file source (its name for problems)
// from data. Every problem names the file and the line.
func Parse(source string, data []byte) (*Format, []diag.Problem) {
	var f File
	if err := tomlfile.Decode(source, data, &f); err != nil {
		return nil, diag.Collect(err, "")
	}
	c := checker{source: source, data: data}
	fm := c.compile(f)
	if len(c.problems) > 0 {
		return nil, c.problems
	}
	return fm, nil
}

// checker gathers the problems of one format file.
type checker struct {
	source   string
	data     []byte
	problems []diag.Problem
}

func (c *checker) errorf(line int, format string, args ...any) {
	c.problems = append(c.problems, diag.Problem{File: c.source, Line: line, Severity: diag.Error, Code: diag.BadFormatFile, Message: fmt.Sprintf(format, args...)})
}

// lineOf is the line of the file that holds value (a pattern as written),
// else the line of key.
func (c *checker) lineOf(key, value string) int {
	if value != "" {
		for i, l := range strings.Split(string(c.data), "\n") {
			if strings.Contains(l, value) {
				return i + 1
			}
		}
	}
	return tomlfile.KeyLine(c.data, key)
}

func (c *checker) compile(f File) *Format {
	if f.Name == "" {
		f.Name = strings.TrimSuffix(path.Base(c.source), ".toml")
	}
	if err := entry.CheckID(f.Name); err != nil {
		c.errorf(c.lineOf("name", ""), "the format's name %q: %v (lower-case words joined by hyphens)", f.Name, err)
	}
	if f.PublisherID != "" {
		if err := entry.CheckID(f.PublisherID); err != nil {
			c.errorf(c.lineOf("publisher_id", ""), "publisher_id: %v", err)
		}
	}
	fm := &Format{File: f, Source: c.source}
	fm.loc = c.zone(f.Zone)
	fm.zones = c.zoneTable(f.Zones)
	c.oneOf("order", &fm.Order, Either, NewestFirst, OldestFirst, Either)
	c.oneOf("title", &fm.Title, TitleAfter, TitleBefore, TitleOn, TitleAfter, TitleAfterIfShort, TitleNone)
	fm.header = c.patterns("header", f.Header)
	fm.date = c.patterns("date", f.Date)
	fm.byline = c.patterns("byline", f.Byline)
	fm.item = c.patterns("item", f.Item)
	for _, re := range c.patterns("figure", f.Figure) {
		if re != nil {
			n, _ := lineCount(re.String())
			fm.figure = append(fm.figure, named{"figure", re, n})
		}
	}
	if len(f.Header) == 0 {
		c.errorf(1, "no header pattern: say how an entry begins, e.g. header = ['^(?P<hour>\\d{2}):(?P<minute>\\d{2})$']")
	}
	for i, re := range fm.header {
		if re == nil {
			continue
		}
		names := re.SubexpNames()
		if !slices.Contains(names, "hour") && !slices.Contains(names, "ago") {
			c.errorf(c.lineOf("header", f.Header[i]), "header pattern %q has no time: it needs a part (?P<hour>…) or (?P<ago>…)", f.Header[i])
		}
		if fm.Title == TitleOn && !slices.Contains(names, "title") {
			c.errorf(c.lineOf("header", f.Header[i]), "title = \"on\", but header pattern %q has no (?P<title>…) part", f.Header[i])
		}
	}
	for _, p := range f.Date {
		if re := compileQuiet(p); re != nil && (!slices.Contains(re.SubexpNames(), "day") || !slices.Contains(re.SubexpNames(), "month")) {
			c.errorf(c.lineOf("date", p), "date pattern %q needs a (?P<day>…) and a (?P<month>…) part", p)
		}
	}
	for _, p := range f.Header {
		if re := compileQuiet(p); re != nil && slices.Contains(re.SubexpNames(), "day") != slices.Contains(re.SubexpNames(), "month") {
			c.errorf(c.lineOf("header", p), "header pattern %q: a date needs both its (?P<day>…) and its (?P<month>…) part", p)
		}
	}
	fm.markers = c.namedPatterns("markers", f.Markers)
	fm.boilerplate = c.namedPatterns("boilerplate", f.Boilerplate)
	for _, b := range f.Blocks {
		fm.blocks = append(fm.blocks, c.block(b))
	}
	return fm
}

// oneOf checks that *v is one of allowed, setting it to def when empty.
func (c *checker) oneOf(key string, v *string, def string, allowed ...string) {
	if *v == "" {
		*v = def
		return
	}
	if !slices.Contains(allowed, *v) {
		c.errorf(c.lineOf(key, ""), "%s = %q: it is one of %s", key, *v, strings.Join(allowed, ", "))
	}
}

// zone loads the page's zone.
func (c *checker) zone(name string) *time.Location {
	if name == "" {
		return nil
	}
	loc, err := time.LoadLocation(name)
	if _, isOffset := entry.ParseOffset(name); err != nil || name == "Local" || isOffset {
		c.errorf(c.lineOf("zone", ""), "zone %q: not an IANA zone name such as Europe/London (the page's zone knows its summer time; an offset such as +01:00 goes in [zones])", name)
		return nil
	}
	return loc
}

// zoneTable loads the abbreviations over the common ones.
func (c *checker) zoneTable(own map[string]string) map[string]*time.Location {
	table := make(map[string]*time.Location, len(commonZones)+len(own))
	for abbr, z := range commonZones {
		table[abbr], _ = loadZone(z)
	}
	for _, abbr := range slices.Sorted(maps.Keys(own)) {
		loc, err := loadZone(own[abbr])
		if err != nil {
			c.errorf(c.lineOf(abbr, ""), "zone abbreviation %s = %q: %v", abbr, own[abbr], err)
			continue
		}
		table[abbr] = loc
	}
	return table
}

// patterns compiles the patterns of one kind of line.
func (c *checker) patterns(kind string, ps []string) []*regexp.Regexp {
	out := make([]*regexp.Regexp, len(ps))
	for i, p := range ps {
		out[i] = c.pattern(kind, kind, p)
	}
	return out
}

// multiLine are the kinds of line whose patterns may match several lines.
var multiLine = map[string]bool{"figure": true, "boilerplate": true}

// pattern compiles one pattern of a kind of line, checking its named parts
// and its line breaks.
func (c *checker) pattern(key, kind, p string) *regexp.Regexp {
	re, err := regexp.Compile(p)
	if err != nil {
		c.errorf(c.lineOf(key, p), "bad pattern %q: %v", p, errText(err))
		return nil
	}
	switch n, err := lineCount(p); {
	case err != nil:
		c.errorf(c.lineOf(key, p), "pattern %q: %v", p, err)
	case n > 1 && !multiLine[kind]:
		c.errorf(c.lineOf(key, p), "pattern %q: a %s pattern matches one line; only figure and boilerplate patterns may hold \\n", p, kind)
	}
	known := parts[kind]
	for _, name := range re.SubexpNames() {
		if name != "" && !slices.Contains(known, name) {
			if len(known) == 0 {
				c.errorf(c.lineOf(key, p), "pattern %q: a %s pattern has no named parts, and (?P<%s>…) is one", p, kind, name)
			} else {
				c.errorf(c.lineOf(key, p), "pattern %q: (?P<%s>…) is not a part the reader knows in a %s line (known: %s)", p, name, kind, strings.Join(known, ", "))
			}
		}
	}
	return re
}

// namedPatterns compiles a table of name = pattern, in the order of names.
func (c *checker) namedPatterns(key string, m map[string]string) []named {
	var out []named
	for _, name := range slices.Sorted(maps.Keys(m)) {
		if err := entry.CheckID(name); err != nil {
			c.errorf(c.lineOf(name, ""), "%s name %q: %v", key, name, err)
		}
		if re := c.pattern(name, key, m[name]); re != nil {
			n, _ := lineCount(m[name])
			out = append(out, named{name, re, n})
		}
	}
	return out
}

// block compiles a boilerplate block.
func (c *checker) block(b Block) block {
	if b.Name == "" || b.Start == "" {
		c.errorf(c.lineOf("start", b.Start), "a [[block]] needs a name and a start pattern")
	} else if err := entry.CheckID(b.Name); err != nil {
		c.errorf(c.lineOf("name", b.Name), "block name %q: %v", b.Name, err)
	}
	out := block{name: b.Name, start: c.pattern("start", "block", b.Start)}
	if b.End != "" {
		out.end = c.pattern("end", "block", b.End)
	}
	return out
}

// lineCount is how many lines a pattern matches: each \n in it (outside a
// class such as [^\n] or \s, which match within a line) stands for the
// break between two lines. A pattern
// whose alternatives break a different number of lines, or that repeats a
// line break, matches no fixed number of lines: an error.
func lineCount(p string) (int, error) {
	re, err := syntax.Parse(p, syntax.Perl)
	if err != nil {
		return 1, nil // reported by the compile
	}
	n, err := newlines(re)
	return n + 1, err
}

// newlines counts the literal line breaks of a parsed pattern.
func newlines(re *syntax.Regexp) (int, error) {
	switch re.Op {
	case syntax.OpLiteral:
		n := 0
		for _, r := range re.Rune {
			if r == '\n' {
				n++
			}
		}
		return n, nil
	case syntax.OpAlternate:
		n := -1
		for _, sub := range re.Sub {
			k, err := newlines(sub)
			if err != nil {
				return 0, err
			}
			if n >= 0 && k != n {
				return 0, fmt.Errorf("its alternatives match different numbers of lines")
			}
			n = k
		}
		return max(n, 0), nil
	case syntax.OpStar, syntax.OpPlus, syntax.OpQuest, syntax.OpRepeat:
		if k, err := newlines(re.Sub[0]); err != nil || k > 0 {
			return 0, fmt.Errorf("it repeats a line break: write each \\n once")
		}
		return 0, nil
	}
	n := 0
	for _, sub := range re.Sub {
		k, err := newlines(sub)
		if err != nil {
			return 0, err
		}
		n += k
	}
	return n, nil
}

// compileQuiet compiles p, or returns nil (the error is reported elsewhere).
func compileQuiet(p string) *regexp.Regexp {
	re, _ := regexp.Compile(p)
	return re
}

// errText is a regexp error without its package prefix.
func errText(err error) string {
	return strings.TrimPrefix(err.Error(), "error parsing regexp: ")
}
