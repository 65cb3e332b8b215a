package yahoo

import (
	"strings"

	"chronicle/generator/importer/capture"
)

// maxTitleWords bounds an entry title; a longer line is a paragraph.
const maxTitleWords = 30

// findTitle returns the line of the title of the entry whose header is at
// line h: the last non-blank line above the header, not above line floor. It
// returns 0 when that line cannot be a title — a header, boilerplate, a
// bullet, the second copy of a photo caption, or a line that ends like a
// sentence. Such a line ends the previous entry's body, and the entry is an
// embed whose title was not captured either (002's `16:13 , Jane Dalton`).
func findTitle(d *capture.Doc, h, floor int) int {
	p := h - 1
	for p >= floor && d.Blank(p) {
		p--
	}
	if p < floor {
		return 0
	}
	line := d.Line(p)
	s := strings.TrimSpace(line)
	if _, ok := parseHeader(line); ok {
		return 0
	}
	if field, _, _ := boilerplate(d, p, p); field != "" {
		return 0
	}
	if _, ok := bullet(line); ok {
		return 0
	}
	if p > floor && strings.TrimSpace(d.Line(p-1)) == s {
		return 0
	}
	if !titleShaped(s) {
		return 0
	}
	return p
}

// titleShaped reports whether s can be a headline: not too long, not ending
// like a sentence, not pointing at a link (`…has a full report here`).
func titleShaped(s string) bool {
	return capture.WordCount(s) <= maxTitleWords && !endsSentence(s) && !isPointer(bareLastWord(s))
}
