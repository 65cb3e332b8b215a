package importer

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"chronicle/generator/importer/capture"
)

// Explain writes, for every line of the capture named file (its base name,
// as problems give it), where the reader put it: which entry and field, the
// page's own fields, which boilerplate, or nowhere ("UNPLACED"), so that an
// editor can see at a glance why a capture was read as it was. It reports
// false when the result holds no such capture.
func Explain(w io.Writer, res *Result, file string) bool {
	for _, d := range res.Docs {
		if d.Capture.File != file {
			continue
		}
		ids := map[[2]int]string{} // an entry's lines → its ID
		for _, e := range res.Entries {
			if e.Capture == file {
				ids[e.Lines] = e.ID
			}
		}
		fmt.Fprintf(w, "%s (%s, %d lines, %d entries)\n", file, d.Capture.Format, d.Len(), len(d.Entries))
		for n := 1; n <= d.Len(); n++ {
			if d.Blank(n) {
				fmt.Fprintf(w, "%5d\n", n)
				continue
			}
			fmt.Fprintf(w, "%5d  %-60s  %s\n", n, where(d.UseOf(n), ids, d), excerpt(d.Line(n), 50))
		}
		return true
	}
	return false
}

// where says where a line went.
func where(u *capture.Use, ids map[[2]int]string, d *capture.Doc) string {
	switch {
	case u == nil:
		return "UNPLACED"
	case u.Entry < 0:
		if strings.HasPrefix(u.Field, "boilerplate") {
			return u.Field
		}
		return "page · " + strings.TrimPrefix(u.Field, "page:")
	}
	id := ids[d.Entries[u.Entry].Lines]
	if id == "" {
		id = fmt.Sprintf("entry %d", u.Entry+1)
	}
	return id + " · " + u.Field
}

// excerpt is the start of a line, at most n runes, tabs and runs of spaces
// shown as one space.
func excerpt(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
