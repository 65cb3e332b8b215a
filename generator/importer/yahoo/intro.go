package yahoo

import (
	"strings"

	"chronicle/generator/importer/capture"
)

// The claim fields of the page's opening.
const (
	fieldHeadline  = "page:headline"
	fieldLede      = "page:lede"
	fieldKeyPoints = "page:key-points"
	fieldFigure    = "page:figure" // the lead photo's caption: the page has no place for it
)

// headlineAt returns the line of the page headline: the first non-blank line
// that is not boilerplate, not after line last; 0 if there is none.
func headlineAt(d *capture.Doc, last int) int {
	for n := 1; n <= last; n++ {
		if d.Blank(n) {
			continue
		}
		if field, end, _ := boilerplate(d, n, last); field != "" {
			n = end
			continue
		}
		return n
	}
	return 0
}

// isKeyPointsHeading recognises the heading of the page's key points.
func isKeyPointsHeading(s string) bool {
	return strings.EqualFold(strings.TrimSuffix(s, ":"), "Key Points")
}

// readIntro reads the page's opening, lines first to last, around the
// headline (already claimed): boilerplate, the lede paragraphs, the `Key
// Points` and their bullets, and the lead photo's caption.
func readIntro(d *capture.Doc, first, last int) {
	pg := &d.Capture.Page
	keyPoints := false
	for n := first; n <= last; {
		if d.Blank(n) || d.UseOf(n) != nil {
			n++
			continue
		}
		if field, end, _ := boilerplate(d, n, last); field != "" {
			d.Claim(n, end, -1, field)
			n = end + 1
			continue
		}
		if isKeyPointsHeading(strings.TrimSpace(d.Line(n))) {
			d.Claim(n, n, -1, fieldKeyPoints)
			keyPoints = true
			n++
			continue
		}
		if items, end, ok := listAt(d, n, last); ok {
			field := fieldLede
			if keyPoints {
				field = fieldKeyPoints
			}
			for _, it := range items {
				if keyPoints {
					pg.KeyPoints = append(pg.KeyPoints, it.Text)
				} else {
					pg.Lede = append(pg.Lede, it.Text)
				}
			}
			d.Claim(n, end, -1, field)
			n = end + 1
			continue
		}
		keyPoints = false
		if captionPair(d, n, last) {
			d.Claim(n, n+1, -1, fieldFigure)
			n += 2
			continue
		}
		text, end := paragraphAt(d, n, last)
		text, _ = capture.StripExternal(text)
		pg.Lede = append(pg.Lede, text)
		d.Claim(n, end, -1, fieldLede)
		n = end + 1
	}
}
