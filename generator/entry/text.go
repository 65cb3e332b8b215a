package entry

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

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

// IndexWord returns the index of the first w in text that stands as a word:
// neither the character before it nor the one after is a letter or a digit
// (any script; so "Nato" is found in "Nato’s" and "“Nato”" but not in
// "Natoist"). It returns -1 when there is none. The match is exact: lower
// both sides first for a match that ignores case.
func IndexWord(text, w string) int {
	for off := 0; w != ""; {
		i := strings.Index(text[off:], w)
		if i < 0 {
			return -1
		}
		i += off
		before, _ := utf8.DecodeLastRuneInString(text[:i])
		after, _ := utf8.DecodeRuneInString(text[i+len(w):])
		if !isWordRune(before) && !isWordRune(after) {
			return i
		}
		_, size := utf8.DecodeRuneInString(text[i:])
		off = i + size
	}
	return -1
}

// ContainsWord reports whether w stands as a word in text (see IndexWord).
func ContainsWord(text, w string) bool { return IndexWord(text, w) >= 0 }

func isWordRune(r rune) bool {
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// ProseText returns the entry's words as plain text, with no markup of
// its own: paragraphs, list items (one a line) and quotes, one block a
// paragraph. Figures, videos, embeds and related links are left out: they
// are blocks of their own in the data.
func (e *Entry) ProseText() string {
	var parts []string
	for _, b := range e.Body {
		switch b.Type {
		case BlockParagraph, BlockQuote:
			if b.Text != "" {
				parts = append(parts, b.Text)
			}
		case BlockList:
			var items []string
			for _, it := range b.Items {
				items = append(items, it.Text)
			}
			parts = append(parts, strings.Join(items, "\n"))
		}
	}
	return strings.Join(parts, "\n\n")
}

// WordKey is s in lower case, its words (letters and digits) joined by
// single spaces, with no punctuation: for telling whether two texts say
// the same words (a quote reported twice, a headline and the speech it
// shortens).
func WordKey(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ")
}
