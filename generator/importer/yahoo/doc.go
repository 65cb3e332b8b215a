// Package yahoo reads captures of live blogs in the layout Yahoo News
// syndicates them in (format "yahoo-live"; "independent-live", its first
// name, is read as the same): The Independent's, and any other
// publisher's in that layout (the Evening Standard, Bloomberg). The
// publisher comes from the sidecar.
//
// A capture opens with the page headline, reader chrome left by the
// syndicator (`• Oops!`, `·23 min read`, `In this article:`), the intro
// paragraphs, an optional `Key Points` list and an optional coverage note.
// Then come the entries, newest or oldest first as the page had them:
//
//	Russia says it wants peace but has ‘gun on the table’ - US envoy
//
//	12:31 , Thomas Kingsley
//
//	Russia says it does not want war but has placed a "gun on the table"…
//
// The header of an entry from an earlier day carries its date (`Thursday 27
// January 2022 23:30 , John Bowden`); the others are on the page date, which
// only the sidecar knows. Times are UK local time. A body holds paragraphs
// (now and then broken mid-sentence by the capture), bullets, photo captions
// printed twice and headlines of related articles on lines of their own. An
// entry whose content was an embed keeps only its title, or nothing at all.
// A comments notice may close the page.
//
// Each construct is read by one recogniser in its own file, with its own
// table test: header.go (time, date, byline), title.go, boilerplate.go
// (reader chrome, coverage note, comments notice), intro.go (headline, lede,
// key points), list.go, figure.go (a caption printed twice and its credit),
// related.go (a related article's headline) and paragraph.go (with the
// joining of broken paragraphs). words.go holds the word lists they share,
// clock.go dates the entries, body.go runs the body recognisers in order and
// reader.go puts the page together.
package yahoo
