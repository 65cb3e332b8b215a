// Package searchbench is the search benchmark of issue 17: a fixed set of
// searches, and a measure of one of them in headless Chromium over a built
// site (from file:// or over HTTP): the bytes of index the page loaded, the
// time to its first results, and the entries it found.
//
// The queries are the same for every corpus (the seeds, and the synthetic
// chronicles of 10,000 and 100,000 entries, whose text uses the seeds'
// registry), so that their figures can stand side by side in
// docs/SEARCH.md. Tests that hold the seeds' results and the budget use
// them: generator/bundle's TestBenchmarkQueriesOnSeeds and
// TestSearchBudget.
package searchbench

import (
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"chronicle/internal/browser"
)

// Query is one search of the benchmark.
type Query struct {
	Name   string // a short name, for tables and test names
	What   string // the kind of search it stands for
	Params string // the search page's query string (?q=…&day=…)
}

// Queries are the benchmark's searches: a common word, a rare word, a
// phrase, a prefix, a person, a misspelling, a synonym, two words, and
// searches with a day, a person, a publisher filter and filters only.
var Queries = []Query{
	{"russia", "common word", "q=Russia"},
	{"optimism", "rare word", "q=optimism"},
	{"nord-stream", "phrase", "q=%22Nord+Stream%22"},
	{"diplom", "prefix (typing)", "q=diplom"},
	{"lavrov", "a person", "q=Lavrov"},
	{"sanctons", "misspelling", "q=sanctons"},
	{"kiev", "synonym (Kyiv)", "q=Kiev"},
	{"troops-border", "two words", "q=troops+border"},
	{"nato-day", "word, day filter", "q=NATO&day=2022-02-01"},
	{"talks-putin", "word, person filter", "q=talks&person=vladimir-putin"},
	{"biden-independent", "word, publisher filter", "q=Biden&publisher=independent"},
	{"day-only", "day filter only", "day=2022-01-27"},
}

// Result is what one search loaded and found.
type Result struct {
	IndexBytes   int64         // bytes of the index files the page loaded (manifest, parts, entries' data)
	IndexFiles   int           // how many such files
	FirstResults time.Duration // from the start of navigation to the first results shown
	Total        int           // the number of results the page reports
	Status       string        // the page's status line
	IDs          []string      // the entries shown, in order
}

// IsIndexFile says whether a path of the site (relative to its root, with
// slashes) is a file of the search index.
func IsIndexFile(rel string) bool {
	return rel == "search/manifest.js" || strings.HasPrefix(rel, "js/search/")
}

// Measure opens the search page of the site in folder root, at base (a
// file:// or http:// URL of the site's root, ending in a slash), with the
// query's parameters; waits until the page has shown its first results (or
// has said it found none); and sums the sizes, on disk, of the index files
// the tab requested (as DevTools saw the requests, from disk or not).
func Measure(t testing.TB, b *browser.Browser, base, root string, q Query) Result {
	t.Helper()
	p := b.Open(t, base+"search/index.html?"+q.Params)
	var st pageState
	poll(t, p, q, readPage(false), &st, func() bool { return st.State == "done" && st.First > 0 })
	r := Result{
		FirstResults: time.Duration(st.First * float64(time.Millisecond)),
		Total:        st.Total,
		Status:       st.Status,
		IDs:          st.IDs,
	}
	seen := map[string]bool{}
	for _, u := range p.Requests() {
		rel, ok := relative(base, u)
		if !ok || !IsIndexFile(rel) || seen[rel] {
			continue
		}
		seen[rel] = true
		fi, err := os.Stat(filepath.Join(root, filepath.FromSlash(rel)))
		if err != nil {
			t.Fatalf("%s: the page loaded %s, which is not in the site: %v", q.Name, u, err)
		}
		r.IndexBytes += fi.Size()
		r.IndexFiles++
	}
	return r
}

// relative is u's path below base, without query or fragment.
func relative(base, u string) (string, bool) {
	bu, err1 := url.Parse(base)
	uu, err2 := url.Parse(u)
	if err1 != nil || err2 != nil || bu.Scheme != uu.Scheme || bu.Host != uu.Host {
		return "", false
	}
	rel, ok := strings.CutPrefix(uu.Path, bu.Path)
	return path.Clean(rel), ok
}

// pageState is what the search page shows.
type pageState struct {
	State  string   `json:"state"` // "loading" or "done"
	Total  int      `json:"total"` // the results found
	Status string   `json:"status"`
	First  float64  `json:"first"` // when the first results showed, in ms from the start of navigation; 0 before
	More   bool     `json:"more"`  // the page offers more results
	IDs    []string `json:"ids"`   // the entries shown
}

// readPage reads what the search page shows (a [pageState]); with
// askForMore, it first asks for more results if the page is done and
// offers more.
func readPage(askForMore bool) string {
	return `(() => {
  const ol = document.getElementById('search-hits');
  const more = !document.getElementById('search-more-wrap').hidden;
  if (` + strconv.FormatBool(askForMore) + ` && ol.dataset.state === 'done' && more) document.getElementById('search-more').click();
  const mark = performance.getEntriesByName('chronicle-search-first-results')[0];
  return {
    state: ol.dataset.state,
    total: Number(ol.dataset.total),
    status: document.getElementById('search-status').textContent,
    first: mark ? mark.startTime : 0,
    more: more,
    ids: Array.from(ol.querySelectorAll('.search-hit'), li => li.dataset.entry),
  };
})()`
}

// Found opens the search page at base with the query's parameters, waits
// until the search is done, asks for more results until all are shown and
// returns the IDs of the entries found, in the page's order.
func Found(t testing.TB, b *browser.Browser, base string, q Query) []string {
	t.Helper()
	p := b.Open(t, base+"search/index.html?"+q.Params)
	var st pageState
	poll(t, p, q, readPage(true), &st, func() bool { return st.State == "done" && !st.More && len(st.IDs) == st.Total })
	return st.IDs
}

// poll evaluates js in the page into out until done says so, for a minute
// at most.
func poll(t testing.TB, p *browser.Page, q Query, js string, out any, done func() bool) {
	t.Helper()
	deadline := time.Now().Add(time.Minute)
	for {
		p.Eval(t, js, out)
		if done() {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: search not done after a minute: %+v", q.Name, out)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
