package cite

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Quotes sets the quotation marks of a title as citeproc-js sets them for
// American English: a quotation at the outer level in double curly marks,
// one inside it in single marks, and every apostrophe curly. A quotation
// the title opens with curly single marks keeps them, as citeproc-js
// keeps them.
func Quotes(s string) string {
	var b strings.Builder
	var stack []quote
	depth := func() int {
		n := 0
		for _, o := range stack {
			if o.mark != '‘' {
				n++
			}
		}
		return n
	}
	for i, r := range s {
		_, width := utf8.DecodeRuneInString(s[i:])
		prev, _ := utf8.DecodeLastRuneInString(s[:i])
		next, _ := utf8.DecodeRuneInString(s[i+width:])
		if i == 0 {
			prev = ' '
		}
		switch r {
		case '\'', '"', '“':
			if r == '\'' && isWordRune(prev) && (isWordRune(next) || !closes(stack, r)) {
				b.WriteRune('’') // an apostrophe: don't, Putin's, diplomats'
				continue
			}
			if closes(stack, r) && !opensHere(prev, next) {
				o := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				b.WriteRune(closeMark(o.mark, depth()))
				continue
			}
			if opensHere(prev, next) {
				b.WriteRune(openMark(r, depth()))
				stack = append(stack, quote{r})
				continue
			}
			b.WriteRune(map[rune]rune{'\'': '’', '"': '”', '“': '“'}[r])
		case '‘':
			b.WriteRune('‘')
			stack = append(stack, quote{r})
		case '’', '”':
			if len(stack) > 0 && !isWordRune(next) && matches(stack[len(stack)-1].mark, r) {
				o := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				b.WriteRune(closeMark(o.mark, depth()))
				continue
			}
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// quote is an open quotation: the mark that opened it.
type quote struct{ mark rune }

// closes reports whether a straight or curly mark r can close the
// innermost open quotation.
func closes(stack []quote, r rune) bool {
	if len(stack) == 0 {
		return false
	}
	return matches(stack[len(stack)-1].mark, r)
}

// matches reports whether close closes a quotation opened with open.
func matches(open, close rune) bool {
	switch open {
	case '\'', '‘':
		return close == '\'' || close == '’'
	case '"', '“':
		return close == '"' || close == '”'
	}
	return false
}

// opensHere reports whether a mark between prev and next opens a
// quotation: after a space or an opening bracket, before a word.
func opensHere(prev, next rune) bool {
	return (unicode.IsSpace(prev) || strings.ContainsRune("([{—–-", prev)) && next != utf8.RuneError && !unicode.IsSpace(next)
}

// openMark is the mark that opens a quotation at depth (0 the outer level).
func openMark(r rune, depth int) rune {
	if depth%2 == 0 {
		return '“'
	}
	return '‘'
}

// closeMark is the mark that closes a quotation opened with open, at depth.
func closeMark(open rune, depth int) rune {
	if open == '‘' {
		return '’'
	}
	if depth%2 == 0 {
		return '”'
	}
	return '’'
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
