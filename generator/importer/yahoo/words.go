package yahoo

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"chronicle/generator/importer/capture"
)

// closers are the quotes and brackets that may stand after the last word of
// a sentence or headline.
const closers = "\"'”’)]"

// endsSentence reports whether s ends a sentence or clause: . ! : ; , or
// before closing quotes. Unlike capture.EndsSentence, a closing quote alone
// does not end a sentence (headlines end with quoted words: `Russia ‘has a
// choice'`), and neither do ? and a trailing ellipsis, which end headlines as
// often as sentences (`…‘If Russia further invades Ukraine...'`).
func endsSentence(s string) bool {
	s = strings.TrimRight(strings.TrimRight(s, " \t"), closers)
	if strings.HasSuffix(s, "...") || strings.HasSuffix(s, "…") {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!:;,", r)
}

// endsTerminal reports whether s ends a sentence or a lead-in: . ! ? … : ;
// possibly before closing quotes.
func endsTerminal(s string) bool {
	s = strings.TrimRight(strings.TrimRight(s, " \t"), closers)
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?…:;", r)
}

// lastWord returns the last word of s with the punctuation around it.
func lastWord(s string) string {
	s = strings.TrimRight(s, " \t")
	return s[strings.LastIndexAny(s, " \t")+1:]
}

// bareLastWord returns the last word of s in lower case, without the
// punctuation around it.
func bareLastWord(s string) string {
	return strings.ToLower(strings.TrimFunc(lastWord(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}))
}

// startsLower reports whether s starts with a lower-case letter.
func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// nameCues are the words that stand before a name: a paragraph that ends in
// one was cut before the name.
var nameCues = [...]string{"Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Dame", "Lord", "Lady", "Prof", "Professor", "Gen", "Col", "Capt", "Rev", "St"}

// dottedNameCues are the name cues written with a full stop, which would
// otherwise end the sentence.
var dottedNameCues = [...]string{"Mr.", "Mrs.", "Ms.", "Dr."}

// isNameCue reports whether w ("Mr", "Mr.") is a name cue.
func isNameCue(w string) bool {
	return slices.Contains(dottedNameCues[:], w) || slices.Contains(nameCues[:], w)
}

// linkWords are words a sentence cannot end on: articles, prepositions,
// conjunctions, possessives.
var linkWords = [...]string{
	"a", "an", "the", "of", "to", "and", "or", "but", "nor", "from", "with", "by", "in",
	"on", "at", "for", "as", "into", "onto", "than", "that", "which", "who", "whose",
	"his", "her", "their", "its", "our", "your", "my",
}

// isLinkWord reports whether w, in lower case, is a link word.
func isLinkWord(w string) bool {
	return slices.Contains(linkWords[:], w)
}

// pointers are last words that point at a link elsewhere in the line
// (`Thomas Kingsley has a full report here`): such a line is a lead-in, not
// a headline.
var pointers = [...]string{"here", "below", "above"}

func isPointer(w string) bool {
	return slices.Contains(pointers[:], w)
}

// fold is the key two headlines are compared by.
func fold(s string) string {
	s, _ = capture.StripExternal(strings.TrimSpace(s))
	return strings.ToLower(s)
}
