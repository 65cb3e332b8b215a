package annotate

import (
	"fmt"
	"testing"
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
	recall := float64(hits) / float64(want)
	precision := float64(hits) / float64(total)
	t.Logf("hand claims in entries: %d, found: %d, correct: %d (recall %.2f, precision %.2f)", want, total, hits, recall, precision)
	if recall < 0.9 || precision < 0.8 {
		t.Errorf("recall %.2f, precision %.2f: want at least 0.90 and 0.80", recall, precision)
	}
}
