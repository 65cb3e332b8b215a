package pages

import (
	"strings"

	"chronicle/generator/entry"
)

// kindPerson: a person the entries name or who wrote them: mentions by day,
// bylines, quotes (people/<id>.md).
var kindPerson = inSection{"person", "people", classShared, classShared}

// personFront is a person page's front matter. Long lists go on in part
// pages (kind_part.go); the counts are of all.
type personFront struct {
	personMeta
	AlsoKnownAs []string     `json:"also_known_as"`
	Misspelt    []string     `json:"misspellings,omitempty"` // as the captures print them
	Days        []dayEntries `json:"days"`
	Wrote       []dayEntries `json:"wrote"`
	Quotes      []quote      `json:"quotes"`
	QuotesShown int          `json:"quotes_shown"` // the quotes of Quotes (a card may hold several)
	Notes       []string     `json:"notes"`
	DaysParts   []partRef    `json:"days_parts"`
	WroteParts  []partRef    `json:"wrote_parts"`
}

// personMeta is what other pages read of a person: all a stub holds.
type personMeta struct {
	Title       string `json:"title"`
	SortName    string `json:"sort_name"` // surname first: "Zelensky Volodymyr"
	PersonID    string `json:"person_id"`
	Role        string `json:"role"`
	Country     string `json:"country"`
	Kind        string `json:"kind"`
	Description string `json:"description"`
	Derived     bool   `json:"derived"`
	Publisher   string `json:"publisher"`
	Mentions    int    `json:"mentions"`
	WroteCount  int    `json:"wrote_count"`
	DayCount    int    `json:"day_count"`
	QuotesTotal int    `json:"quotes_total"`
}

func (f personFront) stub() any { return stubOf(f.personMeta) }

// hasPersonPage says whether the person of the registry with the given ID
// has a page: whether an entry names them or they wrote one.
func (w *writer) hasPersonPage(id string) bool {
	return w.people[id] != nil && (len(w.ix.mentioned[id]) > 0 || len(w.ix.wrote[id]) > 0)
}

func (w *writer) peoplePages() []page {
	mentioned, wrote := w.ix.mentioned, w.ix.wrote
	var ps []page
	for _, p := range w.c.People {
		if !w.hasPersonPage(p.ID) {
			continue // named in the registry but not in these captures
		}
		owner := ownerOf(kindPerson, p.ID)
		days, dayParts, more, dayCount := w.long(owner, "named", p.Name, "Named in the entries", mentioned[p.ID])
		ps = append(ps, more...)
		wroteDays, wroteParts, more, _ := w.long(owner, "wrote", p.Name, "Entries by "+p.Name, wrote[p.ID])
		ps = append(ps, more...)
		quotes := w.quotesBy(p.ID)
		f := personFront{
			personMeta: personMeta{Title: p.Name, SortName: sortName(p.Name), PersonID: p.ID, Role: p.Role, Country: p.Country, Kind: string(p.Kind),
				Description: p.Description, Derived: p.Derived, Publisher: p.Publisher, Mentions: len(mentioned[p.ID]),
				WroteCount: len(wrote[p.ID]), DayCount: dayCount, QuotesTotal: quoteCount(quotes)},
			AlsoKnownAs: nonNil(p.Aliases), Misspelt: p.Misspellings, Days: days, Wrote: wroteDays, Quotes: quotes[:min(len(quotes), quotesShown)],
			QuotesShown: quoteCount(quotes[:min(len(quotes), quotesShown)]),
			Notes:       w.notesAbout("person:" + p.ID), DaysParts: nonNil(dayParts), WroteParts: nonNil(wroteParts),
		}
		ps = append(ps, page{kind: kindPerson, id: p.ID, front: f})
	}
	return ps
}

// quotesShown is how many quotes a person's page prints.
const quotesShown = 100

// quote is a quote on a person's page: its kind (full, partial,
// headline) and, for a partial quote, the sentence it stands in, as parts
// that are the reported words or quoted (several quotes of one sentence
// share one card: the sentence is shown once, each quote marked).
type quote struct {
	Text  string      `json:"text"`
	Kind  string      `json:"kind,omitempty"`
	Parts []quotePart `json:"parts,omitempty"`
	Entry string      `json:"entry"`
	Date  string      `json:"date"`
	// sentence and marked are the partial quote's sentence and its quotes
	// with their marks, as printed; they make Parts.
	sentence string
	marked   []string
	texts    []string
}

// quotePart is a run of a partial quote's sentence: quoted words, or the
// reported words around them.
type quotePart struct {
	Text   string `json:"text"`
	Quoted bool   `json:"quoted,omitempty"`
}

// quoteCount is how many quotes the cards show: one each, or the quotes
// of a partial card's sentence.
func quoteCount(cards []quote) int {
	n := 0
	for _, c := range cards {
		n += max(1, len(c.texts))
	}
	return n
}

// partialQuote is the card of a partial quote q of entry e.
func partialQuote(q entry.Quote, e *entry.Entry) quote {
	c := quote{Text: q.Text, Kind: q.Kind, Entry: e.ID, Date: e.Time.UTC().Format("2006-01-02"),
		sentence: q.Before + q.Marked + q.After, marked: []string{q.Marked}, texts: []string{q.Text}}
	c.Parts = c.parts()
	return c
}

// joins reports whether partial quote q stands in the same sentence of
// the same entry as card c, and adds it to c if so.
func (c *quote) joins(q entry.Quote, e *entry.Entry) bool {
	if c.Kind != q.Kind || c.Entry != e.ID || c.sentence != q.Before+q.Marked+q.After {
		return false
	}
	c.marked, c.texts = append(c.marked, q.Marked), append(c.texts, q.Text)
	c.Parts = c.parts()
	return true
}

// parts cuts the sentence at its quotes, in order.
func (c *quote) parts() []quotePart {
	var out []quotePart
	rest := c.sentence
	for i, m := range c.marked {
		at := strings.Index(rest, m)
		if at < 0 {
			continue
		}
		if at > 0 {
			out = append(out, quotePart{Text: rest[:at]})
		}
		out = append(out, quotePart{Text: c.texts[i], Quoted: true})
		rest = rest[at+len(m):]
	}
	if rest != "" {
		out = append(out, quotePart{Text: rest})
	}
	return out
}

func (w *writer) quotesBy(id string) []quote {
	return nonNil(w.ix.quotes[id])
}

// peopleWithPages lists, in registry order, the people who have a page
// (hasPersonPage).
func (w *writer) peopleWithPages() []string {
	var ids []string
	for _, p := range w.c.People {
		if w.hasPersonPage(p.ID) {
			ids = append(ids, p.ID)
		}
	}
	return ids
}

// sortName is a name as an index sorts it: the last word first, so that
// people are in order of surname ("Zelensky Volodymyr", "Leyen Ursula von
// der").
func sortName(name string) string {
	words := strings.Fields(name)
	if len(words) < 2 {
		return name
	}
	return strings.Join(append([]string{words[len(words)-1]}, words[:len(words)-1]...), " ")
}
