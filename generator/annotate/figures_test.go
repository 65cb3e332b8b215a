package annotate

import (
	"fmt"
	"testing"

	"chronicle/generator/entry"
)

// TestExtractFindsTheHandCheckedClaims compares the automatic extraction with
// the editors' hand-checked claims in figures.toml: every hand claim that sits
// in an entry must be found, in the right series, and most of what is found
// must be in the hand list.
func TestExtractFindsTheHandCheckedClaims(t *testing.T) {
	c := seedChronicle(t)
	reg, err := LoadRegistry("../../content/annotations")
	if err != nil {
		t.Fatal(err)
	}
	found := Extract(reg.Series, c.Entries)
	key := func(series string, value float64, file string, line int) string {
		return fmt.Sprintf("%s %g %s:%d", series, value, file, line)
	}
	got := map[string]bool{}
	total := 0
	for id, claims := range found {
		for _, cl := range claims {
			got[key(id, cl.Value, cl.Capture, cl.Line)] = true
			total++
		}
	}
	hand := map[string]bool{}
	for _, s := range reg.Series {
		for _, cl := range s.Claim {
			hand[key(s.ID, cl.Value, cl.Capture, cl.Line)] = true
		}
	}
	for k := range got {
		if !hand[k] {
			t.Logf("found, not in the hand list: %s", k)
		}
	}
	want, hits := 0, 0
	for _, s := range reg.Series {
		for _, cl := range s.Claim {
			if entryAt(c.Entries, cl.Capture, cl.Line) == nil {
				continue // in a page summary, outside any entry
			}
			want++
			if got[key(s.ID, cl.Value, cl.Capture, cl.Line)] {
				hits++
			} else {
				t.Logf("missed: %s %q at %s:%d", s.ID, cl.Text, cl.Capture, cl.Line)
			}
		}
	}
	if want < 20 || total == 0 {
		t.Fatalf("%d hand claims in entries, %d found: too few to measure", want, total)
	}
	recall := float64(hits) / float64(want)
	precision := float64(hits) / float64(total)
	t.Logf("hand claims in entries: %d, found: %d, correct: %d (recall %.2f, precision %.2f)", want, total, hits, recall, precision)
	if recall < 0.9 || precision < 0.95 {
		t.Errorf("recall %.2f, precision %.2f: want at least 0.90 and 0.95", recall, precision)
	}
}

func TestClaimValue(t *testing.T) {
	for _, tt := range []struct {
		text  string
		value float64 // 0: not a claim
	}{
		{"about 100,000 troops", 100000},
		{"a further 7,000 troops", 7000},
		{"£88m in aid", 88e6},
		{"$2.5bn in loans", 2.5e9},
		{"since 2014 the war", 0},      // a year
		{"armed with AK-47 rifles", 0}, // a name
		{"for 48 hours", 0},
		{"within 30 km of the border", 0},
		{"25 per cent of them", 0},
		{"on the 5th, troops moved", 0}, // an ordinal before a comma
		{"the 21st century", 0},
		{"100 metres away", 0},
	} {
		loc := figureNumber.FindStringIndex(tt.text)
		if loc == nil {
			t.Fatalf("no number in %q", tt.text)
		}
		v, ok := claimValue(tt.text, loc[0], loc[1])
		if (tt.value == 0) == ok || (ok && v != tt.value) {
			t.Errorf("%q: %g, %v; want %g", tt.text, v, ok, tt.value)
		}
	}
}

func TestBestSeries(t *testing.T) {
	series := []entry.Series{
		{ID: "troops", Context: []string{"troops"}},
		{ID: "belarus", Context: []string{"troops in Belarus"}},
		{ID: "fleeing", Context: []string{"flee"}},
	}
	for _, tt := range []struct{ text, want string }{
		{"100,000 troops near the border", "troops"},
		{"30,000 troops in Belarus for drills", "belarus"}, // the longest phrase wins
		{"5,000 people had to flee", "fleeing"},
		{"A fleet of 20 Russian warships", ""}, // "flee" is not in "fleet"
		{"Troops massing", "troops"},           // case does not matter
	} {
		if got := bestSeries(series, tt.text); got != tt.want {
			t.Errorf("bestSeries(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}
