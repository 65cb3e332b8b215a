package pages

import "chronicle/generator/entry"

var kindSearch = onePage{"search", "search/_index.md"}

var kindAbout = onePage{"about", "about.md"}

var kindHome = onePage{"home", "_index.md"}

// The home page, the about page and the search page: one page each.

func writeHome(w *writer, emit func(job)) {
	emit(func() []page { return []page{{kind: kindHome, front: w.home()}} })
	emit(w.sectionIndexes)
}

// homeFront is the home page's front matter: the latest days with their
// counts, the latest entries and notes, and what the chronicle holds.
type homeFront struct {
	homeMeta
	Days       []dayRef `json:"days"`
	Latest     []string `json:"latest"`
	People     []string `json:"people"`
	Publishers []link   `json:"publishers"`
	Threads    []link   `json:"threads"`
	Series     []link   `json:"series"`
	Notes      []string `json:"notes"`
}

// homeMeta is what other pages read of the home page: the chronicle's
// title and counts.
type homeMeta struct {
	Title     string `json:"title"`
	DaysTotal int    `json:"days_total"`
	Entries   int    `json:"entries"`
	Captures  int    `json:"captures"`
}

func (f homeFront) stub() any { return stubOf(f.homeMeta) }

// homeDays is how many days the home page lists: the latest.
const homeDays = 60

func (w *writer) home() homeFront {
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
	return homeFront{
		homeMeta: homeMeta{Title: w.opts.Site.Title, DaysTotal: len(days), Entries: len(w.c.Entries), Captures: len(w.c.Captures)},
		Days:     days[max(0, len(days)-homeDays):], Latest: latest,
		People: w.topPeople(entry.InTheNews, 24), Publishers: w.publisherList(), Threads: w.threadList(),
		Series: w.figureList(), Notes: nonNil(notes),
	}
}

// sectionFront is a section's list page: a title and an introduction.
type sectionFront struct {
	Title string `json:"title"`
	Intro string `json:"intro"`
}

func (f sectionFront) stub() any { return stubOf(f) }

// sectionIndexes are the list pages of the sections.
func (w *writer) sectionIndexes() []page {
	sections := []struct {
		kind         place
		title, intro string
	}{
		{kindDay, "Days", "Every day of the chronicle, with its entries from every publisher in time order."},
		{kindEntry, "Entries", "Every entry, oldest first."},
		{kindPerson, "People", "The people the entries name, and the journalists who wrote them."},
		{kindPublisher, "Publishers", "The publishers whose live pages make up the chronicle."},
		{kindCapture, "Captures", "The captured pages, line by line, as they were imported."},
		{kindNote, "Editors' notes", "Context, corrections, fact-checks and questions for discussion, written by the editors."},
		{kindThread, "Story threads", "Stories followed across days and publishers."},
		{kindFigure, "Figures", "Numbers claimed again and again, with who claimed them and when."},
	}
	var ps []page
	for _, s := range sections {
		ps = append(ps, page{kind: s.kind, front: sectionFront{Title: s.title, Intro: s.intro}})
	}
	return ps
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
	sortByCount(ids, counts)
	if len(ids) > n {
		ids = ids[:n]
	}
	return nonNil(ids)
}

func writeAbout(w *writer, emit func(job)) {
	body := w.aboutText()
	emit(func() []page {
		return []page{{kind: kindAbout, front: layoutFront{Title: "About this chronicle", Layout: "about"}, body: body}}
	})
}

// layoutFront is the front matter of a page that is its layout and a title.
type layoutFront struct {
	Title  string `json:"title"`
	Layout string `json:"layout"`
}

// layoutStub is its stub.
func (f layoutFront) stub() any { return stubOf(f) }

// Route: a section list page, so that it renders to search/index.html, the
// address the offline archive documents (search/index.html?q=…).
func writeSearch(w *writer, emit func(job)) {
	emit(func() []page {
		return []page{{kind: kindSearch, front: layoutFront{Title: "Search", Layout: "search"}}}
	})
}
