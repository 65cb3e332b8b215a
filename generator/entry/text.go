package entry

import "strings"

// PlainText returns the entry's body as plain text, one block a paragraph,
// list items as "• " lines, figures by their caption or alt text, and embeds
// as "[Twitter post]".
func (e *Entry) PlainText() string {
	var parts []string
	for _, b := range e.Body {
		if s := b.PlainText(); s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, "\n\n")
}

// PlainText returns one block as plain text.
func (b *Block) PlainText() string {
	switch b.Type {
	case BlockList:
		var items []string
		for _, it := range b.Items {
			items = append(items, "• "+it.Text)
		}
		return strings.Join(items, "\n")
	case BlockQuote:
		if b.Speaker != "" {
			return b.Text + " — " + b.Speaker
		}
		return b.Text
	case BlockFigure:
		s := b.Caption
		if s == "" {
			s = b.Alt
		}
		if s == "" {
			return ""
		}
		return "[Photo: " + s + "]"
	case BlockVideo:
		return "[Video: " + b.Caption + "]"
	case BlockEmbed:
		return "[" + b.Provider + " post]"
	case BlockRelated:
		return "[Related: " + b.Text + "]"
	}
	return b.Text
}

// Words returns the running text of the entry's title and body that people
// and terms are found in: paragraphs, list items, quotes, captions, related
// headlines.
func (e *Entry) Words() []string {
	out := []string{e.Title}
	for _, b := range e.Body {
		switch b.Type {
		case BlockList:
			for _, it := range b.Items {
				out = append(out, it.Text)
			}
		case BlockFigure, BlockVideo:
			if b.Caption != "" {
				out = append(out, b.Caption)
			}
		case BlockEmbed:
		default:
			out = append(out, b.Text)
		}
	}
	return out
}

// AuthorNames lists the names of the entry's authors.
func (e *Entry) AuthorNames() []string {
	var names []string
	for _, a := range e.Authors {
		names = append(names, a.Name)
	}
	return names
}
