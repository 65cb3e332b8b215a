package bbc

import (
	"strings"
	"unicode"

	"chronicle/generator/entry"
	"chronicle/generator/importer/capture"
)

// readByline recognises a byline at the start of a body: a name line directly
// followed by a role line ("Paul Adams" / "BBC diplomatic correspondent"). A
// lone name with no role line is a photo's alt text, not a byline.
func readByline(b *body, n int) (int, bool) {
	if !b.start || n+1 > b.end {
		return n, false
	}
	name, role := b.textAt(n), b.textAt(n+1)
	if !isPersonName(name) || !isRole(role) {
		return n, false
	}
	b.e.Authors = append(b.e.Authors, entry.Author{Name: name, Role: role, Line: n})
	b.d.Claim(n, n+1, b.index, "byline")
	return n + 2, true
}

// isPersonName reports whether s looks like a person's name: two to five
// words, each capitalised or a name particle, no digits or punctuation.
func isPersonName(s string) bool {
	words := strings.Fields(s)
	if len(words) < 2 || len(words) > 5 {
		return false
	}
	for _, w := range words {
		if namePartikel[w] {
			continue
		}
		if !unicode.IsUpper([]rune(w)[0]) || !capitalised(w) || strings.ContainsFunc(w, unicode.IsDigit) {
			return false // a name's words are capitalised, with no digits
		}
	}
	return true
}

// namePartikel are the lower-case words that can stand inside a name.
var namePartikel = map[string]bool{"von": true, "der": true, "de": true, "van": true, "al": true, "bin": true, "da": true, "du": true, "la": true, "le": true}

// isRole reports whether s can be the role line of a byline: short, no
// sentence punctuation, and not one of the page's fixed lines.
func isRole(s string) bool {
	if s == "" || capture.WordCount(s) > 10 || capture.EndsSentence(s) || isHeaderLike(s) {
		return false
	}
	return !strings.Contains(s, imageSource) && !strings.HasPrefix(s, "•")
}

// readInlineByline recognises a byline on one line at the start of a body,
// as older pages print it: `The BBC's Claire Heald, at the scene`, `BBC's
// political editor Laura Kuenssberg`. The name is the person's name at the
// end of what stands before the comma; the words before the name and
// those after the comma are the role.
func readInlineByline(b *body, n int) (int, bool) {
	if !b.start {
		return n, false
	}
	rest, ok := cutBBCs(b.textAt(n))
	if !ok || capture.EndsSentence(rest) {
		return n, false
	}
	left, after, _ := strings.Cut(rest, ", ")
	words := strings.Fields(left)
	for k := min(len(words), 3); k >= 2; k-- {
		name := strings.Join(words[len(words)-k:], " ")
		if !isPersonName(name) {
			continue
		}
		role := strings.TrimSpace(strings.Join(words[:len(words)-k], " ") + " " + after)
		b.e.Authors = append(b.e.Authors, entry.Author{Name: name, Role: role, Line: n})
		b.d.Claim(n, n, b.index, "byline")
		return n + 1, true
	}
	return n, false
}

// cutBBCs cuts "The BBC's " or "BBC's " off the start of s.
func cutBBCs(s string) (string, bool) {
	for _, p := range []string{"The BBC's ", "The BBC’s ", "BBC's ", "BBC’s "} {
		if rest, ok := strings.CutPrefix(s, p); ok {
			return rest, true
		}
	}
	return "", false
}
