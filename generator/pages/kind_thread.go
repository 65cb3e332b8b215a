package pages

// kindThread: a story thread, followed across days and publishers
// (threads/<id>.md).
var kindThread = inSection{"thread", "threads", classShared, classShared}

func writeThread(w *writer, emit func(job)) { emit(w.threadPages) }

// threadFront is a thread page's front matter.
type threadFront struct {
	threadMeta
	Days      []dayEntries `json:"days"`
	DaysParts []partRef    `json:"days_parts"`
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
		days, parts, more, dayCount := w.long(ownerOf(kindThread, t.ID), "entries", t.Title, "The entries", t.Entries)
		ps = append(ps, more...)
		f := threadFront{threadMeta: threadMeta{Title: t.Title, ThreadID: t.ID, Summary: t.Summary, Total: len(t.Entries), DayCount: dayCount},
			Days: days, DaysParts: nonNil(parts)}
		ps = append(ps, page{kind: kindThread, id: t.ID, front: f})
	}
	return ps
}
