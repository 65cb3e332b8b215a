package yahoo

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"chronicle/generator/importer/capture"
)

// maxRelatedWords bounds the headline of a related article.
const maxRelatedWords = 30

// relatedContext is what the related-article recogniser looks at: a line
// standing alone, the paragraph before it and the line after it in the same
// entry.
type relatedContext struct {
	line, prev, next string
	last             bool // nothing of the entry follows the line
	isTitle          bool // the line is also the title of an entry of the page
}

// leadCues, found in the last sentence of the paragraph before a related
// headline, announce it: `Alexandra Alper has more details.`, `Holly
// Bancroft reports:`.
var leadCues = [...]string{
	"has more details", "has more", "has the story", "has the latest", "has the full story",
	"reports", "report:", "explains", "details why", "analysis from", "more context",
	"writes", "read more", "find out more", "more on this",
}

// backCues, in a short line after a related headline, point back at it:
// `Erik Kirschbaum explains in this report why.`
var backCues = [...]string{"in this report", "this report", "explains", "has the story", "has more", "read more"}

// maxBackCueWords bounds a line that points back at a headline.
const maxBackCueWords = 15

// isRelated reports whether c.line is the headline of a related article:
// shaped like a headline, and announced by the paragraph before it, pointed
// back at by the line after it, or repeating an entry's title. Standing last
// in its entry adds a little weight, never enough on its own.
func isRelated(c relatedContext) bool {
	if !relatedShaped(c.line) {
		return false
	}
	score := 0
	if leadsIn(c.prev) {
		score += 3
	}
	if pointsBack(c.next) {
		score += 3
	}
	if c.isTitle {
		score += 3
	}
	if c.last {
		score++
	}
	return score >= 3
}

// relatedShaped reports whether s looks like a headline: a few words, opened
// by a capital, digit or single quote (a double quote opens speech), ended
// without sentence punctuation, and not on a word that leaves the sentence
// open or points at a link. A question mark may end it; so may a cut (`…centre
// stag`).
func relatedShaped(s string) bool {
	if endsSentence(s) {
		return false
	}
	n := capture.WordCount(s)
	if n < 2 || n > maxRelatedWords {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(r) && !unicode.IsDigit(r) && r != '‘' && r != '\'' {
		return false
	}
	w := bareLastWord(s)
	return !isOpenWord(w) && !isPointer(w) && w != "this" && !isNameCue(lastWord(s))
}

// openWords are the link words no headline ends on. A headline may end on a
// preposition (`…what’s going on`), but not on an article, a conjunction or
// a possessive: a line that does is a paragraph cut short.
var openWords = [...]string{"a", "an", "the", "of", "and", "or", "but", "nor", "from", "than", "whose", "his", "her", "their", "its", "our", "your", "my"}

func isOpenWord(w string) bool {
	return slices.Contains(openWords[:], w)
}

// leadsIn reports whether a paragraph announces a link to another article:
// it ends with a colon, names one of the paper's writers, or its last
// sentence carries a lead cue.
func leadsIn(p string) bool {
	p = strings.TrimSpace(p)
	if p == "" {
		return false
	}
	if strings.HasSuffix(p, ":") || strings.Contains(p, "Independent’s") || strings.Contains(p, "Independent's") {
		return true
	}
	last := strings.ToLower(lastSentence(p))
	for _, c := range leadCues {
		if strings.Contains(last, c) {
			return true
		}
	}
	return false
}

// pointsBack reports whether a short line refers to the headline above it.
func pointsBack(s string) bool {
	if s == "" || capture.WordCount(s) > maxBackCueWords {
		return false
	}
	s = strings.ToLower(s)
	for _, c := range backCues {
		if strings.Contains(s, c) {
			return true
		}
	}
	return false
}

// lastSentence returns the last sentence of paragraph p.
func lastSentence(p string) string {
	body := p[:max(len(p)-1, 0)]
	start := 0
	for _, sep := range [...]string{". ", "? ", "! ", ".” ", "?” ", ".\" "} {
		if i := strings.LastIndex(body, sep); i >= 0 && i+len(sep) > start {
			start = i + len(sep)
		}
	}
	return p[start:]
}
