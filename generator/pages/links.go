package pages

import "chronicle/generator/entry"

// A link is a page as another page lists it: its address from the site's
// root, made from its kind's route (Route), its title and what the list
// shows beside it. The pages rendered by the thousand (entries, days) and
// the lists that several kinds share (people-list.html, link-section.html)
// carry the links they show in their front matter, so that their
// templates show them without looking a page up (a lookup per link was
// about 5% of what a 10,000-entry site took to render); other pages look
// theirs up with page.html. Either way, the address is the kind's
// route's.
type link struct {
	URL   string `json:"url"`
	Title string `json:"title"`
	Role  string `json:"role,omitempty"`  // a person's role (people-list.html)
	Count int    `json:"count,omitempty"` // a count shown beside it (link-section.html)
}

// linkTo is the link to the page of kind k with the given ID.
func linkTo(k place, id, title string) link { return link{URL: urlOf(k, id), Title: title} }

// urlOf is the address of the page of kind k with the given ID from the
// site's root ("/people/vladimir-putin.html"), as links and list items
// (item) give it; relativeURLs makes it relative to the page that links.
func urlOf(k place, id string) string { return "/" + htmlPath(k, id) }

// pagesOf are the paths of the pages of kind k with the given IDs, as
// site.GetPage finds them: a page that shows other pages whole (a day its
// entries) gets them without a lookup through page.html.
func pagesOf(k place, ids []string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = address(k, id)
	}
	return out
}

// counted links the pages of kind k of items, each with a count: of
// says an item's ID, title and count.
func counted[T any](k place, items []T, of func(T) (id, title string, count int)) []link {
	out := []link{}
	for _, it := range items {
		id, title, n := of(it)
		l := linkTo(k, id, title)
		l.Count = n
		out = append(out, l)
	}
	return out
}

// personLinks are the links to the pages of the people with the given IDs,
// in their order, with their roles; IDs without a page are left out.
func (w *writer) personLinks(ids []string) []link {
	out := []link{}
	for _, id := range ids {
		if l, ok := w.personLink(id); ok {
			out = append(out, l)
		}
	}
	return out
}

// personLink is the link to a person's page, if the person has one
// (hasPersonPage).
func (w *writer) personLink(id string) (link, bool) {
	if !w.hasPersonPage(id) {
		return link{}, false
	}
	p := w.people[id]
	l := linkTo(kindPerson, id, p.Name)
	l.Role = p.Role
	return l, true
}

// threadLinks are the links to the pages of the threads with the given IDs,
// in their order; IDs without a page (threadHasPage) are left out.
func (w *writer) threadLinks(ids []string) []link {
	out := []link{}
	for _, id := range ids {
		if t := w.ix.thread[id]; t != nil && threadHasPage(*t) {
			out = append(out, linkTo(kindThread, id, t.Title))
		}
	}
	return out
}

// authorFront is a credit of an entry as its pages show it: the credit and,
// when the credited person has a page, the link to it.
type authorFront struct {
	entry.Author
	URL string `json:"url,omitempty"`
}

// authorsOf are the credits of an entry, linked to their people's pages.
func (w *writer) authorsOf(e *entry.Entry) []authorFront {
	out := make([]authorFront, len(e.Authors))
	for i, a := range e.Authors {
		out[i].Author = a
		if l, ok := w.personLink(a.Person); ok {
			out[i].URL = l.URL
		}
	}
	return out
}
