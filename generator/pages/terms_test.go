package pages

import (
	"fmt"
	"strings"
	"testing"

	"chronicle/generator/entry"
)

// TestTermFinder: the first use of each term in a block is marked, by its
// term, an alias or a misspelling, as a whole word; the earliest match wins,
// then the longest; a term already used in the entry, or a match inside a
// link of the original page (avoid), is not marked.
func TestTermFinder(t *testing.T) {
	f := termFinder{[]entry.Term{
		{ID: "nato", Term: "Nato", Aliases: []string{"NATO", "North Atlantic Treaty Organization"}},
		{ID: "donbas", Term: "Donbas", Misspellings: []string{"Donbass"}},
		{ID: "minsk", Term: "Minsk agreements", Aliases: []string{"Minsk"}},
	}}
	for _, c := range []struct {
		text  string
		used  []string
		avoid []entry.Span
		want  string // the marked runs, "term:words" in order of the terms
	}{
		{text: "Nato met.", want: "nato:Nato"},
		{text: "The NATO summit.", want: "nato:NATO"},
		{text: "Fighting in the Donbass region.", want: "donbas:Donbass"},
		{text: "Natoist is not a word.", want: ""},
		{text: "The North Atlantic Treaty Organization, or NATO.", want: "nato:North Atlantic Treaty Organization"},
		{text: "NATO, then Nato.", want: "nato:NATO"},
		{text: "The Minsk agreements hold.", want: "minsk:Minsk agreements"},
		{text: "Nato and Donbas.", used: []string{"nato"}, want: "donbas:Donbas"},
		{text: "Nato and Donbas.", avoid: []entry.Span{{Start: 0, End: 4}}, want: "donbas:Donbas"},
	} {
		used := map[string]bool{}
		for _, id := range c.used {
			used[id] = true
		}
		var got []string
		for _, m := range f.first(c.text, used, c.avoid) {
			id := strings.TrimSuffix(strings.TrimPrefix(m.close, "](chronicle:term:"), ")")
			got = append(got, fmt.Sprintf("%s:%s", id, c.text[m.start:m.end]))
		}
		if strings.Join(got, " ") != c.want {
			t.Errorf("first(%q) marks %q, want %q", c.text, strings.Join(got, " "), c.want)
		}
		for _, g := range got {
			if id, _, _ := strings.Cut(g, ":"); !used[id] {
				t.Errorf("first(%q) marked %s but did not record it as used", c.text, id)
			}
		}
	}
}
