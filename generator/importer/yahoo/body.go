package yahoo

import (
	"strings"

	"chronicle/generator/entry"
	"chronicle/generator/importer/capture"
)

// body reads the lines of one entry after its header.
type body struct {
	d           *capture.Doc
	index       int             // the entry's index in d.Entries
	first, last int             // the body's lines
	titles      map[string]bool // the titles of the page's entries, folded
	blocks      []entry.Block
	end         int // the last line of the entry's blocks, 0 while none
	// closed is set by the comments notice: the page ends there, and what
	// follows belongs to no entry.
	closed bool
}

// recognisers, most specific first. A paragraph takes whatever is left.
var recognisers = []capture.Recogniser[*body]{readBoilerplate, readAfterClose, readList, readFigure, readRelated, readParagraph}

// read runs the recognisers over the body.
func (b *body) read() { capture.Walk(b.d, b, b.first, b.last, recognisers, nil) }

// readAfterClose passes over a line after the comments notice, which closed
// the page: it belongs to no entry, and is left for the ledger to report
// (boilerplate after the notice is still read as such, before this).
func readAfterClose(b *body, n int) (int, bool) {
	if !b.closed {
		return n, false
	}
	return n + 1, true
}

// add appends a block and claims its lines for the entry.
func (b *body) add(bl entry.Block) {
	b.blocks = append(b.blocks, bl)
	b.d.Claim(bl.Lines[0], bl.Lines[1], b.index, "body")
	b.end = max(b.end, bl.Lines[1])
}

// readBoilerplate claims boilerplate. A failed widget inside an entry stands
// for an embed whose content was not captured; the comments notice closes
// the page.
func readBoilerplate(b *body, n int) (int, bool) {
	field, end, widget := boilerplate(b.d, n, b.last)
	if field == "" {
		return n, false
	}
	b.d.Claim(n, end, -1, field)
	if widget && !b.closed {
		b.blocks = append(b.blocks, entry.Block{Type: entry.BlockEmbed, Lines: [2]int{n, end}})
		b.end = max(b.end, end)
	}
	if field == fieldCommentsNotice {
		b.closed = true
	}
	return end + 1, true
}

// readList reads a list of bullets.
func readList(b *body, n int) (int, bool) {
	items, end, ok := listAt(b.d, n, b.last)
	if !ok {
		return n, false
	}
	b.add(entry.Block{Type: entry.BlockList, Items: items, Lines: [2]int{n, end}})
	return end + 1, true
}

// readFigure reads a photo caption printed twice.
func readFigure(b *body, n int) (int, bool) {
	if !captionPair(b.d, n, b.last) {
		return n, false
	}
	caption, credit := splitCredit(b.d.Line(n))
	b.add(entry.Block{Type: entry.BlockFigure, Caption: caption, Credit: credit, Lines: [2]int{n, n + 1}})
	return n + 2, true
}

// readRelated reads the headline of a related article.
func readRelated(b *body, n int) (int, bool) {
	s := strings.TrimSpace(b.d.Line(n))
	if !relatedShaped(s) {
		return n, false
	}
	m := nextText(b.d, n, b.last)
	if m == n+1 {
		return n, false // a headline stands alone
	}
	c := relatedContext{line: s, isTitle: b.titles[fold(s)]}
	if len(b.blocks) > 0 && b.blocks[len(b.blocks)-1].Type == entry.BlockParagraph {
		c.prev = b.blocks[len(b.blocks)-1].Text
	}
	if m == 0 {
		c.last = true
	} else if field, _, _ := boilerplate(b.d, m, b.last); field == fieldCommentsNotice {
		c.last = true
	} else {
		c.next = strings.TrimSpace(b.d.Line(m))
	}
	if !isRelated(c) {
		return n, false
	}
	text, links := capture.StripExternal(s)
	b.add(entry.Block{Type: entry.BlockRelated, Text: text, Links: links, Lines: [2]int{n, n}})
	return n + 1, true
}

// readParagraph reads a paragraph, joined to the ones that continue it.
func readParagraph(b *body, n int) (int, bool) {
	text, end := paragraphAt(b.d, n, b.last)
	text, links := capture.StripExternal(text)
	b.add(entry.Block{Type: entry.BlockParagraph, Text: text, Links: links, Lines: [2]int{n, end}})
	return end + 1, true
}
