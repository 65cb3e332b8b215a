// Package cite makes the citations of an entry: the APA, Chicago and MLA
// texts its page shows, the BibTeX and RIS records it offers for download,
// and its CSL-JSON item, from which citeproc-js renders the same APA text
// (a test holds the two together).
package cite

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"chronicle/generator/entry"
)

// Work is what a citation of an entry says.
type Work struct {
	ID          string         // the entry's ID
	Title       string         // as published; "" when the page gave none
	Authors     []entry.Author // the byline
	Publisher   string
	Issued      time.Time // the entry's instant, in the zone it was printed in
	TimePrinted string    // the time as the page printed it
	PageURL     string    // the live page's address, "" when unknown
	Address     string    // the entry's permanent address in the chronicle, "" when the site has none
	Chronicle   string    // the chronicle's title
	Accessed    time.Time // the date the citation is made for
}

// Genre is how the citation describes what an entry is.
const Genre = "Live blog post"

// Of makes the work of an entry read from capture c (nil when unknown), in
// the chronicle called chronicle, at address, cited on the day accessed.
func Of(e *entry.Entry, c *entry.Capture, zone, address, chronicle string, accessed time.Time) Work {
	loc, err := entry.Location(zone)
	if err != nil {
		loc = time.UTC
	}
	w := Work{ID: e.ID, Title: e.Title, Authors: e.Authors, Publisher: e.Publisher, Issued: e.Time.In(loc),
		TimePrinted: e.LocalTime, Address: address, Chronicle: chronicle, Accessed: accessed}
	if c != nil {
		w.PageURL = c.PageURL
	}
	return w
}

// title is the work's title, or what stands for it.
func (w Work) title() string {
	if w.Title == "" {
		return "Untitled entry at " + w.TimePrinted
	}
	return w.Title
}

// genre is the description in brackets: what it is, and when it was
// printed.
func (w Work) genre() string { return Genre + ", " + w.TimePrinted }

// name is an author's name cut into family and given names: the last word
// is the family name ("Barbara Plett Usher": Usher, Barbara Plett). A
// source's name is not cut: it is literal, in family ("BBC Monitoring").
type name struct {
	family, given string
	literal       bool
}

func nameOf(a entry.Author) name {
	s := strings.TrimSpace(a.Name)
	if a.IsSource() {
		return name{family: s, literal: true}
	}
	i := strings.LastIndex(s, " ")
	if i < 0 {
		return name{family: s}
	}
	return name{family: s[i+1:], given: s[:i]}
}

// initials are a given name's initials, as APA writes them: "Paul" P.,
// "Barbara Plett" B. P., "Jean-Pierre" J.-P.
func initials(given string) string {
	var words []string
	for _, w := range strings.Fields(given) {
		var parts []string
		for _, p := range strings.Split(w, "-") {
			if r, _ := utf8.DecodeRuneInString(p); r != utf8.RuneError {
				parts = append(parts, string(unicode.ToUpper(r))+".")
			}
		}
		words = append(words, strings.Join(parts, "-"))
	}
	return strings.Join(words, " ")
}

// endsWithStop reports whether s ends with a mark that ends a sentence, so
// that no full stop follows it (an ellipsis is not one: citeproc-js puts a
// full stop after it).
func endsWithStop(s string) bool {
	s = strings.TrimRight(s, "”’")
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!")
}

// sentence is s with a full stop after it unless it has one; after a
// closing quotation mark the stop goes inside it, as American English
// puts it (and citeproc-js does): “step back.”
func sentence(s string) string {
	if endsWithStop(s) {
		return s
	}
	if q := strings.TrimRight(s, "”’"); q != s {
		return q + "." + s[len(q):]
	}
	return s + "."
}
