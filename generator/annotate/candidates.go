package annotate

import (
	"maps"
	"sort"
	"strings"

	"chronicle/generator/entry"
)

// Candidate is a name that looks like a person's but is not in the registry.
type Candidate struct {
	Name    string
	Capture string
	Line    int
}

// roleCues are words that stand right before a person's name ("spokesman
// Dmitry Peskov"); speechCues stand right after one ("Peskov said").
var (
	roleCues = map[string]bool{
		"minister": true, "spokesperson": true, "spokesman": true, "spokeswoman": true, "president": true,
		"chancellor": true, "ambassador": true, "secretary": true, "chief": true, "official": true,
		"correspondent": true, "analyst": true, "leader": true, "head": true, "mayor": true, "general": true,
		"envoy": true, "commander": true, "reporter": true, "editor": true, "premier": true, "director": true,
	}
	speechCues = map[string]bool{"said": true, "says": true, "told": true, "added": true, "adds": true, "warned": true, "wrote": true, "tweeted": true}
)

// Candidates finds names the registry lacks: two or three capitalised words
// after a role word or before a verb of saying, that no registry name or
// alias covers. A word of a glossary term (a place, an institution: "the
// Kremlin") starts no name. Each is reported once, at its first line.
func Candidates(entries []entry.Entry, people []entry.Person, terms []entry.Term) []Candidate {
	m := NewMatcher(people)
	known := map[string]bool{}
	for _, p := range people {
		for _, a := range p.Spellings() {
			for _, w := range words(a) {
				known[w] = true
			}
		}
	}
	notName := maps.Clone(notNames)
	for _, t := range terms {
		for _, name := range t.Spellings() {
			for _, w := range words(name) {
				notName[w] = true
			}
		}
	}
	seen := map[string]bool{}
	var out []Candidate
	for _, e := range entries {
		for _, b := range e.Body {
			if b.Type != entry.BlockParagraph {
				continue
			}
			toks := tokenize(b.Text)
			covered := map[int]bool{}
			for _, mn := range m.Find([]string{b.Text}) {
				for i, tk := range toks {
					if tk.Start >= mn.Start && tk.End <= mn.End {
						covered[i] = true
					}
				}
			}
			for i := 0; i+1 < len(toks); i++ {
				n := nameRun(b.Text, toks, i, notName)
				if n < 2 || covered[i] || covered[i+n-1] || known[toks[i+n-1].Word] {
					continue
				}
				cue := (i > 0 && roleCues[strings.ToLower(toks[i-1].Word)]) || (i+n < len(toks) && speechCues[toks[i+n].Word])
				name := b.Text[toks[i].Start:toks[i+n-1].End]
				if cue && !seen[name] {
					seen[name] = true
					out = append(out, Candidate{Name: name, Capture: e.Capture, Line: b.Lines[0]})
				}
				i += n - 1
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Capture != out[j].Capture {
			return out[i].Capture < out[j].Capture
		}
		return out[i].Line < out[j].Line
	})
	return out
}

// notNames are capitalised words of English that start no person's name:
// titles, offices, institutions' words, some adjectives of nationality. The
// chronicle's own places and institutions come from its glossary.
var notNames = map[string]bool{
	"The": true, "Mr": true, "Ms": true, "Mrs": true, "President": true, "Prime": true, "Minister": true, "Foreign": true,
	"Defence": true, "Secretary": true, "General": true, "State": true, "Russian": true, "US": true,
	"UK": true, "EU": true, "UN": true, "White": true, "House": true, "European": true,
	"Union": true, "Security": true, "Council": true, "Chancellor": true, "Sir": true, "Dr": true, "German": true,
	"French": true, "British": true, "American": true, "Western": true, "On": true, "In": true, "But": true, "And": true,
}

// nameRun counts the capitalised words from i that could form a name (2–3),
// none of them in notName.
func nameRun(text string, toks []token, i int, notName map[string]bool) int {
	n := 0
	for i+n < len(toks) && n < 3 {
		w := toks[i+n].Word
		if !startsUpper(w) || notName[w] || len(w) < 2 || strings.ToUpper(w) == w {
			break
		}
		// A name does not run over punctuation: "Geneva. Diplomats said" is
		// two sentences, "Paris, Lyon" a list. A hyphen joins ("Jean-Yves").
		if n > 0 && strings.ContainsAny(text[toks[i+n-1].End:toks[i+n].Start], ".,;:!?\"“”()") {
			break
		}
		n++
	}
	return n
}

// SourceCandidates lists the sources that bylines credit and the registry
// lacks (derived people of kind source), each once, at the line of its
// first credit: for `check`, as Candidates does for people.
func SourceCandidates(c *entry.Chronicle) []Candidate {
	derived := map[string]bool{}
	for _, p := range c.People {
		if p.Derived && p.Kind == entry.Source {
			derived[p.ID] = true
		}
	}
	var out []Candidate
	for _, e := range c.Entries {
		for _, a := range e.Authors {
			if !derived[a.Person] {
				continue
			}
			delete(derived, a.Person)
			line := a.Line
			if line == 0 {
				line = e.Lines[0]
			}
			out = append(out, Candidate{Name: a.Name, Capture: e.Capture, Line: line})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { // in the order of the captures' lines, as check prints
		if out[i].Capture != out[j].Capture {
			return out[i].Capture < out[j].Capture
		}
		return out[i].Line < out[j].Line
	})
	return out
}
