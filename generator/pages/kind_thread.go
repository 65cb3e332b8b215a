package pages

import "chronicle/generator/entry"

// kindThread: a story thread, followed across days and publishers
// (threads/<id>.md).
var kindThread = inSection{"thread", "threads", classShared, classShared}

// threadFront is a thread page's front matter.
type threadFront struct {
	threadMeta
	dayList
}

// threadMeta is what other pages read of a thread.
type threadMeta struct {
	Title    string `json:"title"`
	ThreadID string `json:"thread_id"`
	Summary  string `json:"summary"`
	Total    int    `json:"total"`
	DayCount int    `json:"day_count"`
}

func (f threadFront) stub() any { return stubOf(f.threadMeta) }

// threads are the threads that have a page (threadHasPage).
func (w *writer) threads() []entry.Thread { return having(w.c.Threads, threadHasPage) }

// threadHasPage says whether a thread has a page: whether it has entries.
func threadHasPage(t entry.Thread) bool { return len(t.Entries) > 0 }

// threadList links the threads' pages, with their counts of entries.
func (w *writer) threadList() []link {
	return counted(kindThread, w.threads(), func(t entry.Thread) (string, string, int) { return t.ID, t.Title, len(t.Entries) })
}

func (w *writer) threadPages() []page {
	var ps []page
	for _, t := range w.threads() {
		list, more := w.listByDay(ownerOf(kindThread, t.ID), t.Title, "The entries", t.Entries)
		ps = append(ps, more...)
		f := threadFront{threadMeta: threadMeta{Title: t.Title, ThreadID: t.ID, Summary: t.Summary, Total: len(t.Entries), DayCount: list.dayCount},
			dayList: list}
		ps = append(ps, page{kind: kindThread, id: t.ID, front: f})
	}
	return ps
}
