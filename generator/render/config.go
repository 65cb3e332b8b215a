package render

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/gohugoio/hugo/config"
)

// The configuration of a render: the fixed part the pipeline owns
// (baseConfig) and the part that comes from Options.

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
	noAddress := opts.BaseURL == ""
	// Links are relative (relativeURLs) and Hugo renders from the root,
	// whatever the address: a base URL with a folder (https://host/folder/)
	// would put the folder into every page's relative address, which
	// relativeURLs keeps, so that each link led to folder/folder/…. The
	// public addresses (canonical, feeds, sitemap, citation metadata) are
	// made in the templates from params.address and the page's path:
	// print site.Params.address (strings.TrimPrefix "/" .RelPermalink).
	cfg.Set("baseURL", "/")
	cfg.Set("title", opts.Title)
	if opts.Language != "" {
		cfg.Set("locale", opts.Language)
	}

	params := make(map[string]any, len(opts.Params)+1)
	for k, v := range opts.Params {
		params[k] = v
	}
	params["offline"] = opts.Offline
	params["address"] = ""
	if !opts.Offline {
		params["address"] = opts.BaseURL
	}
	// Pages link to the home page's feeds by this flag, not by asking the
	// home page for its outputs: in a batch that does not render the home
	// page (Batch), the home page has none.
	params["feeds"] = !opts.Offline && !noAddress
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
	if opts.Offline || noAddress {
		// The feeds and the sitemap hold absolute addresses of the site by
		// nature; a site read from disk, or with no address, has neither.
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
