package bbc

import (
	"strings"

	"chronicle/generator/entry"
	"chronicle/generator/importer/capture"
)

// bullet starts a list item.
const bullet = "•"

// readList recognises bullet lines, consecutive or separated by blanks, as
// one list.
func readList(b *body, n int) (int, bool) {
	if !strings.HasPrefix(b.textAt(n), bullet) {
		return n, false
	}
	blk := entry.Block{Type: entry.BlockList}
	first, last := n, n
	for m := n; m != 0 && strings.HasPrefix(b.textAt(m), bullet); m = b.nextNonBlank(m) {
		text, links := capture.StripExternal(strings.TrimSpace(strings.TrimPrefix(b.textAt(m), bullet)))
		blk.Items = append(blk.Items, entry.Block{Type: entry.BlockItem, Text: text, Links: links, Lines: [2]int{m, m}})
		last = m
	}
	return b.add(blk, first, last, "list"), true
}

// readParagraph takes a line as a paragraph, with ", external" link markers
// turned into links.
func readParagraph(b *body, n int) (int, bool) {
	text, links := capture.StripExternal(b.textAt(n))
	return b.add(entry.Block{Type: entry.BlockParagraph, Text: text, Links: links}, n, n, "body"), true
}

// readMarkerAfterHeader recognises a kind marker printed on the first line
// after an entry's header ("Breaking").
func readMarkerAfterHeader(b *body, n int) (int, bool) {
	if !b.start {
		return n, false
	}
	kind, number, ok := parseMarker(b.textAt(n))
	if !ok || number != 0 {
		return n, false
	}
	b.e.Kind = kind
	b.d.Claim(n, n, b.index, "marker")
	b.keepStart = true
	return n + 1, true
}
