package bbc

import (
	"encoding/json"
	"flag"
	"os"
	"strings"
	"testing"

	"chronicle/generator/diag"
	"chronicle/generator/entry"
)

var update = flag.Bool("update", false, "rewrite testdata/*.json golden files")

// TestTraitsPage reads a page written for the traits of later BBC pages
// (FORMATS.md, "Seen since"): an entry of photos only under a generic
// title, a quoted title, a video first and a photo last, several photos
// with no caption, sources in the byline's place (an institution and its
// body, a programme and its network, a desk and a channel on one line),
// and a photo line glued to the next entry's number. The entries are
// compared with testdata/traits.json (rewritten with -update); the
// assertions below say what the golden file must show.
func TestTraitsPage(t *testing.T) {
	d := readFile(t, "testdata/traits.txt", "2023-09-12")
	got, err := json.MarshalIndent(d.Entries, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	if *update {
		os.WriteFile("testdata/traits.json", got, 0o644)
	}
	want, _ := os.ReadFile("testdata/traits.json")
	if string(got) != string(want) {
		t.Errorf("entries differ from testdata/traits.json (go test -update to rewrite):\n%s", got)
	}
	if len(d.Entries) != 6 {
		t.Fatalf("%d entries, want 6", len(d.Entries))
	}
	e := d.Entries
	if e[0].Title != "Post" || len(e[0].Body) != 2 || e[0].Body[0].Type != entry.BlockFigure || e[0].Body[1].Credit != "Getty Images" || e[0].ProseText() != "" {
		t.Errorf("photos-only entry: %q %+v", e[0].Title, e[0].Body)
	}
	if e[1].Title != "'We will not give up': Mayor" || e[1].Body[0].Type != entry.BlockVideo {
		t.Errorf("quoted title, video first: %q %+v", e[1].Title, e[1].Body)
	}
	credits := []entry.Author{
		{Name: "House of Commons", Role: "Parliament", Kind: entry.SourceCredit},
		{Name: "Today Programme", Role: "BBC Radio 4", Kind: entry.SourceCredit},
		{Name: "BBC Monitoring", Kind: entry.SourceCredit},
		{Name: "BBC News Channel", Kind: entry.SourceCredit},
	}
	for i, want := range credits {
		if a := e[i+2].Authors; len(a) != 1 || a[0].Line == 0 || withoutLine(a[0]) != want {
			t.Errorf("entry %d credit %+v, want %+v", i+2, a, want)
		}
		if strings.Contains(e[i+2].ProseText(), want.Name) {
			t.Errorf("entry %d: the credit %q is in the text", i+2, want.Name)
		}
	}
	if b := e[3].Body; len(b) != 2 || b[1].Alt != "A column of trucks near the front" || b[1].Credit != "Reuters" {
		t.Errorf("the photo glued to the next header is not the end of its entry: %+v", b)
	}
	if e[4].Title != "Drones over the coast" || e[4].Number != 5 {
		t.Errorf("glued header: %d %q", e[4].Number, e[4].Title)
	}
	if b := e[4].Body; b[len(b)-1].Caption != "A still from the broadcast" {
		t.Errorf("caption last: %+v", b)
	}
	if b := e[5].Body; b[len(b)-1].Type != entry.BlockFigure || b[len(b)-1].Credit != "" {
		t.Errorf("photo last, with no agency: %+v", b)
	}
	if u := d.Unplaced(); len(u) != 0 {
		t.Errorf("unplaced lines %v", u)
	}
	for _, p := range d.Problems {
		if p.Code != diag.Glued || p.Line != 35 {
			t.Errorf("problem %s", p.String())
		}
	}
}

// TestUnknownRenderings: renderings of the page the reader cannot place
// with confidence are errors at the line, never a guess. Here, a page
// where only the first header kept its time, and one of an older, untimed
// layout with `Breaking` glued to its titles.
func TestUnknownRenderings(t *testing.T) {
	for _, c := range []struct {
		name, text string
		line       int
		code       diag.Code
	}{
		{"only the first header", "  1. Talks endpublished at 19:05 Greenwich Mean Time 1 February 2022\n\n    Text.\n\n  2. Earlier talks\n\n    More text.\n", 5, diag.Rendering},
		{"untimed", "Summary\n\n  • Talks\n\n  BreakingRussia recognises the regions\n\n    Text.\n", 1, diag.NoHeader},
	} {
		d := readText("r.txt", c.text, "2022-02-01")
		var found bool
		for _, p := range d.Problems {
			found = found || (p.Code == c.code && p.Line == c.line && p.Severity == diag.Error)
		}
		if !found {
			t.Errorf("%s: no %s error at line %d: %v", c.name, c.code, c.line, d.Problems)
		}
	}
}

func withoutLine(a entry.Author) entry.Author { a.Line = 0; return a }

// TestOlderPage reads a page in the layout of older BBC pages (FORMATS.md,
// "Seen since"): a byline on one line (`The BBC's <name>, <role>`), a
// programme credited over its network's role line, a network alone, a
// sentence that lost its full stop (a paragraph, not a photo's alt text),
// and a label line over the byline.
func TestOlderPage(t *testing.T) {
	d := readFile(t, "testdata/older.txt", "2017-06-14")
	if len(d.Entries) != 5 {
		t.Fatalf("%d entries, want 5", len(d.Entries))
	}
	e := d.Entries
	credits := []entry.Author{
		{Name: "Maya Osei", Role: "at the scene"},
		{Name: "The Weekend Hour", Role: "Radio 4 programme", Kind: entry.SourceCredit},
		{Name: "BBC Radio 5 live", Kind: entry.SourceCredit},
		{},
		{Name: "Tom Akers", Role: "Former men's marathon world record holder on BBC TV"},
	}
	for i, want := range credits {
		var got entry.Author
		if len(e[i].Authors) == 1 {
			got = withoutLine(e[i].Authors[0])
		}
		if got != want || len(e[i].Authors) > 1 {
			t.Errorf("entry %d credits %+v, want %+v", i+1, e[i].Authors, want)
		}
	}
	if !strings.HasPrefix(e[3].ProseText(), "The 24-year-old died in the fire") {
		t.Errorf("the sentence without its full stop is not text: %q", e[3].ProseText())
	}
	if u := d.Unplaced(); len(u) != 0 {
		t.Errorf("unplaced lines %v", u)
	}
	for _, p := range d.Problems {
		t.Errorf("problem %s", p.String())
	}
}

// TestFlattenedPage: a copy in which only the first header kept its shape
// and the other entries ran into it, with no indent, is an error at the
// first line that is not indented under its header, never one entry made
// of many.
func TestFlattenedPage(t *testing.T) {
	text := "Talks end in Genevapublished at 19:05 Greenwich Mean Time 1 February 2022\n\n" +
		"The envoys left without a deal.\nNato replies in writing\nThe alliance sent its answer on Wednesday.\n"
	d := readText("flat.txt", text, "2022-02-01")
	if len(d.Problems) != 1 || d.Problems[0].Code != diag.Rendering || d.Problems[0].Line != 3 || d.Problems[0].Severity != diag.Error {
		t.Errorf("problems %v, want one unknown-rendering error at line 3", d.Problems)
	}
}
