package build

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"chronicle/internal/browser"
	"chronicle/internal/vnu"
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
	b := browser.New(t)
	r, _ := seedSite(t)
	srv := httptest.NewServer(http.FileServer(http.Dir(r.Out)))
	defer srv.Close()
	for _, path := range []string{"index.html", "days/2022-02-01.html", "people/volodymyr-zelensky.html", "entries/2022-02-01-1905-bbc-whats-happened-today.html"} {
		p := b.Open(t, srv.URL+"/"+path)
		for _, v := range p.Axe(t, axe) {
			if v.Impact == "serious" || v.Impact == "critical" {
				t.Errorf("%s: %s", path, v)
			}
		}
		if errs := p.ConsoleErrors(); len(errs) > 0 {
			t.Errorf("%s: console errors: %s", path, strings.Join(errs, "; "))
		}
	}
}

// TestInlineTermsDrawNoRule: the glossary links in entry text draw no
// border or padding (the glossary page's .term rule once applied to them
// and drew a line through the text above), on an entry page and a day page.
func TestInlineTermsDrawNoRule(t *testing.T) {
	if testing.Short() {
		t.Skip("runs Chromium")
	}
	b := browser.New(t)
	r, _ := seedSite(t)
	srv := httptest.NewServer(http.FileServer(http.Dir(r.Out)))
	defer srv.Close()
	for _, path := range []string{"entries/2022-02-21-1213-bbc-ukraine-welcomes-reports-of-us-russia.html", "days/2022-02-21.html"} {
		p := b.Open(t, srv.URL+"/"+path)
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
