package importer

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"chronicle/generator/diag"
	"chronicle/generator/entry"
	"chronicle/generator/importer/capture"
	"chronicle/internal/testenv"
)

// formatFixtures are the captures, written for the tests in the layouts of
// the publishers whose format files ship with Chronicle, one per format
// (testdata/formats/<format>.txt, with its sidecar).
const formatFixtures = "testdata/formats"

// fixtureGolden is what a fixture's golden file holds.
type fixtureGolden struct {
	Capture  entry.Capture     `json:"capture"`
	Entries  []entry.Entry     `json:"entries"`
	Problems []capture.Problem `json:"problems"`
}

// TestFormatFixtures reads each fixture by its format file and compares
// the capture, its entries and its problems with the golden file beside
// it: no errors and no warnings, and every line placed.
func TestFormatFixtures(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(formatFixtures, "*.txt"))
	if len(files) < 8 {
		t.Fatalf("%d fixtures, want one per shipped format (8)", len(files))
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".txt")
		t.Run(name, func(t *testing.T) {
			res, err := Import([]string{file}, Options{})
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range res.Problems {
				if p.Severity > diag.Notice {
					t.Errorf("%v", p)
				}
			}
			if len(res.Docs) != 1 || res.Captures[0].Format != name {
				t.Fatalf("read as %v, want the format %s", res.Captures, name)
			}
			assertLedger(t, res.Docs[0])
			checkGolden(t, strings.TrimSuffix(file, ".txt")+".json", fixtureGolden{res.Captures[0], res.Entries, res.Problems})
		})
	}
}

// assertLedger fails the test for any non-blank line of d not placed.
func assertLedger(t *testing.T, d *capture.Doc) {
	t.Helper()
	for n := 1; n <= d.Len(); n++ {
		if !d.Blank(n) && d.UseOf(n) == nil {
			t.Errorf("%s:%d not placed: %q", d.Capture.File, n, d.Line(n))
		}
	}
	if diag.Has(d.Problems, diag.ClaimedTwice) {
		t.Error("a line claimed twice")
	}
}

// checkGolden compares v, as indented JSON, with the file golden (written
// with -update).
func checkGolden(t *testing.T, golden string, v any) {
	t.Helper()
	got, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./generator/importer -update to write it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("differs from %s; run with -update after checking the change with git diff", golden)
	}
}

// TestDetectFormatFiles takes each fixture's sidecar away: detection reads
// it with every reader and format file and picks the right one, and says so.
func TestDetectFormatFiles(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(formatFixtures, "*.txt"))
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".txt")
		if name == "cnn-live" {
			continue // its relative times need the sidecar's captured_at: TestRelativeTimes
		}
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			dir := t.TempDir()
			testenv.WriteFile(t, dir, "capture.txt", data)
			res, err := Import([]string{dir}, Options{Date: pageDate(t, file)})
			if err != nil {
				t.Fatal(err)
			}
			if res.Err() != nil || len(res.Captures) != 1 {
				t.Fatalf("%v", res.Problems)
			}
			if got := res.Captures[0].Format; got != name {
				t.Errorf("detected %s, want %s", got, name)
			}
			var said bool
			for _, p := range res.Problems {
				said = said || (p.Code == diag.Format && strings.Contains(p.Message, "detected "+name+", which places"))
			}
			if !said {
				t.Errorf("no notice says which format was detected: %v", res.Problems)
			}
		})
	}
}

// pageDate is the page_date of a fixture's sidecar, or "".
func pageDate(t *testing.T, file string) string {
	data, err := os.ReadFile(SidecarPath(file))
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(l, "page_date = "); ok {
			return strings.Trim(v, `"`)
		}
	}
	return ""
}

// TestRelativeTimes: "2h ago" is read against the sidecar's captured_at
// and said to be inferred; without one, it is an error that asks for one,
// at the line of the first relative time.
func TestRelativeTimes(t *testing.T) {
	text := "Live Updates\nA flood\n5 min ago\nDams hold\nThe dams held overnight.\n2 hr 10 min ago\nRain eases\nThe rain eased.\n"
	dir := t.TempDir()
	testenv.WriteFiles(t, dir, map[string]string{
		"with.txt": text, "with.toml": "format = \"cnn-live\"\ncaptured_at = 2024-09-16T14:45:00+02:00\n",
		"without.txt": text + "\n", "without.toml": "format = \"cnn-live\"\n",
	})
	res, err := Import([]string{dir}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var with []string
	for _, e := range res.Entries {
		if e.Capture == "with.txt" {
			with = append(with, e.Time.Format("2006-01-02 15:04")+" "+e.LocalTime)
		}
	}
	want := []string{"2024-09-16 10:35 2 hr 10 min ago", "2024-09-16 12:40 5 min ago"}
	if strings.Join(with, "|") != strings.Join(want, "|") {
		t.Errorf("times %q, want %q", with, want)
	}
	var inferred, asked bool
	for _, p := range res.Problems {
		inferred = inferred || (p.File == "with.txt" && p.Code == diag.TimeInferred)
		asked = asked || (p.File == "without.txt" && p.Code == diag.NoCaptured && p.Line == 3 && p.Severity == diag.Error && strings.Contains(p.Message, "captured_at"))
	}
	if !inferred || !asked {
		t.Errorf("inferred %v, asked for captured_at %v: %v", inferred, asked, res.Problems)
	}
}

// TestOwnFormats: a chronicle's content/formats adds formats and takes the
// place of a shipped one of the same name.
func TestOwnFormats(t *testing.T) {
	dir := t.TempDir()
	sky, err := os.ReadFile("formatfile/formats/sky-live.toml")
	if err != nil {
		t.Fatal(err)
	}
	own := strings.Replace(string(sky), `publisher = "Sky News"`, `publisher = "Sky News Arabia"`, 1)
	own = strings.Replace(own, `publisher_id = "sky-news"`, `publisher_id = "sky-news-arabia"`, 1)
	testenv.WriteFiles(t, dir, map[string]string{
		"formats/sky-live.toml":    own,
		"formats/simple-live.toml": simpleFormat,
		"sources/a.txt":            "Live\nA headline\n19:05\nA title\nSome text.\n",
		"sources/a.toml":           "format = \"sky-live\"\npage_date = \"2024-07-04\"\n",
		"sources/b.txt":            simpleCapture,
		"sources/b.toml":           "format = \"simple-live\"\npage_date = \"2024-05-01\"\n",
	})
	res, err := Import([]string{filepath.Join(dir, "sources")}, Options{Formats: filepath.Join(dir, "formats")})
	if err != nil || res.Err() != nil {
		t.Fatal(err, res.Err())
	}
	got := map[string]string{}
	for _, e := range res.Entries {
		got[e.Capture] += e.PublisherID + " " + e.Title + " " + e.Time.Format("2006-01-02 15:04") + ";"
	}
	if got["a.txt"] != "sky-news-arabia A title 2024-07-04 18:05;" {
		t.Errorf("a.txt read as %q: the chronicle's sky-live.toml was not used", got["a.txt"])
	}
	if got["b.txt"] != "example-news Bridge closed after crash 2024-04-30 12:05;example-news Bridge reopens 2024-05-01 07:30;" {
		t.Errorf("b.txt read as %q", got["b.txt"])
	}
}

// TestReadmeShowsSimpleFormat: the README and docs/FORMATS.md show the
// format file TestOwnFormats reads, under 25 lines.
func TestReadmeShowsSimpleFormat(t *testing.T) {
	for _, doc := range []string{"../../README.md", "../../docs/FORMATS.md"} {
		data, err := os.ReadFile(doc)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(data), "```toml\n"+simpleFormat+"```") {
			t.Errorf("%s does not show the simple format file as the tests read it", doc)
		}
	}
	if n := strings.Count(simpleFormat, "\n"); n >= 25 {
		t.Errorf("the simple format file is %d lines", n)
	}
}

// simpleFormat is the format file of a simple layout that docs/FORMATS.md
// and the README show: a title line, a time line, paragraphs.
const simpleFormat = `# Example News live pages: a title, then its time (14:05), then paragraphs.
publisher = "Example News"
publisher_id = "example-news"
zone = "Europe/Paris"
order = "newest-first"
title = "before"
header = ['^(?P<hour>\d{1,2}):(?P<minute>\d{2})$']
`

const simpleCapture = `Traffic live: the ring road
Bridge reopens
09:30
The bridge is open again in both directions.
Bridge closed after crash
14:05
Police have closed the bridge after a crash.
`

// TestNothingFits: a capture that fits no reader and no format file is
// still a clear error.
func TestNothingFits(t *testing.T) {
	dir := t.TempDir()
	testenv.WriteFile(t, dir, "notes.txt", []byte("Shopping list\n\nEggs, milk and bread.\nCall the plumber at noon about the sink.\n"))
	res, err := Import([]string{dir}, Options{Date: "2024-01-01"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Err() == nil || !diag.Has(res.Problems, diag.Format) || !strings.Contains(res.Err().Error(), "notes.txt:1:") || !strings.Contains(res.Err().Error(), "unrecognised format") {
		t.Errorf("want an unrecognised-format error at notes.txt:1, got %v", res.Problems)
	}
}

// TestBadOwnFormat: a chronicle's format file that is wrong stops the
// import with its name and line, and no capture is read.
func TestBadOwnFormat(t *testing.T) {
	dir := t.TempDir()
	testenv.WriteFiles(t, dir, map[string]string{
		"formats/x-live.toml":   "publisher = \"X\"\n\nheader = ['^(?P<hour>\\d+):(?P<minute>\\d+']\n",
		"formats/bbc-live.toml": "header = ['^(?P<hour>\\d+)$']\n",
		"sources/a.txt":         "Text\n",
	})
	res, err := Import([]string{filepath.Join(dir, "sources")}, Options{Formats: filepath.Join(dir, "formats")})
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, p := range res.Problems {
		if p.Code == diag.BadFormatFile {
			lines = append(lines, filepath.Base(p.File)+":"+strings.SplitN(p.String(), ":", 3)[1])
		}
	}
	if strings.Join(lines, " ") != "bbc-live.toml:1 x-live.toml:3" || len(res.Captures) != 0 {
		t.Errorf("problems %v (%v), captures %d", lines, res.Problems, len(res.Captures))
	}
}

// TestStableAddresses: adding a capture never changes an existing entry's
// ID, and so its address: a new capture (named to sort after the others,
// as the NNN_ prefix of capture names has it) whose entry clashes with an
// old one's gives the new entry the suffix.
func TestStableAddresses(t *testing.T) {
	before := importSeeds(t)
	old := map[string][2]any{}
	for _, e := range before.Entries {
		old[e.ID] = [2]any{e.Capture, e.Lines}
	}
	dir := t.TempDir()
	files, _ := filepath.Glob(filepath.Join(sources, "*"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		testenv.WriteFile(t, dir, filepath.Base(f), data)
	}
	// The same minute, publisher and title as the seeds' 19:05 entry of
	// 1 February: the same ID but for a suffix.
	testenv.WriteFiles(t, dir, map[string]string{
		"005_later.txt":  "Summary\n  • A later capture.\n  1. What's happened today?published at 19:05 Greenwich Mean Time 1 February 2022\n    Another text under the same title.\n",
		"005_later.toml": "format = \"bbc-live\"\npage_date = \"2022-02-01\"\n",
	})
	after, err := Import([]string{dir}, Options{})
	if err != nil || after.Err() != nil {
		t.Fatal(err, after.Err())
	}
	got := map[string][2]any{}
	var added []string
	for _, e := range after.Entries {
		got[e.ID] = [2]any{e.Capture, e.Lines}
		if e.Capture == "005_later.txt" {
			added = append(added, e.ID)
		}
	}
	for id, was := range old {
		if got[id] != was {
			t.Errorf("%s was %v, is %v", id, was, got[id])
		}
	}
	if len(added) != 1 || added[0] != "2022-02-01-1905-bbc-whats-happened-today-2" {
		t.Errorf("the new entry is %v, want the clashing ID with the suffix -2", added)
	}
}

// TestDetectSeeds: with every format file in the registry, a BBC seed
// without its sidecar is still read by the Go reader.
func TestDetectSeeds(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile(filepath.Join(sources, "000_7afe650ce409cb36.txt"))
	if err != nil {
		t.Fatal(err)
	}
	testenv.WriteFile(t, dir, "000_7afe650ce409cb36.txt", data)
	res, err := Import([]string{dir}, Options{})
	if err != nil || res.Err() != nil {
		t.Fatal(err, res.Err())
	}
	if res.Captures[0].Format != "bbc-live" || len(res.Entries) != 20 {
		t.Errorf("read as %s, %d entries", res.Captures[0].Format, len(res.Entries))
	}
}
