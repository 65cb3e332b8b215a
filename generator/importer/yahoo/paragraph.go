package yahoo

import (
	"strings"

	"chronicle/generator/importer/capture"
)

// paragraphAt reads the paragraph at line n, up to line last. The capture
// sometimes breaks a paragraph mid-sentence (`…clarifications from Mr` /
// blank / `Putin and emphasise…`); the paragraphs that continue it are joined
// to it with a single space. It returns the text and its last line.
func paragraphAt(d *capture.Doc, n, last int) (string, int) {
	text := strings.TrimSpace(d.Line(n))
	var joined strings.Builder // the text so far, once a second paragraph joins it
	end := n
	for {
		m := nextText(d, end, last)
		if m == 0 || !plainLine(d, m, last) {
			break
		}
		next := strings.TrimSpace(d.Line(m))
		if !continues(text, next) {
			break
		}
		if joined.Len() == 0 {
			joined.WriteString(text)
		}
		joined.WriteByte(' ')
		joined.WriteString(next)
		text, end = next, m // continues looks at the end of the text only
	}
	if joined.Len() > 0 {
		return joined.String(), end
	}
	return text, end
}

// plainLine reports whether line m is plain text, that a broken paragraph
// may continue on: not boilerplate, a bullet or a photo caption.
func plainLine(d *capture.Doc, m, last int) bool {
	if field, _, _ := boilerplate(d, m, last); field != "" {
		return false
	}
	if _, ok := bullet(d.Line(m)); ok {
		return false
	}
	return !captionPair(d, m, last)
}

// continues reports whether paragraph b carries on the sentence that
// paragraph a leaves open. A name cue at the end of a (`…from Mr`) is the
// surest sign; otherwise a must end without sentence punctuation, and b
// start in lower case or a end on a word no sentence ends on (`the`, `of`).
func continues(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	if isNameCue(lastWord(a)) {
		return true
	}
	if endsTerminal(a) {
		return false
	}
	return startsLower(b) || isLinkWord(bareLastWord(a))
}
