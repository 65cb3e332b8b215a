// Package pages is the write stage: it turns the chronicle into a tree of
// Markdown files with JSON front matter, one file per page, that Hugo renders.
// The tree is a real artifact (chronicle build --keep leaves it on disk):
//
//	content/_index.md                home: days with counts, latest entries
//	content/days/2022-02-01.md       a day: its entries in time order
//	content/entries/<id>.md          an entry: blocks as Markdown and shortcodes
//	content/people/<id>.md           a person: mentions by day, bylines, quotes
//	content/publishers/<id>.md       a publisher: captures, journalists, days
//	content/captures/<file>.md       a capture's lines, numbered, for citing
//	content/notes/<id>.md            an editor's note
//	content/threads/<id>.md          a story thread
//	content/figures/<id>.md          a figure series with its chart
//	content/glossary.md, about.md, search.md
//
// Capture text is escaped on its way in (see Escape); the templates render
// structured values (alt texts, captions, speakers) from front matter, where
// html/template escapes them.
package pages

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"chronicle/generator/entry"
)

// Options adjust the write stage.
type Options struct {
	Title string // the site's title
}

// Stats reports what was written.
type Stats struct {
	Files int
	Bytes int64
}

// page is one file to write.
type page struct {
	path  string // relative to the content folder
	front any
	body  string
}

// Write writes the chronicle's pages under dir (which becomes Hugo's content
// folder). It writes files in parallel; the order of the files' contents does
// not depend on it.
func Write(c *entry.Chronicle, dir string, opts Options) (Stats, error) {
	w := newWriter(c, opts)
	ps := w.all()
	return writeAll(dir, ps)
}

// writer holds the lookups the pages need.
type writer struct {
	c       *entry.Chronicle
	opts    Options
	entries map[string]*entry.Entry
	people  map[string]*entry.Person
	kyiv    *time.Location
}

func newWriter(c *entry.Chronicle, opts Options) *writer {
	w := &writer{c: c, opts: opts, entries: map[string]*entry.Entry{}, people: map[string]*entry.Person{}}
	for i := range c.Entries {
		w.entries[c.Entries[i].ID] = &c.Entries[i]
	}
	for i := range c.People {
		w.people[c.People[i].ID] = &c.People[i]
	}
	kyiv, err := time.LoadLocation("Europe/Kyiv")
	if err != nil {
		kyiv = time.FixedZone("EET", 2*3600)
	}
	w.kyiv = kyiv
	return w
}

// all lists every page of the site.
func (w *writer) all() []page {
	var ps []page
	ps = append(ps, w.home(), w.about(), w.glossary(), w.search())
	ps = append(ps, w.sectionIndexes()...)
	for i := range w.c.Days {
		ps = append(ps, w.day(i))
	}
	for i := range w.c.Entries {
		ps = append(ps, w.entry(&w.c.Entries[i]))
	}
	ps = append(ps, w.peoplePages()...)
	ps = append(ps, w.publisherPages()...)
	ps = append(ps, w.capturePages()...)
	ps = append(ps, w.notePages()...)
	ps = append(ps, w.threadPages()...)
	ps = append(ps, w.seriesPages()...)
	return ps
}

// writeAll writes the pages with a few workers.
func writeAll(dir string, ps []page) (Stats, error) {
	var st Stats
	var mu sync.Mutex
	var firstErr error
	jobs := make(chan page)
	var wg sync.WaitGroup
	for k := 0; k < 4; k++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range jobs {
				n, err := writePage(dir, p)
				mu.Lock()
				st.Files++
				st.Bytes += int64(n)
				if err != nil && firstErr == nil {
					firstErr = err
				}
				mu.Unlock()
			}
		}()
	}
	for _, p := range ps {
		jobs <- p
	}
	close(jobs)
	wg.Wait()
	return st, firstErr
}

// writePage writes one Markdown file: JSON front matter, a blank line, body.
func writePage(dir string, p page) (int, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(p.front); err != nil {
		return 0, fmt.Errorf("write %s: %w", p.path, err)
	}
	buf.WriteString("\n")
	buf.WriteString(p.body)
	path := filepath.Join(dir, filepath.FromSlash(p.path))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return 0, err
	}
	return buf.Len(), os.WriteFile(path, buf.Bytes(), 0o644)
}

// dayTitle is "Tuesday 1 February 2022".
func dayTitle(date string) string {
	t, err := time.Parse("2006-01-02", date)
	if err != nil {
		return date
	}
	return t.Format("Monday 2 January 2006")
}

// sortedKeys returns a map's keys in order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// oneLine shortens text to at most n runes at a word boundary.
func oneLine(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := string(r[:n])
	if i := strings.LastIndex(cut, " "); i > n/2 {
		cut = cut[:i]
	}
	return cut + "…"
}
