package build

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"chronicle/generator/entry"
	"chronicle/generator/importer"
	"chronicle/generator/minify"
	"chronicle/generator/pages"
	"chronicle/generator/render"
	"chronicle/generator/sitefile"
	"chronicle/generator/synth"
)

// corpus is a synthetic corpus made once per size and process, with what
// each stage needs as input, each made when first needed.
type corpus struct {
	n        int
	dir      string // synth output: dir/content/{sources,annotations}
	res      *importer.Result
	c        *entry.Chronicle
	markdown string // the write stage's output
	batches  []render.Batch
	site     string // the render stage's output
}

var (
	corporaMu sync.Mutex
	corpora   = map[int]*corpus{}
	benchDir  string // holds the corpora; removed by TestMain
)

// corpusOf returns the corpus of n entries with the stages before stage run:
// "import", "annotate", "write", "render", "package" or "minify".
func corpusOf(b *testing.B, n int, stage string) *corpus {
	corporaMu.Lock()
	defer corporaMu.Unlock()
	c := corpora[n]
	if c == nil {
		c = &corpus{n: n}
		corpora[n] = c
	}
	if err := c.upTo(stage); err != nil {
		b.Fatal(err)
	}
	return c
}

func (c *corpus) upTo(stage string) (err error) {
	if benchDir == "" {
		if benchDir, err = os.MkdirTemp("", "chronicle-bench-"); err != nil {
			return err
		}
	}
	if c.dir == "" {
		dir := filepath.Join(benchDir, fmt.Sprint(c.n))
		if _, err := synth.Write(dir, synth.Options{Entries: c.n, Seed: 1, Annotations: AnnotationsDir(repo)}); err != nil {
			return err
		}
		c.dir = dir
	}
	if stage == "import" {
		return nil
	}
	if c.res == nil {
		res, err := importer.Import([]string{synth.SourcesDir(c.dir)}, importer.Options{})
		if err != nil {
			return err
		}
		if err := res.Err(); err != nil {
			return err
		}
		c.res = res
	}
	if stage == "annotate" {
		return nil
	}
	if c.c == nil {
		if c.c, err = annotateResult(synth.AnnotationsDir(c.dir), clone(c.res)); err != nil {
			return err
		}
	}
	if stage == "write" || stage == "package" {
		return nil
	}
	if c.markdown == "" {
		md := filepath.Join(c.dir, "markdown")
		ws, err := pages.Write(c.c, md, writeOptions(c.dir))
		if err != nil {
			return err
		}
		c.markdown, c.batches = md, renderBatches(ws.Batches)
	}
	if stage == "render" {
		return nil
	}
	if c.site == "" {
		site := filepath.Join(c.dir, "site")
		if _, err := renderTo(c, site, filepath.Join(c.dir, "hugo")); err != nil {
			return err
		}
		c.site = site
	}
	return nil
}

// seedSiteFile is the repository's site file.
func seedSiteFile() *sitefile.Site {
	s, err := sitefile.Load(repo)
	if err != nil {
		panic(err)
	}
	return s
}

// writeOptions are the write stage's options as a build sets them, with
// the stubs of a batched render under dir.
func writeOptions(dir string) pages.Options {
	return pages.Options{Site: seedSiteFile(), BaseURL: seedURL, BatchEntries: DefaultBatchEntries, StubDir: filepath.Join(dir, "stubs")}
}

// renderTo renders c's Markdown as a build does: in batches when the
// corpus has more than DefaultBatchEntries entries.
func renderTo(c *corpus, site, work string) (render.Stats, error) {
	return render.Site(render.Options{
		ContentDir: c.markdown, LayoutsDir: TemplatesDir(repo), StaticDir: StaticDir(repo),
		PublishDir: site, WorkDir: work, BaseURL: seedURL, Title: seedSiteFile().Title, Language: seedSiteFile().Language, Minify: true,
		Params: siteParams(seedSiteFile()), Batches: c.batches, StubDir: filepath.Join(c.dir, "stubs"),
	})
}

// clone copies an import result deeply enough for annotate, which writes
// into the entries.
func clone(r *importer.Result) *importer.Result {
	out := *r
	out.Entries = append([]entry.Entry(nil), r.Entries...)
	return &out
}

// BenchmarkStages times each stage of a build on a synthetic corpus of 1,000
// entries, and of 10,000 unless -short (CI runs it with -short -benchtime 1x).
// Each stage gets its input from the
// earlier stages, run once beforehand; ns/entry is the figure to compare
// across sizes (it should not grow with the corpus).
//
//	go test -run '^$' -bench Stages -benchtime 1x ./generator/build/
func BenchmarkStages(b *testing.B) {
	sizes := []int{1000, 10000}
	if testing.Short() {
		sizes = sizes[:1]
	}
	for _, n := range sizes {
		b.Run(fmt.Sprintf("entries=%d", n), func(b *testing.B) {
			// stage benchmarks one pass of the stage called name over the
			// corpus made up to it, per entry.
			stage := func(name string, pass func(b *testing.B, c *corpus)) {
				b.Run(name, func(b *testing.B) {
					c := corpusOf(b, n, name)
					b.ReportAllocs()
					for b.Loop() {
						pass(b, c)
					}
					b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/entry")
				})
			}
			stage("import", func(b *testing.B, c *corpus) {
				res, err := importer.Import([]string{synth.SourcesDir(c.dir)}, importer.Options{})
				if err != nil || res.Err() != nil || len(res.Entries) != n {
					b.Fatal(err, res.Err())
				}
			})
			stage("annotate", func(b *testing.B, c *corpus) {
				b.StopTimer()
				res := clone(c.res)
				b.StartTimer()
				if _, err := annotateResult(synth.AnnotationsDir(c.dir), res); err != nil {
					b.Fatal(err)
				}
			})
			stage("write", func(b *testing.B, c *corpus) {
				dir := b.TempDir()
				if _, err := pages.Write(c.c, filepath.Join(dir, "content"), writeOptions(dir)); err != nil {
					b.Fatal(err)
				}
			})
			stage("render", func(b *testing.B, c *corpus) {
				dir := b.TempDir()
				if _, err := renderTo(c, filepath.Join(dir, "site"), filepath.Join(dir, "hugo")); err != nil {
					b.Fatal(err)
				}
			})
			stage("package", func(b *testing.B, c *corpus) {
				if _, err := packageSite(c.c, b.TempDir(), DatasetOf("Bench", "", time.Time{})); err != nil {
					b.Fatal(err)
				}
			})
			stage("minify", func(b *testing.B, c *corpus) {
				b.StopTimer()
				dir := filepath.Join(b.TempDir(), "site")
				if err := copyTree(c.site, dir); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				if _, err := minify.Staging(dir, ".html", ".htm", ".xml"); err != nil {
					b.Fatal(err)
				}
			})
		})
	}
}

// copyTree copies the files under src to dst.
func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
}

func TestMain(m *testing.M) {
	// Citations are made for the build's day: one day for every build of
	// the tests, however long they run.
	os.Setenv("SOURCE_DATE_EPOCH", "1764633600") // 2 December 2025
	code := m.Run()
	if benchDir != "" {
		os.RemoveAll(benchDir)
	}
	if seed.dir != "" {
		os.RemoveAll(seed.dir)
	}
	os.Exit(code)
}

// BenchmarkLongEntry renders one entry of N paragraphs and N photos; the
// time per block stays flat as N grows (docs/PERFORMANCE.md).
func BenchmarkLongEntry(b *testing.B) {
	for _, n := range []int{1000, 4000, 16000} {
		if testing.Short() && n > 1000 {
			continue
		}
		b.Run(fmt.Sprintf("blocks=%d", 2*n), func(b *testing.B) {
			root := project(b, longEntry(n))
			for b.Loop() {
				if _, err := Build(Options{Root: root, Out: filepath.Join(b.TempDir(), "public")}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(2*n), "ns/block")
		})
	}
}
