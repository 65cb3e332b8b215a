package pages

import "chronicle/generator/entry"

// kindFigure: a figure series, the numbers claimed again and again, with
// who claimed them and when, and a chart (figures/<id>.md). The shape to
// copy for a new kind: where its pages live (its route and batch classes),
// the writer method that makes them (in kinds: inOneJob((*writer).seriesPages)),
// its typed front matter, and the part of
// it that other pages read (its meta, all its stub holds).
var kindFigure = inSection{"figure", "figures", classShared, classShared}

// figureFront is a figure page's front matter.
type figureFront struct {
	figureMeta
	Claims []claimFront `json:"claims"`
	Chart  string       `json:"chart"` // an inline SVG (Chart)
}

// figureMeta is what other pages read of a figure.
type figureMeta struct {
	Title       string `json:"title"`
	SeriesID    string `json:"series_id"`
	Unit        string `json:"unit"`
	Description string `json:"description"`
	ClaimsTotal int    `json:"claims_total"`
}

func (f figureFront) stub() any { return stubOf(f.figureMeta) }

// series are the figure series that have a page: those with claims.
func (w *writer) series() []entry.Series {
	return having(w.c.Series, func(s entry.Series) bool { return len(s.Claims) > 0 })
}

// figureList links the figures' pages, with their counts of claims.
func (w *writer) figureList() []link {
	return counted(kindFigure, w.series(), func(s entry.Series) (string, string, int) { return s.ID, s.Title, len(s.Claims) })
}

func (w *writer) seriesPages() []page {
	var ps []page
	for _, s := range w.series() {
		f := figureFront{
			figureMeta: figureMeta{Title: s.Title, SeriesID: s.ID, Unit: s.Unit, Description: s.Description, ClaimsTotal: len(s.Claims)},
			Claims:     tableClaims(s.Claims), Chart: Chart(s),
		}
		ps = append(ps, page{kind: kindFigure, id: s.ID, front: f})
	}
	return ps
}

// claimsShown is how many claims a figure's table lists at most: every claim
// the editors checked, and as many found automatically as there is room for,
// oldest first. The chart shows them all.
const claimsShown = 1000

// tableClaims picks the claims a figure's table lists, keeping their order.
// claimFront is a claim in a figure's table: the claim, and the ID of the
// capture it cites, if any, for the link to its page.
type claimFront struct {
	entry.Claim
	CaptureID string `json:"capture_id,omitempty"`
}

func tableClaims(claims []entry.Claim) []claimFront {
	var out []claimFront
	for _, c := range shownClaims(claims) {
		f := claimFront{Claim: c}
		if c.Capture != "" {
			f.CaptureID = entry.CaptureID(c.Capture)
		}
		out = append(out, f)
	}
	return out
}

// shownClaims picks the claims a figure's table lists (claimsShown).
func shownClaims(claims []entry.Claim) []entry.Claim {
	if len(claims) <= claimsShown {
		return claims
	}
	room := claimsShown
	for _, c := range claims {
		if !c.Derived {
			room--
		}
	}
	var out []entry.Claim
	for _, c := range claims {
		if !c.Derived || room > 0 {
			out = append(out, c)
			if c.Derived {
				room--
			}
		}
	}
	return out
}
