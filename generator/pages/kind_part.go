package pages

import (
	"fmt"
	"strings"
)

// kindPart: a part of a long list of entries, continued from the page
// that owns the list (parts/<owner>/<key>-<n>.md, e.g.
// parts/people/vladimir-putin/named-2.md). Its ID is <owner>/<key>-<n>,
// where the owner is the owning page's address ("people/vladimir-putin").
var kindPart = inSection{"part", "parts", classOther, classShared}

// Pages: the part pages are made with the pages that own them (see long);
// this writes their section page, which is not rendered and lists nothing.
func writePart(w *writer, emit func(job)) {
	never := &buildOptions{Render: "never", List: "never"}
	emit(func() []page {
		return []page{{kind: kindPart, front: partsIndexFront{Title: "Parts of long lists", Build: never}}}
	})
}

// partsIndexFront is the front matter of the parts' section page.
type partsIndexFront struct {
	Title string        `json:"title"`
	Build *buildOptions `json:"build"`
}

// stub: a page that is never rendered stays so.
func (f partsIndexFront) stub() any { return f }

// partFront is a part page's front matter.
type partFront struct {
	partMeta
	Days  []dayEntries `json:"days"`
	Parts []partRef    `json:"parts"`
}

// partMeta is what other pages read of a part.
type partMeta struct {
	Title   string `json:"title"`
	Owner   string `json:"owner"`
	Heading string `json:"heading"`
	Part    int    `json:"part"`
	First   int    `json:"first"`
	Last    int    `json:"last"`
	Total   int    `json:"total"`
}

func (f partFront) stub() any { return stubOf(f.partMeta) }

// dayList is the front matter of a page's list of entries (a thread's, a
// publisher's): the days it shows (the first part of a long list) and the
// parts of all of it, none when it fits on the page. dayCount, on how many
// days the entries are, is for the page's meta.
type dayList struct {
	Days      []dayEntries `json:"days"`
	DaysParts []partRef    `json:"days_parts"`
	dayCount  int
}

// listByDay lays out the list ids of the page at owner as a dayList (see
// long, with key "entries"), with its part pages.
func (w *writer) listByDay(owner, title, heading string, ids []string) (dayList, []page) {
	days, parts, more, dayCount := w.long(owner, "entries", title, heading, ids)
	return dayList{Days: days, DaysParts: nonNil(parts), dayCount: dayCount}, more
}

// ownerOf is the owner of a kind's page's long lists: the page's address
// without the leading slash ("people/vladimir-putin").
func ownerOf(k place, id string) string { return strings.TrimPrefix(address(k, id), "/") }

// partSize is the most entries one page lists. A longer list — a person named
// in 20,000 entries, a publisher with 50,000 — shows its first part on its
// own page and goes on in part pages (content/parts/…), each linked from
// all the others, so that no page grows with the corpus.
const partSize = 1000

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
			refs[i].Page = address(kindPart, partID(owner, key, i+1))
		}
	}
	var ps []page
	first := 1
	for i, p := range parts {
		if i > 0 {
			f := partFront{
				partMeta: partMeta{Title: fmt.Sprintf("%s: %s, part %d of %d", title, strings.ToLower(heading[:1])+heading[1:], i+1, len(parts)),
					Owner: "/" + owner, Heading: heading, Part: i + 1, First: first, Last: first + refs[i].Entries - 1, Total: len(ids)},
				Days: p, Parts: refs,
			}
			ps = append(ps, page{kind: kindPart, id: partID(owner, key, i+1), front: f})
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

// partID is the ID of part n of the list key of owner.
func partID(owner, key string, n int) string { return fmt.Sprintf("%s/%s-%d", owner, key, n) }
