package pages

import (
	"fmt"
	"sort"
	"strings"

	"chronicle/generator/entry"
)

// count is a number of entries from one publisher.
type count struct {
	Publisher   string `json:"publisher"`
	PublisherID string `json:"publisher_id"`
	N           int    `json:"n"`
}

// dayRef summarises a day for lists.
type dayRef struct {
	Date   string  `json:"date"`
	Title  string  `json:"title"`
	Total  int     `json:"total"`
	Counts []count `json:"counts"`
}

// dayRefs summarises every day.
func (w *writer) dayRefs() []dayRef {
	var out []dayRef
	for _, d := range w.c.Days {
		out = append(out, dayRef{Date: d.Date, Title: dayTitle(d.Date), Total: len(d.Entries), Counts: w.counts(d.Entries)})
	}
	return out
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

// homeDays is how many days the home page lists: the latest.
const homeDays = 60

func (w *writer) home() page {
	days := w.dayRefs()
	latest := []string{}
	for i := len(w.c.Entries) - 1; i >= 0 && len(latest) < 8; i-- {
		if w.c.Entries[i].Kind != entry.KindStub {
			latest = append(latest, w.c.Entries[i].ID)
		}
	}
	var notes []string
	for i := len(w.c.Notes) - 1; i >= 0 && len(notes) < 6; i-- {
		notes = append(notes, w.c.Notes[i].ID)
	}
	front := map[string]any{
		"title":      w.opts.Title,
		"days":       days[max(0, len(days)-homeDays):],
		"days_total": len(days),
		"latest":     latest,
		"people":     w.topPeople(entry.InTheNews, 24),
		"publishers": w.publisherIDs(),
		"threads":    w.threadIDs(),
		"series":     w.seriesIDs(),
		"notes":      nonNil(notes),
		"entries":    len(w.c.Entries),
		"captures":   len(w.c.Captures),
	}
	return page{path: "_index.md", front: front}
}

// topPeople lists the people of a kind mentioned in most entries.
func (w *writer) topPeople(kind entry.PersonKind, n int) []string {
	counts := map[string]int{}
	for _, e := range w.c.Entries {
		for _, p := range e.People {
			counts[p]++
		}
	}
	var ids []string
	for _, p := range w.c.People {
		if p.Kind == kind && counts[p.ID] > 0 {
			ids = append(ids, p.ID)
		}
	}
	sort.SliceStable(ids, func(i, j int) bool {
		if counts[ids[i]] != counts[ids[j]] {
			return counts[ids[i]] > counts[ids[j]]
		}
		return ids[i] < ids[j]
	})
	if len(ids) > n {
		ids = ids[:n]
	}
	return nonNil(ids)
}

func (w *writer) sectionIndexes() []page {
	sections := []struct{ dir, title, intro string }{
		{"days", "Days", "Every day of the chronicle, with its entries from every publisher in time order."},
		{"entries", "Entries", "Every entry, oldest first."},
		{"people", "People", "The people the entries name, and the journalists who wrote them."},
		{"publishers", "Publishers", "The publishers whose live pages make up the chronicle."},
		{"captures", "Captures", "The captured pages, line by line, as they were imported."},
		{"notes", "Editors' notes", "Context, corrections, fact-checks and questions for discussion, written by the editors."},
		{"threads", "Story threads", "Stories followed across days and publishers."},
		{"figures", "Figures", "Numbers claimed again and again, with who claimed them and when."},
	}
	var ps []page
	for _, s := range sections {
		ps = append(ps, page{path: s.dir + "/_index.md", front: map[string]any{"title": s.title, "intro": s.intro}})
	}
	return ps
}

func (w *writer) day(i int) page {
	d := w.c.Days[i]
	people := map[string]int{}
	for _, id := range d.Entries {
		for _, p := range w.entries[id].People {
			people[p]++
		}
	}
	ids := sortedKeys(people)
	sort.SliceStable(ids, func(a, b int) bool { return people[ids[a]] > people[ids[b]] })
	front := map[string]any{
		"title":   dayTitle(d.Date),
		"date":    d.Date + "T00:00:00Z",
		"day":     d.Date,
		"entries": d.Entries,
		"counts":  w.counts(d.Entries),
		"people":  nonNil(ids),
		"notes":   w.notesAbout("day:" + d.Date),
		"prev":    "",
		"next":    "",
	}
	if i > 0 {
		front["prev"] = w.c.Days[i-1].Date
	}
	if i+1 < len(w.c.Days) {
		front["next"] = w.c.Days[i+1].Date
	}
	return page{path: "days/" + d.Date + ".md", front: front}
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
// ordinary post), the ID and the title of the entry's page, separated by
// tabs. One string rather than an object: Hugo holds the front matter of
// every page in memory while it renders, and a string is the smallest.
func (w *writer) item(id string) string {
	e := w.entries[id]
	kind := ""
	if e.Kind != entry.KindPost {
		kind = string(e.Kind)
	}
	t := e.Time.UTC()
	return strings.Join([]string{t.Format("2006-01-02T15:04:05Z"), t.Format("2 Jan"), t.Format("15:04"),
		noTabs(e.Publisher), kind, id, noTabs(entryTitle(e))}, "\t")
}

func noTabs(s string) string { return strings.ReplaceAll(s, "\t", " ") }

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

func (w *writer) peoplePages() []page {
	mentioned, wrote := w.ix.mentioned, w.ix.wrote
	var ps []page
	for _, p := range w.c.People {
		if len(mentioned[p.ID]) == 0 && len(wrote[p.ID]) == 0 {
			continue // named in the registry but not in these captures
		}
		owner := "people/" + p.ID
		days, dayParts, more, dayCount := w.long(owner, "named", p.Name, "Named in the entries", mentioned[p.ID])
		ps = append(ps, more...)
		wroteDays, wroteParts, more, _ := w.long(owner, "wrote", p.Name, "Entries by "+p.Name, wrote[p.ID])
		ps = append(ps, more...)
		quotes := w.quotesBy(p.ID)
		front := map[string]any{
			"title": p.Name, "person_id": p.ID, "role": p.Role, "country": p.Country, "kind": string(p.Kind),
			"description": p.Description, "derived": p.Derived, "also_known_as": nonNil(p.Aliases), "publisher": p.Publisher,
			"mentions": len(mentioned[p.ID]), "days": days, "wrote": wroteDays,
			"wrote_count": len(wrote[p.ID]), "quotes": quotes[:min(len(quotes), quotesShown)], "notes": w.notesAbout("person:" + p.ID),
			// Long lists go on in part pages (parts.go); the counts are of all.
			"days_parts": nonNil(dayParts), "wrote_parts": nonNil(wroteParts), "day_count": dayCount, "quotes_total": len(quotes),
		}
		ps = append(ps, page{path: owner + ".md", front: front})
	}
	return ps
}

// quote is a quote on a person's page.
type quote struct {
	Text  string `json:"text"`
	Entry string `json:"entry"`
	Date  string `json:"date"`
}

func (w *writer) quotesBy(id string) []quote {
	return nonNil(w.ix.quotes[id])
}

func (w *writer) publisherIDs() []string {
	seen := map[string]bool{}
	var ids []string
	for _, c := range w.c.Captures {
		if !seen[c.PublisherID] {
			seen[c.PublisherID] = true
			ids = append(ids, c.PublisherID)
		}
	}
	sort.Strings(ids)
	return nonNil(ids)
}

// captureRef describes a capture on its publisher's page.
type captureRef struct {
	ID        string `json:"id"` // the capture page's name (entry.CaptureID)
	File      string `json:"file"`
	PageTitle string `json:"page_title"`
	PageDate  string `json:"page_date"`
	Via       string `json:"via"`
	Entries   int    `json:"entries"`
}

func (w *writer) publisherPages() []page {
	var ps []page
	for _, id := range w.publisherIDs() {
		var name string
		var caps []captureRef
		for _, c := range w.c.Captures {
			if c.PublisherID != id {
				continue
			}
			name = c.Publisher
			caps = append(caps, captureRef{File: c.File, ID: c.PageID(), PageTitle: c.PageTitle, PageDate: c.PageDate, Via: c.Via, Entries: w.ix.captured[c.File]})
		}
		var ids []string
		journalists := map[string]bool{}
		for _, e := range w.c.Entries {
			if e.PublisherID == id {
				ids = append(ids, e.ID)
				for _, a := range e.Authors {
					if a.Person != "" {
						journalists[a.Person] = true
					}
				}
			}
		}
		days, parts, more, dayCount := w.long("publishers/"+id, "entries", name, "Entries by day", ids)
		ps = append(ps, more...)
		front := map[string]any{
			"title": name, "publisher_id": id, "captures": caps, "journalists": nonNil(sortedKeys(journalists)),
			"days": days, "total": len(ids), "days_parts": nonNil(parts), "day_count": dayCount,
		}
		ps = append(ps, page{path: "publishers/" + id + ".md", front: front})
	}
	return ps
}

func (w *writer) capturePages() []page {
	var ps []page
	for _, c := range w.c.Captures {
		var lines []string
		if c.Path != "" {
			if data, err := readLines(c.Path); err == nil {
				lines = data
			}
		}
		front := map[string]any{
			"title": c.File, "capture": c.File, "download": c.PageID() + ".txt", "publisher": c.Publisher, "publisher_id": c.PublisherID,
			"page_title": c.PageTitle, "page_date": c.PageDate, "page_url": c.PageURL, "via": c.Via,
			"format": c.Format, "page_summary": nonNil(c.Page.Summary),
			// The lines as one string: Hugo holds every page's front matter
			// while it renders, and a string costs a fraction of a list.
			"text": strings.Join(lines, "\n"), "line_count": len(lines),
		}
		ps = append(ps, page{path: "captures/" + c.PageID() + ".md", front: front})
	}
	return ps
}

func (w *writer) notePages() []page {
	var ps []page
	for _, n := range w.c.Notes {
		kind, id, _ := strings.Cut(n.Target, ":")
		front := map[string]any{"title": n.Title, "note_kind": n.Kind, "about_kind": kind, "about": id, "author": n.Author}
		ps = append(ps, page{path: "notes/" + n.ID + ".md", front: front, body: EditorMarkdown(n.Body) + "\n"})
	}
	return ps
}

func (w *writer) threadIDs() []string {
	ids := []string{}
	for _, t := range w.c.Threads {
		if len(t.Entries) > 0 {
			ids = append(ids, t.ID)
		}
	}
	return ids
}

func (w *writer) threadPages() []page {
	var ps []page
	for _, t := range w.c.Threads {
		if len(t.Entries) == 0 {
			continue
		}
		days, parts, more, dayCount := w.long("threads/"+t.ID, "entries", t.Title, "The entries", t.Entries)
		ps = append(ps, more...)
		front := map[string]any{"title": t.Title, "thread_id": t.ID, "summary": t.Summary, "days": days, "total": len(t.Entries),
			"days_parts": nonNil(parts), "day_count": dayCount}
		ps = append(ps, page{path: "threads/" + t.ID + ".md", front: front})
	}
	return ps
}

func (w *writer) seriesIDs() []string {
	ids := []string{}
	for _, s := range w.c.Series {
		if len(s.Claims) > 0 {
			ids = append(ids, s.ID)
		}
	}
	return ids
}

func (w *writer) seriesPages() []page {
	var ps []page
	for _, s := range w.c.Series {
		if len(s.Claims) == 0 {
			continue
		}
		front := map[string]any{
			"title": s.Title, "series_id": s.ID, "unit": s.Unit, "description": s.Description,
			"claims": tableClaims(s.Claims), "claims_total": len(s.Claims), "chart": Chart(s),
		}
		ps = append(ps, page{path: "figures/" + s.ID + ".md", front: front})
	}
	return ps
}

// claimsShown is how many claims a figure's table lists at most: every claim
// the editors checked, and as many found automatically as there is room for,
// oldest first. The chart shows them all.
const claimsShown = 1000

// tableClaims picks the claims a figure's table lists, keeping their order.
// claimFront is a claim in a figure's table: the claim, and the ID of the
// capture it cites, if any, for the link to its page.
type claimFront struct {
	entry.Claim
	CaptureID string `json:"capture_id,omitempty"`
}

func tableClaims(claims []entry.Claim) []claimFront {
	var out []claimFront
	for _, c := range shownClaims(claims) {
		f := claimFront{Claim: c}
		if c.Capture != "" {
			f.CaptureID = entry.CaptureID(c.Capture)
		}
		out = append(out, f)
	}
	return out
}

// shownClaims picks the claims a figure's table lists (claimsShown).
func shownClaims(claims []entry.Claim) []entry.Claim {
	if len(claims) <= claimsShown {
		return claims
	}
	room := claimsShown
	for _, c := range claims {
		if !c.Derived {
			room--
		}
	}
	var out []entry.Claim
	for _, c := range claims {
		if !c.Derived || room > 0 {
			out = append(out, c)
			if c.Derived {
				room--
			}
		}
	}
	return out
}

func (w *writer) glossary() page {
	uses := map[string][]string{}
	for _, e := range w.c.Entries {
		text := strings.Join(e.Words(), "\n")
		for _, t := range w.c.Terms {
			for _, a := range append([]string{t.Term}, t.Aliases...) {
				if entry.ContainsWord(text, a) {
					uses[t.ID] = append(uses[t.ID], e.ID)
					break
				}
			}
		}
	}
	type termFront struct {
		ID         string   `json:"id"`
		Term       string   `json:"term"`
		Aliases    []string `json:"aliases"`
		Definition string   `json:"definition"`
		Entries    []string `json:"entries"` // the first glossaryShown
		Uses       int      `json:"uses"`    // all of them
		Notes      []string `json:"notes"`
	}
	var terms []termFront
	for _, t := range w.c.Terms {
		used := uses[t.ID]
		terms = append(terms, termFront{t.ID, t.Term, nonNil(t.Aliases), EditorMarkdown(t.Definition), nonNil(used[:min(len(used), glossaryShown)]), len(used), w.notesAbout("term:" + t.ID)})
	}
	sort.SliceStable(terms, func(i, j int) bool { return strings.ToLower(terms[i].Term) < strings.ToLower(terms[j].Term) })
	return page{path: "glossary.md", front: map[string]any{"title": "Glossary", "layout": "glossary", "terms": nonNil(terms)}}
}

// glossaryShown is how many of the entries that use a term the glossary
// lists: a term used in thousands of entries would make the page too long to
// load.
const glossaryShown = 50

func (w *writer) about() page {
	body := fmt.Sprintf(aboutText, len(w.c.Entries), len(w.c.Captures), len(w.c.Days))
	return page{path: "about.md", front: map[string]any{"title": "About this chronicle", "layout": "about"}, body: body}
}

func (w *writer) search() page {
	// A section list page, so that it renders to search/index.html, the
	// address the offline archive documents (search/index.html?q=…).
	return page{path: "search/_index.md", front: map[string]any{"title": "Search", "layout": "search"}}
}
