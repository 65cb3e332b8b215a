package pages

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"chronicle/generator/entry"
)

// handoutChronicle is a day of many entries: more than a handout holds.
func handoutChronicle() *entry.Chronicle {
	c := &entry.Chronicle{
		Captures: []entry.Capture{
			{File: "000_bbc.txt", Publisher: "BBC News", PublisherID: "bbc", PageDate: "2022-02-01", PageTitle: "Ukraine crisis: live"},
			{File: "001_ind.txt", Publisher: "The Independent", PublisherID: "independent", Via: "Yahoo News", PageDate: "2022-01-31"},
			{File: "002_unused.txt", Publisher: "BBC News", PublisherID: "bbc", PageDate: "2022-01-01"},
		},
		People: []entry.Person{
			{ID: "anna-field", Name: "Anna Field", Role: "Foreign minister", Kind: entry.InTheNews, Description: "A minister of Nato."},
			{ID: "ben-stone", Name: "Ben Stone", Kind: entry.InTheNews},
			{ID: "cara-reed", Name: "Cara Reed", Kind: entry.Journalist, Publisher: "bbc"},
		},
		Terms: []entry.Term{
			{ID: "nato", Term: "Nato", Aliases: []string{"NATO"}, Definition: "The *North Atlantic* alliance."},
			{ID: "donbas", Term: "Donbas", Definition: "A region."},
			{ID: "crimea", Term: "Crimea", Definition: "A peninsula."},
		},
		Notes: []entry.Note{
			{ID: "q-day", Kind: entry.NoteQuestion, Target: "day:2022-02-01", Title: "Why?", Body: "Discuss."},
			{ID: "q-other-day", Kind: entry.NoteQuestion, Target: "day:2022-02-02", Title: "Other", Body: "Not this day."},
			{ID: "c-day", Kind: entry.NoteContext, Target: "day:2022-02-01", Title: "Context", Body: "Not a question."},
			{ID: "q-analysis", Kind: entry.NoteQuestion, Target: "entry:e-analysis", Title: "On the analysis", Body: "Discuss it."},
			{ID: "q-nato", Kind: entry.NoteQuestion, Target: "term:nato", Title: "On Nato", Body: "What is it for?"},
			{ID: "q-anna", Kind: entry.NoteQuestion, Target: "person:anna-field", Title: "On Anna", Body: "Who is she?"},
		},
	}
	base := time.Date(2022, 2, 1, 6, 0, 0, 0, time.UTC)
	add := func(id string, minutes int, kind entry.Kind, title string, people []string, paras ...string) {
		e := entry.Entry{ID: id, Capture: "000_bbc.txt", Publisher: "BBC News", PublisherID: "bbc", Time: base.Add(time.Duration(minutes) * time.Minute),
			LocalTime: "06:00", Title: title, Kind: kind, People: people}
		for _, p := range paras {
			e.Body = append(e.Body, entry.Block{Type: entry.BlockParagraph, Text: p})
		}
		c.Entries = append(c.Entries, e)
	}
	long := strings.Repeat("Talks went on through the night and nothing was agreed. ", 4)
	add("e-stub", 0, entry.KindStub, "A title only", nil)
	for i := 0; i < 30; i++ {
		people := []string{}
		if i%5 == 0 {
			people = []string{"anna-field", "ben-stone"}
		}
		add(fmt.Sprintf("e-post-%02d", i), 10+i, entry.KindPost, fmt.Sprintf("Post %d", i), people, long)
	}
	add("e-analysis", 300, entry.KindAnalysis, "What it means", nil, "Natoist is not a word. The Nato summit matters. "+long)
	add("e-quote", 310, entry.KindPost, "Field speaks", []string{"anna-field"},
		"Officials met in Geneva.", "Ms Field said the talks had failed, Anna Field told reporters in Donbas.")
	c.Entries[len(c.Entries)-1].Quotes = []entry.Quote{{Text: "We will not give up", Speaker: "anna-field"}}
	c.Entries[len(c.Entries)-1].Body = append(c.Entries[len(c.Entries)-1].Body,
		entry.Block{Type: entry.BlockFigure, Credit: "REUTERS"}, entry.Block{Type: entry.BlockFigure, Credit: "Reuters"}, entry.Block{Type: entry.BlockFigure, Credit: "AP"})
	add("e-other", 320, entry.KindPost, "Elsewhere", nil, "In Crimea.")
	c.Entries[len(c.Entries)-1].Capture = "001_ind.txt"
	c.Entries[len(c.Entries)-1].Publisher = "The Independent"
	c.Entries[len(c.Entries)-1].Authors = []entry.Author{{Name: "Cara Reed", Person: "cara-reed"}}
	d := entry.Day{Date: "2022-02-01"}
	for _, e := range c.Entries {
		d.Entries = append(d.Entries, e.ID)
	}
	c.Days = []entry.Day{d}
	return c
}

func TestDayHandoutChoosesKeyEntriesWithinBudget(t *testing.T) {
	c := handoutChronicle()
	w := newWriter(c, Options{BaseURL: "https://example.org/chronicle/"})
	f := w.dayHandout(c.Days[0])

	if f.Address != "https://example.org/chronicle/days/2022-02-01.html" {
		t.Errorf("address %q", f.Address)
	}
	if !strings.HasPrefix(f.QR, "<svg") || !strings.Contains(f.QR, `aria-label="QR code: https://example.org/chronicle/days/2022-02-01.html"`) {
		t.Errorf("QR code: %.200s", f.QR)
	}
	if f.Total != len(c.Days[0].Entries) {
		t.Errorf("total %d", f.Total)
	}
	if n := len(f.Entries); n == 0 || n >= 25 || n > handoutEntries {
		t.Fatalf("%d entries shown: the budget should leave most of 33 out", n)
	}
	shown := map[string]bool{}
	text := 0
	for i, e := range f.Entries {
		shown[e.ID] = true
		text += runes(e.Title) + runes(e.Excerpt)
		if i > 0 && e.UTC < f.Entries[i-1].UTC {
			t.Errorf("entries not in time order: %s after %s", e.UTC, f.Entries[i-1].UTC)
		}
		if runes(e.Excerpt) > excerptKey+1 {
			t.Errorf("%s: excerpt of %d runes", e.ID, runes(e.Excerpt))
		}
	}
	if text > page1Budget {
		t.Errorf("%d runes of entries, budget %d", text, page1Budget)
	}
	if !shown["e-analysis"] {
		t.Error("the analysis is not among the key entries")
	}
	if shown["e-stub"] {
		t.Error("a stub is shown")
	}
	// Entries naming people come before those naming none, which fill the
	// rest of the budget from the start of the day.
	for _, id := range []string{"e-post-00", "e-post-05", "e-post-10", "e-post-15", "e-post-20", "e-post-25", "e-quote"} {
		if !shown[id] {
			t.Errorf("%s names people and is not shown", id)
		}
	}
	if shown["e-post-29"] {
		t.Error("e-post-29 names nobody and is shown")
	}

	// Terms: those in the text shown, matched as whole words ("Natoist" is
	// not Nato, but "Nato summit" is); Crimea is only in an entry left out.
	if terms := termIDs(f); terms != "donbas nato" {
		t.Errorf("terms %q, want %q", terms, "donbas nato")
	}
	// Questions: about the day, about the shown entries and terms; not other
	// days, not other kinds of note.
	got := strings.Join(f.Questions, " ")
	if got != "q-day q-analysis q-nato" {
		t.Errorf("questions %q", got)
	}

	// Credits: every capture of the day once, agencies once each.
	var files []string
	for _, s := range f.Sources {
		files = append(files, s.File)
	}
	if strings.Join(files, " ") != "000_bbc.txt 001_ind.txt" {
		t.Errorf("sources %v", files)
	}
	if strings.Join(f.Agencies, ", ") != "AP, Reuters" {
		t.Errorf("agencies %v", f.Agencies)
	}
}

// termIDs are the IDs of the terms of a handout, joined by spaces.
func termIDs(f handoutFront) string {
	var ids []string
	for _, tm := range f.Terms {
		ids = append(ids, tm.ID)
	}
	return strings.Join(ids, " ")
}

func TestPersonHandout(t *testing.T) {
	c := handoutChronicle()
	w := newWriter(c, Options{BaseURL: "https://example.org"})
	f := w.personHandout(w.people["anna-field"])
	if f.Address != "https://example.org/people/anna-field.html" {
		t.Errorf("address %q", f.Address)
	}
	if len(f.Quotes) != 1 || f.Quotes[0].Text != "We will not give up" || f.Quotes[0].Entry != "e-quote" {
		t.Errorf("quotes %+v", f.Quotes)
	}
	if len(f.Days) != 1 || f.Days[0].N != 7 {
		t.Errorf("days %+v", f.Days)
	}
	var quoted *handoutEntry
	for i := range f.Entries {
		if f.Entries[i].ID == "e-quote" {
			quoted = &f.Entries[i]
		}
	}
	// The entry naming her in its title comes first, and its excerpt starts
	// at the paragraph that names her.
	if quoted == nil || !strings.HasPrefix(quoted.Excerpt, "… Ms Field said") {
		t.Errorf("excerpt of e-quote: %+v", quoted)
	}
	got := strings.Join(f.Questions, " ")
	if got != "q-nato q-anna" { // Nato from her description
		t.Errorf("questions %q", got)
	}
	if terms := termIDs(f); terms != "donbas nato" {
		t.Errorf("terms %q", terms)
	}

	j := w.personHandout(w.people["cara-reed"])
	if j.Wrote != 1 || len(j.Entries) != 1 || j.Entries[0].ID != "e-other" {
		t.Errorf("journalist handout: %+v", j)
	}
	if len(j.Sources) != 1 || j.Sources[0].File != "001_ind.txt" || j.Sources[0].Via != "Yahoo News" {
		t.Errorf("journalist sources %+v", j.Sources)
	}
}

func TestHandoutWithoutBaseURL(t *testing.T) {
	c := handoutChronicle()
	f := newWriter(c, Options{}).dayHandout(c.Days[0])
	if f.Address != "" || f.QR != "" {
		t.Errorf("address %q, QR %.40q without a base URL", f.Address, f.QR)
	}
}

func TestTrimText(t *testing.T) {
	for _, tc := range []struct {
		in   string
		n    int
		want string
	}{
		{"Short.", 20, "Short."},
		{"One sentence here. Another sentence that goes on and on.", 40, "One sentence here. Another sentence…"},
		{"A first sentence that is long enough. Then more words follow here.", 50, "A first sentence that is long enough."},
		{"Ünïcödé wörds ärë cöüntëd äs rünës nöt bytës at all", 20, "Ünïcödé wörds ärë…"},
	} {
		if got := trimText(tc.in, tc.n); got != tc.want {
			t.Errorf("trimText(%q, %d) = %q, want %q", tc.in, tc.n, got, tc.want)
		}
	}
}

// TestHandoutPagesWritten writes the pages and reads the handouts back: one
// per day and per person with a page, and the teachers' index.
func TestHandoutPagesWritten(t *testing.T) {
	c := handoutChronicle()
	dir := t.TempDir()
	if _, err := Write(c, dir, Options{BaseURL: "https://example.org/"}); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"handouts/_index.md", "handouts/days/2022-02-01.md", "handouts/people/anna-field.md",
		"handouts/people/ben-stone.md", "handouts/people/cara-reed.md"} {
		data, err := os.ReadFile(filepath.Join(dir, p))
		if err != nil {
			t.Error(err)
			continue
		}
		var front map[string]any
		if err := json.NewDecoder(strings.NewReader(string(data))).Decode(&front); err != nil {
			t.Errorf("%s: front matter: %v", p, err)
		}
		if p != "handouts/_index.md" && !strings.HasPrefix(front["qr_svg"].(string), "<svg") {
			t.Errorf("%s: no QR code", p)
		}
	}
}

// TestPersonHandoutOfManyDays: a person named on hundreds of days still gets
// their quotes on the handout, and the list of days stays short: the
// busiest days, with the count of all.
func TestPersonHandoutOfManyDays(t *testing.T) {
	c := &entry.Chronicle{People: []entry.Person{{ID: "pat-lee", Name: "Pat Lee", Kind: entry.InTheNews}}}
	base := time.Date(2022, 1, 1, 9, 0, 0, 0, time.UTC)
	add := func(day, n int) {
		e := entry.Entry{ID: fmt.Sprintf("e-%03d-%d", day, n), Publisher: "BBC News", PublisherID: "bbc",
			Time: base.Add(time.Duration(day)*24*time.Hour + time.Duration(n)*time.Minute), Kind: entry.KindPost,
			Title: fmt.Sprintf("Day %d", day), People: []string{"pat-lee"},
			Body:   []entry.Block{{Type: entry.BlockParagraph, Text: "Pat Lee spoke again."}},
			Quotes: []entry.Quote{{Text: fmt.Sprintf("Words of day %d", day), Speaker: "pat-lee"}}}
		c.Entries = append(c.Entries, e)
	}
	for day := 0; day < 200; day++ {
		add(day, 0)
		if day == 150 {
			for n := 1; n < 5; n++ {
				add(day, n)
			}
		}
	}
	f := newWriter(c, Options{}).personHandout(&c.People[0])
	if f.DayCount != 200 || len(f.Days) != handoutDays {
		t.Errorf("%d days listed of %d; want %d of 200", len(f.Days), f.DayCount, handoutDays)
	}
	busiest := false
	for i, d := range f.Days {
		if i > 0 && f.Days[i-1].Date >= d.Date {
			t.Errorf("days out of order: %s after %s", d.Date, f.Days[i-1].Date)
		}
		busiest = busiest || d.N == 5
	}
	if !busiest {
		t.Errorf("the day with 5 entries is not listed: %+v", f.Days)
	}
	// Day 150's five entries report the same words: one quote.
	if len(f.Quotes) < 5 || f.QuotesTotal != 200 {
		t.Errorf("%d quotes shown of %d; want at least 5 of 200", len(f.Quotes), f.QuotesTotal)
	}
}

// TestWithoutQuestions: the days and people whose handouts no editors'
// question is about, as `check` lists them; a question about an entry or a
// term does not count for the day or the person.
func TestWithoutQuestions(t *testing.T) {
	c := handoutChronicle()
	c.Days = append(c.Days, entry.Day{Date: "2022-02-03"})
	days, people := WithoutQuestions(c)
	if slices.Contains(days, "2022-02-01") || !slices.Contains(days, "2022-02-03") {
		t.Errorf("days without a question: %v", days)
	}
	if slices.Contains(people, "anna-field") || !slices.Contains(people, "ben-stone") {
		t.Errorf("people without a question: %v", people)
	}
}

// TestHandoutDescriptionKeepsNames: a handout's description says what the
// handout holds, questions only when it has some, and prints a name as
// written, "%" and all.
func TestHandoutDescriptionKeepsNames(t *testing.T) {
	c := handoutChronicle()
	c.People[1].Name = "Ben 100% Stone"
	w := newWriter(c, Options{})
	anna, ben := w.personHandout(&c.People[0]), w.personHandout(&c.People[1])
	if !strings.Contains(anna.Description, "questions for discussion") {
		t.Errorf("a handout with questions: %q", anna.Description)
	}
	if want := "A two-page handout on Ben 100% Stone: what the live pages quote and say of them, a glossary, room for notes and the sources."; ben.Description != want {
		t.Errorf("description %q, want %q", ben.Description, want)
	}
}
