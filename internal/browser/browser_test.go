package browser_test

import (
	"bytes"
	"compress/zlib"
	"image"
	"image/color"
	"image/png"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"

	"chronicle/internal/browser"
	"chronicle/internal/testenv"
)

// site writes a tiny site to a temporary folder and returns the folder.
func site(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	var img bytes.Buffer
	m := image.NewRGBA(image.Rect(0, 0, 4, 4))
	for i := range m.Pix {
		m.Pix[i] = 0x80
	}
	m.Set(0, 0, color.RGBA{R: 255, A: 255})
	if err := png.Encode(&img, m); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"style.css": "body { font-family: sans-serif; color: #111; background: #fff; }\n",
		"img.png":   img.String(),
		"index.html": testenv.HTMLPage("Home", `<h1>Home</h1>
<p id="intro">Hello, <em>reader</em>.</p>
<img src="img.png" alt="A grey square">
<ul>
<li><a href="a.html">A</a></li>
<li><a href="/b.html">B</a></li>
<li><a href="sub/c.html#part">C</a></li>
<li><a href="https://example.org/x">Elsewhere</a></li>
</ul>
`),
		"a.html":     testenv.HTMLPage("A", "<h1>A</h1>\n"),
		"b.html":     testenv.HTMLPage("B", "<h1>B</h1>\n"),
		"sub/c.html": testenv.HTMLPage("C", "<h1>C</h1>\n"),
		"console.html": testenv.HTMLPage("Console", `<h1>Console</h1>
<img src="missing.png" alt="Not there">
<script>
console.log("just a log");
console.error("deliberate error", 42);
setTimeout(() => { throw new Error("deliberate exception"); }, 0);
</script>
`),
		"pages.html": testenv.HTMLPage("Three pages", `<style>
section { break-after: page; }
section:last-child { break-after: auto; }
</style>
<h1>Three pages</h1>
<section><p>One.</p></section>
<section><p>Two.</p></section>
<section><p>Three.</p></section>
`),
		"tall.html": testenv.HTMLPage("Tall", `<h1>Tall</h1>
<div style="height: 3000px; background: linear-gradient(#fff, #00f)"></div>
`),
		"noalt.html": testenv.HTMLPage("No alt", `<h1>No alt</h1>
<img src="img.png">
`),
	}
	testenv.WriteFiles(t, dir, files)
	return dir
}

// serve serves dir on the loopback interface only.
func serve(t *testing.T, dir string) *httptest.Server {
	t.Helper()
	return serveHandler(t, http.FileServer(http.Dir(dir)))
}

// serveHandler serves h on the loopback interface only, until the test ends.
func serveHandler(t *testing.T, h http.Handler) *httptest.Server {
	t.Helper()
	srv := httptest.NewUnstartedServer(h)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv.Listener = l
	srv.Start()
	t.Cleanup(srv.Close)
	return srv
}

// fileURL is the file: URL of a path.
func fileURL(path string) string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}).String()
}

func TestHTTP(t *testing.T) {
	dir := site(t)
	srv := serve(t, dir)
	b := browser.New(t)

	p := b.Open(t, srv.URL+"/index.html")
	wantLinks := []string{
		srv.URL + "/a.html",
		srv.URL + "/b.html",
		srv.URL + "/sub/c.html#part",
		"https://example.org/x",
	}
	if got := p.Links(t); !slices.Equal(got, wantLinks) {
		t.Errorf("Links:\n got %q\nwant %q", got, wantLinks)
	}
	reqs := p.Requests()
	for _, want := range []string{srv.URL + "/index.html", srv.URL + "/style.css", srv.URL + "/img.png"} {
		if !slices.Contains(reqs, want) {
			t.Errorf("Requests %q lacks %s", reqs, want)
		}
	}
	if reqs[0] != srv.URL+"/index.html" {
		t.Errorf("first request %s, want the page", reqs[0])
	}
	if errs := p.ConsoleErrors(); len(errs) != 0 {
		t.Errorf("clean page has console errors: %q", errs)
	}
	if got := p.Text(t, "#intro"); got != "Hello, reader." {
		t.Errorf("Text(#intro) = %q", got)
	}
	var sum int
	p.Eval(t, `Promise.resolve(20 + 22)`, &sum)
	if sum != 42 {
		t.Errorf("Eval = %d, want 42", sum)
	}
	if v := p.Axe(t, browser.AxePath(t)); len(v) != 0 {
		t.Errorf("clean page has axe violations: %v", v)
	}

	c := b.Open(t, srv.URL+"/console.html")
	// The exception is thrown from a timer: wait for it.
	c.Eval(t, `new Promise(r => setTimeout(r, 100))`, nil)
	errs := strings.Join(c.ConsoleErrors(), "\n")
	for _, want := range []string{
		"console.error: deliberate error 42",
		"deliberate exception",
		srv.URL + "/missing.png: HTTP 404",
	} {
		if !strings.Contains(errs, want) {
			t.Errorf("ConsoleErrors lack %q:\n%s", want, errs)
		}
	}
	if strings.Contains(errs, "just a log") {
		t.Errorf("ConsoleErrors hold a console.log:\n%s", errs)
	}
	if !slices.Contains(c.Console(), browser.ConsoleMessage{Type: "log", Text: "just a log"}) {
		t.Errorf("Console lacks the log: %v", c.Console())
	}
	if len(c.Blocked()) != 0 {
		t.Errorf("Open blocked %q", c.Blocked())
	}

	n := b.Open(t, srv.URL+"/noalt.html")
	v := n.Axe(t, browser.AxePath(t))
	i := slices.IndexFunc(v, func(v browser.AxeViolation) bool { return v.ID == "image-alt" })
	if i < 0 {
		t.Fatalf("axe found no image-alt violation: %v", v)
	}
	if got := v[i]; got.Impact == "" || got.Help == "" || len(got.Nodes) != 1 || !slices.Equal(got.Nodes[0].Target, []string{"img"}) {
		t.Errorf("image-alt violation = %+v", got)
	} else {
		t.Logf("axe: %s", got)
	}
}

func TestFile(t *testing.T) {
	dir := site(t)
	b := browser.New(t)
	p := b.OpenOffline(t, fileURL(filepath.Join(dir, "index.html")))
	wantLinks := []string{
		fileURL(filepath.Join(dir, "a.html")),
		"file:///b.html",
		fileURL(filepath.Join(dir, "sub", "c.html")) + "#part",
		"https://example.org/x",
	}
	if got := p.Links(t); !slices.Equal(got, wantLinks) {
		t.Errorf("Links:\n got %q\nwant %q", got, wantLinks)
	}
	if !slices.Contains(p.Requests(), fileURL(filepath.Join(dir, "style.css"))) {
		t.Errorf("Requests %q lack style.css", p.Requests())
	}
	if errs := p.ConsoleErrors(); len(errs) != 0 {
		t.Errorf("clean page has console errors: %q", errs)
	}
	if b := p.Blocked(); len(b) != 0 {
		t.Errorf("clean page was blocked from %q", b)
	}
	if v := p.Axe(t, browser.AxePath(t)); len(v) != 0 {
		t.Errorf("clean page has axe violations: %v", v)
	}
}

func TestOfflineBlocks(t *testing.T) {
	var hits atomic.Int32
	remote := serveHandler(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Header().Set("Content-Type", "text/css")
		w.Write([]byte("body { color: red }"))
	}))

	dir := t.TempDir()
	page := filepath.Join(dir, "leaky.html")
	body := testenv.HTMLPage("Leaky", `<h1>Leaky</h1>
<link rel="stylesheet" href="`+remote.URL+`/remote.css">
<script>fetch("`+remote.URL+`/api").catch(() => {});</script>
`)
	if err := os.WriteFile(page, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "style.css"), []byte("body{}"), 0o644)

	b := browser.New(t)
	p := b.OpenOffline(t, fileURL(page))
	p.Eval(t, `new Promise(r => setTimeout(r, 200))`, nil)
	blocked := p.Blocked()
	for _, want := range []string{remote.URL + "/remote.css", remote.URL + "/api"} {
		if !slices.Contains(blocked, want) {
			t.Errorf("Blocked %q lacks %s", blocked, want)
		}
	}
	if n := hits.Load(); n != 0 {
		t.Errorf("the server got %d requests from an offline page", n)
	}
	if !strings.Contains(strings.Join(p.ConsoleErrors(), "\n"), remote.URL+"/remote.css") {
		t.Errorf("ConsoleErrors do not report the blocked stylesheet: %q", p.ConsoleErrors())
	}
}

func TestScreenshot(t *testing.T) {
	dir := site(t)
	srv := serve(t, dir)
	b := browser.New(t)
	p := b.Open(t, srv.URL+"/tall.html")

	for _, tc := range []struct {
		w, h     int
		full     bool
		minH     int
		mobile   bool
		exactH   bool
		testName string
	}{
		{390, 844, false, 844, true, true, "phone"},
		{1280, 800, false, 800, false, true, "desktop"},
		{1024, 768, true, 3000, false, false, "full page"},
	} {
		t.Run(tc.testName, func(t *testing.T) {
			data := p.Screenshot(t, tc.w, tc.h, tc.full)
			cfg, err := png.DecodeConfig(bytes.NewReader(data))
			if err != nil {
				t.Fatalf("not a PNG: %v", err)
			}
			if cfg.Width != tc.w {
				t.Errorf("width %d, want %d", cfg.Width, tc.w)
			}
			if tc.exactH && cfg.Height != tc.h || cfg.Height < tc.minH {
				t.Errorf("height %d, want %d (at least %d)", cfg.Height, tc.h, tc.minH)
			}
			var mobile bool
			p.Eval(t, `navigator.maxTouchPoints > 0 && matchMedia("(pointer: coarse)").matches`, &mobile)
			if mobile != tc.mobile {
				t.Errorf("mobile emulation %v, want %v", mobile, tc.mobile)
			}
			var inner int
			p.Eval(t, `innerWidth`, &inner)
			if inner != tc.w {
				t.Errorf("innerWidth %d, want %d", inner, tc.w)
			}
		})
	}
}

func TestPrintPDF(t *testing.T) {
	dir := site(t)
	srv := serve(t, dir)
	b := browser.New(t)

	pdf := b.Open(t, srv.URL+"/pages.html").PrintPDF(t)
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Fatalf("not a PDF: %q", pdf[:min(len(pdf), 16)])
	}
	if n := browser.PDFPageCount(pdf); n != 3 {
		t.Errorf("PDFPageCount = %d, want 3", n)
	}
	if n := browser.PDFPageCount(b.Open(t, srv.URL+"/a.html").PrintPDF(t)); n != 1 {
		t.Errorf("PDFPageCount of a short page = %d, want 1", n)
	}
}

func TestPDFPageCount(t *testing.T) {
	for _, tc := range []struct {
		pdf  string
		want int
	}{
		{"not a pdf /Type /Page", 0},
		{"%PDF-1.4\n1 0 obj << /Type /Pages /Count 2 /Kids [2 0 R 3 0 R] >> endobj\n2 0 obj << /Type /Page >> endobj\n3 0 obj <</Type/Page/Parent 1 0 R>> endobj\n", 2},
		{objStmPDF(t), 3},
	} {
		if got := browser.PDFPageCount([]byte(tc.pdf)); got != tc.want {
			t.Errorf("PDFPageCount(%q) = %d, want %d", tc.pdf, got, tc.want)
		}
	}
}

// objStmPDF is a PDF whose page objects sit in a compressed object stream,
// as PDF 1.5 writers can store them: one page outside it, two inside.
func objStmPDF(t *testing.T) string {
	var z bytes.Buffer
	w := zlib.NewWriter(&z)
	w.Write([]byte("3 0 4 24 << /Type /Page /Parent 1 0 R >> << /Type /Page /Parent 1 0 R >>"))
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return "%PDF-1.5\n1 0 obj << /Type /Pages /Count 3 >> endobj\n" +
		"2 0 obj << /Type /Page /Parent 1 0 R >> endobj\n" +
		"5 0 obj << /Type /ObjStm /N 2 /First 8 /Filter /FlateDecode /Length " + strconv.Itoa(z.Len()) + " >>\nstream\n" +
		z.String() + "\nendstream\nendobj\n"
}

func TestRequired(t *testing.T) {
	t.Setenv(browser.RequireEnv, "1")
	if !browser.Required() {
		t.Error("Required() = false with CHRONICLE_REQUIRE_BROWSER=1")
	}
	t.Setenv(browser.RequireEnv, "")
	if browser.Required() {
		t.Error("Required() = true with CHRONICLE_REQUIRE_BROWSER empty")
	}
}
