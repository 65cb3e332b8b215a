package importer

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExplain: every line of a capture is shown with where it went: the
// page's fields, an entry's fields by the entry's ID, boilerplate, or
// UNPLACED; blank lines stand alone.
func TestExplain(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "x.txt")
	os.WriteFile(path, []byte("Headline of the page\n\n  • Oops!\n    Something went wrong.\n    Please try again later.\n\nTalks begin\n\n09:09 , Shweta Sharma\n\nText of the entry.\n"), 0o644)
	os.WriteFile(SidecarPath(path), []byte("publisher = \"The Independent\"\npublisher_id = \"independent\"\nformat = \"yahoo-live\"\npage_date = \"2022-01-21\"\ntime_zone = \"Europe/London\"\n"), 0o644)
	res, err := Import([]string{path}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if !Explain(&b, res, "x.txt") {
		t.Fatal("Explain does not find x.txt")
	}
	if Explain(&bytes.Buffer{}, res, "y.txt") {
		t.Error("Explain finds a capture that was not read")
	}
	const id = "2022-01-21-0909-independent-talks-begin"
	want := []string{
		"x.txt (yahoo-live, 11 lines, 1 entries)",
		"    1  page · headline", "    2", "    3  boilerplate:reader-chrome", "    4  boilerplate", "    5  boilerplate", "    6",
		"    7  " + id + " · title", "    8", "    9  " + id + " · header", "   10", "   11  " + id + " · body",
	}
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	if len(lines) < len(want) {
		t.Fatalf("%d lines, want %d:\n%s", len(lines), len(want), b.String())
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) || (strings.TrimSpace(w) == strings.TrimSpace(w[:5]) && lines[i] != w) {
			t.Errorf("line %d: %q, want it to start %q", i, lines[i], w)
		}
	}
	if u := where(nil, nil, nil); u != "UNPLACED" {
		t.Errorf("a line no reader claimed is shown as %q", u)
	}
}
