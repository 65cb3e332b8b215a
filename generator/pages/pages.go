// Package pages is the write stage: it turns the chronicle into a tree of
// Markdown files with JSON front matter, one file per page, that Hugo renders.
// The tree is a real artifact (chronicle build --keep leaves it on disk):
//
//	content/_index.md                home: days with counts, latest entries
//	content/days/2022-02-01.md       a day: its entries in time order
//	content/entries/<id>.md          an entry: blocks as Markdown and render-hook marks
//	content/people/<id>.md           a person: mentions by day, bylines, quotes
//	content/publishers/<id>.md       a publisher: captures, journalists, days
//	content/captures/<file>.md       a capture's lines, numbered, for citing
//	content/notes/<id>.md            an editor's note
//	content/threads/<id>.md          a story thread
//	content/figures/<id>.md          a figure series with its chart
//	content/glossary.md, about.md
//	content/search/_index.md         the search page (search/index.html)
//	content/handouts/…               a two-page handout per day and person, and
//	                                 their index (handouts.go)
//
// A chronicle of more than Options.BatchEntries entries is rendered in
// batches (batches.go): the write stage then also writes a stub of every
// page, what other pages read of it, and plans which batch renders which
// page.
//
// Capture text is escaped on its way in (see Escape); the templates render
// structured values (alt texts, captions, speakers) from front matter, where
// html/template escapes them.
package pages

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"chronicle/generator/entry"
	"chronicle/generator/sitefile"

	"github.com/spf13/afero"
)

// Options adjust the write stage.
type Options struct {
	// Site is the chronicle's site file: its title, zones, About text.
	Site *sitefile.Site
	// BaseURL is the site's public address: handouts print it, with the
	// address of the day or person page, as text and as a QR code. Empty
	// when the chronicle has none: handouts then print no address.
	BaseURL string
	// Fs is where the files are written, under the folder given to Write;
	// nil writes them to disk. An afero.MemMapFs spares the build a file
	// system call or two per page (see render.Options.ContentFs).
	Fs afero.Fs
	// BatchEntries, when the chronicle has more entries than this, has the
	// site rendered in batches of whole days with about this many entries
	// each (see Batch): Write then also writes a stub of every page under
	// StubDir and returns the batches in Stats. 0 renders in one go.
	BatchEntries int
	StubDir      string
	// Accessed is the day the entry pages' citations are made for (the
	// build's day): a reader's script puts the day it is read in its place.
	Accessed time.Time
}

// Stats reports what was written.
type Stats struct {
	Files   int   // pages written (not counting stubs)
	Bytes   int64 // their size
	Batches []Batch
	// Sections are the sections that hold regular pages (days, entries, …),
	// sorted: each needs its own layout, <section>/single.html (Layouts).
	Sections []string
}

// Layouts are the layout files the written pages need besides the home
// page's and the generic ones: <section>/single.html for each section of
// regular pages. Without one, Hugo would fall back to the generic
// single.html without a word, and a whole kind of page would lose its
// layout; the build checks that each exists.
func (st Stats) Layouts() []string {
	var out []string
	for _, s := range st.Sections {
		out = append(out, s+"/single.html")
	}
	return out
}

// Write writes the chronicle's pages under dir (which becomes Hugo's content
// folder). It writes files in parallel; the order of the files' contents does
// not depend on it.
func Write(c *entry.Chronicle, dir string, opts Options) (Stats, error) {
	w := newWriter(c, opts)
	fsys := opts.Fs
	if fsys == nil {
		fsys = afero.NewOsFs()
	}
	stubDir := ""
	if opts.BatchEntries > 0 && len(c.Entries) > opts.BatchEntries {
		if opts.StubDir == "" {
			return Stats{}, fmt.Errorf("write: batches need a StubDir")
		}
		stubDir = opts.StubDir
	}
	st, paths, err := writeAll(fsys, dir, stubDir, w.all)
	if err == nil && stubDir != "" {
		st.Batches = w.plan(paths, opts.BatchEntries)
	}
	return st, err
}

// writer holds the lookups the pages need.
type writer struct {
	c       *entry.Chronicle
	opts    Options
	entries map[string]*entry.Entry
	people  map[string]*entry.Person
	ix      index
}

// index holds what the pages look up about many entries at once, made in one
// pass so that no page has to scan every entry (which would make the write
// stage quadratic).
type index struct {
	mentioned map[string][]string       // person ID → IDs of the entries naming them, oldest first
	wrote     map[string][]string       // person ID → IDs of the entries they wrote
	quotes    map[string][]quote        // person ID → their quotes, oldest first
	notes     map[string][]string       // note target → note IDs
	captured  map[string]int            // capture file → entries
	captures  map[string]*entry.Capture // capture file → the capture
	at        map[string]int            // entry ID → index in Chronicle.Entries
	threads   map[string][]int          // thread ID → indexes of its entries, oldest first
	threadPos map[string]map[int]int    // thread ID → entry index → position in the thread
	thread    map[string]*entry.Thread  // thread ID → the thread
}

func (w *writer) makeIndex() {
	ix := index{mentioned: map[string][]string{}, wrote: map[string][]string{}, quotes: map[string][]quote{},
		notes: map[string][]string{}, captured: map[string]int{}, at: make(map[string]int, len(w.c.Entries)),
		threads: map[string][]int{}, threadPos: map[string]map[int]int{}, captures: map[string]*entry.Capture{},
		thread: map[string]*entry.Thread{}}
	for i := range w.c.Captures {
		ix.captures[w.c.Captures[i].File] = &w.c.Captures[i]
	}
	for i, e := range w.c.Entries {
		ix.at[e.ID] = i
		for _, p := range e.People {
			ix.mentioned[p] = append(ix.mentioned[p], e.ID)
		}
		for _, a := range e.Authors {
			if a.Person != "" {
				ix.wrote[a.Person] = append(ix.wrote[a.Person], e.ID)
			}
		}
		for _, q := range e.Quotes {
			// The same words reported by two entries are one quote: its
			// first report (person pages and handouts printed it twice).
			if saidBefore(ix.quotes[q.Speaker], q.Text) {
				continue
			}
			qs := ix.quotes[q.Speaker]
			switch {
			case q.Kind == entry.QuotePartial && len(qs) > 0 && qs[len(qs)-1].joins(q, &w.c.Entries[i]):
			case q.Kind == entry.QuotePartial:
				ix.quotes[q.Speaker] = append(qs, partialQuote(q, &w.c.Entries[i]))
			default:
				ix.quotes[q.Speaker] = append(qs, quote{Text: q.Text, Kind: q.Kind, Entry: e.ID, Date: e.Time.UTC().Format("2006-01-02")})
			}
		}
		ix.captured[e.Capture]++
	}
	for _, n := range w.c.Notes {
		ix.notes[n.Target] = append(ix.notes[n.Target], n.ID)
	}
	for i, t := range w.c.Threads {
		ix.thread[t.ID] = &w.c.Threads[i]
		idx := make([]int, 0, len(t.Entries))
		pos := make(map[int]int, len(t.Entries))
		for _, id := range t.Entries {
			if i, ok := ix.at[id]; ok {
				pos[i] = len(idx)
				idx = append(idx, i)
			}
		}
		ix.threads[t.ID], ix.threadPos[t.ID] = idx, pos
	}
	w.ix = ix
}

func newWriter(c *entry.Chronicle, opts Options) *writer {
	w := &writer{c: c, opts: opts, entries: map[string]*entry.Entry{}, people: map[string]*entry.Person{}}
	for i := range c.Entries {
		w.entries[c.Entries[i].ID] = &c.Entries[i]
	}
	for i := range c.People {
		w.people[c.People[i].ID] = &c.People[i]
	}
	if w.opts.Site == nil {
		w.opts.Site = sitefile.Default()
	}
	w.makeIndex()
	return w
}

// job makes some pages.
type job func() []page

// all hands every page of the site to emit, kind by kind (kinds), as jobs
// that make their pages: writeAll's workers make and write them in
// parallel, and no more pages are held in memory than the workers are busy
// with. The writer is only read while the jobs run.
func (w *writer) all(emit func(job)) {
	for _, k := range kinds {
		k.Pages(w, emit)
	}
}

// writeAll makes and writes the pages that all hands out, with a few
// workers per core (writing is partly waiting for the disk). With a stubDir
// it writes each page's stub there too, and returns the paths written.
func writeAll(fsys afero.Fs, dir, stubDir string, all func(emit func(job))) (Stats, []pageRef, error) {
	var st Stats
	var paths []pageRef
	sections := map[string]bool{}
	var mu sync.Mutex
	var firstErr error
	jobs := make(chan job, 64)
	var wg sync.WaitGroup
	for k := 0; k < max(4, 2*runtime.GOMAXPROCS(0)); k++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				for _, p := range j() {
					n, err := writePage(fsys, dir, p.path(), p.front, p.body)
					if err == nil && stubDir != "" {
						_, err = writePage(fsys, stubDir, p.path(), p.front.stub(), stubBody(p))
					}
					mu.Lock()
					st.Files++
					st.Bytes += int64(n)
					if sec, _, ok := strings.Cut(p.path(), "/"); ok && !strings.HasSuffix(p.path(), "/_index.md") {
						sections[sec] = true
					}
					if stubDir != "" {
						paths = append(paths, pageRef{p.path(), p.class()})
					}
					if err != nil && firstErr == nil {
						firstErr = err
					}
					mu.Unlock()
				}
			}
		}()
	}
	all(func(j job) { jobs <- j })
	close(jobs)
	wg.Wait()
	sort.Slice(paths, func(i, j int) bool { return paths[i].path < paths[j].path })
	for s := range sections {
		st.Sections = append(st.Sections, s)
	}
	sort.Strings(st.Sections)
	return st, paths, firstErr
}

// pageRef is a page written, as the batch planner sees it.
type pageRef struct {
	path  string
	class batchClass
}

// stubBody is the body of a page's stub: a note's whole (other pages show
// notes in full), no other.
func stubBody(p page) string {
	if p.kind.Name() == kindNote.Name() {
		return p.body
	}
	return ""
}

// writePage writes one Markdown file: JSON front matter, a blank line, body.
func writePage(fsys afero.Fs, dir, rel string, front any, body string) (int, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	// No indentation: a third fewer bytes for Hugo to read, and the tree
	// stays readable with a JSON viewer (chronicle build --keep).
	if err := enc.Encode(front); err != nil {
		return 0, fmt.Errorf("write %s: %w", rel, err)
	}
	buf.WriteString("\n")
	buf.WriteString(body)
	path := filepath.Join(dir, filepath.FromSlash(rel))
	if err := fsys.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return 0, err
	}
	return buf.Len(), afero.WriteFile(fsys, path, buf.Bytes(), 0o644)
}

// zoneTimes is an instant's time in each of the site's zones, as the
// pages print it beside UTC: "21:05 Kyiv", "16:05 New York".
func (w *writer) zoneTimes(t time.Time) []string {
	out := make([]string, len(w.opts.Site.Zones))
	for i, z := range w.opts.Site.Zones {
		out[i] = t.In(z.Loc).Format("15:04") + " " + z.Label
	}
	return out
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
func sortedKeys[V any](m map[string]V) []string { return slices.Sorted(maps.Keys(m)) }

// having are the items for which has is true, in order: the things of a
// kind that have pages.
func having[T any](items []T, has func(T) bool) []T {
	var out []T
	for _, it := range items {
		if has(it) {
			out = append(out, it)
		}
	}
	return out
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

// saidBefore reports whether quotes hold these words already, as words:
// case, spacing and punctuation aside.
func saidBefore(quotes []quote, text string) bool {
	key := entry.WordKey(text)
	for _, q := range quotes {
		if entry.WordKey(q.Text) == key {
			return true
		}
	}
	return false
}
