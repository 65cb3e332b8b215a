// Package render turns the generated Markdown tree into a static site with
// Hugo v0.165.0 used as a library (package hugolib, in-process; never the
// hugo command or an external binary).
//
// Everything Hugo-specific in Chronicle lives in this one package, so that the
// rest of the module compiles without Hugo and a warm rebuild of the command
// stays quick.
//
// # Configuration
//
// The pipeline owns Hugo's configuration: there is no user hugo.toml. The
// fixed part is the TOML constant baseConfig in this file; the per-render part (folders,
// baseURL, title, params) comes from [Options]. The folders are module mounts:
// ContentDir → content, LayoutsDir → layouts, StaticDir → static, DataDir →
// data. Templates use the v0.146+ layout names (layouts/baseof.html,
// home.html, list.html, single.html, _partials/…, home.jsonfeed.json).
//
// # URL shapes
//
// uglyURLs = true and relativeURLs = true are set for public and offline
// builds alike, so every link Hugo makes opens from file:// and ends in a file
// name. With uglyURLs, Hugo v0.165 writes these files (the .RelPermalink is
// the same path with a leading "/", e.g. /days/index.html):
//
//   - home page:              index.html
//   - section list:           days/index.html
//   - nested section list:    people/press/index.html
//   - regular page:           days/2022-02-01.html
//   - page in nested section: people/press/bob.html
//   - leaf bundle:            people/alice.html (from people/alice/index.md)
//   - pagination, page n ≥ 2: days/page/2/index.html; page 1 is the list
//     itself (no page/1/ alias pages: pagination.disableAliases)
//   - home outputs:           index.xml (RSS), feed.json (JSON Feed); and
//     sitemap.xml (no robots.txt, no taxonomy pages); an Offline render,
//     or one with no BaseURL, writes none of the three, as they hold
//     absolute addresses
//
// relativeURLs is a post-processing step over HTML output: every attribute
// value that starts with "/" (href="/…", src="/…", srcset) is rewritten to
// "./…" or "../…" by the page's depth (from days/2022-02-01.html,
// "/index.html" becomes "../index.html"). So links must be written
// root-relative and end in a file name: .RelPermalink, relref (in templates or
// as {{< relref "days/2022-02-01.md" >}} in Markdown), relURL on a path with a
// file name, or a Markdown link such as [x](/days/2022-02-01.html) all work; a
// folder link ("days/", "/days/", "/" | relURL) would not open from disk.
// Hugo renders with the base URL "/", whatever Options.BaseURL is: a base
// URL with a folder (https://host/folder/) puts the folder into every
// .RelPermalink, which relativeURLs keeps, so a link from days/x.html to
// /folder/people/y.html became ../folder/people/y.html and led nowhere.
// .Permalink is therefore a path from the root too: the public addresses
// (the feeds, the sitemap, canonical links) are the templates' to make,
// print site.Params.address (strings.TrimPrefix "/" .RelPermalink), and
// the layouts give sitemap.xml (Hugo's own prints .Permalink).
//
// # Markdown
//
// goldmark runs with renderer.unsafe = false and the typographer off, so text
// is shown as written (straight quotes, "--", "..."). Raw HTML in the Markdown
// is dropped by goldmark with a warning, and like every Hugo warning that
// fails the render: the write stage must escape capture text.
//
// # Determinism
//
// The same input gives byte-identical output: no generator tag, no build
// timestamps, time zone UTC, buildFuture and buildExpired on (so what is
// published does not depend on the clock), dates only from front matter (no
// file modification times, no Git info), HUGO_* environment variables ignored.
// Templates must not use now, hugo.BuildDate or random functions.
//
// # Batches
//
// Hugo holds every page of a build in memory until the build ends. Past a
// few ten thousand pages that memory, and the collector's work on it, grow
// faster than the site, so a large site is rendered in batches
// (Options.Batches, see batch.go): several Hugo builds one after the other
// into the same PublishDir, each with the pages it renders and stubs (build
// option render = "link") of the pages they look up. Templates must
// therefore not ask a page for what its stub lacks: the home page's output
// formats, for instance, are site.Params.feeds. The write stage plans the
// batches (pages.Batch) and the build test compares a batched render with
// a render in one go, byte for byte.
package render

import (
	"errors"
	"fmt"

	"github.com/spf13/afero"
)

// Options configures one render.
type Options struct {
	ContentDir string // generated Markdown tree (mounted as content)
	// ContentFs, when set, holds the files under ContentDir (an absolute
	// path), which then need not be on disk: the write stage can hand Hugo
	// its Markdown in memory (an afero.MemMapFs) rather than through a
	// file per page. Everything else is read from disk as usual.
	ContentFs  afero.Fs
	LayoutsDir string // templates/ (mounted as layouts)
	StaticDir  string // static/ (mounted as static), may be empty
	DataDir    string // optional, mounted as data
	PublishDir string // where HTML goes (must be written only here)
	WorkDir    string // Hugo working dir, cache dir lives under it; must not be the repo
	// BaseURL is the public site's address ("https://chronicle.example.net/"),
	// given to the templates as site.Params.address (Hugo itself renders from
	// "/": see above); empty when it has none: then, as offline, there are no
	// feeds and no sitemap, and site.Params.address is empty.
	BaseURL  string
	Title    string         // site title (.Site.Title)
	Language string         // the pages' language, a BCP 47 tag (default "en")
	Params   map[string]any // site params (.Site.Params)
	Offline  bool           // site.Params.offline = true as well
	// CacheLimit bounds Hugo's in-memory caches (rendered content,
	// resources), in bytes; 0 leaves Hugo's default, a quarter of the
	// machine's memory, which on a large machine lets a big site's render
	// hold gigabytes it does not need. HUGO_MEMORYLIMIT, when set, wins.
	CacheLimit int64
	// Minify has Hugo minify what it renders (HTML, XML, feeds) on its way
	// to disk, with the settings of package minify, so that no second pass
	// has to read and rewrite every page.
	Minify bool
	// Batches, when set, has the site rendered in parts, one Hugo build per
	// batch, one after the other into PublishDir, so that Hugo holds one
	// batch at a time rather than the whole site (see batch.go). The last
	// batch must hold every page, rendered or as a stub: the sitemap and
	// the 404 page it writes are the site's.
	Batches []Batch
	// StubDir is the folder of the stubs that Batches name; it is read
	// from ContentFs when ContentFs holds it, else from disk.
	StubDir string
}

// Stats reports what a render produced.
type Stats struct {
	// Batches is what each batch of a batched render took (Options.Batches).
	Batches []BatchStats
	// Pages is the number of pages in the site: home, section lists and
	// regular pages (not pagination pages, feeds, the sitemap or 404).
	Pages int
	// Files is the number of files in PublishDir after the render, static
	// files included.
	Files int
	// Bytes is the total size of those files.
	Bytes int64
}

// Site renders one site with Hugo into opts.PublishDir and copies the files in
// opts.StaticDir (names starting with "." skipped) next to it; a static file
// may not replace a rendered one. PublishDir must be empty or not exist yet;
// nothing is written outside PublishDir and WorkDir. Hugo lower-cases the keys
// of Params; params.offline is always opts.Offline, and params.address is
// the public address the pages may print (BaseURL, "" offline).
// Hugo's log is captured: a render that logs a warning or an error fails, and
// the log text is part of the returned error. Errors start with "render: ";
// template errors name the template file as Hugo reports it.
func Site(opts Options) (Stats, error) {
	mu.Lock()
	defer mu.Unlock()
	st, err := site(opts)
	if errors.Is(err, errHugoStuck) {
		// Find the error Hugo did not report on a sample of the pages.
		if serr := renderSample(opts); serr != nil {
			return Stats{}, fmt.Errorf("%w\non a sample of the pages:\n%w", err, serr)
		}
	}
	return st, err
}

// site is Site without the lock.
func site(opts Options) (Stats, error) {
	opts, err := checkOptions(opts)
	if err != nil {
		return Stats{}, err
	}
	var st Stats
	if len(opts.Batches) > 0 {
		st.Pages, st.Batches, err = renderBatches(opts)
	} else {
		st.Pages, err = hugoBuild(opts)
	}
	if err != nil {
		return Stats{}, err
	}

	if opts.StaticDir != "" {
		if err := copyStatic(opts.StaticDir, opts.PublishDir); err != nil {
			return Stats{}, err
		}
	}

	st.Files, st.Bytes, _, err = CountFiles(opts.PublishDir)
	if err != nil {
		return Stats{}, fmt.Errorf("render: count output: %w", err)
	}
	return st, nil
}
