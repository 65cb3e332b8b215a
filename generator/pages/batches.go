package pages

import (
	"slices"
	"strings"

	"chronicle/generator/entry"
)

// Batch is a part of the site that Hugo renders on its own (render.Batch):
// the pages it renders and the stubs of the pages their templates look up,
// as paths under the content and stub folders. Write plans the batches so
// that every page is rendered in exactly one of them (see plan):
//
//   - one batch per run of whole days with about Options.BatchEntries
//     entries: those days and their entries, with stubs of what their
//     pages look up (people, publishers, threads, notes, the glossary, the
//     days either side, the day's handout, the entries' captures);
//   - the captures, parts of long lists and handouts, which list entries
//     as the write stage listed them and look none up;
//   - last, every other page (home, the entry and day lists, people,
//     figures, notes…) with a stub of every page it does not render: the
//     /entries/ list, the feeds, the figures and the people's quotes look
//     entries up, and the sitemap lists every page.
type Batch struct {
	Pages []string
	Stubs []string
}

// sections are a site's page paths by the batches that render them.
type sections struct {
	entries, days []string
	lists         []string // the entry and day lists (entries/_index.md, days/_index.md)
	others        []string // captures, parts, handouts
	shared        []string // every other page: home, people, notes, section indexes…
}

// classify sorts pages into sections by their kinds' batch classes.
func classify(pages []pageRef) sections {
	var s sections
	for _, p := range pages {
		switch p.class {
		case classList:
			s.lists = append(s.lists, p.path)
		case classEntry:
			s.entries = append(s.entries, p.path)
		case classDay:
			s.days = append(s.days, p.path)
		case classOther:
			s.others = append(s.others, p.path)
		default:
			s.shared = append(s.shared, p.path)
		}
	}
	return s
}

// plan splits the site, whose page paths are paths (sorted), into batches
// (see Batch) of whole days with about size entries each, then the pages
// that list no entries and the pages that do.
func (w *writer) plan(pages []pageRef, size int) []Batch {
	s := classify(pages)
	has := map[string]bool{}
	for _, p := range pages {
		has[p.path] = true
	}
	var noted []string // entries that notes are about: a note's page links to them
	for _, n := range w.c.Notes {
		if id, ok := strings.CutPrefix(n.Target, "entry:"); ok && has[entryPath(id)] && !slices.Contains(noted, entryPath(id)) {
			noted = append(noted, entryPath(id))
		}
	}

	var out []Batch
	rendered := map[string]bool{}
	for _, run := range w.dayRuns(size) {
		b := w.dayBatch(run, s, has, noted)
		for _, p := range b.Pages {
			rendered[p] = true
		}
		out = append(out, b)
	}
	// The pages that list no entries but as the write stage listed them
	// (captures, parts, handouts), with stubs of the shared pages and of
	// the days they link to.
	out = append(out, Batch{Pages: s.others, Stubs: slices.Concat(s.shared, s.lists, s.days)})
	// Last, the pages that look entries up (the entry list, the feeds,
	// people's quotes, figures) with a stub of every other page: this
	// batch holds the whole site, and its sitemap is the site's. An entry
	// on no day's list (there should be none) is rendered here.
	last := Batch{Pages: slices.Concat(s.shared, s.lists)}
	for _, p := range s.entries {
		switch {
		case rendered[p]:
			last.Stubs = append(last.Stubs, p)
		default:
			last.Pages = append(last.Pages, p)
		}
	}
	last.Stubs = slices.Concat(last.Stubs, s.days, s.others)
	return append(out, last)
}

// dayBatch is the batch of a run of days: the days and their entries, with
// stubs of what their pages look up: the shared pages, the days either
// side, each day's handout, each entry's capture and the entries of the
// notes shown. has holds every page of the site.
func (w *writer) dayBatch(run []entry.Day, s sections, has map[string]bool, noted []string) Batch {
	var b Batch
	mine := map[string]bool{}
	for _, d := range run {
		b.Pages = append(b.Pages, kindDay.Route(d.Date))
		for _, id := range d.Entries {
			b.Pages = append(b.Pages, entryPath(id))
		}
	}
	for _, p := range b.Pages {
		mine[p] = true
	}
	stub := func(p string) {
		if has[p] && !mine[p] {
			mine[p] = true
			b.Stubs = append(b.Stubs, p)
		}
	}
	for _, p := range slices.Concat(s.shared, s.lists, w.dayNeighbours(run)) {
		stub(p)
	}
	for _, d := range run {
		stub(kindDayHandout.Route(d.Date))
		for _, id := range d.Entries {
			stub(kindCapture.Route(entry.CaptureID(w.entries[id].Capture)))
		}
	}
	for _, p := range noted {
		stub(p)
	}
	return b
}

// dayRuns cuts the chronicle's days into runs of about size entries.
func (w *writer) dayRuns(size int) [][]entry.Day {
	var runs [][]entry.Day
	n := 0
	for _, d := range w.c.Days {
		if len(runs) == 0 || (n > 0 && n+len(d.Entries) > size) {
			runs = append(runs, nil)
			n = 0
		}
		runs[len(runs)-1] = append(runs[len(runs)-1], d)
		n += len(d.Entries)
	}
	return runs
}

// dayNeighbours returns the pages of the days just before and after a run.
func (w *writer) dayNeighbours(run []entry.Day) []string {
	var out []string
	i := slices.IndexFunc(w.c.Days, func(d entry.Day) bool { return d.Date == run[0].Date })
	if i > 0 {
		out = append(out, kindDay.Route(w.c.Days[i-1].Date))
	}
	if j := i + len(run); i >= 0 && j < len(w.c.Days) {
		out = append(out, kindDay.Route(w.c.Days[j].Date))
	}
	return out
}

func entryPath(id string) string { return kindEntry.Route(id) }
