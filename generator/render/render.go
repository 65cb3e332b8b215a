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
//     sitemap.xml (no robots.txt, no taxonomy pages); an Offline render
//     writes none of the three, as they hold absolute addresses
//
// relativeURLs is a post-processing step over HTML output: every attribute
// value that starts with "/" (href="/…", src="/…", srcset) is rewritten to
// "./…" or "../…" by the page's depth (from days/2022-02-01.html,
// "/index.html" becomes "../index.html"). So links must be written
// root-relative and end in a file name: .RelPermalink, relref (in templates or
// as {{< relref "days/2022-02-01.md" >}} in Markdown), relURL on a path with a
// file name, or a Markdown link such as [x](/days/2022-02-01.html) all work; a
// folder link ("days/", "/days/", "/" | relURL) would not open from disk.
// RSS output always gets absolute URLs (baseURL); feed.json and sitemap.xml
// carry what the templates print (.Permalink: absolute).
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
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"runtime/pprof"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/bep/logg"
	"github.com/gohugoio/hugo/common/loggers"
	"github.com/gohugoio/hugo/config"
	"github.com/gohugoio/hugo/config/allconfig"
	"github.com/gohugoio/hugo/deps"
	"github.com/gohugoio/hugo/hugofs"
	"github.com/gohugoio/hugo/hugolib"
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
	LayoutsDir string         // templates/ (mounted as layouts)
	StaticDir  string         // static/ (mounted as static), may be empty
	DataDir    string         // optional, mounted as data
	PublishDir string         // where HTML goes (must be written only here)
	WorkDir    string         // Hugo working dir, cache dir lives under it; must not be the repo
	BaseURL    string         // e.g. "https://chronicle.example.org/"
	Title      string         // site title (.Site.Title)
	Params     map[string]any // site params (.Site.Params)
	Offline    bool           // site.Params.offline = true as well
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

// baseConfig is the part of Hugo's configuration the pipeline owns and that
// does not change between renders. See the package documentation.
const baseConfig = `
uglyURLs = true
relativeURLs = true
canonifyURLs = false
disableKinds = ["taxonomy", "term"]
enableRobotsTXT = false
disableHugoGeneratorInject = true
timeZone = "UTC"
locale = "en-GB" # languageCode, deprecated since v0.158, logs a warning
defaultContentLanguage = "en"
capitalizeListTitles = false
enableGitInfo = false
enableEmoji = false
buildDrafts = false
buildFuture = true
buildExpired = true

[taxonomies]

[pagination]
disableAliases = true
pagerSize = 50

[build]
noJSConfigInAssets = true

[markup.goldmark.renderer]
unsafe = false

# Text is shown as written: no curly quotes, dashes or ellipses.
[markup.goldmark.extensions.typographer]
disable = true

# Addresses in capture text stay text, as the capture has them.
[markup.goldmark.extensions]
linkify = false

[frontmatter]
date = ["date", "publishDate", "lastmod"]
lastmod = ["lastmod", "date", "publishDate"]
publishDate = ["publishDate", "date"]
expiryDate = ["expiryDate"]

[sitemap]
filename = "sitemap.xml"
priority = -1.0

[mediaTypes."application/feed+json"]
suffixes = ["json"]

[outputFormats.jsonfeed]
mediaType = "application/feed+json"
baseName = "feed"
isPlainText = true
rel = "alternate"

[outputs]
home = ["html", "rss", "jsonfeed"]
section = ["html"]
page = ["html"]
`

// mu serialises renders: Hugo keeps process-wide state (the global logger
// that LoadConfig installs), so two renders must not overlap.
var mu sync.Mutex

// Site renders one site with Hugo into opts.PublishDir and copies the files in
// opts.StaticDir (names starting with "." skipped) next to it; a static file
// may not replace a rendered one. PublishDir must be empty or not exist yet;
// nothing is written outside PublishDir and WorkDir. Hugo lower-cases the keys
// of Params, and params.offline is always opts.Offline.
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

	st.Files, st.Bytes, err = countFiles(opts.PublishDir)
	if err != nil {
		return Stats{}, fmt.Errorf("render: count output: %w", err)
	}
	return st, nil
}

// hugoBuild renders opts' content with one Hugo build into opts.PublishDir
// and returns the number of pages in the site.
func hugoBuild(opts Options) (int, error) {
	// Hugo reads its cache limit from the process environment when it sets
	// up its caches (in gigabytes); renders are serialised by mu.
	if opts.CacheLimit > 0 && os.Getenv("HUGO_MEMORYLIMIT") == "" {
		os.Setenv("HUGO_MEMORYLIMIT", strconv.FormatFloat(float64(opts.CacheLimit)/(1<<30), 'f', 3, 64))
		defer os.Unsetenv("HUGO_MEMORYLIMIT")
	}

	flags, err := hugoFlags(opts)
	if err != nil {
		return 0, err
	}

	var logBuf syncBuffer
	logger := loggers.New(loggers.Options{
		Level:         logg.LevelWarn,
		StdOut:        &logBuf,
		StdErr:        &logBuf,
		DistinctLevel: logg.LevelWarn,
	})
	// LoadConfig installs logger as Hugo's process-wide logger; put a quiet
	// one back when done so that nothing Hugo does later writes to stderr.
	defer loggers.SetGlobalLogger(loggers.New(loggers.Options{
		Level: logg.LevelError, StdOut: io.Discard, StdErr: io.Discard,
	}))

	// Hugo reads its sources (content, layouts, static) through one file
	// system and publishes through another. With ContentFs the sources are
	// ContentFs for ContentDir and the disk for the rest. The site is always
	// published to disk.
	osFs := afero.NewOsFs()
	source := afero.Fs(osFs)
	if opts.ContentFs != nil {
		source = newRouteFs(opts.ContentDir, opts.ContentFs, osFs)
	}
	configs, err := allconfig.LoadConfig(allconfig.ConfigSourceDescriptor{
		Flags:       flags,
		Fs:          source,
		Logger:      logger,
		Environment: "production",
		Environ:     environ(),
	})
	if err != nil {
		return 0, wrap("load Hugo config", err, &logBuf)
	}

	fs := hugofs.NewFrom(source, configs.LoadingInfo.BaseConfig)
	publish := hugofs.NewBasePathFs(osFs, opts.PublishDir)
	fs.PublishDir, fs.PublishDirServer, fs.PublishDirStatic = publish, publish, publish
	h, err := hugolib.NewHugoSites(deps.DepsCfg{
		Configs:  configs,
		Fs:       fs,
		LogLevel: logg.LevelWarn,
		StdOut:   &logBuf,
		StdErr:   &logBuf,
	})
	if err != nil {
		return 0, wrap("set up Hugo", err, &logBuf)
	}
	if err := build(h); err != nil {
		if errors.Is(err, errHugoStuck) {
			return 0, err // h is still busy: closing it could wait forever
		}
		h.Close()
		return 0, wrap("build", err, &logBuf)
	}
	defer h.Close()
	// A developer's aid (docs/PERFORMANCE.md): CHRONICLE_TEMPLATE_METRICS=FILE
	// writes Hugo's template metrics, the time spent in each template.
	if p := os.Getenv("CHRONICLE_TEMPLATE_METRICS"); p != "" && h.Metrics != nil {
		var b bytes.Buffer
		h.Metrics.WriteMetrics(&b)
		os.WriteFile(p, b.Bytes(), 0o644)
	}
	// CHRONICLE_HEAP_PROFILE=FILE writes a heap profile taken when Hugo has
	// rendered every page and still holds the site (docs/PERFORMANCE.md).
	if p := os.Getenv("CHRONICLE_HEAP_PROFILE"); p != "" {
		if f, err := os.Create(p); err == nil {
			runtime.GC()
			pprof.WriteHeapProfile(f)
			f.Close()
		}
	}
	if n := h.Log.LoggCount(logg.LevelWarn) + logger.LoggCount(logg.LevelWarn); n > 0 {
		return 0, wrap("build", fmt.Errorf("Hugo logged %d warning(s)", n), &logBuf)
	}

	pages := 0
	for _, s := range h.Sites {
		pages += len(s.Pages())
	}
	return pages, nil
}

// errHugoStuck is the error of a render that Hugo stopped and never finished.
var errHugoStuck = errors.New("render: build: 10 or more pages failed to render and Hugo stopped " +
	"without finishing or saying which (a fault of Hugo v0.165); a template is the likely cause: " +
	"check the templates changed last")

// stuckGrace is how long a render may take to finish once Hugo has decided
// to stop it.
const stuckGrace = 10 * time.Second

// build runs Hugo's build. When 10 pages have failed, Hugo v0.165 stops its
// render workers, and may then wait forever to hand them the next page (the
// page walker can block on the send that the stop was meant to cancel): the
// build neither returns nor reports the errors. build notices the stop and,
// if the build has not returned stuckGrace later, gives up with errHugoStuck,
// leaving Hugo's goroutines behind: the failure is reported and the previous
// site kept, rather than the command hanging.
func build(h *hugolib.HugoSites) error {
	done := make(chan error, 1)
	go func() { done <- h.Build(hugolib.BuildCfg{}) }()
	select {
	case err := <-done:
		return err
	case <-h.Done():
	}
	select {
	case err := <-done:
		return err
	case <-time.After(stuckGrace):
		return errHugoStuck
	}
}

// renderSample renders, into a scratch folder, a sample of opts' content:
// every section's index and the first pages of every folder. A render that
// failed on many pages (a broken template) fails on a few of them too, and
// Hugo then reports the errors.
func renderSample(opts Options) error {
	src := opts.ContentFs
	if src == nil {
		src = afero.NewOsFs()
	}
	sample := afero.NewMemMapFs()
	const perFolder = 3
	seen := map[string]int{}
	err := afero.Walk(src, opts.ContentDir, func(path string, fi os.FileInfo, err error) error {
		if err != nil || fi.IsDir() {
			return err
		}
		dir := filepath.Dir(path)
		if fi.Name() != "_index.md" {
			if seen[dir] >= perFolder {
				return nil
			}
			seen[dir]++
		}
		data, err := afero.ReadFile(src, path)
		if err != nil {
			return err
		}
		if err := sample.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		return afero.WriteFile(sample, path, data, 0o644)
	})
	if err != nil {
		return err
	}
	scratch, err := os.MkdirTemp("", "chronicle-sample-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(scratch)
	opts.ContentFs, opts.Batches = sample, nil
	opts.PublishDir = filepath.Join(scratch, "public")
	opts.WorkDir = filepath.Join(scratch, "work")
	_, err = site(opts)
	return err
}

// checkOptions validates opts and makes its folders absolute.
func checkOptions(opts Options) (Options, error) {
	abs := func(name string, p *string, required, mustExist bool) error {
		if *p == "" {
			if required {
				return fmt.Errorf("render: %s is not set", name)
			}
			return nil
		}
		a, err := filepath.Abs(*p)
		if err != nil {
			return fmt.Errorf("render: %s: %w", name, err)
		}
		*p = a
		if mustExist {
			fi, err := os.Stat(a)
			if err != nil {
				return fmt.Errorf("render: %s: %w", name, err)
			}
			if !fi.IsDir() {
				return fmt.Errorf("render: %s %s is not a folder", name, a)
			}
		}
		return nil
	}
	for _, f := range []struct {
		name                string
		p                   *string
		required, mustExist bool
	}{
		{"ContentDir", &opts.ContentDir, true, opts.ContentFs == nil},
		{"LayoutsDir", &opts.LayoutsDir, true, true},
		{"StaticDir", &opts.StaticDir, false, true},
		{"DataDir", &opts.DataDir, false, true},
		{"PublishDir", &opts.PublishDir, true, false},
		{"WorkDir", &opts.WorkDir, true, false},
		{"StubDir", &opts.StubDir, false, false},
	} {
		if err := abs(f.name, f.p, f.required, f.mustExist); err != nil {
			return opts, err
		}
	}

	if opts.ContentFs != nil {
		if fi, err := opts.ContentFs.Stat(opts.ContentDir); err != nil || !fi.IsDir() {
			return opts, fmt.Errorf("render: ContentDir %s is not a folder of ContentFs", opts.ContentDir)
		}
	}
	// A Hugo config file, a go.mod (Hugo reads it as a module definition) or
	// a Git checkout in the working dir would change the render.
	for _, name := range []string{"go.mod", ".git", "hugo.toml", "hugo.yaml", "hugo.json", "config.toml", "config.yaml", "config.json", "config"} {
		if _, err := os.Stat(filepath.Join(opts.WorkDir, name)); err == nil {
			return opts, fmt.Errorf("render: WorkDir %s holds %s; use a folder of its own, not the repository", opts.WorkDir, name)
		}
	}
	if err := os.MkdirAll(opts.WorkDir, 0o755); err != nil {
		return opts, fmt.Errorf("render: %w", err)
	}

	entries, err := os.ReadDir(opts.PublishDir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return opts, fmt.Errorf("render: PublishDir: %w", err)
	case len(entries) > 0:
		return opts, fmt.Errorf("render: PublishDir %s is not empty", opts.PublishDir)
	}
	return opts, nil
}

// hugoFlags builds the full Hugo configuration for opts: baseConfig plus the
// per-render settings.
func hugoFlags(opts Options) (config.Provider, error) {
	cfg, err := config.FromConfigString(baseConfig, "toml")
	if err != nil {
		return nil, fmt.Errorf("render: built-in config: %w", err)
	}

	cfg.Set("workingDir", opts.WorkDir)
	cfg.Set("publishDir", opts.PublishDir)
	cfg.Set("cacheDir", filepath.Join(opts.WorkDir, "cache"))
	cfg.Set("resourceDir", filepath.Join(opts.WorkDir, "resources"))
	cfg.Set("baseURL", opts.BaseURL)
	cfg.Set("title", opts.Title)

	params := make(map[string]any, len(opts.Params)+1)
	for k, v := range opts.Params {
		params[k] = v
	}
	params["offline"] = opts.Offline
	// Pages link to the home page's feeds by this flag, not by asking the
	// home page for its outputs: in a batch that does not render the home
	// page (Batch), the home page has none.
	params["feeds"] = !opts.Offline
	cfg.Set("params", params)
	if os.Getenv("CHRONICLE_TEMPLATE_METRICS") != "" { // see Site
		cfg.Set("templateMetrics", true)
		cfg.Set("templateMetricsHints", true)
	}
	if opts.Minify {
		// The settings of generator/minify: keep the document tags, the end
		// tags and the attribute quotes; JSON numbers as written.
		cfg.Set("minify", map[string]any{
			"minifyOutput": true,
			"tdewolff": map[string]any{
				"html": map[string]any{"keepDocumentTags": true, "keepEndTags": true, "keepQuotes": true,
					"keepDefaultAttrVals": false, "keepSpecialComments": false, "keepWhitespace": false},
				"json": map[string]any{"keepNumbers": true},
			},
		})
	}
	if opts.Offline {
		// The feeds and the sitemap hold absolute addresses of the site by
		// nature; a site read from disk has neither.
		cfg.Set("disableKinds", []string{"taxonomy", "term", "rss", "sitemap"})
		cfg.Set("outputs", map[string]any{"home": []string{"html"}, "section": []string{"html"}, "page": []string{"html"}})
	}

	mounts := []map[string]any{
		{"source": opts.ContentDir, "target": "content"},
		{"source": opts.LayoutsDir, "target": "layouts"},
	}
	if opts.StaticDir != "" {
		// static/ is also Hugo's assets, so templates can fingerprint the
		// stylesheet (resources.Get … | fingerprint) for long caching.
		mounts = append(mounts, map[string]any{"source": opts.StaticDir, "target": "static"},
			map[string]any{"source": opts.StaticDir, "target": "assets"})
	}
	if opts.DataDir != "" {
		mounts = append(mounts, map[string]any{"source": opts.DataDir, "target": "data"})
	}
	cfg.Set("module", map[string]any{"mounts": mounts})
	return cfg, nil
}

// environ is the process environment without HUGO* variables, which would
// otherwise override the pipeline's configuration.
func environ() []string {
	env := []string{"CHRONICLE_RENDER=1"} // never empty: empty means os.Environ()
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(strings.ToUpper(kv), "HUGO") {
			env = append(env, kv)
		}
	}
	return env
}

var ansi = regexp.MustCompile("\x1b\\[[0-9;]*m")

// wrap makes a "render: " error from err and whatever Hugo logged.
func wrap(step string, err error, log *syncBuffer) error {
	text := strings.TrimSpace(ansi.ReplaceAllString(log.String(), ""))
	if text == "" || strings.Contains(err.Error(), text) {
		return fmt.Errorf("render: %s: %w", step, err)
	}
	return fmt.Errorf("render: %s: %w\n%s", step, err, text)
}

// copyStatic copies the files under src into dst, keeping the folder
// structure. Names starting with "." are skipped. A static file may not
// replace a file Hugo rendered.
func copyStatic(src, dst string) error {
	return filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("render: static: %w", err)
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return fmt.Errorf("render: static: %w", err)
		}
		if rel == "." {
			return nil
		}
		if strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			if err := os.MkdirAll(target, 0o755); err != nil {
				return fmt.Errorf("render: static: %w", err)
			}
			return nil
		}
		if _, err := os.Lstat(target); err == nil {
			return fmt.Errorf("render: static file %s would replace the rendered %s", path, filepath.ToSlash(rel))
		}
		if err := copyFile(path, target); err != nil {
			return fmt.Errorf("render: static: %w", err)
		}
		return nil
	})
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// countFiles counts the regular files under root and their total size.
func countFiles(root string) (n int, size int64, err error) {
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.Type().IsRegular() {
			return nil
		}
		fi, err := d.Info()
		if err != nil {
			return err
		}
		n++
		size += fi.Size()
		return nil
	})
	return n, size, err
}

// syncBuffer is a bytes.Buffer safe for Hugo's concurrent log writes.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
