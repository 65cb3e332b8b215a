package bbc

import (
	"chronicle/generator/entry"
	"chronicle/generator/importer/capture"
)

// pullQuoteMarker opens a pull quote: the marker, a blank, the quote, a blank,
// the speaker's name.
const pullQuoteMarker = "Quote Message"

// readPullQuote recognises a pull quote with its speaker.
func readPullQuote(b *body, n int) (int, bool) {
	if b.textAt(n) != pullQuoteMarker {
		return n, false
	}
	q := b.nextNonBlank(n)
	if q == 0 {
		return n, false
	}
	blk := entry.Block{Type: entry.BlockQuote, Text: b.textAt(q)}
	last := q
	if s := b.nextNonBlank(q); s != 0 && isSpeaker(b.textAt(s)) {
		blk.Speaker = b.textAt(s)
		last = s
	}
	return b.add(blk, n, last, "quote"), true
}

// isSpeaker reports whether a line is short enough, and unpunctuated enough,
// to be the name under a pull quote.
func isSpeaker(s string) bool {
	return s != "" && capture.WordCount(s) <= 8 && !capture.EndsSentence(s) && !capture.EndsClause(s) && !isHeaderLike(s)
}

// isHeaderLike reports whether a line is one of the page's own fixed lines,
// which must never be read as a name or an alt text.
func isHeaderLike(s string) bool {
	_, ok, _ := parseHeader(s)
	return ok || s == pullQuoteMarker || s == imageCaption || s == mediaCaption
}
