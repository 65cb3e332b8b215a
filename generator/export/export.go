// Package export writes entries as data for researchers: a JSON array, a
// CSV table, CSL-JSON for reference managers, and a datapackage.json that
// describes them (Frictionless Data Package), oldest first.
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
var Formats = []string{"json", "csv", "csl"}

// Write writes the dataset in the named format.
func Write(w io.Writer, format string, ds Dataset) error {
	switch format {
	case "json":
		return JSON(w, ds)
	case "csv":
		return CSV(w, ds)
	case "csl":
		return CSLJSON(w, ds, "  ")
	}
	return fmt.Errorf("export: unknown format %q (json, csv or csl)", format)
}

// JSON writes the records as an indented JSON array. Empty lists are
// written as [] rather than null, so that every object has the same shape.
func JSON(w io.Writer, ds Dataset) error { return writeJSON(w, Records(ds), "  ") }

// CompactJSON writes the same array as JSON without indentation or spaces:
// the site's download, which would otherwise need minifying.
func CompactJSON(w io.Writer, ds Dataset) error { return writeJSON(w, Records(ds), "") }

func writeJSON(w io.Writer, v any, indent string) error {
	enc := json.NewEncoder(w)
	if indent != "" {
		enc.SetIndent("", indent)
	}
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// Column is one column of the CSV export, as datapackage.json describes it.
type Column struct {
	Name        string
	Type        string // a Table Schema type: string, integer, datetime
	Description string
	value       func(r *Record) string
}

// Columns are the CSV export's columns, in order.
var Columns = []Column{
	{"id", "string", "The entry's ID: its UTC date and time, publisher and first words of its title; stable across builds.", func(r *Record) string { return r.ID }},
	{"address", "string", "The entry's permanent address in the chronicle (relative to the site's root when the site has no public address).", func(r *Record) string { return r.Address }},
	{"capture", "string", "The file name of the capture the entry was read from.", func(r *Record) string { return r.Capture }},
	{"capture_sha256", "string", "The SHA-256 of the capture file, hexadecimal: the bytes the entry was read from.", func(r *Record) string { return r.CaptureSHA256 }},
	{"publisher", "string", "The publisher of the live page.", func(r *Record) string { return r.Publisher }},
	{"publisher_id", "string", "The publisher's ID in the chronicle.", func(r *Record) string { return r.PublisherID }},
	{"time", "datetime", "The instant of the entry, in UTC (ISO 8601).", func(r *Record) string { return r.Time.Format(time.RFC3339) }},
	{"local_time", "string", "The same instant in the zone the page printed it in, ISO 8601 with its offset.", func(r *Record) string { return r.LocalTime }},
	{"time_printed", "string", "The time as the live page printed it.", func(r *Record) string { return r.TimePrinted }},
	{"zone", "string", "The IANA name of the zone the page printed the time in.", func(r *Record) string { return r.Zone }},
	{"title", "string", "The entry's title; empty when the page gave it none.", func(r *Record) string { return r.Title }},
	{"kind", "string", "What sort of post it is: post, analysis, breaking, summary, key-points, stub, or a marker the page printed.", func(r *Record) string { return string(r.Kind) }},
	{"authors", "string", "The names of the byline, joined by \"; \".", func(r *Record) string { return joinAuthors(r.Authors, func(a entry.Author) string { return a.Name }) }},
	{"author_roles", "string", "The role of each name of the byline, in the same order, joined by \"; \" (empty where none is printed).", func(r *Record) string { return joinAuthors(r.Authors, func(a entry.Author) string { return a.Role }) }},
	{"author_kinds", "string", "What each name of the byline is, in the same order, joined by \"; \": person (a journalist) or source (a programme, channel, institution or desk credited in a journalist's place).", func(r *Record) string { return joinAuthors(r.Authors, func(a entry.Author) string { return a.Kind }) }},
	{"first_line", "integer", "The first line of the capture the entry came from.", func(r *Record) string { return strconv.Itoa(r.Lines[0]) }},
	{"last_line", "integer", "The last line of the capture the entry came from.", func(r *Record) string { return strconv.Itoa(r.Lines[1]) }},
	{"people", "string", "The IDs of the people the entry names, joined by spaces.", func(r *Record) string { return strings.Join(r.People, " ") }},
	{"quotes", "string", "The entry's attributed quotes as \"speaker ID: text\", joined by \" | \".", func(r *Record) string { return quotes(r.Quotes) }},
	{"threads", "string", "The IDs of the story threads the entry is part of, joined by spaces.", func(r *Record) string { return strings.Join(r.Threads, " ") }},
	{"text", "string", "The words of the entry: paragraphs, list items and quotes, without markup; figures and embeds are in the JSON's body blocks.", func(r *Record) string { return r.Text }},
}

// CSVHeader is the first row of the CSV export.
func CSVHeader() []string {
	out := make([]string, len(Columns))
	for i, c := range Columns {
		out[i] = c.Name
	}
	return out
}

// CSV writes one row per entry.
func CSV(w io.Writer, ds Dataset) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVHeader()); err != nil {
		return err
	}
	rs := Records(ds)
	row := make([]string, len(Columns))
	for i := range rs {
		for k, c := range Columns {
			row[k] = c.value(&rs[i])
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// joinAuthors joins one field of each author by "; ".
func joinAuthors(as []entry.Author, field func(entry.Author) string) string {
	out := make([]string, len(as))
	for i, a := range as {
		out[i] = field(a)
	}
	return strings.Join(out, "; ")
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
