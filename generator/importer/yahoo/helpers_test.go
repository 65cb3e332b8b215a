package yahoo

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	_ "time/tzdata"

	"chronicle/generator/diag"
	"chronicle/generator/entry"
	"chronicle/generator/importer/capture"
)

// london is the zone the Independent prints its times in.
func london(t testing.TB) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// newDoc makes a document of text as the importer would, dated pageDate.
func newDoc(t testing.TB, name, text, pageDate string) *capture.Doc {
	t.Helper()
	c := &entry.Capture{File: name, Publisher: "The Independent", PublisherID: "independent",
		PageDate: pageDate, TimeZone: "Europe/London", Format: Format}
	return capture.NewDoc(c, text, london(t))
}

// docOf makes a document of the given lines, not read.
func docOf(t testing.TB, lines ...string) *capture.Doc {
	t.Helper()
	return newDoc(t, "test.txt", strings.Join(lines, "\n")+"\n", "2022-01-28")
}

// readCapture reads a capture file, dated pageDate.
func readCapture(t testing.TB, path, pageDate string) *capture.Doc {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	d := newDoc(t, filepath.Base(path), string(data), pageDate)
	New().Read(d)
	return d
}

// readText reads a capture given as text.
func readText(t testing.TB, text, pageDate string) *capture.Doc {
	t.Helper()
	d := newDoc(t, "test.txt", text, pageDate)
	New().Read(d)
	return d
}

// checkLedger fails unless every non-blank line is claimed exactly once.
func checkLedger(t *testing.T, d *capture.Doc) {
	t.Helper()
	if u := d.Unplaced(); len(u) > 0 {
		for _, n := range u {
			t.Errorf("%s:%d unplaced: %q", d.Capture.File, n, d.Line(n))
		}
	}
	for _, p := range d.Problems {
		if p.Code == diag.ClaimedTwice {
			t.Errorf("%s", p)
		}
	}
}

// problemsAtLeast returns the problems of at least the given severity.
func problemsAtLeast(d *capture.Doc, sev capture.Severity) []capture.Problem {
	var out []capture.Problem
	for _, p := range d.Problems {
		if p.Severity >= sev {
			out = append(out, p)
		}
	}
	return out
}

// entryAt returns the entry whose header printed local, or fails.
func entryAt(t *testing.T, d *capture.Doc, local string) entry.Entry {
	t.Helper()
	for _, e := range d.Entries {
		if e.LocalTime == local {
			return e
		}
	}
	t.Fatalf("%s: no entry at %s", d.Capture.File, local)
	return entry.Entry{}
}

// blockAt returns the block of the document that starts at line n.
func blockAt(d *capture.Doc, n int) (entry.Block, bool) {
	for _, e := range d.Entries {
		for _, b := range e.Body {
			if b.Lines[0] == n {
				return b, true
			}
		}
	}
	return entry.Block{}, false
}
