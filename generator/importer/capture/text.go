package capture

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"chronicle/generator/entry"
)

// externalMarker is what a browser copy leaves after the text of a link to an
// outside page.
const externalMarker = ", external"

// StripExternal removes every ", external" link marker from s, keeps the
// words, and returns the runs of the result that were link text. The marker
// may stand after a space (`a tweet , external`) and may be glued to the next
// word (`externalfollowing`); the link text is the capitalised run of words
// before the marker (`Michelle Bachelet`), or else the one word before it.
func StripExternal(s string) (string, []entry.Span) {
	if !strings.Contains(s, externalMarker) {
		return s, nil
	}
	var b strings.Builder
	var spans []entry.Span
	rest := s
	for {
		i := markerIndex(rest)
		if i < 0 {
			b.WriteString(rest)
			break
		}
		before := strings.TrimRight(rest[:i], " ")
		after := rest[i+len(externalMarker):]
		b.WriteString(before)
		out := b.String()
		// Only the last few words can be link text; looking at no more keeps
		// a line with many markers linear.
		tail := max(0, len(out)-200)
		for tail > 0 && !utf8.RuneStart(out[tail]) {
			tail--
		}
		if start := tail + linkTextStart(out[tail:]); start < len(out) {
			spans = append(spans, entry.Span{Start: start, End: len(out)})
		}
		if r, _ := utf8.DecodeRuneInString(after); unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteByte(' ') // the marker was glued to the next word
		}
		rest = after
	}
	return b.String(), spans
}

// markerIndex finds the next ", external" that is a link marker, not the
// start of a word such as "externally".
func markerIndex(s string) int {
	off := 0
	for {
		i := strings.Index(s[off:], externalMarker)
		if i < 0 {
			return -1
		}
		i += off
		if !wordGoesOn(s[i+len(externalMarker):]) {
			return i
		}
		off = i + len(externalMarker)
	}
}

// wordGoesOn reports whether text after "external" makes a longer English
// word of it ("externally", "externalities") rather than a glued next word.
func wordGoesOn(after string) bool {
	end := strings.IndexFunc(after, func(r rune) bool { return !unicode.IsLetter(r) })
	if end < 0 {
		end = len(after)
	}
	switch after[:end] {
	case "ly", "ity", "ities", "ise", "ised", "ises", "ize", "ized", "izes", "isation", "ization", "s":
		return true
	}
	return false
}

// linkTextStart finds where the link text ending at the end of s begins.
func linkTextStart(s string) int {
	words := strings.Fields(s)
	if len(words) == 0 {
		return len(s)
	}
	n := 1
	if startsUpper(words[len(words)-1]) {
		for n < len(words) && n < 6 && startsUpper(words[len(words)-n-1]) && !EndsClause(words[len(words)-n-1]) {
			n++
		}
	}
	// Find the byte offset of the n-th word from the end.
	pos := len(s)
	for k := 0; k < n; k++ {
		pos = strings.LastIndexFunc(s[:pos], func(r rune) bool { return !unicode.IsSpace(r) })
		if pos < 0 {
			return 0
		}
		pos = strings.LastIndexFunc(s[:pos+1], unicode.IsSpace) + 1
	}
	return pos
}

func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// EndsClause reports whether s ends with punctuation that closes a clause or
// sentence (. ! ? : ; , … and closing quotes or brackets after them).
func EndsClause(s string) bool {
	s = strings.TrimRight(s, " \t")
	s = strings.TrimRight(s, "\"'”’)]")
	if s == "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?:;,…", r)
}

// EndsSentence reports whether s ends like a sentence: . ! ? … or a closing
// quote or bracket after text, or a colon introducing what follows.
func EndsSentence(s string) bool {
	s = strings.TrimRight(s, " \t")
	if s == "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	if strings.ContainsRune("\"”’)", r) {
		return true
	}
	return strings.ContainsRune(".!?:…", r)
}

// WordCount counts the words of s.
func WordCount(s string) int { return len(strings.Fields(s)) }

// Slug makes a lower-case ASCII slug of s with at most maxWords words:
// "What's happened today?" → "whats-happened-today".
func Slug(s string, maxWords int) string {
	var words []string
	var w strings.Builder
	flush := func() {
		if w.Len() > 0 {
			words = append(words, w.String())
			w.Reset()
		}
	}
	for _, r := range s {
		switch {
		case r == '\'' || r == '’' || r == '‘':
			// drop apostrophes inside words: what's → whats
		case r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			w.WriteRune(unicode.ToLower(r))
		case r >= utf8.RuneSelf && unicode.IsLetter(r):
			w.WriteString(fold(r))
		default:
			flush()
		}
	}
	flush()
	if maxWords > 0 && len(words) > maxWords {
		words = words[:maxWords]
	}
	// An ID names a file: past MaxSlug bytes, whole words are dropped (a
	// single longer word is cut), so that no title or byline can make a
	// file name too long for the file system.
	out := ""
	for _, w := range words {
		switch {
		case out == "" && len(w) > MaxSlug:
			return w[:MaxSlug]
		case out == "":
			out = w
		case len(out)+1+len(w) > MaxSlug:
			return out
		default:
			out += "-" + w
		}
	}
	return out
}

// MaxSlug is the longest slug Slug makes, in bytes: an entry ID is a date,
// a time, a publisher and a slug, and stays under entry.MaxIDLength with
// room for a clash suffix.
const MaxSlug = 64

// fold turns a non-ASCII letter into its ASCII base where there is an obvious
// one (é → e), and drops it otherwise.
func fold(r rune) string {
	const from = "àáâãäåèéêëìíîïòóôõöùúûüýÿñçčšžłńśźżőű"
	const to = "aaaaaaeeeeiiiiooooouuuuyynccszlnszzou"
	lr := unicode.ToLower(r)
	i := 0
	for _, f := range from {
		if f == lr {
			return to[i : i+1]
		}
		i++
	}
	return ""
}
