package pages

import (
	"sort"
	"strings"

	"chronicle/generator/entry"
)

// termFront is a glossary term shown under an entry that uses it.
type termFront struct {
	ID         string `json:"id"`
	Term       string `json:"term"`
	Definition string `json:"definition,omitempty"` // Markdown, written by the editors; under entries, taken from the glossary page
}

// mark is a run of a block's text to wrap in a link that a render hook
// (templates/_markup/render-link.html) draws: a link of the
// original page (ext) or the first use of a glossary term (term).
type mark struct {
	start, end int
	open       string
	close      string
}

// termFinder finds the first use of each glossary term in an entry.
type termFinder struct {
	terms []entry.Term
}

// first returns, for one block's text, where terms not yet used in the entry
// first appear, and records them as used. Matching is case-sensitive with
// word boundaries, on the term and its aliases; the earliest, then longest,
// match wins.
func (f termFinder) first(text string, used map[string]bool, avoid []entry.Span) []mark {
	var out []mark
	for _, t := range f.terms {
		if used[t.ID] {
			continue
		}
		best, bestEnd := -1, -1
		// The term's spellings (Term.Spellings), without making a slice of
		// them for every block of every entry.
		for _, spellings := range [3][]string{{t.Term}, t.Aliases, t.Misspellings} {
			for _, a := range spellings {
				if i := entry.IndexWord(text, a); i >= 0 && (best < 0 || i < best || (i == best && i+len(a) > bestEnd)) {
					best, bestEnd = i, i+len(a)
				}
			}
		}
		if best < 0 || overlaps(best, bestEnd, avoid) || overlapsMarks(best, bestEnd, out) {
			continue
		}
		used[t.ID] = true
		out = append(out, mark{best, bestEnd, "[", "](chronicle:term:" + t.ID + ")"})
	}
	return out
}

func overlaps(start, end int, spans []entry.Span) bool {
	for _, s := range spans {
		if start < s.End && s.Start < end {
			return true
		}
	}
	return false
}

func overlapsMarks(start, end int, ms []mark) bool {
	for _, m := range ms {
		if start < m.end && m.start < end {
			return true
		}
	}
	return false
}

// marked escapes text and wraps the marked runs in their links.
func marked(text string, links []entry.Span, terms []mark) string {
	ms := append([]mark(nil), terms...)
	for _, l := range links {
		if l.Start >= 0 && l.End <= len(text) && l.Start < l.End {
			ms = append(ms, mark{l.Start, l.End, "[", "](chronicle:ext)"})
		}
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].start < ms[j].start })
	var b strings.Builder
	pos := 0
	for _, m := range ms {
		if m.start < pos {
			continue
		}
		b.WriteString(Escape(text[pos:m.start]))
		b.WriteString(m.open + Escape(text[m.start:m.end]) + m.close)
		pos = m.end
	}
	b.WriteString(Escape(text[pos:]))
	return b.String()
}
