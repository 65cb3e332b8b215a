package formatfile

import (
	"strings"
	"testing"

	"chronicle/generator/diag"
)

// TestBadFormatFiles: every mistake in a format file is an error with the
// file's name and the line of the mistake.
func TestBadFormatFiles(t *testing.T) {
	tests := []struct {
		name, file string
		line       int
		want       string
	}{
		{"bad pattern", "publisher = \"X\"\nheader = ['^(?P<hour>\\d+):(?P<minute>\\d+']\n", 2, "bad pattern"},
		{"unknown key", "publisher = \"X\"\nheader = ['^(?P<hour>\\d+)$']\nheadr = ['x']\n", 3, "unknown key \"headr\""},
		{"header without a time", "header = [\n  '^(?P<title>.+)$',\n]\n", 2, "has no time"},
		{"unknown part", "header = ['^(?P<hour>\\d+)$']\nbyline = ['^By (?P<writer>.+)$']\n", 2, "(?P<writer>…) is not a part the reader knows"},
		{"no header", "publisher = \"X\"\n", 1, "no header pattern"},
		{"bad order", "order = \"latest-first\"\nheader = ['^(?P<hour>\\d+)$']\n", 1, "order = \"latest-first\""},
		{"bad title", "header = ['^(?P<hour>\\d+)$']\ntitle = \"above\"\n", 2, "title = \"above\""},
		{"title on, no title part", "title = \"on\"\nheader = ['^(?P<hour>\\d+)$']\n", 2, "has no (?P<title>…) part"},
		{"bad zone", "zone = \"Europe/Londn\"\nheader = ['^(?P<hour>\\d+)$']\n", 1, "zone \"Europe/Londn\""},
		{"bad abbreviation", "header = ['^(?P<hour>\\d+)$']\n[zones]\nKYV = \"Europe/Kyyiv\"\n", 3, "zone abbreviation KYV"},
		{"date without day", "header = ['^(?P<hour>\\d+)$']\ndate = ['^(?P<month>\\w+)$']\n", 2, "needs a (?P<day>…)"},
		{"boilerplate with parts", "header = ['^(?P<hour>\\d+)$']\n[boilerplate]\nshare = '^(?P<text>Share)$'\n", 3, "has no named parts"},
		{"block without start", "header = ['^(?P<hour>\\d+)$']\n[[block]]\nname = \"footer\"\n", 1, "needs a name and a start"},
		{"bad name", "name = \"Guardian Live\"\nheader = ['^(?P<hour>\\d+)$']\n", 1, "the format's name"},
		{"not TOML", "header = ['^(?P<hour>\\d+)$'\n", 1, ""},
		{"offset as the page zone", "zone = \"+05:30\"\nheader = ['^(?P<hour>\\d+)$']\n", 1, "not an IANA zone name"},
		{"alternatives of other line counts", "header = ['^(?P<hour>\\d+)$']\n[boilerplate]\nshare = '^Share\\nTweet$|^Copy link$'\n", 3, "alternatives match different numbers of lines"},
		{"repeated line break", "header = ['^(?P<hour>\\d+)$']\n[boilerplate]\nshare = '^Share(\\nTweet)+$'\n", 3, "repeats a line break"},
		{"line break in a header", "header = ['^(?P<hour>\\d+)\\nx$']\n", 1, "matches one line"},
		{"date line without a month", "header = ['^(?P<hour>\\d+)$']\ndate = ['^(?P<day>\\d+)$']\n", 2, "needs a (?P<day>…) and a (?P<month>…)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, problems := Parse("formats/x-live.toml", []byte(tt.file))
			if f != nil || len(problems) == 0 {
				t.Fatalf("no problem for %q", tt.file)
			}
			p := problems[0]
			if p.File != "formats/x-live.toml" || p.Line != tt.line || p.Severity != diag.Error || !strings.Contains(p.Message, tt.want) {
				t.Errorf("got %v (code %s), want line %d with %q", p, p.Code, tt.line, tt.want)
			}
			if p.Code != diag.BadFormatFile && p.Code != diag.BadTOML {
				t.Errorf("code %s", p.Code)
			}
		})
	}
}

// TestSmallestFormat: a header pattern is all a format file needs; the
// name comes from the file, the rest from the defaults.
func TestSmallestFormat(t *testing.T) {
	f, problems := Parse("content/formats/herald-live.toml", []byte("header = ['^(?P<hour>\\d{2}):(?P<minute>\\d{2})$']\n"))
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	if f.Name != "herald-live" || f.Title != TitleAfter || f.Order != Either || f.Zone() != "" {
		t.Errorf("got name %q, title %q, order %q, zone %q", f.Name, f.Title, f.Order, f.Zone())
	}
}

// TestDefaults: the format files shipped with Chronicle all read, each
// with a publisher, a zone and a description.
func TestDefaults(t *testing.T) {
	fs := Defaults()
	if len(fs) < 8 {
		t.Fatalf("%d shipped formats", len(fs))
	}
	for _, f := range fs {
		if f.Publisher == "" || f.PublisherID == "" || f.Zone() == "" || f.Description == "" {
			t.Errorf("%s: publisher %q (%q), zone %q, description %q", f.Name, f.Publisher, f.PublisherID, f.Zone(), f.Description)
		}
	}
}

// TestLineCount: a pattern matches one line more for each line break it
// holds outside a class.
func TestLineCount(t *testing.T) {
	for p, want := range map[string]int{
		`^Share$`:  1,
		`^[^\n]+$`: 1,
		`^(?P<credit>[^\n]+\n/\n[^\n]+)\n(?P<caption>[^\n]+)$`: 4,
		`^a\nb$`: 2,
	} {
		if got, err := lineCount(p); got != want || err != nil {
			t.Errorf("lineCount(%q) = %d, %v; want %d", p, got, err, want)
		}
	}
}

// FuzzParse: no format file makes the parser panic, and every problem
// names the file and a line.
func FuzzParse(f *testing.F) {
	for _, d := range Defaults() {
		data, _ := shipped.ReadFile(strings.TrimPrefix(d.Source, "built in: "))
		f.Add(data)
	}
	f.Add([]byte("header = ['(?P<hour>\\d+)']\n[zones]\nX = \"+99:00\"\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fm, problems := Parse("fuzz.toml", data)
		if fm == nil && len(problems) == 0 {
			t.Fatal("no format and no problem")
		}
		for _, p := range problems {
			if p.File != "fuzz.toml" || p.Line < 1 {
				t.Fatalf("bad problem %v", p)
			}
		}
	})
}
