package bbc

import (
	"strings"

	"chronicle/generator/diag"
	"chronicle/generator/entry"
)

// markers are the kind markers BBC live pages print on their own line, before
// an entry's title (with the entry's number: "4. Analysis") or right after its
// header ("Breaking").
var markers = map[string]entry.Kind{
	"Analysis": entry.KindAnalysis,
	"Breaking": entry.KindBreaking,
	// The fact-checking desk's marker, in the same layout since 2023; the
	// kind is what an unknown marker of that text would be given.
	"BBC Verify": "bbc-verify",
}

// parseMarker reads a marker line. It returns the kind, the entry number
// printed on it (0 when none), and whether the text is a known marker.
func parseMarker(line string) (kind entry.Kind, number int, known bool) {
	number, text := splitNumber(strings.TrimSpace(line))
	k, ok := markers[text]
	return k, number, ok
}

// looksLikeMarker reports whether a numbered line with no time could be an
// unknown marker: a single short word or two, no sentence punctuation.
func looksLikeMarker(line string) (entry.Kind, int, bool) {
	number, text := splitNumber(strings.TrimSpace(line))
	if number == 0 || text == "" || len(strings.Fields(text)) > 3 || strings.ContainsAny(text, ".,:;!?") {
		return "", 0, false
	}
	return entry.Kind(strings.ToLower(strings.Join(strings.Fields(text), "-"))), number, true
}

// readUntimedHeader recognises, inside a body, a numbered line indented no
// more than the entry's header ("  2. Talks end" under "  1. …published at
// …"): the header of an entry whose time this rendering of the page did
// not keep (an older layout, or one where only the first header survived).
// The reader cannot tell where such entries begin and end for sure, so it
// is an error at the line, not a guess; a marker the next header follows
// never reaches here (findStarts takes it).
func readUntimedHeader(b *body, n int) (int, bool) {
	line := b.d.Line(n)
	number, title := splitNumber(strings.TrimSpace(line))
	if number == 0 || title == "" || indent(line) > b.headerIndent || b.headerIndent >= 4 {
		return n, false
	}
	b.d.Errorf(n, diag.Rendering, "entry %d, %q, has no time (`published at …`): a rendering of the BBC page this reader does not know; capture the page again as the live page shows it", number, title)
	b.d.Claim(n, n, b.index, "untimed-header")
	return n + 1, true
}
