package searchbench

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"chronicle/generator/build"
	"chronicle/generator/synth"
	"chronicle/internal/browser"
)

// Budget is what one search may load of the index at most, in bytes
// (issue 17): the manifest, the lexicon parts, the posting files and the
// documents of the first results.
const Budget = 300_000

var repo = func() string {
	abs, err := filepath.Abs("../..")
	if err != nil {
		panic(err)
	}
	return abs
}()

// fileBase is the file:// URL of a folder, ending in a slash.
func fileBase(dir string) string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(dir) + "/"}).String()
}

// TestSearchBudget builds the offline site of a synthetic chronicle of
// 10,000 entries and runs every search of the benchmark on it from
// file://: each loads at most Budget bytes of index, finds something and
// shows its first results.
func TestSearchBudget(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: builds a 10,000-entry site and runs Chromium")
	}
	b := browser.New(t)
	dir := t.TempDir()
	if _, err := synth.Write(dir, synth.Options{Entries: 10_000, Seed: 1, Annotations: build.AnnotationsDir(repo)}); err != nil {
		t.Fatal(err)
	}
	site := filepath.Join(dir, "site")
	start := time.Now()
	if _, err := build.Build(build.Options{Root: repo, Content: filepath.Join(dir, "content"), Out: site, Offline: true}); err != nil {
		t.Fatal(err)
	}
	t.Logf("built the 10,000-entry site in %v", time.Since(start).Round(time.Second))
	for _, q := range Queries {
		r := Measure(t, b, fileBase(site), site, q)
		t.Logf("%-18s %7d bytes in %3d files, first results in %4d ms, %5d results", q.Name, r.IndexBytes, r.IndexFiles, r.FirstResults.Milliseconds(), r.Total)
		if r.IndexBytes > Budget {
			t.Errorf("%s (%s): %d bytes of index loaded, over the budget of %d", q.Name, q.Params, r.IndexBytes, Budget)
		}
		if r.IndexFiles < 2 || r.Total == 0 || len(r.IDs) == 0 {
			t.Errorf("%s (%s): %d files loaded, %d results, %d shown; status %q", q.Name, q.Params, r.IndexFiles, r.Total, len(r.IDs), r.Status)
		}
	}
}

// TestFigures measures the benchmark on built sites, for docs/SEARCH.md:
// CHRONICLE_SEARCH_SITES names them, "label=folder,label=folder", each
// folder a site built with `chronicle build --offline` (or unzipped from
// `chronicle zip`). Each search runs from file:// and over HTTP, three
// times each; the table gives the bytes and the median time.
func TestFigures(t *testing.T) {
	sites := os.Getenv("CHRONICLE_SEARCH_SITES")
	if sites == "" {
		t.Skip("set CHRONICLE_SEARCH_SITES=label=folder,… to measure built sites")
	}
	b := browser.New(t)
	var out strings.Builder
	out.WriteString("| corpus | query | what | results | index loaded (bytes) | files | first results, file:// (ms) | first results, HTTP (ms) |\n")
	out.WriteString("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |\n")
	for _, s := range strings.Split(sites, ",") {
		label, dir, _ := strings.Cut(s, "=")
		srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
		for _, q := range Queries {
			var fileMS, httpMS []int64
			var r Result
			for range 3 {
				r = Measure(t, b, fileBase(dir), dir, q)
				fileMS = append(fileMS, r.FirstResults.Milliseconds())
				h := Measure(t, b, srv.URL+"/", dir, q)
				httpMS = append(httpMS, h.FirstResults.Milliseconds())
				if h.IndexBytes != r.IndexBytes || h.Total != r.Total {
					t.Errorf("%s %s: over HTTP %d bytes and %d results, from disk %d and %d", label, q.Name, h.IndexBytes, h.Total, r.IndexBytes, r.Total)
				}
			}
			fmt.Fprintf(&out, "| %s | `%s` | %s | %d | %d | %d | %d | %d |\n", label, q.Params, q.What, r.Total, r.IndexBytes, r.IndexFiles, median(fileMS), median(httpMS))
			if r.IndexBytes > Budget {
				t.Errorf("%s %s: %d bytes, over the budget", label, q.Name, r.IndexBytes)
			}
		}
		srv.Close()
	}
	t.Log("\n" + out.String())
}

func median(v []int64) int64 {
	s := slices.Sorted(slices.Values(v))
	return s[len(s)/2]
}
