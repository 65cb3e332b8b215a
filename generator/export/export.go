// Package export writes entries as data for researchers: a JSON array and a
// CSV table, oldest first.
package export

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"chronicle/generator/entry"
)

// Formats lists the export formats.
var Formats = []string{"json", "csv"}

// Write writes the entries in the named format.
func Write(w io.Writer, format string, entries []entry.Entry) error {
	switch format {
	case "json":
		return JSON(w, entries)
	case "csv":
		return CSV(w, entries)
	}
	return fmt.Errorf("export: unknown format %q (json or csv)", format)
}

// JSON writes the entries as an indented JSON array. Empty lists are written
// as [] rather than null, so that every object has the same shape.
func JSON(w io.Writer, entries []entry.Entry) error { return writeJSON(w, entries, "  ") }

// CompactJSON writes the same array as JSON without indentation or spaces:
// the site's download, which would otherwise need minifying.
func CompactJSON(w io.Writer, entries []entry.Entry) error { return writeJSON(w, entries, "") }

func writeJSON(w io.Writer, entries []entry.Entry, indent string) error {
	out := make([]entry.Entry, len(entries))
	for i, e := range entries {
		if e.Authors == nil {
			e.Authors = []entry.Author{}
		}
		if e.Body == nil {
			e.Body = []entry.Block{}
		}
		e.Time = e.Time.UTC()
		out[i] = e
	}
	enc := json.NewEncoder(w)
	if indent != "" {
		enc.SetIndent("", indent)
	}
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

// CSVHeader is the first row of the CSV export.
var CSVHeader = []string{"id", "capture", "publisher", "time", "local_time", "title", "kind", "authors", "first_line", "last_line", "people", "quotes", "threads", "text"}

// CSV writes one row per entry; authors are "Name (Role)" joined by "; ",
// the body is plain text.
func CSV(w io.Writer, entries []entry.Entry) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVHeader); err != nil {
		return err
	}
	for i := range entries {
		e := &entries[i]
		var authors []string
		for _, a := range e.Authors {
			if a.Role != "" {
				authors = append(authors, a.Name+" ("+a.Role+")")
			} else {
				authors = append(authors, a.Name)
			}
		}
		row := []string{
			e.ID, e.Capture, e.Publisher, e.Time.UTC().Format(time.RFC3339), e.LocalTime, e.Title, string(e.Kind),
			strings.Join(authors, "; "), strconv.Itoa(e.Lines[0]), strconv.Itoa(e.Lines[1]),
			strings.Join(e.People, " "), quotes(e.Quotes), strings.Join(e.Threads, " "), e.PlainText(),
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// quotes writes an entry's attributed quotes as "speaker: text", joined by
// " | ".
func quotes(qs []entry.Quote) string {
	var out []string
	for _, q := range qs {
		out = append(out, q.Speaker+": "+q.Text)
	}
	return strings.Join(out, " | ")
}
