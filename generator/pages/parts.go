package pages

import (
	"fmt"
	"strings"
)

// partSize is the most entries one page lists. A longer list — a person named
// in 20,000 entries, a publisher with 50,000 — shows its first part on its
// own page and goes on in part pages (content/parts/…), each linked from
// all the others, so that no page grows with the corpus.
const partSize = 1000

// quotesShown is how many quotes a person's page prints.
const quotesShown = 100

// partRef names one part of a long list.
type partRef struct {
	N       int    `json:"n"`
	Page    string `json:"page"` // the part's page, for site.GetPage: the owner for part 1
	From    string `json:"from"` // its first and last day, YYYY-MM-DD
	To      string `json:"to"`
	Entries int    `json:"entries"`
}

// long lays out a list of entry IDs (oldest first) that belongs to the page
// at owner ("people/vladimir-putin"), under key ("days", "wrote"). It
// returns the days the owner page shows, the parts (nil when the list fits
// on the owner page), the part pages, and on how many days the entries are. heading says what the list is
// ("Named in the entries"), title whose it is ("Vladimir Putin").
func (w *writer) long(owner, key, title, heading string, ids []string) ([]dayEntries, []partRef, []page, int) {
	days := w.byDay(ids)
	if len(ids) <= partSize {
		return days, nil, nil, len(days)
	}
	parts := cut(days)
	refs := make([]partRef, len(parts))
	for i, p := range parts {
		n := 0
		for _, d := range p {
			n += len(d.Entries)
		}
		refs[i] = partRef{N: i + 1, Page: "/" + owner, From: p[0].Date, To: p[len(p)-1].Date, Entries: n}
		if i > 0 {
			refs[i].Page = fmt.Sprintf("/parts/%s/%s-%d", owner, key, i+1)
		}
	}
	var ps []page
	first := 1
	for i, p := range parts {
		if i > 0 {
			front := map[string]any{
				"title":   fmt.Sprintf("%s: %s, part %d of %d", title, strings.ToLower(heading[:1])+heading[1:], i+1, len(parts)),
				"owner":   "/" + owner,
				"heading": heading, "days": p, "parts": refs, "part": i + 1,
				"first": first, "last": first + refs[i].Entries - 1, "total": len(ids),
			}
			ps = append(ps, page{path: strings.TrimPrefix(refs[i].Page, "/") + ".md", front: front})
		}
		first += refs[i].Entries
	}
	return parts[0], refs, ps, len(days)
}

// cut groups days into parts of at most partSize entries, keeping a day
// whole unless it alone is longer than a part.
func cut(days []dayEntries) [][]dayEntries {
	var parts [][]dayEntries
	var cur []dayEntries
	n := 0
	flush := func() {
		if len(cur) > 0 {
			parts = append(parts, cur)
			cur, n = nil, 0
		}
	}
	for _, d := range days {
		for len(d.Entries) > partSize {
			flush()
			parts = append(parts, []dayEntries{{Date: d.Date, Title: d.Title, Entries: d.Entries[:partSize]}})
			d.Entries = d.Entries[partSize:]
		}
		if n+len(d.Entries) > partSize {
			flush()
		}
		cur = append(cur, d)
		n += len(d.Entries)
	}
	flush()
	return parts
}

// partsIndex is the section page of the part pages: it is not rendered and
// lists nothing; the parts are reached from the pages they continue.
func partsIndex() page {
	return page{path: "parts/_index.md", front: map[string]any{
		"title": "Parts of long lists",
		"build": map[string]any{"render": "never", "list": "never"},
	}}
}
