package pages

import (
	"sort"
	"strings"

	"chronicle/generator/entry"
)

// kindGlossary: the glossary, every term with its definition and the
// entries that use it (glossary.md).
var kindGlossary = onePage{"glossary", "glossary.md"}

func writeGlossary(w *writer, emit func(job)) {
	emit(func() []page { return []page{w.glossary()} })
}

// glossaryFront is the glossary's front matter. Entries show the
// definitions of the terms they use from it, so its stub is all of it.
type glossaryFront struct {
	Title  string         `json:"title"`
	Layout string         `json:"layout"`
	Terms  []glossaryTerm `json:"terms"`
}

// glossaryTerm is a term on the glossary page.
type glossaryTerm struct {
	ID         string   `json:"id"`
	Term       string   `json:"term"`
	Aliases    []string `json:"aliases"`
	Misspelt   []string `json:"misspellings,omitempty"` // as the captures print them
	Definition string   `json:"definition"`
	Entries    []string `json:"entries"` // the first glossaryShown
	Uses       int      `json:"uses"`    // all of them
	Notes      []string `json:"notes"`
}

func (f glossaryFront) stub() any { return stubOf(f) }

func (w *writer) glossary() page {
	uses := map[string][]string{}
	for _, e := range w.c.Entries {
		text := strings.Join(e.Words(), "\n")
		for _, t := range w.c.Terms {
			for _, a := range t.Spellings() {
				if entry.ContainsWord(text, a) {
					uses[t.ID] = append(uses[t.ID], e.ID)
					break
				}
			}
		}
	}
	var terms []glossaryTerm
	for _, t := range w.c.Terms {
		used := uses[t.ID]
		terms = append(terms, glossaryTerm{t.ID, t.Term, nonNil(t.Aliases), t.Misspellings, EditorMarkdown(t.Definition), nonNil(used[:min(len(used), glossaryShown)]), len(used), w.notesAbout("term:" + t.ID)})
	}
	sort.SliceStable(terms, func(i, j int) bool { return strings.ToLower(terms[i].Term) < strings.ToLower(terms[j].Term) })
	return page{kind: kindGlossary, front: glossaryFront{Title: "Glossary", Layout: "glossary", Terms: nonNil(terms)}}
}

// glossaryShown is how many of the entries that use a term the glossary
// lists: a term used in thousands of entries would make the page too long to
// load.
const glossaryShown = 50
