package bbc

import (
	"strings"

	"chronicle/generator/entry"
	"chronicle/generator/importer/capture"
)

// body is the state of one entry's body as the recognisers read it
// (capture.Walk hands each position to them in turn; the first that
// matches takes the lines it needs).
type body struct {
	d     *capture.Doc
	index int // the entry's index in d.Entries
	e     *entry.Entry
	first int  // the first line of the body
	end   int  // the last line of the body
	start bool // the line read is the first after the header
	// keepStart lets a marker line leave the body at its start, so that a
	// byline may still follow it.
	keepStart bool
	// headerIndent is how far the entry's header line is indented; a
	// numbered line indented as little inside the body is a header
	// without its time (readUntimedHeader).
	headerIndent int
}

// recognisers, most specific first. A paragraph takes whatever is left.
var recognisers = []capture.Recogniser[*body]{
	readUntimedHeader,
	readEmbed,
	readPullQuote,
	readMarkerAfterHeader,
	readSourceCredit,
	readByline,
	readInlineByline,
	readImage,
	readImageCaption,
	readVideo,
	readList,
	readAltText,
	readParagraph,
}

// read runs the recognisers over the body.
func (b *body) read() {
	capture.Walk(b.d, b, b.first, b.end, recognisers, func(b *body) { b.start, b.keepStart = b.keepStart, false })
}

// textAt is line n without its indent, or "" outside the body.
func (b *body) textAt(n int) string {
	if n > b.end {
		return ""
	}
	return strings.TrimSpace(b.d.Line(n))
}

// nextNonBlank is the first non-blank line after n within the body, or 0.
func (b *body) nextNonBlank(n int) int {
	for m := n + 1; m <= b.end; m++ {
		if !b.d.Blank(m) {
			return m
		}
	}
	return 0
}

// add appends a block that came from lines first..last, claims them, and
// returns the line after them.
func (b *body) add(blk entry.Block, first, last int, field string) int {
	blk.Lines = [2]int{first, last}
	b.e.Body = append(b.e.Body, blk)
	b.d.Claim(first, last, b.index, field)
	return last + 1
}

// indent counts the spaces a line starts with.
func indent(line string) int { return len(line) - len(strings.TrimLeft(line, " ")) }
