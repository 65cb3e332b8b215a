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
func readImage(b *body) bool {
	alt, credit, ok := strings.Cut(b.text(), imageSource)
	if !ok {
		return false
	}
	blk := entry.Block{Type: entry.BlockFigure, Alt: strings.TrimSpace(alt), Credit: strings.TrimSpace(credit)}
	last := b.n
	if c := b.nextNonBlank(b.n); c != 0 && b.textAt(c) == imageCaption {
		last = c
		if t := b.nextNonBlank(c); t != 0 && !isHeaderLike(b.textAt(t)) {
			blk.Caption, last = b.textAt(t), t
		}
	}
	b.add(blk, b.n, last, "figure")
	return true
}

// readImageCaption recognises a caption whose photo line was not captured.
func readImageCaption(b *body) bool {
	if b.text() != imageCaption {
		return false
	}
	blk := entry.Block{Type: entry.BlockFigure}
	last := b.n
	if t := b.nextNonBlank(b.n); t != 0 && !isHeaderLike(b.textAt(t)) {
		blk.Caption, last = b.textAt(t), t
	}
	b.add(blk, b.n, last, "figure")
	return true
}

// readVideo recognises "Media caption,", a blank, and a video's caption.
func readVideo(b *body) bool {
	if b.text() != mediaCaption {
		return false
	}
	blk := entry.Block{Type: entry.BlockVideo}
	last := b.n
	if t := b.nextNonBlank(b.n); t != 0 && !isHeaderLike(b.textAt(t)) {
		blk.Caption, last = b.textAt(t), t
	}
	b.add(blk, b.n, last, "video")
	return true
}

// readAltText recognises a short unpunctuated line inside a body ("Map of
// Nato expansion", "Vladimir Putin"): the alt text of a photo whose credit
// line was not captured.
func readAltText(b *body) bool {
	s := b.text()
	if !isAltText(s) {
		return false
	}
	b.add(entry.Block{Type: entry.BlockFigure, Alt: s}, b.n, b.n, "figure")
	return true
}

// isAltText reports whether a body line is short and unpunctuated enough to
// be a photo's alt text rather than a paragraph.
func isAltText(s string) bool {
	return s != "" && capture.WordCount(s) <= 8 && !capture.EndsSentence(s) && !capture.EndsClause(s) &&
		!strings.HasPrefix(s, "•") && !isHeaderLike(s)
}
