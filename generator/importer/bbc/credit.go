package bbc

import (
	"strings"
	"unicode"

	"chronicle/generator/entry"
	"chronicle/generator/importer/capture"
)

// readSourceCredit recognises a source in the byline's place at the start
// of a body: a programme and its network ("Today Programme" / "BBC Radio
// 4"), an institution and its body ("House of Commons" / "Parliament"), or
// a source on its own line ("BBC News Channel", "BBC Monitoring") followed
// by a blank. It runs before readByline, whose name test a programme's
// name would pass.
func readSourceCredit(b *body, n int) (int, bool) {
	if !b.start {
		return n, false
	}
	name := b.textAt(n)
	if !isSourceName(name) {
		// `The World This Weekend` / `Radio 4 programme`: a name whose
		// role line says it is a programme or a network.
		next := b.textAt(n + 1)
		if n+1 > b.end || !isTitleLine(name) || !isSourceRole(next) {
			return n, false
		}
		b.e.Authors = append(b.e.Authors, entry.Author{Name: name, Role: next, Kind: entry.SourceCredit, Line: n})
		b.d.Claim(n, n+1, b.index, "byline")
		return n + 2, true
	}
	a := entry.Author{Name: name, Kind: entry.SourceCredit, Line: n}
	last := n
	if next := b.textAt(n + 1); next != "" && n+1 <= b.end {
		if !isSourceBody(next) {
			return n, false
		}
		a.Role, last = next, n+1
	} else if b.nextNonBlank(n) == 0 {
		return n, false // a lone line with nothing after it is a caption or a title, not a credit
	}
	b.e.Authors = append(b.e.Authors, a)
	b.d.Claim(n, last, b.index, "byline")
	return last + 1, true
}

// sourceWords are the words that make a short capitalised line a source
// rather than a person: what programmes, channels, institutions and desks
// are called.
var sourceWords = map[string]bool{
	"Programme": true, "Programmes": true, "Channel": true, "Radio": true, "Monitoring": true,
	"Service": true, "Parliament": true, "Commons": true, "Lords": true, "Committee": true,
	"Podcast": true, "Show": true, "Desk": true, "Team": true, "Newsroom": true, "Bulletin": true,
	"Briefing": true, "Assembly": true, "Senedd": true, "Council": true, "Office": true,
}

// isSourceName reports whether s names a source: one to six words,
// capitalised (or "of", "the", "and", a number), at least one of them a
// source word.
func isSourceName(s string) bool {
	words := strings.Fields(s)
	if len(words) < 1 || len(words) > 6 {
		return false
	}
	source := false
	for _, w := range words {
		switch {
		case smallWords[w]: // `BBC Radio 5 live`
		case !capitalised(w):
			return false
		}
		source = source || sourceWords[w]
	}
	return source
}

// sourceRoleWords make a role line a source's (`Radio 4 programme`), unless
// a job word says it is a journalist's (`Today programme presenter`).
var (
	sourceRoleWords = map[string]bool{"programme": true, "radio": true, "channel": true, "podcast": true, "show": true, "bulletin": true, "network": true}
	jobWords        = map[string]bool{"presenter": true, "correspondent": true, "editor": true, "reporter": true, "host": true, "producer": true, "journalist": true, "analyst": true}
)

// isSourceRole reports whether a role line says the name above it is a
// programme or a network.
func isSourceRole(s string) bool {
	if !isRole(s) {
		return false
	}
	source := false
	for _, w := range strings.Fields(strings.ToLower(s)) {
		if jobWords[w] {
			return false
		}
		source = source || sourceRoleWords[w]
	}
	return source
}

// isTitleLine reports whether s is a short title-case line, as a
// programme's name is: one to six words, capitalised but for small words.
func isTitleLine(s string) bool {
	words := strings.Fields(s)
	if len(words) < 1 || len(words) > 6 || capture.EndsSentence(s) {
		return false
	}
	for _, w := range words {
		if !capitalised(w) && !smallWords[w] {
			return false
		}
	}
	return true
}

// smallWords stand uncapitalised inside a title or a source's name.
var smallWords = map[string]bool{"of": true, "the": true, "and": true, "&": true, "live": true, "on": true, "at": true, "in": true}

// isSourceBody reports whether s can stand under a source's name: its
// network or body ("BBC Radio 4", "Parliament"), short and capitalised.
func isSourceBody(s string) bool {
	words := strings.Fields(s)
	if len(words) < 1 || len(words) > 5 || capture.EndsSentence(s) || isHeaderLike(s) {
		return false
	}
	for _, w := range words {
		if !capitalised(w) && w != "of" && w != "the" && w != "and" {
			return false
		}
	}
	return true
}

// capitalised reports whether a word starts with a capital or a digit and
// holds only letters, digits and the joining marks of names.
func capitalised(w string) bool {
	r := []rune(w)
	if !unicode.IsUpper(r[0]) && !unicode.IsDigit(r[0]) {
		return false
	}
	for _, c := range r {
		if !unicode.IsLetter(c) && !unicode.IsDigit(c) && c != '-' && c != '\'' && c != '’' && c != '.' {
			return false
		}
	}
	return true
}
