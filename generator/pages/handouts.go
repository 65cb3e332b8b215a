package pages

// Handouts: a page per day and per person that prints on two pages (A4 or
// US Letter, as the site file says), for
// a teacher to hand out, and an index of them:
//
//	content/handouts/_index.md          the teachers' index
//	content/handouts/days/<date>.md     a day: its key entries
//	content/handouts/people/<id>.md     a person: quotes, entries naming them
//
// The front matter holds everything the handout shows, already chosen and
// trimmed here, so that the template only lays it out. A handout is two
// pages: the first holds the heading and the entries (and a person's
// quotes and days), the second the questions for discussion, the words
// used, room to write and the sources. What fits is decided by a budget of
// characters for each page (pageBudgets): each item costs about the space
// it takes, on the page it goes to, and key items are added in order of
// importance until a page's budget is spent. The browser test in generator/build
// prints every handout and counts the pages; if one ever runs over, lower
// the budget rather than the test.

import (
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"chronicle/generator/entry"
	"chronicle/generator/qrsvg"
)

// kindPersonHandout: a person's two-page handout (handouts/people/<id>.md).
var kindPersonHandout = inSection{"person-handout", "handouts/people", classOther, classOther}

// kindDayHandout: a day's two-page handout (handouts/days/<date>.md).
var kindDayHandout = inSection{"day-handout", "handouts/days", classOther, classOther}

// kindHandouts: the teachers' index of every handout (handouts/_index.md).
var kindHandouts = onePage{"handouts", "handouts/_index.md"}

// The sizes of a handout, in characters of running text, set by printing
// handouts to PDF in Chromium and counting pages (the browser tests do it
// for every handout of the seeds, on A4 and on US Letter). Since the second
// page starts a page of its own, the first page's budget is what must hold:
// at 3,300 Vladimir Putin's handout (10 quotes, 10 days) ran one line onto
// a third page; at 3,100 every seed handout, and the six largest person and
// three largest day handouts of a 10,000-entry synthetic chronicle, print
// on exactly two.
const (
	page1Budget      = 3100 // A4, page 1: entries, quotes, a person's days (after the heading)
	page2Budget      = 2300 // A4, page 2: questions, the words used, sources; the rest is room to write
	letterShare      = 0.93 // US Letter: the share of A4's budgets (its printed area is shorter)
	handoutEntries   = 14   // at most this many entries
	handoutQuotes    = 10   // at most this many quotes
	excerptKey       = 520  // the excerpt of an analysis or breaking entry
	excerptShort     = 300  // the excerpt of any other entry
	minExcerpt       = 60   // with less room than an entry and this, a handout is full
	quoteMax         = 420  // a quote longer than this is trimmed
	quotesShare      = 0.55 // quotes may take at most this share of the budget
	costEntry        = 110  // time, publisher, title line and spacing of an entry
	costTerm         = 60   // the term and spacing of a glossary definition
	costQuestion     = 80   // label, title and spacing of a question
	costQuote        = 110  // attribution line and spacing of a quote
	costSource       = 110  // one capture credited
	costAgencies     = 90   // the line of photo credits
	costDayLine      = 45   // one day in a person's list of days
	personSources    = 4    // the sources a person's handout keeps room for
	handoutDays      = 10   // a person's list of days shows at most this many
	costPersonHeader = 250  // role, description and facts of a person
)

// handoutEntry is an entry as a handout shows it.
type handoutEntry struct {
	ID        string   `json:"id"`
	Date      string   `json:"date"`      // 2022-02-01
	DayTitle  string   `json:"day_title"` // Tuesday 1 February 2022
	UTC       string   `json:"utc"`       // 19:05 UTC
	Zones     []string `json:"zones"`     // "21:05 New York" (zoneTimes)
	Publisher string   `json:"publisher"`
	Kind      string   `json:"kind"`
	Title     string   `json:"title"`
	Excerpt   string   `json:"excerpt"`
	Authors   string   `json:"authors,omitempty"`
}

// handoutQuote is a quote on a person's handout.
type handoutQuote struct {
	Text      string `json:"text"`
	Kind      string `json:"kind,omitempty"`   // full, partial or headline
	Before    string `json:"before,omitempty"` // a partial quote's reported words, before and after it
	After     string `json:"after,omitempty"`
	Entry     string `json:"entry"`
	Title     string `json:"title"` // of the entry
	Publisher string `json:"publisher"`
	Date      string `json:"date"`
	DayTitle  string `json:"day_title"`
}

// handoutTerm is a glossary definition on a handout.
type handoutTerm struct {
	ID         string `json:"id"`
	Term       string `json:"term"`
	Definition string `json:"definition"` // Markdown
}

// handoutSource credits one capture a handout draws on.
type handoutSource struct {
	Publisher string `json:"publisher"`
	Via       string `json:"via,omitempty"`
	File      string `json:"file"`
	PageTitle string `json:"page_title,omitempty"`
	PageDate  string `json:"page_date,omitempty"`
	PageURL   string `json:"page_url,omitempty"`
}

// handoutDay is a day in a person's handout.
type handoutDay struct {
	Date  string `json:"date"`
	Title string `json:"title"`
	N     int    `json:"n"`
}

// handoutFront is a handout's front matter.
type handoutFront struct {
	handoutMeta
	QR         string          `json:"qr_svg"` // the address as a QR code, inline SVG
	Publishers []string        `json:"publishers,omitempty"`
	Questions  []string        `json:"questions"` // note IDs
	Entries    []handoutEntry  `json:"entries"`
	Terms      []handoutTerm   `json:"terms"`
	Sources    []handoutSource `json:"sources"`
	Agencies   []string        `json:"agencies"`
	// A person's handout.
	Role        string         `json:"role,omitempty"`
	Country     string         `json:"country,omitempty"`
	PersonKind  string         `json:"person_kind,omitempty"`
	About       string         `json:"about,omitempty"` // the person's description
	Quotes      []handoutQuote `json:"quotes,omitempty"`
	QuotesTotal int            `json:"quotes_total,omitempty"`
	Days        []handoutDay   `json:"days,omitempty"`      // at most handoutDays of them
	DayCount    int            `json:"day_count,omitempty"` // all the days they are in
	Wrote       int            `json:"wrote,omitempty"`
}

// busiestDays returns at most n of the days (in date order), those with the
// most entries, the earlier first among equals: a person named on hundreds
// of days would otherwise fill a handout with dates.
func busiestDays(days []string, entries map[string]int, n int) []string {
	if len(days) <= n {
		return days
	}
	pick := slices.Clone(days)
	sort.SliceStable(pick, func(i, j int) bool { return entries[pick[i]] > entries[pick[j]] })
	pick = pick[:n]
	sort.Strings(pick)
	return pick
}

// Pages: a job per day, so that no more handouts are held in memory than
// the workers are making.
func writeDayHandout(w *writer, emit func(job)) {
	for i := range w.c.Days {
		d := w.c.Days[i]
		emit(func() []page { return []page{{kind: kindDayHandout, id: d.Date, front: w.dayHandout(d)}} })
	}
}

// Pages: a job per few people.
func writePersonHandout(w *writer, emit func(job)) {
	ids := w.peopleWithPages()
	const batch = 16
	for i := 0; i < len(ids); i += batch {
		emit(func() []page {
			var ps []page
			for _, id := range ids[i:min(i+batch, len(ids))] {
				ps = append(ps, page{kind: kindPersonHandout, id: id, front: w.personHandout(w.people[id])})
			}
			return ps
		})
	}
}

func writeHandouts(w *writer, emit func(job)) {
	emit(func() []page { return []page{w.handoutIndex(w.peopleWithPages())} })
}

// handoutMeta is what other pages read of a handout: its title and what
// it is about.
type handoutMeta struct {
	Title       string `json:"title"` // "Handout: Tuesday 1 February 2022"
	Heading     string `json:"heading"`
	HandoutKind string `json:"handout_kind"` // "day" or "person"
	Subject     string `json:"subject"`      // the date or the person's ID
	Description string `json:"description"`
	Address     string `json:"address"` // the public address of the day or person page
	Total       int    `json:"total"`   // entries of the day, or naming the person
}

func (f handoutFront) stub() any { return stubOf(f.handoutMeta) }

// handoutsFront is the teachers' index's front matter.
type handoutsFront struct {
	handoutsMeta
	Days        []handoutDayRef `json:"days"`
	People      []handoutPerson `json:"people"`
	Journalists []handoutPerson `json:"journalists"`
	Sources     []handoutPerson `json:"sources"` // credited in bylines in a journalist's place
}

// handoutDayRef is a day on the teachers' index.
type handoutDayRef struct {
	Date      string `json:"date"`
	Title     string `json:"title"`
	Total     int    `json:"total"`
	Questions int    `json:"questions"`
}

// handoutPerson is a person on the teachers' index.
type handoutPerson struct {
	ID        string `json:"id"`
	Name      string `json:"name"`
	Role      string `json:"role"`
	Total     int    `json:"total"`
	Quotes    int    `json:"quotes"`
	Wrote     int    `json:"wrote"`
	Questions int    `json:"questions"`
}

// handoutsMeta is what other pages read of the teachers' index.
type handoutsMeta struct {
	Title       string `json:"title"`
	Intro       string `json:"intro"`
	Description string `json:"description"`
}

func (f handoutsFront) stub() any { return stubOf(f.handoutsMeta) }

// handoutIndex is the teachers' index: every day and every person with a
// handout, with what each holds.
func (w *writer) handoutIndex(people []string) page {
	f := handoutsFront{
		handoutsMeta: handoutsMeta{
			Title:       "Handouts",
			Intro:       "Two-page handouts for the classroom: one for each day of the chronicle and one for each person in it.",
			Description: "Printable two-page handouts for teachers: each day and each person of the chronicle, with key entries, quotes, a glossary, questions for discussion and the sources.",
		},
		Days: []handoutDayRef{}, People: []handoutPerson{}, Journalists: []handoutPerson{}, Sources: []handoutPerson{},
	}
	for _, d := range w.c.Days {
		f.Days = append(f.Days, handoutDayRef{Date: d.Date, Title: dayTitle(d.Date), Total: len(d.Entries), Questions: w.questionCount("day:" + d.Date)})
	}
	for _, id := range people {
		p := w.people[id]
		ref := handoutPerson{ID: p.ID, Name: p.Name, Role: p.Role, Total: len(w.ix.mentioned[id]),
			Quotes: quoteCount(w.ix.quotes[id]), Wrote: len(w.ix.wrote[id]), Questions: w.questionCount("person:" + id)}
		switch p.Kind {
		case entry.Journalist:
			f.Journalists = append(f.Journalists, ref)
		case entry.Source:
			f.Sources = append(f.Sources, ref)
		default:
			f.People = append(f.People, ref)
		}
	}
	return page{kind: kindHandouts, front: f}
}

// questionCount counts the questions for discussion about a target.
// WithoutQuestions lists the days and the people whose handouts have no
// editors' question for discussion yet, as the handouts index counts them:
// for `check`, so that the handouts' promise is kept by the editors.
func WithoutQuestions(c *entry.Chronicle) (days, people []string) {
	w := newWriter(c, Options{})
	for _, d := range c.Days {
		if w.questionCount("day:"+d.Date) == 0 {
			days = append(days, d.Date)
		}
	}
	for _, id := range w.peopleWithPages() {
		if w.questionCount("person:"+id) == 0 {
			people = append(people, id)
		}
	}
	return days, people
}

func (w *writer) questionCount(target string) int {
	n := 0
	for _, id := range w.ix.notes[target] {
		for _, note := range w.c.Notes {
			if note.ID == id && note.Kind == entry.NoteQuestion {
				n++
			}
		}
	}
	return n
}

// address is the public address of a page of the site, path relative to the
// site's root ("days/2022-02-01.html"), or "" when the base URL is unknown.
func (w *writer) address(path string) string {
	if w.opts.BaseURL == "" {
		return ""
	}
	return strings.TrimSuffix(w.opts.BaseURL, "/") + "/" + path
}

// qr draws the QR code of an address, or "" for none.
func qrCode(address string) string {
	if address == "" {
		return ""
	}
	svg, err := qrsvg.SVG(address)
	if err != nil {
		return "" // too long to encode: the address is printed as text anyway
	}
	return svg
}

// pageBudgets are the budgets of a handout's two pages on the site's paper.
func (w *writer) pageBudgets() (page1, page2 int) {
	if w.opts.Site.Paper == "Letter" {
		return int(page1Budget * letterShare), int(page2Budget * letterShare)
	}
	return page1Budget, page2Budget
}

// budget keeps count of the space a handout has left on each page (left on
// the first, for entries and quotes; second on the other, for the terms
// and questions they bring in), and of what it shows so far that has a
// cost only once: terms and questions.
type budget struct {
	w        *writer
	left     int
	second   int
	terms    map[string]bool
	notes    map[string]bool
	termList []string // IDs in the order they were added
	noteList []string
}

func (w *writer) newBudget(page1, page2 int) *budget {
	return &budget{w: w, left: page1, second: page2, terms: map[string]bool{}, notes: map[string]bool{}}
}

// newTerms lists the glossary terms that text uses and the budget does not
// hold yet, in glossary order.
func (b *budget) newTerms(text string) []int {
	var out []int
	for i, t := range b.w.c.Terms {
		if b.terms[t.ID] {
			continue
		}
		for _, a := range t.Spellings() {
			if entry.ContainsWord(text, a) {
				out = append(out, i)
				break
			}
		}
	}
	return out
}

// questionsAbout lists the question notes about targets that the budget does
// not hold yet.
func (b *budget) questionsAbout(targets ...string) []int {
	var out []int
	for i, n := range b.w.c.Notes {
		if n.Kind != entry.NoteQuestion || b.notes[n.ID] {
			continue
		}
		for _, t := range targets {
			if n.Target == t {
				out = append(out, i)
				break
			}
		}
	}
	return out
}

// extras is the cost of the terms a text brings in, with the questions about
// those terms and about the extra targets.
func (b *budget) extras(text string, targets ...string) (cost int, terms, notes []int) {
	terms = b.newTerms(text)
	for _, i := range terms {
		t := b.w.c.Terms[i]
		cost += costTerm + runes(t.Term) + runes(plainMarkdown(t.Definition))
		targets = append(targets, "term:"+t.ID)
	}
	notes = b.questionsAbout(targets...)
	for _, i := range notes {
		n := b.w.c.Notes[i]
		cost += costQuestion + runes(n.Title) + runes(plainMarkdown(n.Body))
	}
	return cost, terms, notes
}

// take spends cost on the first page and extra on the second, and records
// the terms and notes.
func (b *budget) take(cost, extra int, terms, notes []int) {
	b.left -= cost
	b.second -= extra
	for _, i := range terms {
		id := b.w.c.Terms[i].ID
		if !b.terms[id] {
			b.terms[id] = true
			b.termList = append(b.termList, id)
		}
	}
	for _, i := range notes {
		id := b.w.c.Notes[i].ID
		if !b.notes[id] {
			b.notes[id] = true
			b.noteList = append(b.noteList, id)
		}
	}
}

// try adds an item of the given cost on the first page that shows text, if
// it fits there and the terms and questions it brings in fit on the second;
// force adds it whatever it costs.
func (b *budget) try(cost int, text string, force bool, targets ...string) bool {
	extra, terms, notes := b.extras(text, targets...)
	if !force && (cost > b.left || extra > b.second) {
		return false
	}
	b.take(cost, extra, terms, notes)
	return true
}

// termsShown returns the terms the budget holds, alphabetically.
func (b *budget) termsShown() []handoutTerm {
	out := []handoutTerm{}
	for _, t := range b.w.c.Terms {
		if b.terms[t.ID] {
			out = append(out, handoutTerm{ID: t.ID, Term: t.Term, Definition: EditorMarkdown(strings.TrimSpace(t.Definition))})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return strings.ToLower(out[i].Term) < strings.ToLower(out[j].Term) })
	return out
}

// questionsShown returns the IDs of the questions the budget holds, in the
// order of the notes.
func (b *budget) questionsShown() []string {
	out := []string{}
	for _, n := range b.w.c.Notes {
		if b.notes[n.ID] {
			out = append(out, n.ID)
		}
	}
	return out
}

// dayHandout chooses what a day's handout shows.
func (w *writer) dayHandout(d entry.Day) handoutFront {
	path := htmlPath(kindDay, d.Date)
	f := handoutFront{handoutMeta: handoutMeta{
		Title: "Handout: " + dayTitle(d.Date), Heading: dayTitle(d.Date), HandoutKind: "day", Subject: d.Date,
		Address: w.address(path), Total: len(d.Entries),
	}}
	f.QR = qrCode(f.Address)

	// Every entry of the day is credited, since the handout sums the day up.
	var all []*entry.Entry
	for _, id := range d.Entries {
		all = append(all, w.entries[id])
	}
	f.Sources, f.Agencies = w.credits(all)
	f.Publishers = publishersOf(all)

	page1, page2 := w.pageBudgets()
	b := w.newBudget(page1, page2-sourcesCost(f.Sources, f.Agencies))
	// The questions about the day come first, whatever they cost.
	b.try(0, "", true, "day:"+d.Date)

	chosen := map[string]bool{}
	for _, e := range w.keyEntries(all) {
		if len(chosen) >= handoutEntries || (len(chosen) > 0 && b.left < costEntry+minExcerpt) {
			break // full
		}
		he := w.handoutEntry(e, excerptLen(e), nil)
		cost := costEntry + runes(he.Title)*5/4 + runes(he.Excerpt)
		if b.try(cost, he.Title+"\n"+he.Excerpt, len(chosen) == 0, "entry:"+e.ID) {
			chosen[e.ID] = true
		}
	}
	for _, e := range all {
		if chosen[e.ID] {
			f.Entries = append(f.Entries, w.handoutEntry(e, excerptLen(e), nil))
		}
	}
	f.Entries = nonNil(f.Entries)
	f.Terms = b.termsShown()
	f.Questions = b.questionsShown()
	f.Description = handoutDescription("for "+dayTitle(d.Date)+": the key entries of the live pages", len(f.Questions))
	return f
}

// keyEntries orders a day's entries by how much they belong on its handout:
// analysis, breaking news and summaries first, then the entries that name the
// most people, quote someone, or say the most; stubs never.
func (w *writer) keyEntries(es []*entry.Entry) []*entry.Entry {
	var out []*entry.Entry
	for _, e := range es {
		if e.Kind != entry.KindStub {
			out = append(out, e)
		}
	}
	rank := func(e *entry.Entry) int {
		switch e.Kind {
		case entry.KindAnalysis, entry.KindBreaking:
			return 0
		case entry.KindSummary, entry.KindKeyPoints:
			return 1
		}
		if !hasText(e) {
			return 3 // a title and nothing else
		}
		return 2
	}
	ranks := make(map[*entry.Entry]int, len(out))
	for _, e := range out {
		ranks[e] = rank(e)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if ra, rb := ranks[a], ranks[b]; ra != rb {
			return ra < rb
		}
		if len(a.People) != len(b.People) {
			return len(a.People) > len(b.People)
		}
		if len(a.Quotes) != len(b.Quotes) {
			return len(a.Quotes) > len(b.Quotes)
		}
		if !a.Time.Equal(b.Time) {
			return a.Time.Before(b.Time)
		}
		return a.ID < b.ID
	})
	return out
}

func excerptLen(e *entry.Entry) int {
	if e.Kind == entry.KindAnalysis || e.Kind == entry.KindBreaking {
		return excerptKey
	}
	return excerptShort
}

// handoutEntry makes the handout's view of an entry: its excerpt is the
// start of its text, or with focus, the start of the first block that names
// one of focus.
func (w *writer) handoutEntry(e *entry.Entry, n int, focus []string) handoutEntry {
	title := e.Title
	if title == "" {
		title = "Untitled entry at " + e.LocalTime
	}
	return handoutEntry{
		ID: e.ID, Date: e.Time.UTC().Format("2006-01-02"), DayTitle: dayTitle(e.Time.UTC().Format("2006-01-02")),
		UTC: e.Time.UTC().Format("15:04") + " UTC", Zones: w.zoneTimes(e.Time),
		Publisher: e.Publisher, Kind: string(e.Kind), Title: title, Excerpt: trimText(excerptText(e, focus, n), n),
		Authors: strings.Join(e.AuthorNames(), ", "),
	}
}

// excerptText is the running text of an entry's paragraphs, list items and
// quotes, from the first block that names one of focus (from the start when
// focus is empty or nothing names them); "… " marks text left out at the
// start. It stops once it has more than limit runes.
func excerptText(e *entry.Entry, focus []string, limit int) string {
	var parts []string
	start := -1
	n := 0 // runes from start
	for _, b := range e.Body {
		if n > limit && (start >= 0 || len(focus) == 0) {
			break
		}
		var s string
		switch b.Type {
		case entry.BlockParagraph, entry.BlockQuote:
			s = b.PlainText()
		case entry.BlockList:
			var items []string
			for _, it := range b.Items {
				items = append(items, it.Text)
			}
			s = strings.Join(items, "; ")
		default:
			continue // photos, videos, embeds and related links are not text
		}
		s = strings.Join(strings.Fields(s), " ")
		if s == "" {
			continue
		}
		if start < 0 && len(focus) > 0 && namesAny(s, focus) {
			start = len(parts)
			n = 0
		}
		parts = append(parts, s)
		n += runes(s) + 1
	}
	if start > 0 {
		return "… " + strings.Join(parts[start:], " ")
	}
	return strings.Join(parts, " ")
}

// hasText reports whether an entry has running text besides its title.
func hasText(e *entry.Entry) bool {
	for _, b := range e.Body {
		switch b.Type {
		case entry.BlockParagraph, entry.BlockQuote:
			if strings.TrimSpace(b.Text) != "" {
				return true
			}
		case entry.BlockList:
			for _, it := range b.Items {
				if strings.TrimSpace(it.Text) != "" {
					return true
				}
			}
		}
	}
	return false
}

func namesAny(text string, names []string) bool {
	for _, n := range names {
		if n != "" && entry.ContainsWord(text, n) {
			return true
		}
	}
	return false
}

// trimText shortens text to about n runes: at the end of a sentence when one
// ends in the last third, else at a word, with "…".
func trimText(s string, n int) string {
	if runes(s) <= n {
		return s
	}
	r := []rune(s)
	cut := string(r[:n])
	best := -1
	for _, end := range []string{". ", "? ", "! ", ".\" ", ".' ", ".” ", "?\" "} {
		if i := strings.LastIndex(cut, end); i > best {
			best = i + len(end) - 1
		}
	}
	if best >= 0 && runes(cut[:best]) > n*2/3 {
		return strings.TrimSpace(cut[:best])
	}
	if i := strings.LastIndex(cut, " "); i > n/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:–-") + "…"
}

// personHandout chooses what a person's handout shows.
func (w *writer) personHandout(p *entry.Person) handoutFront {
	path := htmlPath(kindPerson, p.ID)
	f := handoutFront{
		handoutMeta: handoutMeta{Title: "Handout: " + p.Name, Heading: p.Name, HandoutKind: "person", Subject: p.ID, Address: w.address(path)},
		Role:        p.Role, Country: p.Country, PersonKind: string(p.Kind), About: p.Description,
	}
	f.QR = qrCode(f.Address)

	// The entries naming them and those they wrote, from the writer's index.
	var named, wrote []*entry.Entry
	var both []int
	for _, id := range w.ix.mentioned[p.ID] {
		named = append(named, w.entries[id])
		both = append(both, w.ix.at[id])
	}
	for _, id := range w.ix.wrote[p.ID] {
		wrote = append(wrote, w.entries[id])
		both = append(both, w.ix.at[id])
	}
	sort.Ints(both)
	perDay := map[string]int{}
	var dayOrder []string
	for k, i := range both {
		if k > 0 && both[k-1] == i {
			continue // named in an entry they wrote
		}
		d := w.c.Entries[i].Time.UTC().Format("2006-01-02")
		if perDay[d] == 0 {
			dayOrder = append(dayOrder, d)
		}
		perDay[d]++
	}
	f.Total, f.Wrote = len(named), len(wrote)
	f.DayCount = len(dayOrder)
	for _, d := range busiestDays(dayOrder, perDay, handoutDays) {
		f.Days = append(f.Days, handoutDay{Date: d, Title: dayTitle(d), N: perDay[d]})
	}

	page1, page2 := w.pageBudgets()
	// The sources are known only once the entries are chosen: room is kept
	// for a few on the second page.
	b := w.newBudget(page1-costPersonHeader-runes(p.Role+p.Country+p.Description)-len(f.Days)*costDayLine, page2-personSources*costSource-costAgencies)
	b.try(0, p.Role+"\n"+p.Description, true, "person:"+p.ID)

	// Their own words first, in time order, up to a share of the budget.
	used := map[string]bool{} // entries drawn on
	said := map[string]bool{} // the words quoted so far (quoteKey)
	quoteRoom := int(float64(b.left) * quotesShare)
	for _, e := range named {
		for _, q := range e.Quotes {
			if q.Speaker != p.ID || said[entry.WordKey(q.Text)] {
				continue // another's, or the same words reported again
			}
			said[entry.WordKey(q.Text)] = true
			f.QuotesTotal++
			if len(f.Quotes) >= handoutQuotes || quoteRoom < costQuote+minExcerpt {
				continue // counted, not shown
			}
			hq := handoutQuote{Text: trimText(strings.Join(strings.Fields(q.Text), " "), quoteMax), Kind: q.Kind, Before: q.Before, After: q.After, Entry: e.ID, Title: e.Title, Publisher: e.Publisher,
				Date: e.Time.UTC().Format("2006-01-02"), DayTitle: dayTitle(e.Time.UTC().Format("2006-01-02"))}
			cost := costQuote + runes(hq.Before+hq.Text+hq.After) + runes(hq.Title)
			if cost > quoteRoom {
				continue
			}
			before := b.left
			if b.try(cost, hq.Text, false, "entry:"+e.ID) {
				quoteRoom -= before - b.left
				f.Quotes = append(f.Quotes, hq)
				used[e.ID] = true
			}
		}
	}

	// Then what the entries say of them, or what they wrote: the entries
	// that name them in the title first, then analysis and breaking news.
	focus := append([]string{p.Name, surname(p.Name)}, p.Spellings()[1:]...)
	cands := named
	if (p.Kind == entry.Journalist || p.Kind == entry.Source) && len(wrote) > 0 {
		cands = wrote
		focus = nil
	}
	rank := func(e *entry.Entry) int {
		r := 4
		if len(focus) > 0 && namesAny(e.Title, focus) {
			r = 0
		} else if e.Kind == entry.KindAnalysis || e.Kind == entry.KindBreaking {
			r = 1
		} else if used[e.ID] {
			r = 3 // already quoted
		} else if hasText(e) {
			r = 2
		}
		return r
	}
	order := append([]*entry.Entry(nil), cands...)
	ranks := make(map[*entry.Entry]int, len(order))
	for _, e := range order {
		ranks[e] = rank(e)
	}
	sort.SliceStable(order, func(i, j int) bool { return ranks[order[i]] < ranks[order[j]] })
	chosen := map[string]bool{}
	for _, e := range order {
		if len(chosen) >= handoutEntries || (len(chosen)+len(f.Quotes) > 0 && b.left < costEntry+minExcerpt) {
			break // full
		}
		if e.Kind == entry.KindStub {
			continue
		}
		he := w.handoutEntry(e, excerptShort, focus)
		cost := costEntry + runes(he.Title)*5/4 + runes(he.Excerpt)
		if b.try(cost, he.Title+"\n"+he.Excerpt, len(chosen) == 0 && len(f.Quotes) == 0, "entry:"+e.ID) {
			chosen[e.ID] = true
			used[e.ID] = true
		}
	}
	for _, e := range cands {
		if chosen[e.ID] {
			f.Entries = append(f.Entries, w.handoutEntry(e, excerptShort, focus))
		}
	}
	var drawnAt []int
	for id := range used {
		drawnAt = append(drawnAt, w.ix.at[id])
	}
	sort.Ints(drawnAt)
	var drawn []*entry.Entry
	for _, i := range drawnAt {
		drawn = append(drawn, &w.c.Entries[i])
	}
	f.Sources, f.Agencies = w.credits(drawn)
	f.Publishers = publishersOf(drawn)
	f.Entries = nonNil(f.Entries)
	f.Quotes = nonNil(f.Quotes)
	f.Days = nonNil(f.Days)
	f.Terms = b.termsShown()
	f.Questions = b.questionsShown()
	f.Description = handoutDescription("on "+p.Name+": what the live pages quote and say of them", len(f.Questions))
	return f
}

// handoutDescription says what a handout holds (what, "for Tuesday 1
// February 2022: the key entries…"), with questions for discussion only
// when the editors wrote some.
func handoutDescription(what string, questions int) string {
	questionsToo := ""
	if questions > 0 {
		questionsToo = "questions for discussion, "
	}
	return "A two-page handout " + what + ", a glossary, " + questionsToo + "room for notes and the sources."
}

// surname is the last word of a name.
func surname(name string) string {
	f := strings.Fields(name)
	if len(f) < 2 {
		return ""
	}
	return f[len(f)-1]
}

// credits lists the captures that entries come from, in capture order, and
// the agencies credited for their photos and videos, alphabetically, each
// spelling once (REUTERS and Reuters are one).
func (w *writer) credits(es []*entry.Entry) ([]handoutSource, []string) {
	caps := map[string]bool{}
	agencies := map[string]string{}
	for _, e := range es {
		caps[e.Capture] = true
		for _, bl := range e.Body {
			if bl.Credit == "" || (bl.Type != entry.BlockFigure && bl.Type != entry.BlockVideo) {
				continue
			}
			c := strings.TrimSpace(bl.Credit)
			k := strings.ToLower(c)
			if prev, ok := agencies[k]; !ok || prev == strings.ToUpper(prev) {
				agencies[k] = c // prefer a spelling that is not all capitals
			}
		}
	}
	sources := []handoutSource{}
	for _, c := range w.c.Captures {
		if caps[c.File] {
			sources = append(sources, handoutSource{Publisher: c.Publisher, Via: c.Via, File: c.File, PageTitle: c.PageTitle, PageDate: c.PageDate, PageURL: c.PageURL})
		}
	}
	names := []string{}
	for _, k := range sortedKeys(agencies) {
		names = append(names, agencies[k])
	}
	return sources, names
}

func sourcesCost(s []handoutSource, agencies []string) int {
	n := 0
	for _, x := range s {
		n += costSource + runes(x.PageTitle)
	}
	if len(agencies) > 0 {
		n += costAgencies
	}
	return n
}

// publishersOf lists the publishers of entries, alphabetically.
func publishersOf(es []*entry.Entry) []string {
	m := map[string]bool{}
	for _, e := range es {
		m[e.Publisher] = true
	}
	return nonNil(sortedKeys(m))
}

// plainMarkdown is Markdown with its emphasis and link marks taken out,
// near enough to measure how long it prints.
func plainMarkdown(s string) string {
	return strings.Join(strings.Fields(markdownMarks.Replace(s)), " ")
}

var markdownMarks = strings.NewReplacer("*", "", "_", "", "`", "", "[", "", "]", "")

func runes(s string) int { return utf8.RuneCountInString(s) }
