package export

import (
	"crypto/sha256"
	"encoding/hex"
	"time"

	"chronicle/generator/entry"
)

// Dataset is what the exports describe: the entries, the captures they were
// read from, and where each entry is published.
type Dataset struct {
	Entries  []entry.Entry
	Captures []entry.Capture
	// Address is an entry's permanent address: absolute where the site has
	// a public address, else relative to the site's root. Nil for none.
	Address func(id string) string
	// Chronicle is the chronicle's title, and Accessed the day its
	// citations are made for (today when zero), for the CSL-JSON.
	Chronicle string
	Accessed  time.Time
}

// Record is one entry as the exports write it: the model's entry with the
// facts a reader of the data needs beside it.
type Record struct {
	ID            string `json:"id"`
	Address       string `json:"address"`
	Capture       string `json:"capture"`
	CaptureSHA256 string `json:"capture_sha256"`
	Publisher     string `json:"publisher"`
	PublisherID   string `json:"publisher_id"`
	// Time is the instant in UTC; LocalTime the same instant in the zone
	// the page printed it in, ISO 8601 with its offset; TimePrinted the time
	// as the page printed it; Zone the IANA name of that zone.
	Time        time.Time      `json:"time"`
	LocalTime   string         `json:"local_time"`
	TimePrinted string         `json:"time_printed"`
	Zone        string         `json:"zone"`
	Title       string         `json:"title"`
	Kind        entry.Kind     `json:"kind"`
	Number      int            `json:"number,omitempty"`
	Authors     []entry.Author `json:"authors"`
	Body        []entry.Block  `json:"body"`
	Text        string         `json:"text"` // the words of the body (entry.ProseText)
	Lines       [2]int         `json:"lines"`
	People      []string       `json:"people,omitempty"`
	Quotes      []entry.Quote  `json:"quotes,omitempty"`
	Threads     []string       `json:"threads,omitempty"`
}

// Records makes the dataset's records, in the order of its entries.
func Records(ds Dataset) []Record {
	captures := map[string]*entry.Capture{}
	sums := map[string]string{}
	for i := range ds.Captures {
		c := &ds.Captures[i]
		captures[c.File] = c
		sum := sha256.Sum256([]byte(c.Source))
		sums[c.File] = hex.EncodeToString(sum[:])
	}
	out := make([]Record, len(ds.Entries))
	for i := range ds.Entries {
		e := &ds.Entries[i]
		zone := entry.ZoneOf(e, captures[e.Capture])
		r := Record{
			ID: e.ID, Capture: e.Capture, CaptureSHA256: sums[e.Capture], Publisher: e.Publisher, PublisherID: e.PublisherID,
			Time: e.Time.UTC(), LocalTime: localTime(e.Time, zone), TimePrinted: e.LocalTime, Zone: zone,
			Title: e.Title, Kind: e.Kind, Number: e.Number, Authors: e.Authors, Body: e.Body, Text: e.ProseText(),
			Lines: e.Lines, People: e.People, Quotes: e.Quotes, Threads: e.Threads,
		}
		r.Authors = credits(e.Authors)
		if r.Body == nil {
			r.Body = []entry.Block{}
		}
		if ds.Address != nil {
			r.Address = ds.Address(e.ID)
		}
		out[i] = r
	}
	return out
}

// localTime is the instant in the named zone, ISO 8601 with its offset.
func localTime(t time.Time, zone string) string {
	loc, err := entry.Location(zone)
	if err != nil {
		loc = time.UTC
	}
	return t.In(loc).Format("2006-01-02T15:04:05-07:00")
}

// credits are an entry's authors as the export gives them: each with its
// kind spelled out, "person" or "source", so a reader of the data need
// not know that an empty kind is a person.
func credits(as []entry.Author) []entry.Author {
	out := make([]entry.Author, len(as))
	for i, a := range as {
		if a.Kind == "" {
			a.Kind = CreditPerson
		}
		out[i] = a
	}
	return out
}

// CreditPerson is the kind the export gives an author who is a person
// (entry.SourceCredit is the other).
const CreditPerson = "person"
