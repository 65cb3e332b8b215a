package pages

import "sort"

// kindPublisher: a publisher, its captures, journalists and entries by day
// (publishers/<id>.md).
var kindPublisher = inSection{"publisher", "publishers", classShared, classShared}

// publisherFront is a publisher page's front matter.
type publisherFront struct {
	publisherMeta
	Captures    []captureRef `json:"captures"`
	Journalists []link       `json:"journalists"`
	Sources     []link       `json:"sources"` // credited in a journalist's place
	dayList
}

// publisherMeta is what other pages read of a publisher.
type publisherMeta struct {
	Title       string `json:"title"`
	PublisherID string `json:"publisher_id"`
	Total       int    `json:"total"`
	DayCount    int    `json:"day_count"`
}

func (f publisherFront) stub() any { return stubOf(f.publisherMeta) }

// captureRef describes a capture on its publisher's page.
type captureRef struct {
	ID        string `json:"id"` // the capture page's ID (entry.CaptureID)
	File      string `json:"file"`
	PageTitle string `json:"page_title"`
	PageDate  string `json:"page_date"`
	Via       string `json:"via"`
	Entries   int    `json:"entries"`
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

// publisherNames are the publishers' names by ID: each as its last
// capture gives it.
func (w *writer) publisherNames() map[string]string {
	names := map[string]string{}
	for _, c := range w.c.Captures {
		names[c.PublisherID] = c.Publisher
	}
	return names
}

// publisherList links the publishers' pages, with their counts of entries.
func (w *writer) publisherList() []link {
	names, totals := w.publisherNames(), map[string]int{}
	for _, e := range w.c.Entries {
		totals[e.PublisherID]++
	}
	return counted(kindPublisher, w.publisherIDs(), func(id string) (string, string, int) { return id, names[id], totals[id] })
}

func (w *writer) publisherPages() []page {
	var ps []page
	names := w.publisherNames()
	for _, id := range w.publisherIDs() {
		name := names[id]
		var caps []captureRef
		for _, c := range w.c.Captures {
			if c.PublisherID != id {
				continue
			}
			caps = append(caps, captureRef{File: c.File, ID: c.PageID(), PageTitle: c.PageTitle, PageDate: c.PageDate, Via: c.Via, Entries: w.ix.captured[c.File]})
		}
		var ids []string
		journalists, sources := map[string]bool{}, map[string]bool{}
		for _, e := range w.c.Entries {
			if e.PublisherID == id {
				ids = append(ids, e.ID)
				for _, a := range e.Authors {
					switch {
					case a.Person == "":
					case a.IsSource():
						sources[a.Person] = true
					default:
						journalists[a.Person] = true
					}
				}
			}
		}
		list, more := w.listByDay(ownerOf(kindPublisher, id), name, "Entries by day", ids)
		ps = append(ps, more...)
		f := publisherFront{
			publisherMeta: publisherMeta{Title: name, PublisherID: id, Total: len(ids), DayCount: list.dayCount},
			Captures:      caps, Journalists: w.personLinks(sortedKeys(journalists)), Sources: w.personLinks(sortedKeys(sources)), dayList: list,
		}
		ps = append(ps, page{kind: kindPublisher, id: id, front: f})
	}
	return ps
}
