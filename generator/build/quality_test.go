package build

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"chronicle/internal/browser"
	"chronicle/internal/vnu"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// TestHTMLIsValid runs the Nu HTML Checker over every page of the seed site.
func TestHTMLIsValid(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: runs the Nu HTML Checker")
	}
	r, _ := seedSite(t)
	for _, m := range vnu.Check(t, r.Out) {
		t.Error(m)
	}
}

// TestAccessibility runs axe-core in headless Chromium on the home page, a
// day, a person and an entry: no serious or critical violations.
func TestAccessibility(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: runs Chromium")
	}
	axe := browser.AxePath(t)
	b, site := seedInBrowser(t)
	for _, scheme := range []string{"light", "dark"} {
		for _, path := range pageTypes {
			p := b.Open(t, site+"/"+path)
			colorScheme(t, p, scheme)
			var dark bool
			p.Eval(t, `matchMedia("(prefers-color-scheme: dark)").matches`, &dark)
			if dark != (scheme == "dark") {
				t.Fatalf("%s: emulating %s mode did not take", path, scheme)
			}
			if strings.Contains(path, "?q=") {
				searchDone(t, p) // the results, with their marks, are what axe must see
			}
			for _, v := range p.Axe(t, axe) {
				if v.Impact == "serious" || v.Impact == "critical" {
					t.Errorf("%s (%s): %s", path, scheme, v)
				}
			}
			if errs := p.ConsoleErrors(); len(errs) > 0 {
				t.Errorf("%s: console errors: %s", path, strings.Join(errs, "; "))
			}
		}
	}
}

// pageTypes is one page of every type of the seed site; the 404 page, which
// needs to be served at its own address, is checked by TestNotFoundAtDepth.
var pageTypes = []string{
	"index.html", "about.html", "search/index.html", "search/index.html?q=Nord%20Stream", "glossary.html",
	"days/index.html", "days/2022-02-01.html",
	"entries/index.html", "entries/page/2/index.html", "entries/2022-02-01-1905-bbc-whats-happened-today.html",
	"entries/2022-01-21-1613-independent-stub.html",
	"people/index.html", "people/volodymyr-zelensky.html",
	"publishers/index.html", "publishers/bbc.html",
	"threads/index.html", "threads/belarus.html",
	"figures/index.html", "figures/troops-near-border.html",
	"notes/index.html", "notes/context-fiona-hill.html",
	"captures/index.html", "captures/000_7afe650ce409cb36.html",
	"handouts/index.html", "handouts/days/2022-02-21.html", "handouts/people/volodymyr-zelensky.html",
}

// searchDone waits until the search page has shown its results.
func searchDone(t *testing.T, p *browser.Page) {
	t.Helper()
	for deadline := time.Now().Add(30 * time.Second); ; {
		var state string
		p.Eval(t, `document.getElementById('search-hits').dataset.state || ''`, &state)
		if state == "done" {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: search not done after 30s (state %q)", p.URL(), state)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// colorScheme emulates prefers-color-scheme ("light" or "dark").
func colorScheme(t *testing.T, p *browser.Page, scheme string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(p.Context(), time.Minute)
	defer cancel()
	err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tgt *chromedp.Target) error {
		_, err := cdp.Call(ctx, tgt, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}})
		return err
	}))
	if err != nil {
		t.Fatalf("emulating %s mode: %v", scheme, err)
	}
}

// TestInlineTermsDrawNoRule: the glossary links in entry text draw no
// border or padding (the glossary page's .term rule once applied to them
// and drew a line through the text above), on an entry page and a day page.
func TestInlineTermsDrawNoRule(t *testing.T) {
	b, site := seedInBrowser(t)
	for _, path := range []string{"entries/2022-02-21-1213-bbc-ukraine-welcomes-reports-of-us-russia.html", "days/2022-02-21.html"} {
		p := b.Open(t, site+"/"+path)
		var bad []string
		p.Eval(t, `Array.from(document.querySelectorAll('a.term')).filter(a => {
			const s = getComputedStyle(a);
			return s.borderTopWidth !== '0px' || s.borderTopStyle !== 'none' || s.paddingTop !== '0px';
		}).map(a => a.textContent)`, &bad)
		var n int
		p.Eval(t, `document.querySelectorAll('a.term').length`, &n)
		if n == 0 {
			t.Fatalf("%s has no inline glossary link to check", path)
		}
		if len(bad) > 0 {
			t.Errorf("%s: %d of %d glossary links draw a rule or padding: %v", path, len(bad), n, bad)
		}
	}
}

// TestNotFoundAtDepth: served for a missing deep address, as a host such as
// Netlify serves it, the 404 page loads its stylesheet and its links lead
// where they say.
func TestNotFoundAtDepth(t *testing.T) {
	if testing.Short() {
		t.Skip("runs Chromium")
	}
	b := browser.New(t)
	out := filepath.Join(t.TempDir(), "public")
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := filepath.Join(out, filepath.FromSlash(path.Clean(r.URL.Path)))
		if info, err := os.Stat(p); err == nil && !info.IsDir() {
			http.ServeFile(w, r, p)
			return
		}
		page, _ := os.ReadFile(filepath.Join(out, "404.html"))
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusNotFound)
		w.Write(page)
	}))
	defer srv.Close()
	if _, err := Build(Options{Root: repo, Out: out, BaseURL: srv.URL + "/"}); err != nil {
		t.Fatal(err)
	}
	p := b.Open(t, srv.URL+"/no/such/deep/address.html")
	axe := browser.AxePath(t)
	for _, scheme := range []string{"light", "dark"} {
		colorScheme(t, p, scheme)
		for _, v := range p.Axe(t, axe) {
			if v.Impact == "serious" || v.Impact == "critical" {
				t.Errorf("the 404 page (%s): %s", scheme, v)
			}
		}
	}
	var rules int
	p.Eval(t, `Array.from(document.styleSheets).reduce((n, s) => n + s.cssRules.length, 0)`, &rules)
	if rules == 0 {
		t.Error("the 404 page at a deep address loaded no stylesheet")
	}
	var links map[string]string
	p.Eval(t, `Object.fromEntries(Array.from(document.querySelectorAll('.back-links a')).map(a => [a.textContent, a.href]))`, &links)
	for text, want := range map[string]string{"The front page": "/index.html", "Every day of the chronicle": "/days/index.html"} {
		if links[text] != srv.URL+want {
			t.Errorf("%q leads to %q, want %q", text, links[text], srv.URL+want)
		}
	}
}

// TestPeopleIndexAndEntryNav: the people index is one page, in order of
// surname, and says a journalist's role once; an entry page links to the
// entries before and after it in time (the first has no "before").
func TestPeopleIndexAndEntryNav(t *testing.T) {
	r, _ := seedSite(t)
	read := func(name string) string { return seedFile(t, name) }
	if _, err := os.Stat(filepath.Join(r.Out, "people", "page")); err == nil {
		t.Error("the people index runs over several pages")
	}
	index := read("people/index.html")
	if strings.Contains(index, "Journalist, Journalist") {
		t.Error(`the people index says "Journalist, Journalist"`)
	}
	cards := index[strings.Index(index, "people-cards"):]
	cards = cards[:strings.Index(cards, "</ul>")]
	names := regexp.MustCompile(`<li><a href="?[^ >]+"?>([^<]+)</a>`).FindAllStringSubmatch(cards, -1)
	if len(names) < 90 {
		t.Fatalf("%d people on the index", len(names))
	}
	surname := func(n string) string { f := strings.Fields(n); return strings.ToLower(f[len(f)-1]) }
	for i := 1; i < len(names); i++ {
		if surname(names[i-1][1]) > surname(names[i][1]) {
			t.Errorf("%q is listed before %q", names[i-1][1], names[i][1])
			break
		}
	}
	first := read("entries/2022-01-21-0845-independent-ukraine-russia-latest.html")
	if regexp.MustCompile(`rel="?prev`).MatchString(first) || !regexp.MustCompile(`rel="?next`).MatchString(first) {
		t.Error("the first entry has a 'before' link or no 'after' link")
	}
	page := read("entries/2022-02-21-1213-bbc-ukraine-welcomes-reports-of-us-russia.html")
	for _, rel := range []string{"prev", "next"} {
		m := regexp.MustCompile(`<a href="?([^" >]+)"? rel="?` + rel).FindStringSubmatch(page)
		if m == nil {
			t.Fatalf("no %s link on the entry page", rel)
		}
		if _, err := os.Stat(filepath.Join(r.Out, "entries", filepath.FromSlash(m[1]))); err != nil {
			t.Errorf("the %s link %s leads nowhere: %v", rel, m[1], err)
		}
	}
}

// TestUntitledStub: an entry with neither title nor text is labelled as
// such, on its page and in the lists, not as "title only".
func TestUntitledStub(t *testing.T) {
	for _, name := range []string{"entries/2022-01-21-1613-independent-stub.html", "days/2022-01-21.html"} {
		page := seedFile(t, name)
		if !strings.Contains(page, "Stub: no text captured") || strings.Contains(page, "Stub: title only") {
			t.Errorf("%s does not label the untitled stub as having no text", name)
		}
	}
}

// TestRoleSaidOnce: a person page whose description starts with the role
// does not print the role above it as well ("President of Ukraine" twice).
func TestRoleSaidOnce(t *testing.T) {
	page := seedFile(t, "people/volodymyr-zelensky.html")
	head := page[strings.Index(page, `id="page-title"`):]
	head = head[:strings.Index(head, "</header>")]
	if n := strings.Count(head, "President of Ukraine"); n != 1 {
		t.Errorf("the head of Zelensky's page says %q %d times", "President of Ukraine", n)
	}
}

// TestDayPrintsCompactly: a day page printed (Ctrl+P) lets long entries
// break across pages instead of leaving pages half empty, sets them in two
// columns and defines each term once: the busiest seed day printed on 22
// pages when every entry refused to break and lines kept the screen's
// measure, on 17 with breaks alone, and on 11 now.
func TestDayPrintsCompactly(t *testing.T) {
	b, site := seedInBrowser(t)
	p := b.Open(t, site+"/days/2022-02-21.html")
	n := browser.PDFPageCount(p.PrintPDF(t))
	t.Logf("days/2022-02-21.html prints on %d pages", n)
	if n == 0 || n > 11 {
		t.Errorf("the day prints on %d pages, want at most 11, half the 22 it took when entries could not break", n)
	}
	// On paper a term is defined once, where an entry first uses it.
	media(t, p, "print")
	var terms struct{ Shown, Distinct int }
	p.Eval(t, `(() => {
		const dts = [...document.querySelectorAll(".entry-terms dt")];
		const shown = dts.filter(d => d.getClientRects().length > 0);
		return {Shown: shown.length, Distinct: new Set(dts.map(d => d.textContent)).size};
	})()`, &terms)
	if terms.Distinct < 5 || terms.Shown != terms.Distinct {
		t.Errorf("print shows %d term definitions for %d terms, want each once", terms.Shown, terms.Distinct)
	}
}

// TestDayEntriesFirstOnAPhone: at the width of a phone the day's entries
// come before the lists of publishers and people (they came 1,300 px down,
// below them); on a wide screen the lists stand beside the entries.
func TestDayEntriesFirstOnAPhone(t *testing.T) {
	b, site := seedInBrowser(t)
	p := b.Open(t, site+"/days/2022-02-21.html")
	for _, width := range []int64{390, 1280} {
		if _, err := chromedp.Run(p.Context(), chromedp.EmulateViewport(width, 900)); err != nil {
			t.Fatal(err)
		}
		var pos struct{ EntryTop, AsideTop, EntryLeft, AsideLeft float64 }
		p.Eval(t, `(() => {
			const e = document.querySelector('.entries .entry').getBoundingClientRect();
			const a = document.querySelector('.day-aside').getBoundingClientRect();
			return {EntryTop: e.top, AsideTop: a.top, EntryLeft: e.left, AsideLeft: a.left};
		})()`, &pos)
		switch {
		case width < 600 && pos.EntryTop > pos.AsideTop:
			t.Errorf("at %d px the first entry (%.0f px down) comes after the day's lists (%.0f px)", width, pos.EntryTop, pos.AsideTop)
		case width > 1000 && pos.AsideLeft <= pos.EntryLeft:
			t.Errorf("at %d px the day's lists are not beside the entries: %+v", width, pos)
		}
	}
}

// TestCaptureLineRange: an entry's "lines 46–63" link opens its capture at
// #L46-L63, which highlights those 18 lines, no script needed (it opened
// #L46 and highlighted one line), and the run of lines links back to its
// entry.
func TestCaptureLineRange(t *testing.T) {
	b, site := seedInBrowser(t)
	p := b.Open(t, site+"/captures/004_816f4847ca21db51.html#L46-L63")
	var got struct {
		Marked []int
		Back   string
	}
	p.Eval(t, `(() => {
		const plain = getComputedStyle(document.getElementById('L1')).backgroundColor;
		const marked = Array.from(document.querySelectorAll('.capture-lines li'))
			.filter(li => getComputedStyle(li).backgroundColor !== plain)
			.map(li => Number(li.id.slice(1)));
		const back = document.querySelector('#L46-L63 .capture-run-entry a');
		return {Marked: marked, Back: back ? back.getAttribute('href') : ''};
	})()`, &got)
	if len(got.Marked) != 18 || got.Marked[0] != 46 || got.Marked[17] != 63 {
		t.Errorf("#L46-L63 highlights lines %v, want 46 to 63", got.Marked)
	}
	if !strings.HasPrefix(got.Back, "../entries/") {
		t.Errorf("the run of lines links back to %q, want its entry", got.Back)
	}
}

// TestTimelineShowsGaps: the lists of days mark the days with no captured
// page between two days of the chronicle (1 February and 17 February stood
// side by side like consecutive days).
func TestTimelineShowsGaps(t *testing.T) {
	for _, name := range []string{"index.html", "days/index.html"} {
		page := seedFile(t, name)
		feb1 := strings.Index(page, `datetime="2022-02-01"`)
		gap := strings.Index(page, "15 days with no captured page")
		feb17 := strings.Index(page, `datetime="2022-02-17"`)
		if feb1 < 0 || gap < feb1 || feb17 < gap {
			t.Errorf("%s: no 15-day gap between 1 and 17 February (at %d, %d, %d)", name, feb1, gap, feb17)
		}
		if n := strings.Count(page, "with no captured page"); n != 4 {
			t.Errorf("%s marks %d gaps, want 4", name, n)
		}
	}
}

// TestChartHoldsOnAPhone: at 320 px every label of a figure's chart stays
// inside the chart (the values lost their first digit at 390 px), claims of
// one value on one day do not cover each other, and the dots say which
// claims the editors checked, as the caption promises.
func TestChartHoldsOnAPhone(t *testing.T) {
	b, site := seedInBrowser(t)
	r, _ := seedSite(t)
	figures, _ := filepath.Glob(filepath.Join(r.Out, "figures", "*.html"))
	checked := 0
	for _, f := range figures {
		if filepath.Base(f) == "index.html" {
			continue
		}
		p := b.Open(t, site+"/figures/"+filepath.Base(f))
		if _, err := chromedp.Run(p.Context(), chromedp.EmulateViewport(320, 800)); err != nil {
			t.Fatal(err)
		}
		var got struct {
			Outside  []string
			Overlaps int
			Checked  int
		}
		p.Eval(t, `(() => {
			const svg = document.querySelector('svg.chart');
			if (!svg) return {Outside: [], Overlaps: 0, Checked: 0};
			const box = svg.getBoundingClientRect();
			const outside = Array.from(svg.querySelectorAll('text')).filter(t => {
				const r = t.getBoundingClientRect();
				return r.left < box.left - 0.5 || r.right > box.right + 0.5;
			}).map(t => t.textContent);
			const at = {};
			let overlaps = 0;
			for (const c of svg.querySelectorAll('circle')) {
				const k = c.getAttribute('cx') + ',' + c.getAttribute('cy');
				if (at[k]) overlaps++;
				at[k] = true;
			}
			return {Outside: outside, Overlaps: overlaps, Checked: svg.querySelectorAll('circle.dot-checked').length};
		})()`, &got)
		if len(got.Outside) > 0 {
			t.Errorf("%s at 320 px: labels outside the chart: %v", filepath.Base(f), got.Outside)
		}
		if got.Overlaps > 0 {
			t.Errorf("%s: %d dots cover others", filepath.Base(f), got.Overlaps)
		}
		checked += got.Checked
	}
	if checked == 0 {
		t.Error("no chart marks a claim the editors checked")
	}
}

// TestQuoteOnce: words a person said, reported by two entries, are quoted
// once on their page and their handout ("No one can predict what will
// happen next" was printed twice for Zelensky).
func TestQuoteOnce(t *testing.T) {
	if n := strings.Count(seedFile(t, "people/volodymyr-zelensky.html"), "No one can predict what will happen next"); n != 1 {
		t.Errorf("Zelensky's page quotes the same words %d times", n)
	}
	// A handout has room for some of the quotes: none of them twice.
	quotes := regexp.MustCompile(`<blockquote><p>“(.*?)”</p></blockquote>`).FindAllStringSubmatch(seedFile(t, "handouts/people/volodymyr-zelensky.html"), -1)
	seen := map[string]bool{}
	for _, q := range quotes {
		if seen[q[1]] {
			t.Errorf("the handout quotes %q twice", q[1])
		}
		seen[q[1]] = true
	}
	if len(quotes) < 3 {
		t.Errorf("the handout shows %d quotes", len(quotes))
	}
}

// seedInBrowser serves the shared seed site (seedSite) over HTTP for a
// test in headless Chromium, and returns the browser and the site's
// address. With -short it skips the test.
func seedInBrowser(t *testing.T) (*browser.Browser, string) {
	t.Helper()
	if testing.Short() {
		t.Skip("runs Chromium")
	}
	b := browser.New(t)
	r, _ := seedSite(t)
	srv := httptest.NewServer(http.FileServer(http.Dir(r.Out)))
	t.Cleanup(srv.Close)
	return b, srv.URL
}

// seedFile is a file of the shared seed site (name with slashes).
func seedFile(t *testing.T, name string) string {
	t.Helper()
	r, _ := seedSite(t)
	data, err := os.ReadFile(filepath.Join(r.Out, filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
