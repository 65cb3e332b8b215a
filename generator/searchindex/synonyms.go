package searchindex

import (
	"maps"
	"slices"
	"sort"
	"strings"

	"chronicle/generator/entry"
)

// Synonyms groups the spellings of one person or glossary term that are
// the same word written another way (Kiev and Kyiv, Zelensky and
// Zelenskyy): the last word of each spelling, in lower case, grouped with
// the record's other such words at most three edits from it (so that
// "sanctions package" does not make "package" a synonym of "sanctions").
// Groups that share a word are joined. The order is stable: groups by their
// first word, words sorted.
func Synonyms(c *entry.Chronicle) [][]string {
	var spellings [][]string
	for _, p := range c.People {
		spellings = append(spellings, p.Spellings())
	}
	for _, t := range c.Terms {
		spellings = append(spellings, t.Spellings())
	}
	parent := map[string]string{}
	var find func(string) string
	find = func(w string) string {
		if parent[w] == w {
			return w
		}
		parent[w] = find(parent[w])
		return parent[w]
	}
	join := func(a, b string) {
		for _, w := range []string{a, b} {
			if _, ok := parent[w]; !ok {
				parent[w] = w
			}
		}
		parent[find(b)] = find(a)
	}
	for _, group := range spellings {
		set := map[string]bool{}
		for _, s := range group {
			f := strings.Fields(strings.ToLower(s))
			if len(f) == 0 {
				continue
			}
			if w := strings.Trim(f[len(f)-1], ".,'’"); len([]rune(w)) >= 4 {
				set[w] = true
			}
		}
		words := slices.Sorted(maps.Keys(set))
		for i, a := range words {
			for _, b := range words[i+1:] {
				if editDistance(a, b) <= 3 {
					join(a, b)
				}
			}
		}
	}
	byRoot := map[string][]string{}
	for w := range parent {
		r := find(w)
		byRoot[r] = append(byRoot[r], w)
	}
	out := [][]string{}
	for _, ws := range byRoot {
		sort.Strings(ws)
		out = append(out, ws)
	}
	sort.Slice(out, func(i, j int) bool { return out[i][0] < out[j][0] })
	return out
}

// editDistance is the Levenshtein distance between a and b, in runes.
func editDistance(a, b string) int {
	x, y := []rune(a), []rune(b)
	prev := make([]int, len(y)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(x); i++ {
		cur := make([]int, len(y)+1)
		cur[0] = i
		for j := 1; j <= len(y); j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(y)]
}

// otherPages lists the pages besides entries that a search finds: the
// people with a page (those the entries name or who wrote one), the
// glossary's terms, the threads and the editors' notes.
func otherPages(c *entry.Chronicle, people map[string]int, path func(kind, id string) string) [][4]string {
	out := [][4]string{}
	if path == nil {
		return out
	}
	for _, p := range c.People {
		if people[p.ID] > 0 {
			out = append(out, [4]string{"person", p.Name, path("person", p.ID), strings.Join(append(append([]string{}, p.Aliases...), p.Role), " ")})
		}
	}
	for _, t := range c.Terms {
		out = append(out, [4]string{"term", t.Term, path("glossary", "") + "#" + t.ID, strings.Join(t.Aliases, " ")})
	}
	for _, t := range c.Threads {
		out = append(out, [4]string{"thread", t.Title, path("thread", t.ID), strings.Join(t.Keywords, " ")})
	}
	for _, n := range c.Notes {
		out = append(out, [4]string{"note", n.Title, path("note", n.ID), ""})
	}
	return out
}
