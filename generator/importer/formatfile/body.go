package formatfile

import (
	"strings"

	"chronicle/generator/entry"
	"chronicle/generator/importer/capture"
)

// body is the state of one entry's body as the recognisers read it.
type body struct {
	r     *reading
	e     *entry.Entry
	index int // the entry's index in the document's entries
	last  int // the body's last line
	end   int // the last line taken so far
	list  *entry.Block
}

// bodyRecognisers read an entry's body, in their order of priority: lines
// already claimed (boilerplate, dates), markers, bylines, the title where it
// follows the header, photo captions, list items, and paragraphs last.
var bodyRecognisers = []capture.Recogniser[*body]{
	(*body).claimed, (*body).markerLine, (*body).bylineLine, (*body).titleLine,
	(*body).figureLine, (*body).itemLine, (*body).paragraphLine,
}

// take claims line n for the entry.
func (b *body) take(n int, field string) {
	b.r.d.Claim(n, n, b.index, field)
	b.end = max(b.end, n)
}

// text is line n without its outer spaces.
func (b *body) text(n int) string { return strings.TrimSpace(b.r.d.Line(n)) }

// claimed passes over a line claimed before the entries were read.
func (b *body) claimed(n int) (int, bool) {
	if b.r.d.UseOf(n) == nil {
		return 0, false
	}
	b.end = max(b.end, n)
	return n + 1, true
}

// markerLine reads a kind marker inside the entry.
func (b *body) markerLine(n int) (int, bool) {
	k := b.r.marker(n)
	if k == "" {
		return 0, false
	}
	b.e.Kind = entry.Kind(k)
	b.take(n, "marker")
	return n + 1, true
}

// bylineLine reads a line that names the entry's authors.
func (b *body) bylineLine(n int) (int, bool) {
	m, ok := matchAny(b.r.f.byline, b.r.d.Line(n))
	if !ok {
		return 0, false
	}
	b.flushList()
	b.e.Authors = append(b.e.Authors, authors(m.parts["author"], m.parts["role"])...)
	b.take(n, "byline")
	return n + 1, true
}

// titleLine reads the title where the layout puts it after the header: the
// first line of the body, or with after-if-short only when it reads as a
// title (short, not ending a sentence).
func (b *body) titleLine(n int) (int, bool) {
	f := b.r.f.Title
	if b.e.Title != "" || len(b.e.Body) > 0 || b.list != nil || (f != TitleAfter && f != TitleAfterIfShort) {
		return 0, false
	}
	if f == TitleAfterIfShort && !readsAsTitle(b.text(n)) {
		return 0, false
	}
	b.title(n)
	return n + 1, true
}

// readsAsTitle: at most 20 words, and not ending as a sentence or a clause
// does (a full stop, a colon).
func readsAsTitle(s string) bool {
	s = strings.TrimRight(s, "”’\"' ")
	return capture.WordCount(s) <= 20 && !strings.HasSuffix(s, ".") && !strings.HasSuffix(s, ":")
}

// title takes line n as the entry's title.
func (b *body) title(n int) {
	b.e.Title, _ = capture.StripExternal(b.text(n))
	b.take(n, "title")
}

// figureLine reads a photo's caption.
func (b *body) figureLine(n int) (int, bool) {
	var m match
	last, ok := 0, false
	for _, p := range b.r.f.figure {
		if m, last, ok = b.r.matchLines(p, n); ok {
			break
		}
	}
	if !ok || last > b.last {
		return 0, false
	}
	b.flushList()
	caption := m.parts["caption"]
	if caption == "" && m.parts["credit"] == "" && m.parts["alt"] == "" {
		caption = b.text(n)
	}
	b.e.Body = append(b.e.Body, entry.Block{Type: entry.BlockFigure, Caption: caption, Credit: m.parts["credit"], Alt: m.parts["alt"], Lines: [2]int{n, last}})
	b.r.d.Claim(n, last, b.index, "figure")
	b.end = max(b.end, last)
	return last + 1, true
}

// itemLine reads a list item, adding it to the list the items before it
// began.
func (b *body) itemLine(n int) (int, bool) {
	m, ok := matchAny(b.r.f.item, b.r.d.Line(n))
	if !ok {
		return 0, false
	}
	text := m.parts["text"]
	if text == "" {
		text = b.text(n)
	}
	t, links := capture.StripExternal(text)
	if b.list == nil {
		b.list = &entry.Block{Type: entry.BlockList, Lines: [2]int{n, n}}
	}
	b.list.Items = append(b.list.Items, entry.Block{Type: entry.BlockItem, Text: t, Links: links, Lines: [2]int{n, n}})
	b.list.Lines[1] = n
	b.take(n, "body")
	return n + 1, true
}

// flushList ends the list being read, if any.
func (b *body) flushList() {
	if b.list != nil {
		b.e.Body = append(b.e.Body, *b.list)
		b.list = nil
	}
}

// paragraphLine reads any other line as a paragraph.
func (b *body) paragraphLine(n int) (int, bool) {
	b.paragraph(b.text(n), n)
	b.take(n, "body")
	return n + 1, true
}

// paragraph adds a paragraph of text from line n.
func (b *body) paragraph(s string, n int) {
	b.flushList()
	t, links := capture.StripExternal(s)
	b.e.Body = append(b.e.Body, entry.Block{Type: entry.BlockParagraph, Text: t, Links: links, Lines: [2]int{n, n}})
}
