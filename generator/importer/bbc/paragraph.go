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
func readList(b *body) bool {
	if !strings.HasPrefix(b.text(), bullet) {
		return false
	}
	blk := entry.Block{Type: entry.BlockList}
	first, last := b.n, b.n
	for m := b.n; m != 0 && strings.HasPrefix(b.textAt(m), bullet); m = b.nextNonBlank(m) {
		text, links := capture.StripExternal(strings.TrimSpace(strings.TrimPrefix(b.textAt(m), bullet)))
		blk.Items = append(blk.Items, entry.Block{Type: entry.BlockItem, Text: text, Links: links, Lines: [2]int{m, m}})
		last = m
	}
	b.add(blk, first, last, "list")
	return true
}

// readParagraph takes a line as a paragraph, with ", external" link markers
// turned into links.
func readParagraph(b *body) bool {
	text, links := capture.StripExternal(b.text())
	b.add(entry.Block{Type: entry.BlockParagraph, Text: text, Links: links}, b.n, b.n, "body")
	return true
}

// readMarkerAfterHeader recognises a kind marker printed on the first line
// after an entry's header ("Breaking").
func readMarkerAfterHeader(b *body) bool {
	if !b.start {
		return false
	}
	kind, number, ok := parseMarker(b.text())
	if !ok || number != 0 {
		return false
	}
	b.e.Kind = kind
	b.d.Claim(b.n, b.n, b.index, "marker")
	b.n++
	b.keepStart = true
	return true
}
