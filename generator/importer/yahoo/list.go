package yahoo

import (
	"strings"

	"chronicle/generator/entry"
	"chronicle/generator/importer/capture"
)

// bullet returns the text of a bullet line, `  • Five killed after…`. An
// indented `1. ` counts too: that is how an ordered list is copied.
func bullet(line string) (string, bool) {
	s := strings.TrimLeft(line, " \t")
	if rest, ok := strings.CutPrefix(s, "•"); ok {
		rest = strings.TrimSpace(rest)
		return rest, rest != ""
	}
	if len(line)-len(s) < 2 {
		return "", false
	}
	i := 0
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	if i == 0 || i > 3 || !strings.HasPrefix(s[i:], ". ") {
		return "", false
	}
	rest := strings.TrimSpace(s[i+2:])
	return rest, rest != ""
}

// continuesItem reports whether line carries on the bullet above it: it is
// indented deeper than a bullet and is neither a bullet nor widget chrome.
func continuesItem(line string) bool {
	if !strings.HasPrefix(line, "    ") || strings.TrimSpace(line) == "" || isOopsLine(line) {
		return false
	}
	_, ok := bullet(line)
	return !ok
}

// listAt reads the list whose first bullet is at line n: the bullets, each
// with its continuation lines, and the blank lines between them, up to line
// last. It returns the items and the last line of the list.
func listAt(d *capture.Doc, n, last int) ([]entry.Block, int, bool) {
	text, ok := bullet(d.Line(n))
	if !ok {
		return nil, 0, false
	}
	var items []entry.Block
	first, end := n, n
	for {
		if end < last && continuesItem(d.Line(end+1)) {
			var b strings.Builder
			b.WriteString(text)
			for end < last && continuesItem(d.Line(end+1)) {
				end++
				b.WriteByte(' ')
				b.WriteString(strings.TrimSpace(d.Line(end)))
			}
			text = b.String()
		}
		t, links := capture.StripExternal(text)
		items = append(items, entry.Block{Type: entry.BlockItem, Text: t, Links: links, Lines: [2]int{first, end}})
		m := nextText(d, end, last)
		if m == 0 {
			break
		}
		if field, _, _ := boilerplate(d, m, last); field != "" {
			break
		}
		if text, ok = bullet(d.Line(m)); !ok {
			break
		}
		first, end = m, m
	}
	return items, end, true
}

// nextText returns the first non-blank line after line n, not after line
// last, or 0.
func nextText(d *capture.Doc, n, last int) int {
	for m := n + 1; m <= last; m++ {
		if !d.Blank(m) {
			return m
		}
	}
	return 0
}
