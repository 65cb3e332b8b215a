// Package build runs the pipeline: import → annotate → write → render →
// minify, and moves the finished site into place only when every stage
// succeeded, so a failed build never touches the previous one.
package build

import (
	"bufio"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"chronicle"
	"chronicle/generator/annotate"
	"chronicle/generator/cite"
	"chronicle/generator/entry"
	"chronicle/generator/export"
	"chronicle/generator/fixity"
	"chronicle/generator/halt"
	"chronicle/generator/importer"
	"chronicle/generator/importer/capture"
	"chronicle/generator/minify"
	"chronicle/generator/pages"
	"chronicle/generator/render"
	"chronicle/generator/searchindex"
	"chronicle/generator/sitefile"
	"chronicle/generator/sitemap"
	"chronicle/generator/theme"

	"github.com/spf13/afero"
	"golang.org/x/sync/errgroup"
)

// Options configure a build.
type Options struct {
	// Root is the project folder: content/sources, content/annotations,
	// templates and static live under it.
	Root string
	// Content is the folder that holds sources/ and annotations/; it
	// defaults to Root/content. A synthetic corpus (chronicle synth) is
	// built with the project's templates by pointing Content at it.
	Content string
	// Out is where the site goes; it defaults to Root/public.
	Out string
	// BaseURL is the site's public address as --base-url gives it; when
	// empty, the site file's or Netlify's is used (sitefile.Site.Address),
	// and with none the site prints no address of itself.
	BaseURL string
	// Offline builds the site for reading from disk: no absolute address of
	// the site itself, no request to any network.
	Offline bool
	// Keep leaves the work folder (the Markdown tree) on disk.
	Keep bool
	// Site is the chronicle's site file; nil reads Root's (sitefile.Load).
	Site *sitefile.Site
	// Theme holds the templates/ and static/ the chronicle's own are put
	// over; nil is the theme inside the binary (chronicle.Theme).
	Theme fs.FS
	// Getenv reads the build environment (Netlify's URL); nil is os.Getenv.
	Getenv func(string) string
	// Date is the page date for captures without one (as `--date`).
	Date string
	// BatchEntries is how many entries Hugo renders at a time, in batches of
	// whole days (render.Batch); 0 means DefaultBatchEntries. A chronicle
	// with no more entries is rendered in one go.
	BatchEntries int
}

// renderBatches hands the write stage's plan of batches to the render.
func renderBatches(bs []pages.Batch) []render.Batch {
	var out []render.Batch
	for _, b := range bs {
		out = append(out, render.Batch{Pages: b.Pages, Stubs: b.Stubs})
	}
	return out
}

// DefaultBatchEntries is the size of a render batch. One Hugo build of
// 100,000 entries holds 3.6 GB and spends a third of its time collecting
// garbage; in batches of 5,000 (2,500 measured the same) the render took
// 118 s instead of 207 (docs/PERFORMANCE.md).
const DefaultBatchEntries = 5000

// Stage is the cost of one stage of a build.
type Stage struct {
	Name     string
	Duration time.Duration
	Alloc    uint64 // bytes allocated during the stage
	PeakHeap uint64 // the most heap in use at any sample during the stage
	// CPU is the processor time the process used during the stage, on all
	// cores: unlike Duration, it hardly depends on what else the machine runs.
	CPU time.Duration
}

// Report says what a build did.
type Report struct {
	Entries      int
	Pages        int                 // pages Hugo rendered
	BatchEntries int                 // the batch size asked for
	Batches      []render.BatchStats // what each batch took, when the render ran in batches (render.Batch)
	Markdown     int                 // Markdown files written
	Files        int                 // files in the site
	Bytes        int64               // their size
	HTMLBytes    int64               // the size of the HTML pages among them
	BytesBefore  int64
	BytesAfter   int64
	Stages       []Stage
	Out          string
	WorkDir      string // kept when Options.Keep
	// Address is the public address the site was built for, and
	// AddressFrom where it came from ("--base-url", "chronicle.toml",
	// "URL"); both are empty when there was none.
	Address, AddressFrom string
	Search               searchindex.Stats
	// Manifest is how many files the site's manifest lists (fixity).
	Manifest int
	// Warnings are the import's warnings, as `check` prints them: a build
	// that succeeds says them too.
	Warnings []capture.Problem
	// Swept says what the build removed or put back that interrupted
	// builds had left (Sweep).
	Swept []string
	// PublishWarning says what publishing left undone though it succeeded:
	// a previous site that could not be removed.
	PublishWarning string
}

// PrintNotices writes what a person should know though the build
// succeeded: the import's warnings (as `check` would print them), leftovers
// of interrupted builds it removed, and what publishing left undone.
func (r *Report) PrintNotices(w io.Writer) {
	if r.Address == "" {
		fmt.Fprintf(w, "warning: no public address: the site has no feeds, sitemap, canonical or permanent links, and its handouts no QR code; give one with base_url in %s or --base-url\n", sitefile.Name)
	}
	for _, p := range r.Warnings {
		fmt.Fprintln(w, p.String())
	}
	if len(r.Warnings) > 0 {
		fmt.Fprintf(w, "%d warnings: run `chronicle check` for the notices too\n", len(r.Warnings))
	}
	for _, s := range r.Swept {
		fmt.Fprintln(w, s)
	}
	if r.PublishWarning != "" {
		fmt.Fprintf(w, "published %s, but %s\n", r.Out, r.PublishWarning)
	}
}

// Print writes the report for a person.
func (r *Report) Print(w io.Writer) {
	fmt.Fprintf(w, "built %s: %d entries, %d Markdown pages, %d HTML pages, %d files, %.1f MB (%.1f MB of HTML)\n", r.Out, r.Entries, r.Markdown, r.Pages, r.Files, float64(r.Bytes)/1e6, float64(r.HTMLBytes)/1e6)
	if r.Address != "" {
		fmt.Fprintf(w, "public address: %s (from %s)\n", r.Address, r.AddressFrom)
	}
	saved := r.BytesBefore - r.BytesAfter
	pct := 0.0
	if r.BytesBefore > 0 {
		pct = 100 * float64(saved) / float64(r.BytesBefore)
	}
	fmt.Fprintf(w, "minified: pages, feeds and sitemap by Hugo as it wrote them; stylesheets, scripts and icons %d → %d bytes (%d saved, %.1f%%)\n", r.BytesBefore, r.BytesAfter, saved, pct)
	if len(r.Batches) > 0 {
		fmt.Fprintf(w, "rendered in %d batches: runs of whole days with about %d entries each, then the other pages\n", len(r.Batches), r.BatchEntries)
	}
	if r.Search.Files > 0 {
		fmt.Fprintf(w, "search index: %d entries, %d bytes in %d files, a %d-byte manifest among them\n", r.Search.Docs, r.Search.Bytes, r.Search.Files, r.Search.ManifestBytes)
	}
	var total time.Duration
	for _, s := range r.Stages {
		total += s.Duration
		fmt.Fprintf(w, "  %-9s %8.3fs %8.3fs CPU %9.1f MB allocated, %7.1f MB peak heap\n", s.Name, s.Duration.Seconds(), s.CPU.Seconds(), float64(s.Alloc)/1e6, float64(s.PeakHeap)/1e6)
	}
	fmt.Fprintf(w, "  %-9s %8.3fs\n", "total", total.Seconds())
	if r.WorkDir != "" {
		fmt.Fprintf(w, "Markdown tree kept in %s\n", filepath.Join(r.WorkDir, "content"))
	}
}

// stager times stages.
type stager struct{ r *Report }

func (s stager) run(name string, f func() error) error {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	stop := sampleHeap()
	cpu := CPUTime()
	start := time.Now()
	err := f()
	d := time.Since(start)
	cpu = CPUTime() - cpu
	peak := stop()
	runtime.ReadMemStats(&after)
	s.r.Stages = append(s.r.Stages, Stage{Name: name, Duration: d, Alloc: after.TotalAlloc - before.TotalAlloc, PeakHeap: peak, CPU: cpu})
	if err == nil {
		faultPoint(name)
	}
	if err != nil && !strings.HasPrefix(err.Error(), name+": ") {
		return fmt.Errorf("%s: %w", name, err)
	}
	return err
}

// Paths of a project.
func SourcesDir(root string) string     { return filepath.Join(root, "content", "sources") }
func FormatsDir(root string) string     { return filepath.Join(root, "content", "formats") }
func AnnotationsDir(root string) string { return filepath.Join(root, "content", "annotations") }
func TemplatesDir(root string) string   { return filepath.Join(root, "templates") }
func StaticDir(root string) string      { return filepath.Join(root, "static") }

// Load imports the captures and annotates them: the chronicle every output
// is made from. Import errors and annotation errors stop it.
func Load(root, date string) (*entry.Chronicle, error) {
	res, err := importer.Import([]string{SourcesDir(root)}, importer.Options{Date: date, Formats: FormatsDir(root)})
	if err != nil {
		return nil, err
	}
	if err := res.Err(); err != nil {
		return nil, err
	}
	return annotateResult(AnnotationsDir(root), res)
}

func annotateResult(annotations string, res *importer.Result) (*entry.Chronicle, error) {
	reg, err := annotate.LoadRegistry(annotations)
	if err != nil {
		return nil, fmt.Errorf("annotations:\n%w", err)
	}
	c, err := annotate.Annotate(res.Captures, res.Entries, reg)
	if err != nil {
		return nil, fmt.Errorf("annotations:\n%w", err)
	}
	return c, nil
}

// Build builds the site. It first checks that opts.Out may be replaced
// (CheckOut) and removes what interrupted builds left (Sweep); it publishes
// the new site only when every stage succeeded (publish).
func Build(opts Options) (*Report, error) {
	defer endPublished()
	opts = withDefaults(opts)
	site := opts.Site
	if site == nil {
		var err error
		if site, err = sitefile.Load(opts.Root); err != nil {
			return nil, err
		}
	}
	base, from, err := site.Address(opts.BaseURL, opts.Getenv)
	if err != nil {
		return nil, err
	}
	opts.BaseURL = base
	if err := CheckOut(opts.Out, ProtectedDirs(opts)); err != nil {
		return nil, err
	}
	r := &Report{Out: opts.Out, Address: base, AddressFrom: from}
	if r.Swept, err = Sweep(opts.Out); err != nil {
		return nil, err
	}
	defer LimitMemory()()
	st := stager{r}
	var res *importer.Result
	var c *entry.Chronicle
	err = st.run("import", func() (err error) {
		res, err = importer.Import([]string{filepath.Join(opts.Content, "sources")}, importer.Options{Date: opts.Date, Formats: filepath.Join(opts.Content, "formats")})
		if err == nil {
			err = res.Err()
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	r.Warnings = res.Warnings()
	if err := st.run("annotate", func() (err error) {
		c, err = annotateResult(filepath.Join(opts.Content, "annotations"), res)
		return err
	}); err != nil {
		return nil, err
	}
	r.Entries = len(c.Entries)
	res = nil // the read documents (lines, ledgers) are not needed any more
	pattern := workPattern
	if opts.Keep {
		pattern = keptPattern // not a leftover: the next build must not sweep it
	}
	work, doneWork, err := tempDir("", pattern, opts.Keep)
	if err != nil {
		return nil, err
	}
	defer doneWork()
	if opts.Keep {
		r.WorkDir = work
	}
	// The new site is built beside Out so that the final move is a rename.
	if err := os.MkdirAll(filepath.Dir(opts.Out), 0o755); err != nil {
		return nil, err
	}
	stage, doneStage, err := tempDir(filepath.Dir(opts.Out), stagePattern(opts.Out), false)
	if err != nil {
		return nil, err
	}
	defer doneStage()
	out := filepath.Join(stage, "site") // the new site
	// The Markdown goes to Hugo in memory (a file system call or two less per
	// page, both ways), or through the work folder when it is to be kept.
	var markdown afero.Fs = afero.NewMemMapFs()
	if opts.Keep {
		markdown = nil // pages.Write writes to disk
	}
	batchEntries := opts.BatchEntries
	if batchEntries <= 0 {
		batchEntries = DefaultBatchEntries
	}
	var batches []render.Batch
	stubs := filepath.Join(work, "stubs") // for a render in batches
	var dirs theme.Dirs
	if err := st.run("write", func() (err error) {
		if dirs, err = theme.Write(filepath.Join(work, "theme"), opts.Theme, opts.Root); err != nil {
			return err
		}
		ws, err := pages.Write(c, filepath.Join(work, "content"), pages.Options{Site: site, BaseURL: opts.BaseURL, Fs: markdown,
			BatchEntries: batchEntries, StubDir: stubs, Accessed: CiteDay(opts.Getenv)})
		r.Markdown = ws.Files
		r.BatchEntries, batches = batchEntries, renderBatches(ws.Batches)
		if err == nil {
			err = checkLayouts(dirs.Templates, opts.Root, ws.Layouts())
		}
		return err
	}); err != nil {
		return nil, err
	}
	// The downloads and the search index are made from the chronicle before
	// the render, into a folder of their own that joins the site after it:
	// so the chronicle need not stay in memory while Hugo holds the site.
	packaged := filepath.Join(stage, "package")
	if err := st.run("package", func() (err error) {
		r.Search, err = packageSite(c, packaged, DatasetOf(site.Title, opts.BaseURL, CiteDay(opts.Getenv)))
		return err
	}); err != nil {
		return nil, err
	}
	c = nil
	if err := st.run("render", func() error {
		rs, err := render.Site(render.Options{
			ContentDir: filepath.Join(work, "content"), ContentFs: markdown, LayoutsDir: dirs.Templates, StaticDir: dirs.Static,
			PublishDir: out, WorkDir: filepath.Join(work, "hugo"), BaseURL: opts.BaseURL, Title: site.Title, Language: site.Language,
			Offline: opts.Offline, Params: siteParams(site), Minify: true,
			CacheLimit: RenderCacheLimit, Batches: batches, StubDir: stubs,
		})
		batches = nil
		r.Pages, r.Batches = rs.Pages, rs.Batches
		markdown = nil
		if err == nil && opts.BaseURL != "" && !opts.Offline {
			// Hugo writes one sitemap; past 50,000 addresses the protocol
			// wants several, with an index.
			_, err = sitemap.Split(out, opts.BaseURL, sitemap.Max)
		}
		return err
	}); err != nil {
		return nil, err
	}
	if err := st.run("minify", func() error {
		// Hugo minified its pages as it wrote them (render.Options.Minify);
		// this stage does the rest of what Hugo wrote: stylesheets, scripts,
		// the JSON Feed. The package stage wrote its files (data, search
		// index) minimal already; they join the site after.
		ms, err := minify.Staging(out, ".html", ".htm", ".xml")
		r.BytesBefore, r.BytesAfter = ms.Before, ms.After
		if err == nil {
			err = moveInto(packaged, out)
		}
		return err
	}); err != nil {
		return nil, err
	}
	if err := st.run("manifest", func() (err error) {
		// Every file's SHA-256, captures included, for `chronicle verify`.
		r.Manifest, err = fixity.Write(out, OutputMark)
		return err
	}); err != nil {
		return nil, err
	}
	r.Files, r.Bytes, r.HTMLBytes, err = render.CountFiles(out)
	if err != nil {
		return nil, err
	}
	faultPoint("before-swap")
	if r.PublishWarning, err = publish(opts.Out, out, stage); err != nil {
		return nil, err
	}
	return r, nil
}

// siteParams are the templates' site.Params (besides offline and address,
// which the render sets): the site file's words, zones, publishers and
// paper, and the page kinds' routes that the partial page.html finds every
// page with.
func siteParams(s *sitefile.Site) map[string]any {
	zones := make([]string, len(s.Zones))
	for i, z := range s.Zones {
		zones[i] = z.Label
	}
	publishers := make([]map[string]any, len(s.Publishers))
	for i, p := range s.Publishers {
		publishers[i] = map[string]any{"id": p.ID, "name": p.Name, "home": p.Home, "rights": p.Rights}
	}
	paperName := map[string]string{"A4": "A4", "Letter": "US Letter"}[s.Paper]
	return map[string]any{
		"routes": pages.Routes(), "tagline": s.Tagline, "headline": s.Headline, "description": s.Description,
		"language": s.Language, "zones": zones, "publishers": publishers, "paper": s.Paper, "paper_name": paperName,
	}
}

// checkLayouts checks that the templates folder holds every layout the
// pages need (pages.Stats.Layouts); a missing one is named as the
// chronicle's own templates/ would hold it.
func checkLayouts(dir, root string, layouts []string) error {
	var missing []string
	for _, l := range layouts {
		if _, err := os.Stat(filepath.Join(dir, l)); err != nil {
			missing = append(missing, filepath.Join(TemplatesDir(root), l))
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("missing layout %s: its pages would fall back to the generic layout; restore it", strings.Join(missing, ", "))
	}
	return nil
}

func withDefaults(o Options) Options {
	if o.Root == "" {
		o.Root = "."
	}
	if o.Out == "" {
		o.Out = filepath.Join(o.Root, "public")
	}
	o.Out = trimSlash(o.Out)
	if o.Content == "" {
		o.Content = filepath.Join(o.Root, "content")
	}
	if o.Theme == nil {
		o.Theme = chronicle.Theme
	}
	if o.Getenv == nil {
		o.Getenv = os.Getenv
	}
	return o
}

// MemoryLimit is the heap size past which the Go runtime collects garbage
// however recently it last did (unless GOMEMLIMIT says otherwise): without
// it, the heap of a large build grows to twice what is live before a
// collection, which for 100,000 entries is more memory than the build needs.
const MemoryLimit = 5 << 30

// LimitMemory sets the Go runtime's memory limit to MemoryLimit, unless the
// GOMEMLIMIT variable sets one, and returns a function that restores the
// previous limit.
func LimitMemory() (restore func()) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	old := debug.SetMemoryLimit(MemoryLimit)
	return func() { debug.SetMemoryLimit(old) }
}

// RenderCacheLimit bounds Hugo's caches during the render: enough for the
// content of the pages being rendered at any time, far less than Hugo's
// default of a quarter of the machine's memory.
const RenderCacheLimit = 1 << 30

// packageSite adds what is not rendered to the site: the data downloads and
// the search index, written side by side. Each file is written minimal (no
// indentation, no spaces), so the minify stage need not read them again.
func packageSite(c *entry.Chronicle, site string, ds export.Dataset) (searchindex.Stats, error) {
	if err := halt.MkdirAll(site, 0o755); err != nil {
		return searchindex.Stats{}, err
	}
	ds.Entries, ds.Captures = c.Entries, c.Captures
	var g errgroup.Group
	g.Go(func() error { return writeFile(filepath.Join(site, "entries.json"), ds, export.CompactJSON) })
	g.Go(func() error { return writeFile(filepath.Join(site, "entries.csv"), ds, export.CSV) })
	g.Go(func() error {
		return writeFile(filepath.Join(site, "entries.csl.json"), ds, func(w io.Writer, ds export.Dataset) error { return export.CSLJSON(w, ds, "") })
	})
	g.Go(func() error { return writeFile(filepath.Join(site, export.DataPackageFile), ds, export.DataPackage) })
	g.Go(func() error { return writeCitations(export.Works(ds), site) })
	g.Go(func() error { return copyCaptures(c.Captures, site) })
	var st searchindex.Stats
	g.Go(func() (err error) {
		st, err = searchindex.Write(c, site, searchindex.Options{Path: pages.HTMLPath})
		return err
	})
	return st, g.Wait()
}

// DatasetOf describes the downloads of the chronicle called title,
// published at base ("" for none), its citations made on the day accessed.
func DatasetOf(title, base string, accessed time.Time) export.Dataset {
	return export.Dataset{Chronicle: title, Accessed: accessed, Address: func(id string) string { return base + pages.EntryPage(id) }}
}

// CiteDay is the day the site's citations are made for: the day of
// SOURCE_DATE_EPOCH (seconds since 1970, the reproducible-builds
// convention) when it is set, else today, in UTC.
func CiteDay(getenv func(string) string) time.Time {
	if getenv == nil {
		getenv = os.Getenv
	}
	now := time.Now().UTC()
	if s := getenv("SOURCE_DATE_EPOCH"); s != "" {
		if secs, err := strconv.ParseInt(s, 10, 64); err == nil {
			now = time.Unix(secs, 0).UTC()
		}
	}
	return time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
}

// writeCitations writes each work's BibTeX and RIS records
// (pages.CitationFile).
func writeCitations(works []cite.Work, site string) error {
	made := map[string]bool{}
	for _, w := range works {
		for ext, text := range map[string]string{"bib": w.BibTeX(), "ris": w.RIS()} {
			path := filepath.Join(site, filepath.FromSlash(pages.CitationFile(w.ID, ext)))
			if dir := filepath.Dir(path); !made[dir] {
				if err := halt.MkdirAll(dir, 0o755); err != nil {
					return err
				}
				made[dir] = true
			}
			if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
				return err
			}
		}
	}
	return nil
}

// writeFile writes the dataset to the file at path with write.
func writeFile(path string, ds export.Dataset, write func(io.Writer, export.Dataset) error) error {
	out, err := os.Create(path)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(out, 1<<20)
	err = write(bw, ds)
	if err == nil {
		err = bw.Flush()
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	return err
}

// copyCaptures writes the captures, byte for byte as they were imported
// (not read from disk again), into the site, where their pages offer them
// for download (pages.Download).
func copyCaptures(captures []entry.Capture, site string) error {
	for _, cp := range captures {
		path := filepath.Join(site, filepath.FromSlash(pages.Download(&cp)))
		if err := halt.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, []byte(cp.Source), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// moveInto moves the files under src to the same places under dst, which
// must not hold them yet.
func moveInto(src, dst string) error {
	return filepath.WalkDir(src, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return halt.MkdirAll(target, 0o755)
		}
		if _, err := os.Lstat(target); err == nil {
			return fmt.Errorf("%s would replace a rendered file", filepath.ToSlash(rel))
		}
		return os.Rename(path, target)
	})
}
