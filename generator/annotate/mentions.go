package annotate

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"chronicle/generator/entry"
)

// token is one word of a text, with its byte offsets.
type token struct {
	Word       string
	Start, End int
}

// tokenize splits text into words: runs of letters, digits, and apostrophes
// inside a word; a possessive 's is dropped from the word. Hyphens split
// words, so "Lavrov-Blinken" names two people (aliases are split the same way).
func tokenize(s string) []token {
	var out []token
	start := -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		w := s[start:end]
		for _, suf := range []string{"'s", "’s", "'", "’"} {
			if strings.HasSuffix(w, suf) && len(w) > len(suf) {
				w = w[:len(w)-len(suf)]
				break
			}
		}
		w = strings.Trim(w, "'’")
		if w != "" {
			out = append(out, token{Word: w, Start: start, End: start + len(w)})
		}
		start = -1
	}
	for i, r := range s {
		inWord := unicode.IsLetter(r) || unicode.IsDigit(r) || ((r == '\'' || r == '’') && start >= 0)
		if inWord {
			if start < 0 {
				start = i
			}
			continue
		}
		flush(i)
	}
	flush(len(s))
	return out
}

// honorifics may stand before a surname to refer to someone already named.
var honorifics = map[string]bool{"Mr": true, "Ms": true, "Mrs": true, "Miss": true, "Dr": true, "President": true, "Sir": true, "Chancellor": true}

// honorificPronoun is the pronoun a gendered honorific goes with: "Mr
// Johnson" is not Kate Johnson, "Ms Johnson" not Boris Johnson. The
// registry gives a person's pronoun ("he" unless it says "she").
var honorificPronoun = map[string]string{"Mr": "he", "Sir": "he", "Ms": "she", "Mrs": "she", "Miss": "she"}

// alias is one way of writing a person's name, as words.
type alias struct {
	words  []string
	person string
	full   bool // more than one word: names the person outright
}

// Mention is one place an entry names a person.
type Mention struct {
	Person string
	Part   int // index into Entry.Words()
	Start  int // byte offsets in that part
	End    int
	Label  string // as written
}

// Matcher finds people in text: registry names and aliases, then surname-only
// and honorific + surname follow-ups.
type Matcher struct {
	byFirst  map[string][]alias  // first word → aliases starting with it, longest first
	surnames map[string][]string // surname → person IDs
	pronouns map[string]string   // person ID → "she", for those the registry says so
}

// NewMatcher indexes the people's names and aliases.
func NewMatcher(people []entry.Person) *Matcher {
	m := &Matcher{byFirst: map[string][]alias{}, surnames: map[string][]string{}, pronouns: map[string]string{}}
	for _, p := range people {
		if p.Pronoun != "" {
			m.pronouns[p.ID] = p.Pronoun
		}
		names := p.Spellings()
		for _, n := range names {
			words := words(n)
			if len(words) == 0 {
				continue
			}
			m.byFirst[words[0]] = append(m.byFirst[words[0]], alias{words: words, person: p.ID, full: len(words) > 1})
		}
		if w := words(p.Name); len(w) > 1 {
			s := w[len(w)-1]
			m.surnames[s] = appendUnique(m.surnames[s], p.ID)
		}
	}
	for k, as := range m.byFirst {
		sortAliases(as)
		m.byFirst[k] = as
	}
	return m
}

func words(s string) []string {
	var out []string
	for _, t := range tokenize(s) {
		out = append(out, t.Word)
	}
	return out
}

// sortAliases puts longer aliases first so "Volodymyr Zelensky" wins over
// "Volodymyr".
func sortAliases(as []alias) {
	for i := 1; i < len(as); i++ {
		for j := i; j > 0 && len(as[j].words) > len(as[j-1].words); j-- {
			as[j], as[j-1] = as[j-1], as[j]
		}
	}
}

func appendUnique(s []string, v string) []string {
	for _, x := range s {
		if x == v {
			return s
		}
	}
	return append(s, v)
}

// Find returns the mentions in the parts of one entry, in order. Follow-ups
// (a bare surname, or Mr/Ms/President + surname) count for a person once the
// entry has named them in full; an honorific + surname also counts when only
// one person in the registry has that surname.
func (m *Matcher) Find(parts []string) []Mention {
	var out []Mention
	named := map[string]bool{} // people named in full so far
	for pi, part := range parts {
		toks := tokenize(part)
		for i := 0; i < len(toks); i++ {
			a, n := m.matchAlias(toks, i)
			who := ""
			if n > 0 {
				who = m.owner(a, named)
				if n > len(a.words) && !m.fits(toks[i].Word, who) {
					who = "" // "Kate Johnson … Mr Johnson": not her
				}
			}
			if who != "" {
				out = append(out, Mention{Person: who, Part: pi, Start: toks[i].Start, End: toks[i+n-1].End, Label: part[toks[i].Start:toks[i+n-1].End]})
				if a.full {
					named[a.person] = true
				}
				i += n - 1
				continue
			}
			if id, n := m.matchFollowUp(toks, i, named); id != "" {
				out = append(out, Mention{Person: id, Part: pi, Start: toks[i].Start, End: toks[i+n-1].End, Label: part[toks[i].Start:toks[i+n-1].End]})
				i += n - 1
			} else if honorificPronoun[toks[i].Word] != "" && i+1 < len(toks) && startsUpper(toks[i+1].Word) {
				i++ // "Ms Johnson" with no woman of that name: not Boris Johnson either
			}
		}
	}
	return out
}

// matchAlias tries the aliases that start at token i; it returns the alias
// and how many tokens it spans. An honorific before a one-word alias is taken
// with it.
func (m *Matcher) matchAlias(toks []token, i int) (alias, int) {
	start := i
	if h := toks[i].Word; honorifics[h] && i+1 < len(toks) {
		if a, n := m.matchAt(toks, i+1); n > 0 && m.fits(h, a.person) {
			return a, n + 1
		}
	}
	a, n := m.matchAt(toks, start)
	return a, n
}

// owner returns who a matched alias names. A one-word alias that is also
// the surname of someone else the entry has named in full names that other
// person ("Kate Johnson ... Ms Johnson" is not Boris Johnson); when the
// alias's owner is named in full too, it names no one.
func (m *Matcher) owner(a alias, named map[string]bool) string {
	if a.full {
		return a.person
	}
	other := ""
	for _, id := range m.surnames[a.words[len(a.words)-1]] {
		if id != a.person && named[id] {
			if other != "" {
				return ""
			}
			other = id
		}
	}
	switch {
	case other == "":
		return a.person
	case named[a.person]:
		return ""
	}
	return other
}

func (m *Matcher) matchAt(toks []token, i int) (alias, int) {
	for _, a := range m.byFirst[toks[i].Word] {
		if i+len(a.words) > len(toks) {
			continue
		}
		ok := true
		for k, w := range a.words {
			if toks[i+k].Word != w {
				ok = false
				break
			}
		}
		if ok {
			return a, len(a.words)
		}
	}
	return alias{}, 0
}

// matchFollowUp reads a bare surname or honorific + surname at token i.
func (m *Matcher) matchFollowUp(toks []token, i int, named map[string]bool) (string, int) {
	w := toks[i].Word
	if honorifics[w] && i+1 < len(toks) {
		var ids []string
		for _, id := range m.surnames[toks[i+1].Word] {
			if m.fits(w, id) {
				ids = append(ids, id)
			}
		}
		if id := pick(ids, named); id != "" {
			return id, 2
		}
		if len(ids) == 1 && startsUpper(toks[i+1].Word) {
			return ids[0], 2
		}
		return "", 0
	}
	if id := pick(m.surnames[w], named); id != "" {
		return id, 1
	}
	return "", 0
}

// fits reports whether an honorific can stand before a person's surname.
func (m *Matcher) fits(honorific, id string) bool {
	want := honorificPronoun[honorific]
	return want == "" || pronounOf(m.pronouns, id) == want
}

// pick returns the one person among ids already named in full, or "" when
// none or several are.
func pick(ids []string, named map[string]bool) string {
	found := ""
	for _, id := range ids {
		if named[id] {
			if found != "" {
				return ""
			}
			found = id
		}
	}
	return found
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}
