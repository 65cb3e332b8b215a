package pages

import (
	"sort"
	"strconv"
	"strings"
	"time"

	"chronicle/generator/cite"
	"chronicle/generator/entry"
)

// kindEntry: an entry, its blocks as Markdown with render-hook marks
// (entries/<id>.md).
var kindEntry = inSection{"entry", "entries", classEntry, classList}

func writeEntry(w *writer, emit func(job)) {
	const batch = 64
	for i := 0; i < len(w.c.Entries); i += batch {
		emit(func() []page {
			var ps []page
			for k := i; k < min(i+batch, len(w.c.Entries)); k++ {
				ps = append(ps, w.entry(&w.c.Entries[k]))
			}
			return ps
		})
	}
}

// blockFront is what the `block` render hook needs of a non-text block.
type blockFront struct {
	Type     string `json:"type"`
	Text     string `json:"text,omitempty"`
	Speaker  string `json:"speaker,omitempty"`
	Alt      string `json:"alt,omitempty"`
	Credit   string `json:"credit,omitempty"`
	Caption  string `json:"caption,omitempty"`
	Provider string `json:"provider,omitempty"`
	Lines    [2]int `json:"-"` // where the block is in the capture; no template needs it
}

// entryFront is an entry page's front matter.
type entryFront struct {
	entryMeta
	Lines [2]int `json:"lines"`
	// DayLink is the entry's day page, and CaptureURL its capture's page
	// ("" when the capture has none): links, not IDs (see link).
	DayLink    link                  `json:"day_link"`
	CaptureURL string                `json:"capture_url,omitempty"`
	People     []link                `json:"people"`  // the people it names who have a page
	Threads    []link                `json:"threads"` // its threads
	Notes      []string              `json:"notes"`
	Related    []string              `json:"related"` // items (see item)
	Blocks     map[string]blockFront `json:"blocks"`  // the non-text blocks, by their index in the body
	Terms      []termFront           `json:"terms"`
	// Prev and Next are the entries before and after it in time, as list
	// items (item): an entry page links to them without looking them up,
	// so a render in batches need not hold them.
	Prev string `json:"prev,omitempty"`
	Next string `json:"next,omitempty"`
	// Cite is how the page cites the entry.
	Cite citeFront `json:"cite"`
}

// citeFront is what an entry page says to cite it: the texts in three
// styles, the records to download, and the facts its citation metadata
// (<meta name="citation_…">) gives.
type citeFront struct {
	APA      string   `json:"apa"`
	Chicago  string   `json:"chicago"`
	MLA      string   `json:"mla"`
	BibTeX   string   `json:"bibtex"` // the records' paths from the site's root (CitationFile)
	RIS      string   `json:"ris"`
	Date     string   `json:"date"`     // the day it was published where it was printed, YYYY/MM/DD
	Authors  []string `json:"authors"`  // "Family, Given", for citation_author
	PageURL  string   `json:"page_url"` // the live page's address, "" when unknown
	Accessed string   `json:"accessed"` // the day the texts are made for, YYYY-MM-DD
}

// citeOf makes the citation of an entry.
func (w *writer) citeOf(e *entry.Entry) citeFront {
	c := w.ix.captures[e.Capture]
	var address, title string
	if w.opts.BaseURL != "" {
		address = w.opts.BaseURL + EntryPage(e.ID)
	}
	if w.opts.Site != nil {
		title = w.opts.Site.Title
	}
	accessed := w.opts.Accessed
	if accessed.IsZero() {
		accessed = time.Now().UTC()
	}
	wk := cite.Of(e, c, entry.ZoneOf(e, c), address, title, accessed)
	f := citeFront{APA: wk.APA(), Chicago: wk.Chicago(), MLA: wk.MLA(), BibTeX: CitationFile(e.ID, "bib"), RIS: CitationFile(e.ID, "ris"),
		Date: wk.Issued.Format("2006/01/02"), Authors: []string{}, PageURL: wk.PageURL, Accessed: accessed.Format(time.DateOnly)}
	for _, a := range wk.CSL().Author {
		f.Authors = append(f.Authors, strings.TrimSuffix(a.Family+", "+a.Given, ", "))
	}
	return f
}

// entryMeta is what other pages read of an entry: lists, feeds, figure
// tables, quotes and notes show its title, time, publisher and authors. It
// is all an entry's stub holds.
type entryMeta struct {
	Title       string        `json:"title"`
	Date        string        `json:"date"`
	EntryID     string        `json:"entry_id"`
	Kind        string        `json:"kind"`
	Publisher   string        `json:"publisher"`
	PublisherID string        `json:"publisher_id"`
	Capture     string        `json:"capture"`
	CaptureID   string        `json:"capture_id"` // its page: captures/<id>.html
	LocalTime   string        `json:"local_time"`
	UTC         string        `json:"utc"`
	Zones       []string      `json:"zones"` // its time in the site's zones (zoneTimes)
	Day         string        `json:"day"`
	Authors     []authorFront `json:"authors"`            // linked to their pages
	Summary     string        `json:"excerpt"`            // not "summary": Hugo renders that key as Markdown
	Untitled    bool          `json:"untitled,omitempty"` // the capture gives it no title (entryTitle)
}

func (f entryFront) stub() any { return stubOf(f.entryMeta) }

// entry writes an entry's page.
func (w *writer) entry(e *entry.Entry) page {
	f := entryFront{
		entryMeta: entryMeta{
			Title: e.Title, Date: e.Time.UTC().Format("2006-01-02T15:04:05Z"), EntryID: e.ID, Kind: string(e.Kind),
			Publisher: e.Publisher, PublisherID: e.PublisherID, Capture: e.Capture, CaptureID: entry.CaptureID(e.Capture),
			LocalTime: e.LocalTime, UTC: e.Time.UTC().Format("15:04") + " UTC", Zones: w.zoneTimes(e.Time),
			Day: e.Time.UTC().Format("2006-01-02"), Authors: w.authorsOf(e), Summary: oneLine(e.ProseText(), 200),
		},
		Lines: e.Lines, People: w.personLinks(e.People), Threads: w.threadLinks(e.Threads), Notes: w.notesAbout("entry:" + e.ID),
		Related: nonNil(w.related(e)), Cite: w.citeOf(e),
	}
	f.Title, f.Untitled = entryTitle(e), e.Title == ""
	f.DayLink = linkTo(kindDay, f.Day, dayTitle(f.Day))
	if w.ix.captures[e.Capture] != nil {
		f.CaptureURL = urlOf(kindCapture, f.CaptureID)
	}
	if i, ok := w.ix.at[e.ID]; ok {
		if i > 0 {
			f.Prev = w.item(w.c.Entries[i-1].ID)
		}
		if i+1 < len(w.c.Entries) {
			f.Next = w.item(w.c.Entries[i+1].ID)
		}
	}
	var body strings.Builder
	f.Blocks = map[string]blockFront{}
	used := map[string]bool{}
	find := termFinder{w.c.Terms}
	for i, b := range e.Body {
		switch b.Type {
		case entry.BlockParagraph:
			body.WriteString(marked(b.Text, b.Links, find.first(b.Text, used, b.Links)))
		case entry.BlockList:
			for _, it := range b.Items {
				body.WriteString("- " + marked(it.Text, it.Links, find.first(it.Text, used, it.Links)) + "\n")
			}
		default:
			// Only these blocks are in the front matter: the text of the
			// others is in the body, and Hugo need not hold it twice.
			f.Blocks[strconv.Itoa(i)] = blockFront{Type: string(b.Type), Text: b.Text, Speaker: b.Speaker, Alt: b.Alt, Credit: b.Credit, Caption: b.Caption, Provider: b.Provider, Lines: b.Lines}
			body.WriteString("```block\n" + strconv.Itoa(i) + "\n```") // templates/_markup/render-codeblock-block.html
		}
		body.WriteString("\n\n")
	}
	f.Terms = []termFront{}
	for _, t := range w.c.Terms {
		if used[t.ID] {
			// The definition is the glossary page's: term-definition.html
			// renders it once for every entry that uses the term.
			f.Terms = append(f.Terms, termFront{ID: t.ID, Term: t.Term})
		}
	}
	return page{kind: kindEntry, id: e.ID, front: f, body: body.String()}
}

// EntryPage is the path of an entry's page in the site, from its root
// ("entries/<id>.html"): its permanent address under the site's.
func EntryPage(id string) string { return htmlPath(kindEntry, id) }

// CitationFile is the path of an entry's citation record in the site,
// from its root, for the extension ext ("bib", "ris"), in a folder of
// its day: "cite/2022-02-01/<id>.bib". Records kept apart from the
// entries' pages, in folders of a day's size, are written quickly.
func CitationFile(id, ext string) string {
	day := id
	if len(day) >= len("2006-01-02") {
		day = day[:len("2006-01-02")]
	}
	return "cite/" + day + "/" + id + "." + ext
}

// entryTitle is the title of an entry's page.
func entryTitle(e *entry.Entry) string {
	if e.Title == "" {
		return "Untitled entry at " + e.LocalTime
	}
	return e.Title
}

// related picks up to five entries from other captures that share the most
// threads and people with e, the nearest in time first among equals.
// Candidates are the relatedWindow entries on either side of e in each of its
// threads (threads are in time order), so that the cost per entry does not
// grow with the corpus.
func (w *writer) related(e *entry.Entry) []string {
	if len(e.Threads) == 0 {
		return nil
	}
	self, ok := w.ix.at[e.ID]
	if !ok {
		return nil
	}
	var near []int
	for _, tid := range e.Threads {
		idx := w.ix.threads[tid]
		at, ok := w.ix.threadPos[tid][self]
		if !ok {
			continue
		}
		near = append(near, idx[max(0, at-relatedWindow):min(len(idx), at+relatedWindow+1)]...)
	}
	sort.Ints(near)
	type scored struct {
		id    string
		score int
		dist  int64
	}
	cands := make([]scored, 0, len(near))
	for k, i := range near {
		if i == self || (k > 0 && near[k-1] == i) {
			continue
		}
		o := &w.c.Entries[i]
		if o.PublisherID == e.PublisherID && o.Capture == e.Capture {
			continue
		}
		s := shared(e.Threads, o.Threads)*3 + shared(e.People, o.People)
		cands = append(cands, scored{o.ID, s, e.Time.Sub(o.Time).Abs().Milliseconds()})
	}
	sort.Slice(cands, func(i, j int) bool {
		if cands[i].score != cands[j].score {
			return cands[i].score > cands[j].score
		}
		if cands[i].dist != cands[j].dist {
			return cands[i].dist < cands[j].dist
		}
		return cands[i].id < cands[j].id
	})
	var out []string
	for i := 0; i < len(cands) && i < 5; i++ {
		out = append(out, w.item(cands[i].id))
	}
	return out
}

// relatedWindow is how many entries on each side of an entry in a thread are
// considered for its related coverage.
const relatedWindow = 40

func shared(a, b []string) int {
	n := 0
	for _, x := range a {
		for _, y := range b {
			if x == y {
				n++
			}
		}
	}
	return n
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
