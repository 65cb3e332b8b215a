package pages

import "strings"

// Escape makes capture text safe to put in Markdown: it is shown exactly as
// written, never read as Markdown, HTML or a Hugo shortcode. Characters that
// mean something anywhere in a line are backslash-escaped; those that mean
// something only at the start of a line are escaped there.
func Escape(s string) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '{', '}', '&', '|', '~', '$', '!':
			b.WriteByte('\\')
		case '\n', '\r':
			c = ' ' // a block is one line; a newline would start a new Markdown block
		}
		b.WriteByte(c)
	}
	return escapeLineStart(b.String())
}

// escapeLineStart escapes what would open a block at the start of a line:
// headings, lists, thematic breaks, setext underlines, block quotes and
// ordered-list numbers.
func escapeLineStart(s string) string {
	t := strings.TrimLeft(s, " ")
	lead := s[:len(s)-len(t)]
	if len(lead) >= 4 {
		lead = "" // four spaces would make a code block
	}
	if t == "" {
		return s
	}
	switch t[0] {
	case '#', '-', '+', '=', '>':
		return lead + "\\" + t
	}
	// "1. " or "1) " starts an ordered list.
	i := 0
	for i < len(t) && i < 9 && t[i] >= '0' && t[i] <= '9' {
		i++
	}
	if i > 0 && i < len(t) && (t[i] == '.' || t[i] == ')') {
		return lead + t[:i] + "\\" + t[i:]
	}
	return lead + t
}

// EditorMarkdown makes the editors' Markdown (notes, glossary definitions)
// safe to hand to Hugo: it stays Markdown, but a Hugo shortcode in it is
// shown as written, never run. Each "{{<" or "{{%" becomes "{\{<" or
// "{\{%", which Hugo does not take for a shortcode and Markdown prints as
// "{{<". (Hugo's own comment form, {{</* … */>}}, would do in a page's
// body but is printed as it stands by RenderString, which draws the
// definitions.) Inside a code span the backslash shows: write such text in
// a code block… or not at all, in a chronicle.
func EditorMarkdown(s string) string {
	if !strings.Contains(s, "{{") {
		return s
	}
	s = strings.ReplaceAll(s, "{{<", `{\{<`)
	return strings.ReplaceAll(s, "{{%", `{\{%`)
}
