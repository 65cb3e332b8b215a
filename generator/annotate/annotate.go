// Package annotate turns imported entries into the chronicle: it finds the
// people each entry names and the journalists who wrote it, attaches the
// editors' notes, follows story threads, gathers the figures claimed, and
// groups entries into days. What it derives is marked as derived; what the
// editors wrote (content/annotations/) is checked and refused with file:line
// when it points at nothing.
package annotate

import (
	"errors"
	"fmt"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"chronicle/generator/diag"
	"chronicle/generator/entry"
	"chronicle/generator/importer/capture"
)

// Annotate builds the chronicle from the captures, their entries (oldest
// first, with IDs) and the registry.
func Annotate(captures []entry.Capture, entries []entry.Entry, reg *Registry) (*entry.Chronicle, error) {
	if reg == nil {
		reg = &Registry{}
	}
	c := &entry.Chronicle{Captures: captures, Entries: entries}
	c.People = append([]entry.Person(nil), reg.People...)
	c.Terms = reg.Terms
	people := newPeopleIndex(c.People)
	matcher := NewMatcher(c.People)
	pronouns, roles := map[string]string{}, map[string]string{}
	for _, p := range c.People {
		pronouns[p.ID], roles[p.ID] = p.Pronoun, strings.ToLower(p.Role+", "+p.Country)
	}
	// Mentions and quotes are found for each entry on its own, in parallel;
	// bylines are matched after, in entry order, as they add derived people.
	each(len(c.Entries), func(i int) {
		e := &c.Entries[i]
		e.People = nil
		for _, m := range matcher.Find(e.Words()) {
			e.People = appendUnique(e.People, m.Person)
		}
		// A pull quote's speaker line names its speaker too.
		for _, b := range e.Body {
			if b.Type == entry.BlockQuote && b.Speaker != "" {
				for _, m := range matcher.Find([]string{b.Speaker}) {
					e.People = appendUnique(e.People, m.Person)
				}
			}
		}
		e.Quotes = findQuotes(matcher, e, pronouns, roles)
	})
	for i := range c.Entries {
		e := &c.Entries[i]
		for j := range e.Authors {
			e.Authors[j].Person = people.journalist(&e.Authors[j], e, &c.People)
		}
	}
	c.Days = groupDays(c.Entries)
	c.Threads = findThreads(reg.Threads, c.Entries)
	var errs []error
	series, err := resolveSeries(reg.Series, c.Entries, Extract(reg.Series, c.Entries))
	errs = append(errs, err)
	c.Series = series
	notes, err := resolveNotes(reg.Notes, c)
	errs = append(errs, err)
	c.Notes = notes
	sort.SliceStable(c.People, func(i, j int) bool { return c.People[i].ID < c.People[j].ID })
	return c, errors.Join(errs...)
}

// peopleIndex finds registry people by any of their names.
type peopleIndex struct {
	byName map[string]string
	kind   map[string]entry.PersonKind // by person ID
}

func newPeopleIndex(people []entry.Person) *peopleIndex {
	ix := &peopleIndex{byName: map[string]string{}, kind: map[string]entry.PersonKind{}}
	for _, p := range people {
		ix.kind[p.ID] = p.Kind
		for _, a := range p.Spellings() {
			ix.byName[a] = p.ID
		}
	}
	return ix
}

// journalist returns the person ID of a byline's author, adding a derived
// person to people when the registry does not know them: a journalist, or
// a source for a credit the reader read as one. A registry record of kind
// source makes its credit a source whatever the reader made of it.
func (ix *peopleIndex) journalist(a *entry.Author, e *entry.Entry, people *[]entry.Person) string {
	if id, ok := ix.byName[a.Name]; ok {
		if ix.kind[id] == entry.Source {
			a.Kind = entry.SourceCredit
		}
		return id
	}
	id := capture.Slug(a.Name, 0)
	kind := entry.Journalist
	if a.IsSource() {
		kind = entry.Source
	}
	ix.byName[a.Name], ix.kind[id] = id, kind
	*people = append(*people, entry.Person{
		ID: id, Name: a.Name, Role: a.Role, Kind: kind,
		Country: e.Publisher, Publisher: e.PublisherID, Derived: true,
	})
	return id
}

// groupDays puts entries into UTC calendar days, oldest first.
func groupDays(entries []entry.Entry) []entry.Day {
	var days []entry.Day
	for _, e := range entries {
		d := e.Time.UTC().Format("2006-01-02")
		if len(days) == 0 || days[len(days)-1].Date != d {
			days = append(days, entry.Day{Date: d})
		}
		days[len(days)-1].Entries = append(days[len(days)-1].Entries, e.ID)
	}
	return days
}

// findThreads puts each entry into every thread one of whose keywords its
// title or body contains (case-insensitively).
func findThreads(threads []entry.Thread, entries []entry.Entry) []entry.Thread {
	out := make([]entry.Thread, len(threads))
	copy(out, threads)
	keywords := make([][]string, len(out))
	for t := range out {
		for _, k := range out[t].Keywords {
			keywords[t] = append(keywords[t], strings.ToLower(k))
		}
	}
	in := make([][]int, len(entries)) // the threads of each entry, found in parallel
	each(len(entries), func(i int) {
		e := &entries[i]
		e.Threads = nil
		text := strings.ToLower(strings.Join(e.Words(), "\n"))
		for t := range out {
			for _, k := range keywords[t] {
				if strings.Contains(text, k) {
					in[i] = append(in[i], t)
					e.Threads = append(e.Threads, out[t].ID)
					break
				}
			}
		}
	})
	for i, ts := range in {
		for _, t := range ts {
			out[t].Entries = append(out[t].Entries, entries[i].ID)
		}
	}
	return out
}

// each calls f(0), …, f(n-1) from a few goroutines, one per core; f must only
// write what belongs to its i.
func each(n int, f func(i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Go(func() {
			for i := int(next.Add(1)) - 1; i < n; i = int(next.Add(1)) - 1 {
				f(i)
			}
		})
	}
	wg.Wait()
}

// entryAt finds the entry of a capture that holds a line.
func entryAt(entries []entry.Entry, file string, line int) *entry.Entry {
	for i := range entries {
		e := &entries[i]
		if e.Capture == file && e.Lines[0] <= line && line <= e.Lines[1] {
			return e
		}
	}
	return nil
}

// resolveSeries ties each hand-checked claim to its entry.
// Claims found automatically that the hand list lacks are added, marked
// Derived.
func resolveSeries(series []entry.Series, entries []entry.Entry, found map[string][]entry.Claim) ([]entry.Series, error) {
	captures := map[string]bool{}
	for _, e := range entries {
		captures[e.Capture] = true
	}
	var errs []error
	out := make([]entry.Series, len(series))
	for i, s := range series {
		s.Claims = nil
		for _, c := range s.Claim {
			if c.Capture != "" && !captures[c.Capture] {
				errs = append(errs, diag.Errorf(FiguresFile, s.Line, diag.Registry, "series %q: unknown capture %q", s.ID, c.Capture))
				continue
			}
			// A claim outside any entry (in a page summary) links to its
			// capture line instead.
			if e := entryAt(entries, c.Capture, c.Line); e != nil {
				c.Entry = e.ID
				if c.Date == "" {
					c.Date = e.Time.UTC().Format("2006-01-02")
				}
			}
			s.Claims = append(s.Claims, c)
		}
		have := map[string]bool{}
		for _, c := range s.Claims {
			have[fmt.Sprintf("%g %s:%d", c.Value, c.Capture, c.Line)] = true
		}
		for _, c := range found[s.ID] {
			if !have[fmt.Sprintf("%g %s:%d", c.Value, c.Capture, c.Line)] {
				s.Claims = append(s.Claims, c)
			}
		}
		sort.SliceStable(s.Claims, func(a, b int) bool { return s.Claims[a].Date < s.Claims[b].Date })
		out[i] = s
	}
	return out, errors.Join(errs...)
}

// resolveNotes checks what each note is about and resolves entries given as
// capture:line to their IDs.
func resolveNotes(notes []entry.Note, c *entry.Chronicle) ([]entry.Note, error) {
	ids := map[string]bool{}
	for _, e := range c.Entries {
		ids["entry:"+e.ID] = true
	}
	for _, d := range c.Days {
		ids["day:"+d.Date] = true
	}
	for _, p := range c.People {
		ids["person:"+p.ID] = true
	}
	for _, t := range c.Terms {
		ids["term:"+t.ID] = true
	}
	var errs []error
	var out []entry.Note
	for _, n := range notes {
		n.Target = n.About
		if rest, ok := strings.CutPrefix(n.About, "entry:"); ok && !ids[n.About] {
			if file, line, ok := strings.Cut(rest, ":"); ok {
				if ln, err := strconv.Atoi(line); err == nil {
					if e := entryAt(c.Entries, file, ln); e != nil {
						n.Target = "entry:" + e.ID
					}
				}
			}
		}
		if !ids[n.Target] {
			errs = append(errs, diag.Errorf(n.File, aboutLine(n.File), diag.Target, "note is about %q, which is not in the chronicle", n.About))
			continue
		}
		out = append(out, n)
	}
	return out, errors.Join(errs...)
}
