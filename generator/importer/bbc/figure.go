package bbc

import (
	"strings"

	"chronicle/generator/entry"
	"chronicle/generator/importer/capture"
)

// The fixed words BBC pages put around photos and videos.
const (
	imageSource  = "Image source, "
	imageCaption = "Image caption,"
	mediaCaption = "Media caption,"
)

// readImage recognises a photo: its alt text glued to "Image source, <agency>",
// then optionally "Image caption,", a blank and the caption.
func readImage(b *body, n int) (int, bool) {
	alt, credit, ok := strings.Cut(b.textAt(n), imageSource)
	if !ok {
		return n, false
	}
	blk := entry.Block{Type: entry.BlockFigure, Alt: strings.TrimSpace(alt), Credit: agency(credit)}
	last := n
	if c := b.nextNonBlank(n); c != 0 && b.textAt(c) == imageCaption {
		last = c
		if t := b.nextNonBlank(c); t != 0 && !isHeaderLike(b.textAt(t)) {
			blk.Caption, last = b.textAt(t), t
		}
	}
	return b.add(blk, n, last, "figure"), true
}

// agency is a photo's credit as "Image source, " leaves it: the agency
// (which may hold a comma: "Olga Ivshina, BBC"), or none where the page
// printed only punctuation ("Image source, .").
func agency(credit string) string {
	s := strings.TrimSpace(credit)
	if strings.Trim(s, ".,;:-–— ") == "" {
		return ""
	}
	return s
}

// readImageCaption recognises a caption whose photo line was not captured.
func readImageCaption(b *body, n int) (int, bool) {
	return readCaptioned(b, n, imageCaption, entry.BlockFigure, "figure")
}

// readVideo recognises "Media caption,", a blank, and a video's caption.
func readVideo(b *body, n int) (int, bool) {
	return readCaptioned(b, n, mediaCaption, entry.BlockVideo, "video")
}

// readCaptioned recognises a fixed caption line (marker) and the caption
// after it, as a block of type typ claimed as field.
func readCaptioned(b *body, n int, marker string, typ entry.BlockType, field string) (int, bool) {
	if b.textAt(n) != marker {
		return n, false
	}
	blk := entry.Block{Type: typ}
	last := n
	if t := b.nextNonBlank(n); t != 0 && !isHeaderLike(b.textAt(t)) {
		blk.Caption, last = b.textAt(t), t
	}
	return b.add(blk, n, last, field), true
}

// readAltText recognises a short unpunctuated line inside a body ("Map of
// Nato expansion", "Vladimir Putin"): the alt text of a photo whose credit
// line was not captured.
func readAltText(b *body, n int) (int, bool) {
	s := b.textAt(n)
	if !isAltText(s) {
		return n, false
	}
	// A short line at the start of a body may be a label over the byline
	// (`Women's elite race`, then the name and role): the byline may still
	// follow it.
	b.keepStart = b.start
	return b.add(entry.Block{Type: entry.BlockFigure, Alt: s}, n, n, "figure"), true
}

// isAltText reports whether a body line is short and unpunctuated enough to
// be a photo's alt text rather than a paragraph.
func isAltText(s string) bool {
	return s != "" && capture.WordCount(s) <= 8 && !capture.EndsSentence(s) && !capture.EndsClause(s) &&
		!strings.HasPrefix(s, "•") && !isHeaderLike(s) && !hasFiniteVerb(s)
}

// hasFiniteVerb reports whether s reads as a sentence that lost its full
// stop (`The Syrian 23-year-old died in the fire`) rather than a picture's
// description (`Map of Nato expansion`, `BBC graphic showing troops`): a
// word such as "is", "has", "said" or "died". A past participle is not
// enough: captions use them (`Equipment deployed near Valuyki`).
func hasFiniteVerb(s string) bool {
	for _, w := range strings.Fields(strings.ToLower(s)) {
		if finiteVerbs[strings.Trim(w, ",;:'’\"“”")] {
			return true
		}
	}
	return false
}

// finiteVerbs are the common finite verbs of news sentences.
var finiteVerbs = map[string]bool{
	"is": true, "are": true, "was": true, "were": true, "has": true, "have": true, "had": true, "will": true,
	"would": true, "can": true, "could": true, "says": true, "said": true, "died": true, "does": true, "did": true,
	"may": true, "must": true, "should": true, "gets": true, "got": true, "goes": true, "went": true, "killed": true, "fled": true,
}

// gluedBlock is the block that text glued before a header's number is: a
// photo when it holds "Image source, ", alt text when it is short and
// unpunctuated, a paragraph otherwise.
func gluedBlock(s string) entry.Block {
	if alt, credit, ok := strings.Cut(s, imageSource); ok {
		return entry.Block{Type: entry.BlockFigure, Alt: strings.TrimSpace(alt), Credit: agency(credit)}
	}
	if isAltText(s) {
		return entry.Block{Type: entry.BlockFigure, Alt: s}
	}
	text, links := capture.StripExternal(s)
	return entry.Block{Type: entry.BlockParagraph, Text: text, Links: links}
}
