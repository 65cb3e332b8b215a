package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"chronicle/generator/entry"
	"chronicle/internal/seeds"
	"chronicle/internal/testenv"
)

const root = "../.."

// seedDataset is the dataset of the seeds as a site at example.org publishes it.
func seedDataset(t *testing.T) Dataset {
	t.Helper()
	res := seeds.Import(t, root)
	return Dataset{Entries: res.Entries, Captures: res.Captures, Chronicle: "Seeds",
		Accessed: time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC),
		Address:  func(id string) string { return "https://chronicle.example.org/entries/" + id + ".html" }}
}

// TestDataExplainsItself: every record has its address, its capture's
// SHA-256, one shape of local time, an IANA zone, and text without markup.
func TestDataExplainsItself(t *testing.T) {
	ds := seedDataset(t)
	for _, r := range Records(ds) {
		if !strings.HasPrefix(r.Address, "https://chronicle.example.org/entries/"+r.ID) || len(r.CaptureSHA256) != 64 {
			t.Errorf("%s: address %q, capture SHA-256 %q", r.ID, r.Address, r.CaptureSHA256)
		}
		if lt, err := time.Parse("2006-01-02T15:04:05-07:00", r.LocalTime); err != nil || !lt.Equal(r.Time) {
			t.Errorf("%s: local_time %q is not the instant %v in ISO 8601 (%v)", r.ID, r.LocalTime, r.Time, err)
		}
		if r.Zone != "Europe/London" {
			t.Errorf("%s: zone %q, want the IANA name", r.ID, r.Zone)
		}
		if strings.Contains(r.Text, "[Photo") || strings.Contains(r.Text, "[Video") || strings.Contains(r.Text, "• ") {
			t.Errorf("%s: text with markup: %q", r.ID, r.Text)
		}
	}
}

// TestZoneOf: a zone printed by its abbreviation is the capture's IANA
// zone when the two agree; UTC when they do not.
func TestZoneOf(t *testing.T) {
	winter := time.Date(2022, 2, 1, 12, 0, 0, 0, time.UTC)
	summer := time.Date(2022, 7, 1, 12, 0, 0, 0, time.UTC)
	london := &entry.Capture{TimeZone: "Europe/London"}
	for _, tt := range []struct {
		zone string
		at   time.Time
		c    *entry.Capture
		want string
	}{
		{"GMT", winter, london, "Europe/London"},
		{"BST", summer, london, "Europe/London"},
		{"GMT", summer, london, "UTC"}, // GMT in July is not London's time
		{"Asia/Tokyo", winter, london, "Asia/Tokyo"},
		{"GMT", winter, nil, "UTC"},
		{"+00:00", winter, london, "Europe/London"}, // a format file's fixed offset that agrees
		{"-04:00", winter, london, "Etc/GMT+4"},     // one that does not: the IANA zone of the offset
		{"+05:30", winter, london, "UTC"},           // no IANA zone: UTC
		{"UTC+3", winter, london, "Etc/GMT-3"},      // an offset as a [zones] table may name it
		{"+01:00", summer, london, "Europe/London"},
	} {
		e := &entry.Entry{Zone: tt.zone, Time: tt.at}
		if got := entry.ZoneOf(e, tt.c); got != tt.want {
			t.Errorf("ZoneOf(%s at %v) = %s, want %s", tt.zone, tt.at, got, tt.want)
		}
	}
}

// TestCSVColumns: the CSV has the schema's columns, authors' names and
// roles in two columns.
func TestCSVColumns(t *testing.T) {
	ds := seedDataset(t)
	var b bytes.Buffer
	if err := CSV(&b, ds); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil || len(rows) != len(ds.Entries)+1 {
		t.Fatalf("%d rows, %v", len(rows), err)
	}
	col := map[string]int{}
	for i, name := range rows[0] {
		col[name] = i
	}
	for _, r := range rows[1:] {
		if r[col["id"]] == "2022-02-01-1843-bbc-putins-threat-of-force-gets-us" {
			if r[col["authors"]] != "Paul Adams" || r[col["author_roles"]] != "BBC diplomatic correspondent" || r[col["kind"]] != "analysis" {
				t.Errorf("the Analysis by Paul Adams: authors %q, roles %q, kind %q", r[col["authors"]], r[col["author_roles"]], r[col["kind"]])
			}
			return
		}
	}
	t.Error("no row for the Analysis by Paul Adams")
}

// TestDataPackageValidates: the Frictionless Data libraries find the
// descriptor valid and load the CSV with the types its schema gives.
func TestDataPackageValidates(t *testing.T) {
	ds := seedDataset(t)
	dir := t.TempDir()
	for name, write := range map[string]func(*bytes.Buffer) error{
		"entries.csv":      func(b *bytes.Buffer) error { return CSV(b, ds) },
		"entries.json":     func(b *bytes.Buffer) error { return CompactJSON(b, ds) },
		"entries.csl.json": func(b *bytes.Buffer) error { return CSLJSON(b, ds, "") },
		DataPackageFile:    func(b *bytes.Buffer) error { return DataPackage(b, ds) },
	} {
		var b bytes.Buffer
		if err := write(&b); err != nil {
			t.Fatal(err)
		}
		testenv.WriteFile(t, dir, name, b.Bytes())
	}
	out := testenv.Node(t, root, "datapackage", "datapackage-check.js", dir)
	var got struct {
		Valid  bool              `json:"valid"`
		Errors []string          `json:"errors"`
		Rows   int               `json:"rows"`
		Types  map[string]string `json:"types"`
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatal(err)
	}
	if !got.Valid || got.Rows != len(ds.Entries) {
		t.Fatalf("valid %v (%v), %d rows of %d", got.Valid, got.Errors, got.Rows, len(ds.Entries))
	}
	for name, want := range map[string]string{"time": "date", "first_line": "number", "last_line": "number", "id": "string", "local_time": "string"} {
		if got.Types[name] != want {
			t.Errorf("column %s loads as %s, want %s", name, got.Types[name], want)
		}
	}
}

// TestRecordsWithoutAddress: a site with no public address gives its
// entries' paths in the data, and no address in their citations.
func TestRecordsWithoutAddress(t *testing.T) {
	ds := seedDataset(t)
	ds.Address = func(id string) string { return "entries/" + id + ".html" }
	if r := Records(ds)[0]; !strings.HasPrefix(r.Address, "entries/") {
		t.Errorf("address %q", r.Address)
	}
	for _, w := range Works(ds) {
		if w.Address != "" || strings.Contains(w.BibTeX(), "url =") || strings.Contains(w.RIS(), "UR  -") {
			t.Fatalf("%s cites the path %q", w.ID, w.Address)
		}
	}
}
