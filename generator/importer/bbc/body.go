package bbc

import (
	"strings"

	"chronicle/generator/entry"
	"chronicle/generator/importer/capture"
)

// body walks the lines of one entry's body and hands each position to the
// recognisers in turn; the first that matches takes the lines it needs.
type body struct {
	d     *capture.Doc
	index int // the entry's index in d.Entries
	e     *entry.Entry
	n     int // the current line
	end   int // the last line of the body
	start bool
	// keepStart lets a marker line leave the body at its start, so that a
	// byline may still follow it.
	keepStart bool
}

// recogniser tries to read a block at the current line. It returns false, and
// takes nothing, when the line is not its kind.
type recogniser func(b *body) bool

// recognisers, most specific first. A paragraph takes whatever is left.
var recognisers = []recogniser{
	readEmbed,
	readPullQuote,
	readMarkerAfterHeader,
	readByline,
	readImage,
	readImageCaption,
	readVideo,
	readList,
	readAltText,
	readParagraph,
}

// read runs the recognisers over the body.
func (b *body) read() {
	for b.skipBlank(); b.n <= b.end; b.skipBlank() {
		for _, r := range recognisers {
			if r(b) {
				break
			}
		}
		b.start, b.keepStart = b.keepStart, false
	}
}

// text is the current line without its indent.
func (b *body) text() string { return strings.TrimSpace(b.d.Line(b.n)) }

// textAt is line n without its indent, or "" outside the body.
func (b *body) textAt(n int) string {
	if n > b.end {
		return ""
	}
	return strings.TrimSpace(b.d.Line(n))
}

func (b *body) skipBlank() {
	for b.n <= b.end && b.d.Blank(b.n) {
		b.n++
	}
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

// add appends a block that came from lines first..last and claims them.
func (b *body) add(blk entry.Block, first, last int, field string) {
	blk.Lines = [2]int{first, last}
	b.e.Body = append(b.e.Body, blk)
	b.d.Claim(first, last, b.index, field)
	b.n = last + 1
}
