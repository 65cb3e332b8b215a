package build

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"chronicle/generator/entry"
	"chronicle/generator/sitefile"
	"chronicle/internal/browser"
	"chronicle/internal/qrscan"
	"chronicle/internal/sitecheck"
)

// handout is one handout page of a built site and the address it prints.
type handout struct {
	path    string // handouts/days/2022-02-01.html
	address string // seedURL + days/2022-02-01.html
}

// handouts lists every day and person handout of a built site, and checks
// that there is one for every day and every person page.
func handouts(t *testing.T, out string) []handout {
	t.Helper()
	var hs []handout
	for _, kind := range []string{"days", "people"} {
		pages, _ := filepath.Glob(filepath.Join(out, kind, "*.html"))
		for _, p := range pages {
			name := filepath.Base(p)
			if name == "index.html" {
				continue
			}
			h := handout{path: "handouts/" + kind + "/" + name, address: seedURL + kind + "/" + name}
			if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(h.path))); err != nil {
				t.Errorf("%s/%s has no handout", kind, name)
				continue
			}
			hs = append(hs, h)
		}
	}
	sort.Slice(hs, func(i, j int) bool { return hs[i].path < hs[j].path })
	if len(hs) < 50 {
		t.Fatalf("only %d handouts", len(hs))
	}
	return hs
}

// TestHandoutsPrint prints every day and every person handout of the seed
// site to PDF in headless Chromium: each prints on exactly two A4 pages (the
// second headed with its title and leaving room to write), its
// type is readable (body text at least 10pt in print), and its QR code
// decodes to the address of the day or person page. axe-core checks a few
// of them, and the index, on screen.
func TestHandoutsPrint(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: prints every handout in Chromium")
	}
	b, site := seedInBrowser(t) // served until after the parallel subtests
	r, _ := seedSite(t)

	// axe-core on the index and on a day and a person handout.
	axe := browser.AxePath(t)
	for _, path := range []string{"handouts/index.html", "handouts/days/2022-02-01.html", "handouts/people/volodymyr-zelensky.html"} {
		for _, v := range b.Open(t, site+"/"+path).Axe(t, axe) {
			if v.Impact == "serious" || v.Impact == "critical" {
				t.Errorf("%s: %s", path, v)
			}
		}
	}

	counts := &printed{n: map[int]int{}}
	t.Cleanup(func() { t.Logf("handouts by pages printed: %v", counts.n) })
	for _, h := range handouts(t, r.Out) {
		t.Run(strings.TrimSuffix(strings.TrimPrefix(h.path, "handouts/"), ".html"), func(t *testing.T) {
			t.Parallel() // tabs of one browser: the waits overlap
			p := b.Open(t, site+"/"+h.path)
			if errs := p.ConsoleErrors(); len(errs) > 0 {
				t.Errorf("console errors: %s", strings.Join(errs, "; "))
			}
			if got := p.Text(t, ".handout-url"); got != h.address {
				t.Errorf("address shown %q, want %q", got, h.address)
			}

			counts.twoPages(t, p)

			// Readable type: in print, body text at least 10pt and nothing
			// shown smaller than 8pt (1pt = 4/3 CSS px).
			media(t, p, "print")
			// Page 2 is named at its top and leaves room to write.
			var second struct {
				Running string
				Notes   float64 // mm
			}
			p.Eval(t, `(() => {
				const r = document.querySelector(".handout-second .handout-running");
				const n = document.querySelector(".handout-notes");
				return {Running: r && r.getClientRects().length ? r.textContent : "", Notes: n ? n.getBoundingClientRect().height * 25.4 / 96 : 0};
			})()`, &second)
			if !strings.HasSuffix(second.Running, "handout, page 2") {
				t.Errorf("page 2 is headed %q", second.Running)
			}
			if second.Notes < 30 {
				t.Errorf("page 2 leaves %.0f mm to write in, want at least 30", second.Notes)
			}
			var sizes struct{ Body, Any float64 }
			p.Eval(t, `(() => {
				const px = e => parseFloat(getComputedStyle(e).fontSize);
				const shown = e => e.getClientRects().length > 0 && e.textContent.trim() !== "";
				const body = [...document.querySelectorAll(".handout .handout-text, .handout .handout-text p, .handout blockquote p, .handout-standfirst")].filter(shown);
				const all = [...document.querySelectorAll(".handout *")].filter(e => shown(e) && [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim() !== ""));
				return {Body: body.length ? Math.min(...body.map(px)) : 0, Any: all.length ? Math.min(...all.map(px)) : 0};
			})()`, &sizes)
			if sizes.Body < 10*4.0/3-0.01 {
				t.Errorf("body text in print is %.2fpt, want at least 10pt", sizes.Body*0.75)
			}
			if sizes.Any < 8*4.0/3-0.01 {
				t.Errorf("smallest text in print is %.2fpt, want at least 8pt", sizes.Any*0.75)
			}
			media(t, p, "")

			// The QR code: labelled with the address, and read back from
			// what the browser draws.
			var label string
			p.Eval(t, `document.querySelector(".handout-address svg.qr").getAttribute("aria-label")`, &label)
			if label != "QR code: "+h.address {
				t.Errorf("QR code labelled %q", label)
			}
			png := qrShot(t, p)
			if got := qrscan.Decode(t, png); len(got) != 1 || got[0] != h.address {
				t.Errorf("QR code decodes to %q, want %q", got, h.address)
			}
		})
	}
}

// media emulates a CSS media type ("print"), or stops emulating ("").
func media(t *testing.T, p *browser.Page, m string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(p.Context(), time.Minute)
	defer cancel()
	err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tgt *chromedp.Target) error {
		_, err := cdp.Call(ctx, tgt, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: m})
		return err
	}))
	if err != nil {
		t.Fatalf("emulating media %q: %v", m, err)
	}
}

// qrShot is a PNG of the handout's QR code as the browser draws it, at
// twice the CSS size.
func qrShot(t *testing.T, p *browser.Page) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(p.Context(), time.Minute)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.ScreenshotScale(chromedp.CSS(".handout-address svg.qr"), 2))
	if err != nil {
		t.Fatalf("screenshot of the QR code: %v", err)
	}
	return png
}

// TestHandoutAddressOffline: the public address a handout prints is a link
// in the public build and plain text in the offline one, which must request
// nothing from the network.
func TestHandoutAddressOffline(t *testing.T) {
	for _, offline := range []bool{false, true} {
		r, site := seedSite(t)
		out := r.Out
		if offline {
			out = filepath.Join(t.TempDir(), "public")
			if _, err := Build(Options{Root: repo, Out: out, Offline: offline, BaseURL: seedURL}); err != nil {
				t.Fatal(err)
			}
			var err error
			if site, err = sitecheck.Load(out); err != nil {
				t.Fatal(err)
			}
		}
		for _, h := range handouts(t, out) {
			pg := site.Pages[h.path]
			if pg == nil {
				t.Errorf("%s not parsed", h.path)
				continue
			}
			if !strings.Contains(pg.Text, h.address) {
				t.Errorf("offline=%v: %s does not print %s", offline, h.path, h.address)
			}
			var ext []string
			for _, l := range pg.Links {
				if sitecheck.External(l.URL) && l.URL != seedURL+h.path { // <link rel="canonical"> aside
					ext = append(ext, l.URL)
				}
			}
			switch {
			case offline && len(ext) > 0:
				t.Errorf("offline %s links out: %v", h.path, ext)
			case !offline && (len(ext) != 1 || ext[0] != h.address):
				t.Errorf("%s links out to %v, want only its address", h.path, ext)
			}
		}
		// The day and person pages link to their handouts, and the index
		// lists them all.
		index := strings.Join(site.LinksFrom("handouts/index.html"), " ")
		for _, h := range handouts(t, out) {
			if !strings.Contains(index, h.path) {
				t.Errorf("the handout index does not link to %s", h.path)
			}
			subject := strings.TrimPrefix(h.path, "handouts/")
			if !strings.Contains(strings.Join(site.LinksFrom(subject), " "), h.path) {
				t.Errorf("%s has no link to its handout", subject)
			}
		}
		if !strings.Contains(strings.Join(site.LinksFrom("index.html"), " "), "handouts/index.html") {
			t.Error("the home page does not link to the handouts")
		}
	}
}

// TestHandoutContents checks what the seeds' handouts hold, as the issue
// lists it: a day handout its key entries, the editors' questions about the
// day, and the sources credited; a person handout the person's quotes when
// they have any; every handout a "Print handout" link from its page.
func TestHandoutContents(t *testing.T) {
	c, err := Load(repo, "")
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Build(Options{Root: repo, Out: out, BaseURL: seedURL}); err != nil {
		t.Fatal(err)
	}
	read := func(rel string) string {
		data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(rel)))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	questions := map[string]int{} // day → question notes about it
	for _, n := range c.Notes {
		if n.Kind == entry.NoteQuestion && strings.HasPrefix(n.About, "day:") {
			questions[strings.TrimPrefix(n.About, "day:")]++
		}
	}
	for _, d := range c.Days {
		page := read("handouts/days/" + d.Date + ".html")
		if n := strings.Count(page, `class="handout-entry"`); n == 0 || n > len(d.Entries) {
			t.Errorf("day %s: %d entries on the handout, of %d", d.Date, n, len(d.Entries))
		}
		if !strings.Contains(page, `class="handout-section handout-sources"`) {
			t.Errorf("day %s: the handout credits no source", d.Date)
		}
		section := page[strings.Index(page, `class="handout-section handout-questions"`)+1:]
		if q := questions[d.Date]; q > 0 && strings.Count(section[:strings.Index(section, "</section>")], "<li") < q {
			t.Errorf("day %s: fewer questions on the handout than the %d the editors wrote", d.Date, q)
		}
		if !strings.Contains(read("days/"+d.Date+".html"), ">Print handout</a>") {
			t.Errorf("day %s: no Print handout link", d.Date)
		}
	}
	quoted := map[string]bool{}
	for _, e := range c.Entries {
		for _, q := range e.Quotes {
			quoted[q.Speaker] = true
		}
	}
	for _, p := range c.People {
		page := read("handouts/people/" + p.ID + ".html")
		if quoted[p.ID] && !strings.Contains(page, `class="handout-quote"`) {
			t.Errorf("%s is quoted in the entries, not on the handout", p.ID)
		}
		if !strings.Contains(read("people/"+p.ID+".html"), ">Print handout</a>") {
			t.Errorf("%s: no Print handout link", p.ID)
		}
	}
}

// TestHandoutsPrintOnLetter builds the seeds with paper = "Letter" in the
// site file and prints every handout in Chromium: each fits on at most two
// US Letter pages, as the A4 ones do on A4.
func TestHandoutsPrintOnLetter(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: prints every handout in Chromium")
	}
	b := browser.New(t)
	site, err := sitefile.Load(repo)
	if err != nil {
		t.Fatal(err)
	}
	site.Paper = "Letter"
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Build(Options{Root: repo, Out: out, Site: site, BaseURL: seedURL}); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(out)))
	t.Cleanup(srv.Close)
	counts := &printed{n: map[int]int{}}
	t.Cleanup(func() { t.Logf("Letter handouts by pages printed: %v", counts.n) })
	for _, h := range handouts(t, out) {
		t.Run(strings.TrimSuffix(strings.TrimPrefix(h.path, "handouts/"), ".html"), func(t *testing.T) {
			t.Parallel()
			p := b.Open(t, srv.URL+"/"+h.path)
			media(t, p, "print")
			var page string
			p.Eval(t, `getComputedStyle(document.querySelector(".handout")).page`, &page)
			if page != "handout-letter" {
				t.Errorf("the handout prints on the page %q, want handout-letter", page)
			}
			media(t, p, "")
			counts.twoPages(t, p)
		})
	}
}

// printed counts handouts by the pages they print on.
type printed struct {
	sync.Mutex
	n map[int]int
}

// twoPages prints a handout to PDF and checks that it comes out on exactly
// two pages, read back with pdftotext: both numbered, the second headed
// with the handout's title.
func (c *printed) twoPages(t *testing.T, p *browser.Page) {
	t.Helper()
	pdf := p.PrintPDF(t)
	n := browser.PDFPageCount(pdf)
	c.Lock()
	c.n[n]++
	c.Unlock()
	if n != 2 {
		t.Errorf("prints on %d pages, want exactly 2", n)
		return
	}
	if pages := browser.PDFPages(t, pdf); len(pages) != 2 {
		t.Errorf("pdftotext reads %d pages", len(pages))
	} else if !strings.Contains(pages[0], "Page 1 of 2") || !strings.Contains(pages[1], "Page 2 of 2") || !strings.Contains(pages[1], "handout, page 2") {
		t.Errorf("the printed pages are not headed and numbered:\n%.300s\n…\n%.300s", pages[0], pages[1])
	}
}
