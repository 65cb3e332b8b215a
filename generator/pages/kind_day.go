package pages

import (
	"sort"
	"strings"
	"time"

	"chronicle/generator/entry"
)

// kindDay: a day of the chronicle, its entries from every publisher in time
// order (days/2022-02-01.md).
var kindDay = inSection{"day", "days", classDay, classList}

func writeDay(w *writer, emit func(job)) {
	for i := range w.c.Days {
		emit(func() []page { return []page{w.day(i)} })
	}
}

// dayFront is a day page's front matter. Other pages show a day's counts
// and neighbours, so its stub is the whole of it.
type dayFront struct {
	Title   string   `json:"title"`
	Date    string   `json:"date"`
	Day     string   `json:"day"`
	Entries []string `json:"entries"` // its entries' pages, as site.GetPage finds them ("/entries/<id>")
	Counts  []count  `json:"counts"`
	People  []link   `json:"people"`
	Notes   []string `json:"notes"`
	Prev    string   `json:"prev"`
	Next    string   `json:"next"`
	// GapBefore is how many days with no entry come between the day
	// before it in the chronicle and this one: lists of days show the gap.
	GapBefore int `json:"gap_before,omitempty"`
}

func (f dayFront) stub() any { return stubOf(f) }

func (w *writer) day(i int) page {
	d := w.c.Days[i]
	people := map[string]int{}
	for _, id := range d.Entries {
		for _, p := range w.entries[id].People {
			people[p]++
		}
	}
	ids := sortedKeys(people)
	sortByCount(ids, people)
	f := dayFront{Title: dayTitle(d.Date), Date: d.Date + "T00:00:00Z", Day: d.Date, Entries: pagesOf(kindEntry, d.Entries),
		Counts: w.counts(d.Entries), People: w.personLinks(ids), Notes: w.notesAbout("day:" + d.Date)}
	if i > 0 {
		f.Prev = w.c.Days[i-1].Date
		f.GapBefore = daysBetween(f.Prev, d.Date) - 1
	}
	if i+1 < len(w.c.Days) {
		f.Next = w.c.Days[i+1].Date
	}
	return page{kind: kindDay, id: d.Date, front: f}
}

// sortByCount sorts IDs by their counts, the highest first, then by ID.
func sortByCount(ids []string, counts map[string]int) {
	sort.SliceStable(ids, func(i, j int) bool {
		if counts[ids[i]] != counts[ids[j]] {
			return counts[ids[i]] > counts[ids[j]]
		}
		return ids[i] < ids[j]
	})
}

// count is a number of entries from one publisher.
type count struct {
	Publisher   string `json:"publisher"`
	PublisherID string `json:"publisher_id"`
	N           int    `json:"n"`
}

// dayRef summarises a day for lists; GapBefore as in dayFront.
type dayRef struct {
	Date      string  `json:"date"`
	Title     string  `json:"title"`
	Total     int     `json:"total"`
	Counts    []count `json:"counts"`
	GapBefore int     `json:"gap_before,omitempty"`
}

// dayRefs summarises every day.
func (w *writer) dayRefs() []dayRef {
	var out []dayRef
	for i, d := range w.c.Days {
		r := dayRef{Date: d.Date, Title: dayTitle(d.Date), Total: len(d.Entries), Counts: w.counts(d.Entries)}
		if i > 0 {
			r.GapBefore = daysBetween(w.c.Days[i-1].Date, d.Date) - 1
		}
		out = append(out, r)
	}
	return out
}

// daysBetween is how many days from one date (YYYY-MM-DD) to a later one;
// 1 for consecutive days.
func daysBetween(from, to string) int {
	a, err1 := time.Parse(time.DateOnly, from)
	b, err2 := time.Parse(time.DateOnly, to)
	if err1 != nil || err2 != nil {
		return 1
	}
	return int(b.Sub(a).Hours()/24 + 0.5)
}

// counts counts entries per publisher, in publisher order.
func (w *writer) counts(ids []string) []count {
	m := map[string]*count{}
	for _, id := range ids {
		e := w.entries[id]
		if m[e.PublisherID] == nil {
			m[e.PublisherID] = &count{Publisher: e.Publisher, PublisherID: e.PublisherID}
		}
		m[e.PublisherID].N++
	}
	var out []count
	for _, k := range sortedKeys(m) {
		out = append(out, *m[k])
	}
	return out
}

// dayEntries groups entries by day.
type dayEntries struct {
	Date    string   `json:"date"`
	Title   string   `json:"title"`
	Entries []string `json:"entries"` // items (see item)
}

// item describes an entry as a list shows it (entry-item.html), so that
// rendering a list of thousands of entries needs no page lookups and no
// date arithmetic: the UTC time (2006-01-02T15:04:05Z), the day and the
// time as printed ("2 Jan", "15:04"), the publisher, the kind (empty for an
// ordinary post), the address and the title of the entry's page, and
// "untitled" when the capture gave it no title, separated by tabs. One string rather than an object: Hugo holds the front matter of
// every page in memory while it renders, and a string is the smallest.
func (w *writer) item(id string) string {
	e := w.entries[id]
	kind := ""
	if e.Kind != entry.KindPost {
		kind = string(e.Kind)
	}
	t := e.Time.UTC()
	untitled := ""
	if e.Title == "" {
		untitled = "untitled"
	}
	return strings.Join([]string{t.Format("2006-01-02T15:04:05Z"), t.Format("2 Jan"), t.Format("15:04"),
		noTabs(e.Publisher), kind, urlOf(kindEntry, id), noTabs(entryTitle(e)), untitled}, "\t")
}

func noTabs(s string) string { return strings.ReplaceAll(s, "\t", " ") }

// byDay groups entries, oldest first, by day, as list items.
func (w *writer) byDay(ids []string) []dayEntries {
	var out []dayEntries
	for _, id := range ids {
		d := w.entries[id].Time.UTC().Format("2006-01-02")
		if len(out) == 0 || out[len(out)-1].Date != d {
			out = append(out, dayEntries{Date: d, Title: dayTitle(d)})
		}
		out[len(out)-1].Entries = append(out[len(out)-1].Entries, w.item(id))
	}
	return nonNil(out)
}
