package importer

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"chronicle/generator/diag"
	"chronicle/generator/entry"
	"chronicle/generator/importer/capture"
	"chronicle/generator/tomlfile"
)

// Sidecar is what a capture's .toml file says about the page: the facts the
// text does not print. Unknown facts stay empty.
type Sidecar struct {
	Publisher   string `toml:"publisher"`
	PublisherID string `toml:"publisher_id"`
	Via         string `toml:"via"`
	PageTitle   string `toml:"page_title"`
	PageURL     string `toml:"page_url"`
	ArchiveURL  string `toml:"archive_url"` // an archived copy of the page, e.g. in a web archive
	PageDate    string `toml:"page_date"`
	TimeZone    string `toml:"time_zone"`
	Format      string `toml:"format"`
	// CapturedAt is when the page was copied: a TOML date-time with its
	// offset (2022-02-24T09:30:00Z) or the same as a string.
	CapturedAt any    `toml:"captured_at"`
	capturedAt string // CapturedAt checked, as RFC 3339 in UTC
}

// SidecarPath is the sidecar's path for a capture: 000_x.txt → 000_x.toml.
func SidecarPath(capturePath string) string {
	return strings.TrimSuffix(capturePath, ".txt") + ".toml"
}

// readSidecar reads and checks a capture's sidecar. It returns nil and no
// problems when there is none.
func readSidecar(path string, reg registry) (*Sidecar, []capture.Problem) {
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	name := baseName(path)
	if err != nil {
		return nil, []capture.Problem{{File: name, Line: 1, Severity: capture.Error, Code: diag.Other, Message: err.Error()}}
	}
	var sc Sidecar
	if err := tomlfile.Decode(name, data, &sc); err != nil {
		return nil, tomlProblems(err)
	}
	var problems []capture.Problem
	bad := func(key string, code diag.Code, msg string) {
		problems = append(problems, capture.Problem{File: name, Line: tomlfile.KeyLine(data, key), Severity: capture.Error, Code: code, Message: msg})
	}
	if sc.PublisherID != "" {
		if err := entry.CheckID(sc.PublisherID); err != nil {
			bad("publisher_id", diag.BadID, "publisher_id: "+err.Error())
		}
	}
	if sc.PageDate != "" {
		if _, err := time.Parse("2006-01-02", sc.PageDate); err != nil {
			bad("page_date", diag.BadSidecar, fmt.Sprintf("page_date %q is not a date (YYYY-MM-DD)", sc.PageDate))
		}
	}
	if sc.TimeZone != "" {
		if _, err := time.LoadLocation(sc.TimeZone); err != nil || sc.TimeZone == "Local" {
			bad("time_zone", diag.BadSidecar, fmt.Sprintf("unknown time zone %q (use an IANA name such as Europe/London)", sc.TimeZone))
		}
	}
	if sc.Format != "" {
		if _, ok := reg.byName(sc.Format); !ok {
			bad("format", diag.Format, fmt.Sprintf("unknown format %q (known: %s)", sc.Format, strings.Join(reg.names(), ", ")))
		}
	}
	for key, u := range map[string]string{"page_url": sc.PageURL, "archive_url": sc.ArchiveURL} {
		if u != "" && !strings.HasPrefix(u, "https://") && !strings.HasPrefix(u, "http://") {
			bad(key, diag.BadSidecar, fmt.Sprintf("%s %q is not a web address (http:// or https://)", key, u))
		}
	}
	if sc.CapturedAt != nil {
		t, ok := capturedAt(sc.CapturedAt)
		if !ok {
			bad("captured_at", diag.BadSidecar, fmt.Sprintf("captured_at %v is not a date and time with its offset, such as 2022-02-24T09:30:00Z", sc.CapturedAt))
		}
		sc.capturedAt = t
	}
	return &sc, problems
}

// capturedAt reads a capture time: a TOML offset date-time, or a string
// in RFC 3339. A time without its offset does not say when it was.
func capturedAt(v any) (string, bool) {
	var t time.Time
	switch v := v.(type) {
	case time.Time:
		t = v
	case string:
		var err error
		if t, err = time.Parse(time.RFC3339, v); err != nil {
			return "", false
		}
	default:
		return "", false
	}
	return t.UTC().Format(time.RFC3339), true
}

// tomlProblems turns tomlfile errors into problems.
func tomlProblems(err error) []capture.Problem { return diag.Collect(err, "") }

// applySidecar fills a capture's description from its sidecar and format.
func applySidecar(c *entry.Capture, sc *Sidecar, f format) {
	c.Format = f.reader.Format()
	c.Publisher, c.PublisherID, c.TimeZone = f.publisher, f.publisherID, f.zone
	if sc == nil {
		return
	}
	set := func(dst *string, v string) {
		if v != "" {
			*dst = v
		}
	}
	set(&c.Publisher, sc.Publisher)
	set(&c.PublisherID, sc.PublisherID)
	if c.PublisherID == "" && c.Publisher != "" {
		c.PublisherID = capture.Slug(c.Publisher, 0) // "Evening Standard" → "evening-standard"
	}
	set(&c.TimeZone, sc.TimeZone)
	c.Via, c.PageTitle, c.PageURL, c.PageDate, c.CapturedAt = sc.Via, sc.PageTitle, sc.PageURL, sc.PageDate, sc.capturedAt
	c.ArchiveURL = sc.ArchiveURL
}

// CheckProvenance reports the captures whose sidecar gives neither the
// page's address (page_url) nor an archived copy's (archive_url): a reader
// of the chronicle cannot go back to the page they were copied from.
func CheckProvenance(cs []entry.Capture) []capture.Problem {
	var out []capture.Problem
	for _, c := range cs {
		if c.PageURL == "" && c.ArchiveURL == "" {
			out = append(out, capture.Problem{File: SidecarPath(c.File), Line: 1, Severity: capture.Warning, Code: diag.NoAddress,
				Message: "neither page_url nor archive_url: give the page's address, or an archived copy's, so that readers can find the page it was copied from"})
		}
	}
	return out
}
