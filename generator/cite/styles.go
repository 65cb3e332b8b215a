package cite

import (
	"fmt"
	"strings"
	"time"

	"chronicle/generator/entry"
)

// APA is the work in the style of the American Psychological Association
// (7th edition), as citeproc-js renders the work's CSL item with the APA
// style: authors, date, title with what it is and when it was printed, the
// publisher, the live page's address, the chronicle and its address.
func (w Work) APA() string {
	var parts []string
	title := Quotes(w.title())
	date := fmt.Sprintf("(%d, %s %d).", w.Issued.Year(), w.Issued.Month(), w.Issued.Day())
	if len(w.Authors) > 0 {
		parts = append(parts, sentence(apaAuthors(w.Authors)), date, title+" ["+w.genre()+"].")
	} else {
		parts = append(parts, sentence(title), date, "["+w.genre()+"].")
	}
	if w.Publisher != "" {
		parts = append(parts, sentence(w.Publisher))
	}
	if w.PageURL != "" {
		parts = append(parts, "Originally at "+w.PageURL+".")
	}
	if w.Chronicle != "" {
		parts = append(parts, sentence(w.Chronicle))
	}
	if w.Address != "" {
		parts = append(parts, w.Address)
	}
	return strings.Join(parts, " ")
}

// apaAuthors: "Adams, P.", "Adams, P., & Doucet, L.", "A, B, & C".
func apaAuthors(as []entry.Author) string {
	names := make([]string, len(as))
	for i, a := range as {
		n := nameOf(a)
		names[i] = n.family
		if n.given != "" {
			names[i] += ", " + initials(n.given)
		}
	}
	switch len(names) {
	case 1:
		return names[0]
	case 2:
		return names[0] + ", & " + names[1]
	}
	return strings.Join(names[:len(names)-1], ", ") + ", & " + names[len(names)-1]
}

// Chicago is the work in the Chicago style (17th edition, notes and
// bibliography: a bibliography entry).
func (w Work) Chicago() string {
	var parts []string
	if len(w.Authors) > 0 {
		parts = append(parts, sentence(fullAuthors(w.Authors, "and")))
	}
	parts = append(parts, quoted(w.title()))
	when := fmt.Sprintf("%s %d, %d, %s", w.Issued.Month(), w.Issued.Day(), w.Issued.Year(), w.TimePrinted)
	parts = append(parts, w.Publisher+", "+strings.ToLower(Genre)+", "+when+".")
	if w.PageURL != "" {
		parts = append(parts, "Originally at "+w.PageURL+".")
	}
	if w.Chronicle != "" {
		parts = append(parts, "In "+sentence(w.Chronicle))
	}
	parts = append(parts, fmt.Sprintf("Accessed %s %d, %d.", w.Accessed.Month(), w.Accessed.Day(), w.Accessed.Year()))
	if w.Address != "" {
		parts = append(parts, w.Address+".")
	}
	return strings.Join(parts, " ")
}

// MLA is the work in the style of the Modern Language Association (9th
// edition).
func (w Work) MLA() string {
	var parts []string
	switch {
	case len(w.Authors) > 2:
		parts = append(parts, fullAuthors(w.Authors[:1], "and")+", et al.")
	case len(w.Authors) > 0:
		parts = append(parts, sentence(fullAuthors(w.Authors, "and")))
	}
	parts = append(parts, quoted(w.title()))
	parts = append(parts, fmt.Sprintf("%s, %d %s %d, %s.", w.Publisher, w.Issued.Day(), mlaMonth(w.Issued.Month()), w.Issued.Year(), w.TimePrinted))
	if w.PageURL != "" {
		parts = append(parts, "Originally at "+bare(w.PageURL)+".")
	}
	container := w.Chronicle
	if w.Address != "" {
		container += ", " + bare(w.Address)
	}
	if container != "" {
		parts = append(parts, strings.TrimPrefix(container, ", ")+".")
	}
	parts = append(parts, fmt.Sprintf("Accessed %d %s %d.", w.Accessed.Day(), mlaMonth(w.Accessed.Month()), w.Accessed.Year()))
	return strings.Join(parts, " ")
}

// quoted is a title in quotation marks, as Chicago and MLA set it, with
// the full stop inside: its own quotations in single marks, and no stop
// after its own question or exclamation mark.
func quoted(title string) string {
	t := strings.NewReplacer("“", "‘", "”", "’").Replace(Quotes(title))
	return "“" + sentence(t) + "”" // “… ‘step back.’”, as American English has it
}

// fullAuthors: "Adams, Paul", "Adams, Paul, and Lyse Doucet", "Adams,
// Paul, Lyse Doucet, and Jo Bell": the first name inverted.
func fullAuthors(as []entry.Author, and string) string {
	names := make([]string, len(as))
	for i, a := range as {
		names[i] = a.Name
		if i == 0 {
			if n := nameOf(a); n.given != "" {
				names[i] = n.family + ", " + n.given
			}
		}
	}
	switch len(names) {
	case 1:
		return names[0]
	case 2:
		return names[0] + ", " + and + " " + names[1]
	}
	return strings.Join(names[:len(names)-1], ", ") + ", " + and + " " + names[len(names)-1]
}

// mlaMonth abbreviates a month as MLA does: Jan., Feb., …, May, June, July, Sept.
func mlaMonth(m time.Month) string {
	switch m {
	case time.May, time.June, time.July:
		return m.String()
	case time.September:
		return "Sept."
	}
	return m.String()[:3] + "."
}

// bare is an address without its scheme, as MLA writes it.
func bare(url string) string {
	return strings.TrimPrefix(strings.TrimPrefix(url, "https://"), "http://")
}
