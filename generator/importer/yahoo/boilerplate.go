package yahoo

import (
	"slices"
	"strings"

	"chronicle/generator/importer/capture"
)

// The claim fields of the boilerplate lines.
const (
	fieldReaderChrome   = "boilerplate:reader-chrome"
	fieldCommentsNotice = "boilerplate:comments-notice"
	fieldCoverageNote   = "boilerplate:coverage-note"
)

// oopsLines is what a syndicated page leaves where a widget failed to load:
// `• Oops!` and, indented below it, the apology.
var oopsLines = [...]string{"Something went wrong.", "Please try again later."}

// chromeLines are lines of the syndicator's reader around the article.
var chromeLines = [...]string{"In this article:", "Story continues", "View comments", "Advertisement", "ADVERTISEMENT"}

// commentsNotice starts the notice that closes a page whose comments are off.
const commentsNotice = "Our goal is to create a safe and engaging place"

// boilerplate recognises a run of lines the syndicator's page puts around the
// article, starting at line n and ending no later than last. It returns the
// claim field, the run's last line, and whether the run is a failed widget
// (which, inside an entry, stands for an embed that was not captured).
func boilerplate(d *capture.Doc, n, last int) (field string, end int, widget bool) {
	line := d.Line(n)
	s := strings.TrimSpace(line)
	switch {
	case s == "• Oops!" || s == "Oops!":
		end = n
		for end < last && isOopsLine(d.Line(end+1)) {
			end++
		}
		return fieldReaderChrome, end, true
	case isOopsLine(line) && line[0] == ' ':
		return fieldReaderChrome, n, true
	case isChromeLine(s) || isReadingTime(s):
		return fieldReaderChrome, n, false
	case strings.HasPrefix(s, commentsNotice):
		return fieldCommentsNotice, n, false
	case isCoverageNote(s):
		return fieldCoverageNote, n, false
	}
	return "", 0, false
}

func isOopsLine(line string) bool {
	s := strings.TrimSpace(line)
	return slices.Contains(oopsLines[:], s)
}

func isChromeLine(s string) bool {
	return slices.Contains(chromeLines[:], s)
}

// isReadingTime recognises the reading-time badge: `·23 min read`.
func isReadingTime(s string) bool {
	s = strings.TrimPrefix(s, "·")
	s, ok := strings.CutSuffix(strings.TrimSpace(s), " min read")
	if !ok || s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

// isCoverageNote recognises the line that points from the intro of a closed
// blog to its entries: `See below for how our coverage unfolded.`
func isCoverageNote(s string) bool {
	return (strings.HasPrefix(s, "See below for") || strings.HasPrefix(s, "Scroll down for")) &&
		strings.Contains(s, "coverage") && capture.WordCount(s) <= 12
}
