package build

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"chronicle/generator/importer"
	"chronicle/generator/synth"
	"chronicle/internal/sitecheck"
	"chronicle/internal/testenv"
)

// maxPageBytes bounds every HTML page of the site: long lists are split or
// paginated so that no page grows with the corpus.
const maxPageBytes = 1 << 20

// TestSyntheticSite builds a synthetic corpus (chronicle synth) with the
// project's templates and checks the whole site: no page over 1 MB, no broken
// link, every entry on exactly one day page, long lists split into parts that
// link to each other. 1,000 entries by default; CHRONICLE_SCALE_ENTRIES=10000
// runs it at scale (about a minute).
func TestSyntheticSite(t *testing.T) {
	n := 1000
	if s := os.Getenv("CHRONICLE_SCALE_ENTRIES"); s != "" {
		v, err := strconv.Atoi(s)
		if err != nil {
			t.Fatal(err)
		}
		n = v
	}
	dir := t.TempDir()
	if _, err := synth.Write(dir, synth.Options{Entries: n, Seed: 3, Annotations: AnnotationsDir(repo)}); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "public")
	r, err := Build(Options{Root: repo, Content: filepath.Join(dir, "content"), Out: out})
	if err != nil {
		t.Fatal(err)
	}
	if r.Entries != n {
		t.Errorf("%d entries, want %d", r.Entries, n)
	}
	c, err := annotateResult(synth.AnnotationsDir(dir), mustImport(t, synth.SourcesDir(dir)))
	if err != nil {
		t.Fatal(err)
	}
	site, err := sitecheck.Load(out)
	if err != nil {
		t.Fatal(err)
	}
	for name, p := range site.Pages {
		if len(p.HTML) > maxPageBytes {
			t.Errorf("%s is %d bytes, more than %d", name, len(p.HTML), maxPageBytes)
		}
	}
	onDays := map[string]int{}
	parts := 0
	for name, p := range site.Pages {
		if strings.HasPrefix(name, "days/") && name != "days/index.html" && !strings.HasPrefix(name, "days/page/") {
			for id := range p.IDs {
				onDays[id]++
			}
		}
		if strings.HasPrefix(name, "parts/") {
			parts++
		}
	}
	for _, e := range c.Entries {
		if onDays[e.ID] != 1 {
			t.Errorf("entry %s is on %d day pages", e.ID, onDays[e.ID])
		}
	}
	if n >= 10000 && parts == 0 {
		t.Error("no list was split into parts")
	}
	broken, _ := site.BrokenLinks(false)
	for i, b := range broken {
		if i == 20 {
			t.Errorf("… and %d more broken links", len(broken)-i)
			break
		}
		t.Error(b)
	}
	t.Logf("%d entries: %d HTML pages (%d parts of long lists), %d files", n, len(site.Pages), parts, r.Files)
}

func mustImport(t *testing.T, dir string) *importer.Result {
	t.Helper()
	res, err := importer.Import([]string{dir}, importer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := res.Err(); err != nil {
		t.Fatal(err)
	}
	return res
}

// TestBatchedRender renders a synthetic chronicle in batches of about 100
// entries (render.Batch) and in one go, for the web and for reading from
// disk, and requires the same site byte for byte: a page that looks up
// another page finds it, or its stub, in every batch.
func TestBatchedRender(t *testing.T) {
	dir := t.TempDir()
	if _, err := synth.Write(dir, synth.Options{Entries: 600, Seed: 5, Annotations: AnnotationsDir(repo)}); err != nil {
		t.Fatal(err)
	}
	for _, offline := range []bool{false, true} {
		var sites [2]string
		for i, size := range []int{0, 100} {
			sites[i] = filepath.Join(dir, fmt.Sprintf("site-%v-%d", offline, size))
			r, err := Build(Options{Root: repo, Content: filepath.Join(dir, "content"), Out: sites[i], Offline: offline, BatchEntries: size})
			if err != nil {
				t.Fatal(err)
			}
			// 600 entries over 10 days: a run of days per 100
			// entries or so, then the captures, parts and handouts, then
			// the rest; in one go, no batches.
			if n := len(r.Batches); (size == 0) != (n == 0) || (size == 100 && n < 6) {
				t.Fatalf("batch size %d: rendered in %d batches", size, n)
			}
			for i, b := range r.Batches {
				if b.Pages == 0 || b.Duration <= 0 {
					t.Errorf("batch %d: %+v", i+1, b)
				}
			}
		}
		one, batched := testenv.ReadTree(t, sites[0]), testenv.ReadTree(t, sites[1])
		if len(one) < 600 {
			t.Fatalf("%s has %d files", sites[0], len(one))
		}
		for name, data := range one {
			if b, ok := batched[name]; !ok {
				t.Errorf("offline %v: batched render has no %s", offline, name)
			} else if b != data {
				t.Errorf("offline %v: %s differs between the batched render and the render in one go", offline, name)
			}
		}
		for name := range batched {
			if _, ok := one[name]; !ok {
				t.Errorf("offline %v: batched render has an extra file %s", offline, name)
			}
		}
	}
}
