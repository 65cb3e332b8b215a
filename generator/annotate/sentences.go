package annotate

import (
	"strings"
	"unicode/utf8"
)

// sentences splits text into sentences, as [start, end) byte ranges: at a
// full stop, question or exclamation mark (and the closing quotes after it)
// followed by a space. A full stop inside a quote does not end the sentence
// the quote stands in, unless it is the quote's last character (`He said:
// “We are ready.” Then…`). Quote attribution and figure context both read
// text sentence by sentence.
func sentences(text string) [][2]int {
	inQuote := make([]bool, len(text))
	for _, loc := range quoteSpan.FindAllStringIndex(text, -1) {
		body := strings.TrimRight(text[loc[0]:loc[1]], "”\"")
		last := loc[0] + len(body) - 1
		for i := loc[0]; i < loc[1]; i++ {
			inQuote[i] = i < last
		}
	}
	var out [][2]int
	from := 0
	for i := 0; i < len(text); i++ {
		if !strings.ContainsRune(".?!", rune(text[i])) || inQuote[i] {
			continue
		}
		j := i + 1
		for j < len(text) && (text[j] == '"' || strings.HasPrefix(text[j:], "”")) {
			_, n := utf8.DecodeRuneInString(text[j:])
			j += n
		}
		if j < len(text) && text[j] == ' ' {
			out = append(out, [2]int{from, j})
			from = j + 1
		}
	}
	return append(out, [2]int{from, len(text)})
}
