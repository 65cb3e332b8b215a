package cite

import (
	"fmt"
	"strings"
	"time"
)

// Item is the work as a CSL-JSON item (the Citation Style Language's data
// model, which Zotero, citeproc-js and pandoc read).
type Item struct {
	ID             string    `json:"id"`
	Type           string    `json:"type"`
	Title          string    `json:"title"`
	Author         []CSLName `json:"author,omitempty"`
	ContainerTitle string    `json:"container-title,omitempty"`
	Publisher      string    `json:"publisher,omitempty"`
	Genre          string    `json:"genre"`
	Issued         CSLDate   `json:"issued"`
	Accessed       CSLDate   `json:"accessed"`
	URL            string    `json:"URL,omitempty"`
	Status         string    `json:"status,omitempty"` // the live page's address, as APA shows it
	Archive        string    `json:"archive,omitempty"`
}

// CSLName is a name of a CSL item: a person's family and given names, or
// an organisation's name as one literal.
type CSLName struct {
	Family  string `json:"family,omitempty"`
	Given   string `json:"given,omitempty"`
	Literal string `json:"literal,omitempty"`
}

// CSLDate is a date of a CSL item: [[year, month, day]].
type CSLDate struct {
	DateParts [][3]int `json:"date-parts"`
}

func cslDate(t time.Time) CSLDate { return CSLDate{[][3]int{{t.Year(), int(t.Month()), t.Day()}}} }

// CSL is the work as a CSL-JSON item, of the type post-weblog.
func (w Work) CSL() Item {
	it := Item{ID: w.ID, Type: "post-weblog", Title: w.title(), ContainerTitle: w.Publisher, Publisher: w.Publisher,
		Genre: w.genre(), Issued: cslDate(w.Issued), Accessed: cslDate(w.Accessed), URL: w.Address, Archive: w.Chronicle}
	for _, a := range w.Authors {
		if n := nameOf(a); n.literal {
			it.Author = append(it.Author, CSLName{Literal: n.family})
		} else {
			it.Author = append(it.Author, CSLName{Family: n.family, Given: n.given})
		}
	}
	if w.PageURL != "" {
		it.Status = "Originally at " + w.PageURL
	}
	return it
}

// BibTeX is the work as a BibTeX record (@online, as biblatex has it; BibTeX
// itself reads it as @misc).
func (w Work) BibTeX() string {
	var b strings.Builder
	fmt.Fprintf(&b, "@online{%s,\n", w.ID)
	field := func(k, v string) {
		if v != "" {
			fmt.Fprintf(&b, "  %s = {%s},\n", k, texEscape(v))
		}
	}
	var names []string
	for _, a := range w.Authors {
		n := nameOf(a)
		if n.literal { // braced, so that BibTeX keeps an organisation's name whole
			names = append(names, "{"+texEscape(n.family)+"}")
			continue
		}
		names = append(names, texEscape(strings.TrimSuffix(n.family+", "+n.given, ", ")))
	}
	if len(names) > 0 {
		fmt.Fprintf(&b, "  author = {%s},\n", strings.Join(names, " and "))
	}
	field("title", w.title())
	field("organization", w.Publisher)
	field("date", w.Issued.Format(time.DateOnly))
	field("year", w.Issued.Format("2006"))
	field("month", strings.ToLower(w.Issued.Format("Jan")))
	if w.Address != "" {
		fmt.Fprintf(&b, "  url = {%s},\n", urlEscape(w.Address)) // biblatex reads a url verbatim
	}
	field("urldate", w.Accessed.Format(time.DateOnly))
	note := w.genre() + "."
	if w.PageURL != "" {
		note += " Originally at " + w.PageURL + "."
	}
	if w.Chronicle != "" {
		note += " In " + sentence(w.Chronicle)
	}
	field("note", note)
	b.WriteString("}\n")
	return b.String()
}

// urlEscape percent-encodes what would end or break a verbatim field.
func urlEscape(u string) string {
	return strings.NewReplacer("{", "%7B", "}", "%7D", `\`, "%5C", " ", "%20").Replace(u)
}

// texEscape escapes the characters TeX treats as commands.
func texEscape(s string) string { return texEscaper.Replace(s) }

var texEscaper = strings.NewReplacer(`\`, `\textbackslash{}`, "{", `\{`, "}", `\}`, "%", `\%`, "&", `\&`, "$", `\$`, "#", `\#`, "_", `\_`, "~", `\textasciitilde{}`, "^", `\textasciicircum{}`)

// RIS is the work as an RIS record (the tagged format of reference
// managers), of the type BLOG, its lines ended by CR LF as the format asks.
func (w Work) RIS() string {
	var b strings.Builder
	tag := func(t, v string) {
		if v != "" {
			fmt.Fprintf(&b, "%s  - %s\r\n", t, v)
		}
	}
	tag("TY", "BLOG")
	tag("ID", w.ID)
	tag("TI", w.title())
	for _, a := range w.Authors {
		n := nameOf(a)
		tag("AU", strings.TrimSuffix(n.family+", "+n.given, ", "))
	}
	tag("T2", w.Publisher)
	tag("PB", w.Publisher)
	tag("PY", w.Issued.Format("2006"))
	tag("DA", w.Issued.Format("2006/01/02"))
	tag("UR", w.Address)
	tag("Y2", w.Accessed.Format("2006/01/02"))
	tag("M3", w.genre())
	if w.PageURL != "" {
		tag("N1", "Originally at "+w.PageURL)
	}
	tag("DB", w.Chronicle)
	b.WriteString("ER  - \r\n")
	return b.String()
}
