package pages

import (
	"encoding/json"
	"fmt"
	"strings"
)

// A Kind is one kind of page of the site: days, entries, people… Each is one
// file of this package (kind_*.go), and the table kinds registers them all,
// the way goldmark registers its block parsers. What reads the table:
//
//   - Write makes every kind's pages (Kind.Pages);
//   - the batch planner sorts pages by their kind's batch class (Class);
//   - a stub is what the kind's front matter says it is (front.stub);
//   - templates find any page through the partial page.html, which reads
//     the kinds' routes from site.Params.routes (Routes), or show the
//     links (link) that the front matter holds, made from the routes too:
//     no template, and no Go code but a kind's Route, spells a page's
//     address.
//
// Adding a kind is one file here (where its pages live, an inSection or
// onePage value; the function that writes them; its typed front matter and
// stub: in the shape of kind_figure.go), its line in kinds, and a layout
// <section>/single.html (see docs/ARCHITECTURE.md).
type Kind interface {
	// Name names the kind for templates, as in
	// partial "page.html" (dict "kind" "person" "id" "vladimir-putin").
	Name() string
	// Route is the content path, relative to the content folder, of the
	// page with the given ID ("people/vladimir-putin.md"), or with "" of
	// the kind's list page ("people/_index.md"): the only place the
	// address of a page of this kind is spelled.
	Route(id string) string
	// Class says which batch renders the page with the given ID when the
	// site is rendered in batches (see Batch).
	Class(id string) batchClass
	// Pages hands to emit the jobs that make the kind's pages.
	Pages(w *writer, emit func(job))
}

// kinds are every kind of page, in no particular order: the pages of each
// are written in parallel, and no page's content depends on the order.
var kinds = []Kind{
	kind{kindHome, writeHome},
	kind{kindAbout, writeAbout},
	kind{kindSearch, writeSearch},
	kind{kindGlossary, writeGlossary},
	kind{kindHandouts, writeHandouts},
	kind{kindDay, writeDay},
	kind{kindEntry, writeEntry},
	kind{kindPerson, inOneJob((*writer).peoplePages)},
	kind{kindPublisher, inOneJob((*writer).publisherPages)},
	kind{kindCapture, inOneJob((*writer).capturePages)},
	kind{kindNote, inOneJob((*writer).notePages)},
	kind{kindThread, inOneJob((*writer).threadPages)},
	kind{kindFigure, inOneJob((*writer).seriesPages)},
	kind{kindPart, writePart},
	kind{kindDayHandout, writeDayHandout},
	kind{kindPersonHandout, writePersonHandout},
}

// kind is a kind of page as the table holds it: where its pages live
// (inSection or onePage) and the function that writes them.
type kind struct {
	place
	write func(w *writer, emit func(job))
}

// inOneJob is the write function of a kind whose pages one job makes, with
// the writer's method pages.
func inOneJob(pages func(*writer) []page) func(w *writer, emit func(job)) {
	return func(w *writer, emit func(job)) { emit(func() []page { return pages(w) }) }
}

// Pages hands the kind's jobs to emit.
func (k kind) Pages(w *writer, emit func(job)) { k.write(w, emit) }

// place is where a kind's pages live: its name, route and batch classes.
type place interface {
	Name() string
	Route(id string) string
	Class(id string) batchClass
}

// inSection is the name, route and batch classes of a kind whose pages
// live in a section: its pages at <dir>/<id>.md, its list at
// <dir>/_index.md.
type inSection struct {
	name, dir        string
	class, listClass batchClass
}

func (s inSection) Name() string           { return s.name }
func (s inSection) Route(id string) string { return route(s.dir, id) }
func (s inSection) Class(id string) batchClass {
	if id == "" {
		return s.listClass
	}
	return s.class
}

// onePage is the name and route of a kind of one page (the home page, the
// glossary…), looked up from every page.
type onePage struct{ name, path string }

func (o onePage) Name() string          { return o.name }
func (o onePage) Route(string) string   { return o.path }
func (onePage) Class(string) batchClass { return classShared }

// batchClass says which batch of a render in batches renders a page (see
// Batch).
type batchClass int

const (
	// classShared pages are looked up from every page (home, people,
	// publishers, notes, section indexes…): rendered in the last batch.
	classShared batchClass = iota
	// classDay pages (a day) are rendered with their entries.
	classDay
	// classEntry pages (an entry) are rendered with their day.
	classEntry
	// classList pages (the entry and day lists) are rendered last.
	classList
	// classOther pages (captures, parts, handouts) list entries as the
	// write stage listed them and look none up.
	classOther
)

// front is a page's front matter: a struct of its kind's, which also says
// what a stub of the page keeps (Batch): what other pages read of it.
type front interface {
	stub() any
}

// page is one file to write.
type page struct {
	kind  place
	id    string
	front front
	body  string
}

// path is where the page is written, relative to the content folder.
func (p page) path() string { return p.kind.Route(p.id) }

// class is the batch class of the page.
func (p page) class() batchClass { return p.kind.Class(p.id) }

// route is the route of a kind of page that lives in a section: its pages
// at <section>/<id>.md, its list at <section>/_index.md.
func route(section, id string) string {
	if id == "" {
		return section + "/_index.md"
	}
	return section + "/" + id + ".md"
}

// Routes are the kinds' addresses as templates look pages up: for each
// kind's name, the path of a page with "%s" for its ID ("page") and the
// path of its list page, or of its only page ("list"). The build hands them
// to the templates as site.Params.routes; the partial page.html reads them.
func Routes() map[string]map[string]string {
	out := map[string]map[string]string{}
	for _, k := range kinds {
		list := address(k, "")
		if list == "" {
			list = "/" // the home page
		}
		page := list // a kind of one page
		if k.Route("%s") != k.Route("") {
			page = address(k, "%s")
		}
		out[k.Name()] = map[string]string{"page": page, "list": list}
	}
	return out
}

// address is the path of a page of a kind, for site.GetPage: the route
// without ".md", with a leading slash (what page.html gives).
func address(k place, id string) string {
	a := "/" + strings.TrimSuffix(k.Route(id), ".md")
	return strings.TrimSuffix(strings.TrimSuffix(a, "_index"), "/")
}

// HTMLPath is the path of the HTML file of a page of the kind named kind
// ("person", "thread"…), relative to the site's root, or "" for no such
// kind: for the stages after the render that link to pages (the search
// index).
func HTMLPath(kind, id string) string {
	for _, k := range kinds {
		if k.Name() == kind {
			return htmlPath(k, id)
		}
	}
	return ""
}

// htmlPath is the path of the HTML file of a kind's page, relative to the
// site's root ("days/2022-02-01.html": the site's URLs are ugly, see
// package render).
func htmlPath(k place, id string) string { return strings.TrimSuffix(k.Route(id), ".md") + ".html" }

// buildOptions is Hugo's build front matter: how a page is rendered and
// listed ("link": it has an address but is not rendered; "never").
type buildOptions struct {
	Render string `json:"render"`
	List   string `json:"list,omitempty"`
}

// stubBuild makes a page a stub: Hugo gives it an address but does not
// render it.
var stubBuild = &buildOptions{Render: "link"}

// stubOf is the stub of a page that keeps the fields of meta (a struct):
// those fields and Hugo's build option that makes it a stub.
func stubOf(meta any) any { return stub{meta} }

// stub is a page's meta with "build": {"render": "link"} added.
type stub struct{ meta any }

// MarshalJSON writes the meta's fields and the build option as one object.
func (s stub) MarshalJSON() ([]byte, error) {
	m, err := json.Marshal(s.meta)
	if err != nil || len(m) < 2 || m[len(m)-1] != '}' {
		return nil, fmt.Errorf("stub of %T: %v", s.meta, err)
	}
	b, _ := json.Marshal(stubBuild)
	sep := ","
	if len(m) == 2 {
		sep = ""
	}
	return append(append(append(m[:len(m)-1:len(m)-1], sep+`"build":`...), b...), '}'), nil
}
