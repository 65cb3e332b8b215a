package bundle

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"chronicle/generator/build"
	"chronicle/generator/entry"
	"chronicle/generator/searchindex"
	"chronicle/internal/browser"
	"chronicle/internal/sitecheck"
)

// fileURL is the file:// URL of a path, with an optional query.
func fileURL(t *testing.T, p, query string) string {
	t.Helper()
	abs, err := filepath.Abs(p)
	if err != nil {
		t.Fatal(err)
	}
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(abs), RawQuery: query}
	return u.String()
}

// tabs is how many tabs the crawl uses at once: a page takes a browser
// ~150 ms to open from disk on a small machine, mostly CPU.
const tabs = 3

// crawled is what one tab found on one page.
type crawled struct {
	url     string
	links   []string
	errs    []string // console errors
	blocked []string // requests off the disk
	err     error
}

// crawler is one tab of the crawl. It runs on its own goroutine, so it
// reports failures in its results instead of through t.
type crawler struct {
	p             *browser.Page
	errs, blocked int
}

func (c *crawler) visit(u string, first bool) crawled {
	r := crawled{url: u}
	ctx, cancel := context.WithTimeout(c.p.Context(), time.Minute)
	defer cancel()
	if !first {
		if err := chromedp.Do(ctx, chromedp.Navigate(u)); err != nil {
			r.err = fmt.Errorf("opening %s: %w", u, err)
			return r
		}
	}
	r.links, r.err = chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll("a[href]"), a => a.href)`))
	if e := c.p.ConsoleErrors(); len(e) > c.errs {
		r.errs, c.errs = e[c.errs:], len(e)
	}
	if b := c.p.Blocked(); len(b) > c.blocked {
		r.blocked, c.blocked = b[c.blocked:], len(b)
	}
	return r
}

// TestOfflineArchiveLinks unzips the archive, opens index.html through
// file:// in headless Chromium with every request off the disk blocked,
// and follows every link of every page (breadth first, a few tabs at once):
// each link opens a file that exists (a file, not a folder, inside the
// site), no page sends a request off the disk, no page logs a console
// error, and every HTML page of the site is reached.
func TestOfflineArchiveLinks(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: runs Chromium over every page")
	}
	b := browser.New(t)
	_, root := seedZip(t)
	rootURL := fileURL(t, root, "")
	start := fileURL(t, filepath.Join(root, "index.html"), "")

	jobs := make(chan string)
	results := make(chan crawled)
	var crawlers []*crawler
	for i := 0; i < tabs; i++ {
		c := &crawler{p: b.OpenOffline(t, start)}
		crawlers = append(crawlers, c)
		go func() {
			first := true
			for u := range jobs {
				results <- c.visit(u, first && u == start)
				first = false
			}
		}()
	}
	defer close(jobs)

	relOf := func(u string) string { return strings.TrimPrefix(u, rootURL+"/") }
	seen := map[string]bool{start: true}
	queue := []string{start}
	visited := map[string]bool{}
	external := map[string]bool{}
	broken := 0
	inFlight := 0
	handle := func(r crawled) {
		rel := relOf(r.url)
		visited[rel] = true
		if r.err != nil {
			t.Error(r.err)
			return
		}
		for _, m := range r.errs {
			t.Errorf("%s: console: %s", rel, m)
		}
		for _, m := range r.blocked {
			t.Errorf("%s: request off the disk: %s", rel, m)
		}
		for _, link := range r.links {
			l, err := url.Parse(link)
			if err != nil {
				t.Errorf("%s: bad link %q", rel, link)
				continue
			}
			if l.Scheme != "file" {
				external[link] = true
				continue
			}
			l.Fragment, l.RawQuery, l.RawFragment = "", "", ""
			target := l.String()
			if !strings.HasPrefix(target, rootURL+"/") {
				t.Errorf("%s: link %s leaves the site", rel, link)
				continue
			}
			fi, err := os.Stat(l.Path)
			switch {
			case err != nil:
				t.Errorf("%s: link to %s: no such file", rel, relOf(target))
				broken++
				continue
			case fi.IsDir():
				t.Errorf("%s: link to the folder %s: from disk a browser lists it instead of opening index.html", rel, relOf(target))
				broken++
				continue
			}
			if strings.HasSuffix(l.Path, ".html") && !seen[target] {
				seen[target] = true
				queue = append(queue, target)
			}
		}
	}
	// crawl visits the queue until it is empty and no tab is busy.
	crawl := func() {
		for len(queue) > 0 || inFlight > 0 {
			var send chan string
			var next string
			if len(queue) > 0 {
				send, next = jobs, queue[0]
			}
			select {
			case send <- next:
				queue = queue[1:]
				inFlight++
			case r := <-results:
				inFlight--
				handle(r)
			}
			if broken > 20 {
				t.Fatal("too many broken links; stopping")
			}
		}
	}
	crawl()
	reached := len(visited)

	// Every HTML file is reached by a link, or at least opened once.
	var all, unreached []string
	filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".html") {
			rel, _ := filepath.Rel(root, p)
			all = append(all, filepath.ToSlash(rel))
		}
		return err
	})
	for _, rel := range all {
		if !visited[rel] {
			unreached = append(unreached, rel)
			u := fileURL(t, filepath.Join(root, rel), "")
			seen[u] = true
			queue = append(queue, u)
		}
	}
	crawl()
	// What a tab logged after its last page was read (a late script
	// error, a late request) belongs to no page yet: report it too.
	for _, c := range crawlers {
		for _, m := range c.p.ConsoleErrors()[c.errs:] {
			t.Errorf("console, after the crawl: %s", m)
		}
		for _, m := range c.p.Blocked()[c.blocked:] {
			t.Errorf("request off the disk, after the crawl: %s", m)
		}
	}
	// The crawl follows pages; the static check also resolves every src
	// and every #fragment against the ids of the page it points into.
	site, err := sitecheck.Load(root)
	if err != nil {
		t.Fatal(err)
	}
	bad, _ := site.BrokenLinks(false)
	for _, bl := range bad {
		t.Errorf("in the archive: %s", bl)
	}
	for _, rel := range unreached {
		if rel != "404.html" {
			t.Errorf("no link leads to %s", rel)
		}
	}
	host := strings.TrimSuffix(strings.TrimPrefix(seedURL, "https://"), "/")
	for link := range external {
		if strings.Contains(link, host) {
			t.Errorf("a page links to the public site: %s", link)
		}
	}
	t.Logf("%d HTML files: %d reached by links from index.html, %d opened directly (%v); %d links off the site (not followed)",
		len(all), reached, len(unreached), unreached, len(external))
	if len(all) < 300 {
		t.Errorf("only %d HTML files in the archive", len(all))
	}
}

// hit is one search result as the page shows it.
type hit struct {
	ID        string   `json:"id"`
	Publisher string   `json:"publisher"`
	Href      string   `json:"href"`
	Title     string   `json:"title"`
	Time      string   `json:"time"`
	Snippet   string   `json:"snippet"`
	Marks     []string `json:"marks"`
}

// searchState is what the page says about a search.
type searchState struct {
	State  string `json:"state"`
	Total  int    `json:"total"` // results found
	More   bool   `json:"more"`  // the page offers more
	Status string `json:"status"`
	Search string `json:"search"`
	Hits   []hit  `json:"hits"`
}

const readHits = `(() => {
  const ol = document.getElementById('search-hits');
  return {
    state: ol.dataset.state,
    total: Number(ol.dataset.total),
    status: document.getElementById('search-status').textContent,
    search: location.search,
    more: !document.getElementById('search-more-wrap').hidden,
    hits: Array.from(ol.querySelectorAll('.search-hit'), li => ({
      id: li.dataset.entry,
      publisher: li.dataset.publisher,
      href: li.querySelector('h2 a').href,
      title: li.querySelector('h2').textContent,
      time: li.querySelector('time').dateTime,
      snippet: (li.querySelector('.hit-snippet') || {textContent: ''}).textContent,
      marks: Array.from(li.querySelectorAll('mark'), m => m.textContent),
    })),
  };
})()`

// results waits until the page has searched, asks for more results until
// all are shown, and returns what it shows.
func results(t *testing.T, p *browser.Page) searchState {
	t.Helper()
	var st searchState
	deadline := time.Now().Add(30 * time.Second)
	for {
		p.Eval(t, readHits, &st)
		if st.State == "done" && !st.More {
			return st
		}
		if st.State == "done" {
			p.Eval(t, `document.getElementById('search-more').click(), true`, nil)
		}
		if time.Now().After(deadline) {
			t.Fatalf("search not done after 30s: state %q, status %q", st.State, st.Status)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// ids lists the entry IDs of hits.
func ids(hits []hit) []string {
	var out []string
	for _, h := range hits {
		out = append(out, h.ID)
	}
	return out
}

// mentioning lists the entries whose title or text contains phrase, in any
// case: what a search for it must find.
func mentioning(c *entry.Chronicle, phrase string) []string {
	var out []string
	for _, e := range c.Entries {
		if strings.Contains(strings.ToLower(e.Title+"\n"+e.PlainText()), strings.ToLower(phrase)) {
			out = append(out, e.ID)
		}
	}
	sort.Strings(out)
	return out
}

// checkNordStream asserts that a search page for "Nord Stream" lists the
// entries that mention Nord Stream first, with working links and marked
// words.
func checkNordStream(t *testing.T, c *entry.Chronicle, p *browser.Page, exists func(href string) bool) {
	t.Helper()
	want := mentioning(c, "Nord Stream")
	if len(want) < 3 {
		t.Fatalf("the seeds mention Nord Stream in %d entries; expected more", len(want))
	}
	byID := map[string]*entry.Entry{}
	for i := range c.Entries {
		byID[c.Entries[i].ID] = &c.Entries[i]
	}
	st := results(t, p)
	got := ids(st.Hits)
	if len(got) < len(want) {
		t.Fatalf("search for Nord Stream lists %d entries %v; want at least %v (status %q)", len(got), got, want, st.Status)
	}
	top := slices.Clone(got[:len(want)])
	sort.Strings(top)
	if !slices.Equal(top, want) {
		t.Errorf("the first %d results are %v; want the entries that mention Nord Stream: %v", len(want), got[:len(want)], want)
	}
	for _, h := range st.Hits {
		if !exists(h.Href) {
			t.Errorf("result %s links to %s, which does not exist", h.ID, h.Href)
		}
		if !strings.HasSuffix(h.Href, "/entries/"+h.ID+".html") {
			t.Errorf("result %s links to %s", h.ID, h.Href)
		}
	}
	for _, h := range st.Hits[:len(want)] {
		marked := strings.ToLower(strings.Join(h.Marks, " "))
		if !strings.Contains(marked, "nord") || !strings.Contains(marked, "stream") {
			t.Errorf("result %s marks %q, not Nord and Stream", h.ID, h.Marks)
		}
		if h.Time == "" || h.Snippet == "" && searchindex.Text(byID[h.ID], 100) != "" {
			t.Errorf("result %s has no time or no snippet: %+v", h.ID, h)
		}
	}
	// Every word must match: nothing but the entries
	// that name Nord Stream is found, and the status says how many.
	if len(got) != len(want) {
		t.Errorf("search for Nord Stream lists %d entries, want the %d that mention it: %v", len(got), len(want), got)
	}
	if !strings.Contains(st.Status, fmt.Sprintf("%d entries match", len(got))) {
		t.Errorf("status %q does not say that %d entries match", st.Status, len(got))
	}
}

// setSelect chooses a value in a filter, as a reader would.
func setSelect(t *testing.T, p *browser.Page, id, value string) {
	t.Helper()
	p.Eval(t, fmt.Sprintf(`(() => { const s = document.getElementById(%q); s.value = %q;
		if (s.value !== %q) { throw new Error('no option ' + %q); }
		s.dispatchEvent(new Event('change')); return true; })()`, id, value, value, value), nil)
}

// checkFilters runs filtered searches: by day, by person and by publisher.
func checkFilters(t *testing.T, c *entry.Chronicle, b *browser.Browser, open func(query string) *browser.Page) {
	t.Helper()
	// Nord Stream on one day: the entries of that day only.
	day := "2022-01-27"
	p := open("q=Nord%20Stream&day=" + day)
	var want []string
	for _, id := range mentioning(c, "Nord Stream") {
		if strings.HasPrefix(id, day) {
			want = append(want, id)
		}
	}
	got := ids(results(t, p).Hits)
	sort.Strings(got)
	if len(want) == 0 || !slices.Equal(got, want) {
		t.Errorf("Nord Stream on %s: got %v, want %v", day, got, want)
	}

	// A person, no words: the entries that name the person or that they wrote.
	person := "volodymyr-zelensky"
	p = open("person=" + person)
	want = nil
	for _, e := range c.Entries {
		in := slices.Contains(e.People, person)
		for _, a := range e.Authors {
			in = in || a.Person == person
		}
		if in {
			want = append(want, e.ID)
		}
	}
	sort.Strings(want)
	st := results(t, p)
	got = ids(st.Hits)
	sort.Strings(got)
	if len(want) <= 20 {
		t.Fatalf("%s is in %d entries; choose a person in more than 20 (the page shows 20 at a time)", person, len(want))
	}
	if !slices.Equal(got, want) {
		t.Errorf("person %s: got %d entries %v, want %d %v", person, len(got), got, len(want), want)
	}

	// The publisher filter narrows a search, and the address follows.
	// Results come 20 at a time, with a button for more.
	p = open("q=Ukraine")
	var first searchState
	for deadline := time.Now().Add(30 * time.Second); first.State != "done" && time.Now().Before(deadline); {
		time.Sleep(20 * time.Millisecond)
		p.Eval(t, readHits, &first)
	}
	if len(first.Hits) != 20 || first.Total <= 20 || !first.More {
		t.Errorf("first view: %d results found, %d shown, more offered %v; want 20 shown and more", first.Total, len(first.Hits), first.More)
	}
	all := results(t, p)
	if len(all.Hits) != all.Total {
		t.Errorf("%d results found, %d shown after asking for more", all.Total, len(all.Hits))
	}
	setSelect(t, p, "search-publisher", "bbc")
	var narrowed searchState
	for deadline := time.Now().Add(10 * time.Second); ; {
		narrowed = results(t, p)
		if strings.Contains(narrowed.Search, "publisher=bbc") || time.Now().After(deadline) {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if narrowed.Total == 0 || narrowed.Total >= all.Total {
		t.Errorf("publisher filter: %d results of %d", narrowed.Total, all.Total)
	}
	for _, h := range narrowed.Hits {
		if h.Publisher != "bbc" {
			t.Errorf("publisher filter bbc shows %s from %s", h.ID, h.Publisher)
		}
	}
	if !strings.Contains(narrowed.Search, "q=Ukraine") || !strings.Contains(narrowed.Search, "publisher=bbc") {
		t.Errorf("the address does not follow the search: %q", narrowed.Search)
	}
	var q string
	p.Eval(t, `document.getElementById('search-q').value`, &q)
	if q != "Ukraine" {
		t.Errorf("the search field holds %q", q)
	}
}

// offlineSeeds is a browser, the folder of the unzipped seed archive and
// the seeds' chronicle, for the tests that search from file://.
func offlineSeeds(t *testing.T) (*browser.Browser, string, *entry.Chronicle) {
	t.Helper()
	if testing.Short() {
		t.Skip("slow: runs Chromium")
	}
	b := browser.New(t)
	_, root := seedZip(t)
	c, err := build.Load(repo, "")
	if err != nil {
		t.Fatal(err)
	}
	return b, root, c
}

// TestOfflineSearch opens search/index.html?q=Nord%20Stream from the
// unzipped archive through file://: it lists the entries about Nord
// Stream, the filters work, nothing leaves the disk and the console is
// clean.
func TestOfflineSearch(t *testing.T) {
	b, root, c := offlineSeeds(t)
	var pages []*browser.Page
	open := func(query string) *browser.Page {
		p := b.OpenOffline(t, fileURL(t, filepath.Join(root, "search", "index.html"), query))
		pages = append(pages, p)
		return p
	}
	exists := func(href string) bool {
		u, err := url.Parse(href)
		if err != nil || u.Scheme != "file" {
			return false
		}
		fi, err := os.Stat(u.Path)
		return err == nil && !fi.IsDir() && strings.HasPrefix(u.Path, root)
	}
	checkNordStream(t, c, open("q=Nord%20Stream"), exists)
	checkFilters(t, c, b, open)
	for _, p := range pages {
		for _, e := range p.ConsoleErrors() {
			t.Errorf("%s: console: %s", p.URL(), e)
		}
		for _, u := range p.Blocked() {
			t.Errorf("%s: request off the disk: %s", p.URL(), u)
		}
	}
}

// csp reads the Content-Security-Policy that netlify.toml sends with every
// page, so that the HTTP test serves the site as Netlify does.
func csp(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repo, "netlify.toml"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`Content-Security-Policy = "([^"]+)"`).FindSubmatch(data)
	if m == nil {
		t.Fatal("no Content-Security-Policy in netlify.toml")
	}
	return string(m[1])
}

// TestHTTPSearch runs the same search on the public build served over HTTP
// with the site's Content-Security-Policy, at both addresses of the page
// (search/ and search/index.html).
func TestHTTPSearch(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: runs Chromium")
	}
	b := browser.New(t)
	site := publicSite(t)
	c, err := build.Load(repo, "")
	if err != nil {
		t.Fatal(err)
	}
	policy := csp(t)
	files := http.FileServer(http.Dir(site))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", policy)
		files.ServeHTTP(w, r)
	}))
	defer srv.Close()
	exists := func(href string) bool {
		if !strings.HasPrefix(href, srv.URL+"/") {
			return false
		}
		resp, err := http.Get(href)
		if err != nil {
			return false
		}
		resp.Body.Close()
		return resp.StatusCode == http.StatusOK
	}
	var pages []*browser.Page
	for _, path := range []string{"/search/index.html", "/search/"} {
		p := b.Open(t, srv.URL+path+"?q=Nord%20Stream")
		pages = append(pages, p)
		checkNordStream(t, c, p, exists)
	}
	checkFilters(t, c, b, func(query string) *browser.Page {
		p := b.Open(t, srv.URL+"/search/index.html?"+query)
		pages = append(pages, p)
		return p
	})
	for _, p := range pages {
		for _, e := range p.ConsoleErrors() {
			t.Errorf("%s: console: %s", p.URL(), e)
		}
		for _, u := range p.Requests() {
			if !strings.HasPrefix(u, srv.URL+"/") {
				t.Errorf("%s: request to %s", p.URL(), u)
			}
		}
	}

	t.Run("no JavaScript", func(t *testing.T) {
		p := b.Open(t, srv.URL+"/search/index.html?q=Nord%20Stream")
		ctx, cancel := context.WithTimeout(p.Context(), time.Minute)
		defer cancel()
		tgt := chromedp.FromContext(ctx).Target
		if _, err := cdp.Call(ctx, tgt, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Do(ctx, chromedp.Reload()); err != nil {
			t.Fatal(err)
		}
		var st struct {
			Notice  bool `json:"notice"`
			Filters bool `json:"filters"`
			Form    bool `json:"form"`
		}
		// Evaluate runs even with page scripts off.
		p.Eval(t, `({notice: !document.getElementById('search-nojs').hidden && document.getElementById('search-nojs').offsetHeight > 0,
			filters: document.getElementById('search-filters').offsetHeight > 0,
			form: document.getElementById('search-q').offsetHeight > 0})`, &st)
		if !st.Notice || st.Filters || !st.Form {
			t.Errorf("without JavaScript: notice shown %v, filters shown %v, form shown %v", st.Notice, st.Filters, st.Form)
		}
	})

	t.Run("axe", func(t *testing.T) {
		axe := browser.AxePath(t)
		p := b.Open(t, srv.URL+"/search/index.html?q=Nord%20Stream")
		results(t, p)
		for _, v := range p.Axe(t, axe) {
			if v.Impact == "serious" || v.Impact == "critical" {
				t.Errorf("search page: %s", v)
			}
		}
	})
}

// TestSearchQuality runs, from the unzipped archive, the searches a reader
// trusts or not (issue 17): a word spelt right is not turned into another
// ("sanctions" finds no entry that says only "actions") while a misspelt
// one is forgiven; highlights are of whole matched words (no stray "s" of
// "Putin's"); the glossary's Kiev and Kyiv find each other's entries; a
// lone quote mark and a very common word say why they find nothing; and a
// search with no result on a day says so and offers all days.
func TestSearchQuality(t *testing.T) {
	b, root, c := offlineSeeds(t)
	open := func(query string) *browser.Page {
		return b.OpenOffline(t, fileURL(t, filepath.Join(root, "search", "index.html"), query))
	}
	set := func(list []string) map[string]bool {
		m := map[string]bool{}
		for _, s := range list {
			m[s] = true
		}
		return m
	}
	// Words that must and must not match: each query's hits must all say
	// the stem, and a word spelt right finds every entry that says it; a
	// misspelt one finds some of them.
	for _, tc := range []struct {
		query, stem string
		typo        bool
	}{
		{"sanctions", "sanctions", false}, // not "actions", two letters away
		{"sanctons", "sanction", true},
		{"invasion", "invasion", false},
		{"invasoin", "invasion", true},
		{"Putin's", "putin", false}, // no stray "s" marked
	} {
		st := results(t, open("q="+url.QueryEscape(tc.query)))
		want := set(mentioning(c, tc.stem))
		if (!tc.typo && st.Total != len(want)) || st.Total == 0 {
			t.Errorf("%q: %d results, want the %d entries that say %q", tc.query, st.Total, len(want), tc.stem)
		}
		for _, h := range st.Hits {
			if !want[h.ID] {
				t.Errorf("%q finds %s, which does not say %q", tc.query, h.ID, tc.stem)
			}
			for _, m := range h.Marks {
				if !strings.HasPrefix(strings.ToLower(m), tc.stem[:5]) {
					t.Errorf("%q marks %q in %s", tc.query, m, h.ID)
				}
			}
		}
	}
	// Kiev and Kyiv are one place (the glossary's alias): either finds both.
	both := set(append(mentioning(c, "kiev"), mentioning(c, "kyiv")...))
	for _, q := range []string{"Kiev", "Kyiv"} {
		got := set(ids(results(t, open("q="+q)).Hits))
		if len(got) != len(both) || len(both) == 0 {
			t.Errorf("%s finds %d entries, want the %d that say Kiev or Kyiv", q, len(got), len(both))
		}
		for id := range both {
			if !got[id] {
				t.Errorf("%s does not find %s", q, id)
			}
		}
	}
	// The other pages a search finds, apart from the entries: a person by
	// another spelling, a glossary term by its alias, a thread.
	for q, want := range map[string]string{
		"Zelenskyy": "people/volodymyr-zelensky.html",
		"Kiev":      "glossary.html#kyiv",
		"Belarus":   "threads/belarus.html",
	} {
		p := open("q=" + q)
		results(t, p)
		var hrefs []string
		p.Eval(t, `Array.from(document.querySelectorAll('#search-page-list a'), a => a.getAttribute('href'))`, &hrefs)
		if !slices.Contains(hrefs, "../"+want) {
			t.Errorf("%s: the pages found are %q, want ../%s among them", q, hrefs, want)
		}
	}
	// Nothing to search for: said, not everything listed.
	for q, says := range map[string]string{
		`"`:   "A quote mark alone finds nothing",
		"the": "too common a word to be searched",
	} {
		st := results(t, open("q="+url.QueryEscape(q)))
		if st.Total != 0 || !strings.Contains(st.Status, says) {
			t.Errorf("%q: %d results, status %q; want none and %q", q, st.Total, st.Status, says)
		}
	}
	if st := results(t, open("q=the%20sanctions")); st.Total == 0 || !strings.Contains(st.Status, "Very common words (the) are not searched.") {
		t.Errorf("the sanctions: %d results, status %q", st.Total, st.Status)
	}
	// A query with its own quote marks is named as typed, not in a second
	// pair of quotes.
	phrase := `"Nord Stream"`
	if st, want := results(t, open("q="+url.QueryEscape(phrase))), fmt.Sprintf("%d entries match %s.", len(mentioning(c, "Nord Stream")), phrase); !strings.Contains(st.Status, want) {
		t.Errorf("%s: status %q, want %q", phrase, st.Status, want)
	}
	// No result on a day: the filter is named and all days offered.
	day := "2022-02-21"
	for _, id := range mentioning(c, "Nord Stream") {
		if strings.HasPrefix(id, day) {
			t.Fatalf("choose a day on which no entry says Nord Stream; %s does", id)
		}
	}
	p := open("q=Nord%20Stream&day=" + day)
	st := results(t, p)
	if st.Total != 0 || !strings.Contains(st.Status, "No entries match “Nord Stream” on 21 February 2022.") {
		t.Errorf("no result on a day: status %q", st.Status)
	}
	p.Eval(t, `document.querySelector('.search-all-days').click(), true`, nil)
	var all searchState
	for deadline := time.Now().Add(10 * time.Second); ; {
		all = results(t, p)
		if all.Total > 0 || time.Now().After(deadline) {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if all.Total != len(mentioning(c, "Nord Stream")) || strings.Contains(all.Search, "day=") {
		t.Errorf("all days: %d results (want %d), address %q", all.Total, len(mentioning(c, "Nord Stream")), all.Search)
	}
}
