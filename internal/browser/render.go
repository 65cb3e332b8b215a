package browser

import (
	"bytes"
	"compress/zlib"
	"context"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// PhoneWidth is the widest viewport, in CSS pixels, that [Page.Screenshot]
// treats as a phone: at this width or less it also emulates a mobile device
// (the viewport meta tag applies, scrollbars overlay the page, and touch
// events are on).
const PhoneWidth = 600

// Screenshot sets the tab's viewport to width × height CSS pixels at a
// device scale factor of 1 (with mobile emulation when width is at most
// [PhoneWidth]), lets the page lay out again, and returns a PNG of it. The
// PNG is width × height pixels, or, with fullPage, width pixels wide and as
// high as the whole page. The viewport stays emulated after the call.
func (p *Page) Screenshot(t testing.TB, width, height int, fullPage bool) []byte {
	t.Helper()
	if width <= 0 || height <= 0 {
		t.Fatalf("Screenshot: width and height must be positive, not %d×%d", width, height)
	}
	mobile := width <= PhoneWidth
	var png []byte
	err := withTimeout(p.ctx, opTimeout, func(ctx context.Context) error {
		return chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tgt *chromedp.Target) error {
			if _, err := cdp.Call(ctx, tgt, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{
				Width:             int64(width),
				Height:            int64(height),
				DeviceScaleFactor: 1,
				Mobile:            mobile,
			}); err != nil {
				return fmt.Errorf("emulating the viewport: %w", err)
			}
			if _, err := cdp.Call(ctx, tgt, emulation.SetTouchEmulationEnabled, emulation.SetTouchEmulationEnabledParams{
				Enabled: mobile, MaxTouchPoints: touchPoints(mobile),
			}); err != nil {
				return fmt.Errorf("emulating touch: %w", err)
			}
			if err := settle(ctx, tgt); err != nil {
				return err
			}
			params := page.CaptureScreenshotParams{
				Format:      page.CaptureScreenshotFormatPng,
				FromSurface: ptr(true),
			}
			if fullPage {
				m, err := cdp.Call(ctx, tgt, page.GetLayoutMetrics, cdp.Empty{})
				if err != nil {
					return fmt.Errorf("measuring the page: %w", err)
				}
				// A page that is wider than a phone's viewport and has no
				// viewport meta tag is shown zoomed out: capture its whole
				// width at that zoom, so that the PNG is as wide as asked.
				scale := 1.0
				if m.CSSVisualViewport != nil && m.CSSVisualViewport.Scale > 0 {
					scale = m.CSSVisualViewport.Scale
				}
				h := float64(height) / scale
				if m.CSSContentSize != nil && m.CSSContentSize.Height > h {
					h = m.CSSContentSize.Height
				}
				params.CaptureBeyondViewport = ptr(true)
				params.Clip = &page.Viewport{
					Width:  float64(width) / scale,
					Height: math.Ceil(h),
					Scale:  scale,
				}
			}
			res, err := cdp.Call(ctx, tgt, page.CaptureScreenshot, params)
			if err != nil {
				return fmt.Errorf("capturing: %w", err)
			}
			png = res.Data
			return nil
		}))
	})
	if err != nil {
		t.Fatalf("screenshot of %s at %d×%d: %v", p.url, width, height, err)
	}
	return png
}

// touchPoints is the number of touch points to emulate.
func touchPoints(mobile bool) int64 {
	if mobile {
		return 5
	}
	return 0
}

// settle waits until the page has laid out and painted twice, so that a
// change of the viewport shows in a screenshot.
func settle(ctx context.Context, tgt *chromedp.Target) error {
	_, err := chromedp.Evaluate[chromedp.Void](
		`new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r())))`,
		chromedp.EvalAwaitPromise)(ctx, tgt)
	if err != nil {
		return fmt.Errorf("waiting for a repaint: %w", err)
	}
	return nil
}

func ptr[T any](v T) *T { return &v }

// PrintPDF prints the page as the browser's "Save as PDF" does, on A4 paper
// with backgrounds, and returns the PDF. A CSS @page size rule, when the
// page has one, wins over A4.
func (p *Page) PrintPDF(t testing.TB) []byte {
	t.Helper()
	var pdf []byte
	err := withTimeout(p.ctx, opTimeout, func(ctx context.Context) error {
		var err error
		pdf, err = chromedp.Run(ctx, chromedp.PrintToPDF(
			chromedp.PDFPaper(chromedp.PaperA4),
			chromedp.PDFPrintBackground(),
			chromedp.PDFPreferCSSPageSize(),
		))
		return err
	})
	if err != nil {
		t.Fatalf("printing %s to PDF: %v", p.url, err)
	}
	return pdf
}

var (
	// pageObject matches the type of a page object, and not of the page
	// tree (/Pages).
	pageObject = regexp.MustCompile(`/Type\s*/Page\b`)
	// streamStart matches the keyword that starts a stream's data.
	streamStart = regexp.MustCompile(`stream\r?\n`)
)

// PDFPageCount returns the number of pages of a PDF: the number of its page
// objects (/Type /Page, as opposed to /Type /Pages), including the ones
// that sit in compressed object streams. It returns 0 for data that is not
// a PDF.
func PDFPageCount(pdf []byte) int {
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		return 0
	}
	n := len(pageObject.FindAllIndex(pdf, -1))
	// Objects can also sit in object streams (/Type /ObjStm), which are
	// compressed: count the page objects inside them too.
	for _, loc := range streamStart.FindAllIndex(pdf, -1) {
		if loc[0] > 0 && isWordByte(pdf[loc[0]-1]) {
			continue // "endstream" or another word
		}
		dict := pdf[max(0, loc[0]-1024):loc[0]]
		if i := bytes.LastIndex(dict, []byte(" obj")); i >= 0 {
			dict = dict[i:]
		}
		if !bytes.Contains(dict, []byte("/ObjStm")) || !bytes.Contains(dict, []byte("/FlateDecode")) {
			continue
		}
		data := pdf[loc[1]:]
		if end := bytes.Index(data, []byte("endstream")); end >= 0 {
			data = data[:end]
		}
		zr, err := zlib.NewReader(bytes.NewReader(data))
		if err != nil {
			continue
		}
		inflated, _ := io.ReadAll(io.LimitReader(zr, 64<<20))
		n += len(pageObject.FindAllIndex(inflated, -1))
	}
	return n
}

// isWordByte reports whether c can be part of a PDF keyword.
func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// AxeViolation is one rule of axe-core that a page breaks.
type AxeViolation struct {
	// ID is the rule, such as "image-alt".
	ID string `json:"id"`
	// Impact is "minor", "moderate", "serious" or "critical".
	Impact string `json:"impact"`
	// Help is the rule's one-line summary.
	Help string `json:"help"`
	// HelpURL is the rule's documentation page.
	HelpURL string `json:"helpUrl"`
	// Nodes are the elements that break the rule.
	Nodes []AxeNode `json:"nodes"`
}

// AxeNode is one element that breaks an axe-core rule.
type AxeNode struct {
	// Target is the CSS selector of the element. An element inside an
	// iframe or a shadow root has one selector for each level.
	Target []string `json:"target"`
	// HTML is the element's opening markup.
	HTML string `json:"html"`
	// FailureSummary says what to fix.
	FailureSummary string `json:"failureSummary"`
}

// String returns the rule, its impact and help, and the selectors of the
// elements, on one line.
func (v AxeViolation) String() string {
	targets := make([]string, 0, len(v.Nodes))
	for _, n := range v.Nodes {
		targets = append(targets, strings.Join(n.Target, " >>> "))
	}
	return fmt.Sprintf("%s (%s): %s: %s", v.ID, v.Impact, v.Help, strings.Join(targets, ", "))
}

// axeRun runs axe-core on the document and keeps what a test reports.
const axeRun = `(async () => {
	if (typeof axe === "undefined") throw new Error("axe-core did not load");
	const r = await axe.run(document, {resultTypes: ["violations"]});
	return r.violations.map(v => ({
		id: v.id,
		impact: v.impact || "",
		help: v.help,
		helpUrl: v.helpUrl,
		nodes: v.nodes.map(n => ({
			target: n.target.map(s => Array.isArray(s) ? s.join(" ") : String(s)),
			html: n.html,
			failureSummary: n.failureSummary || "",
		})),
	}));
})()`

// Axe injects axe-core from axePath (node_modules/axe-core/axe.min.js, see
// [AxePath]) into the page, runs axe.run() on the document with axe's
// default rules, and returns the violations; none for a clean page. The
// script is evaluated through DevTools, so it loads whatever the page's
// Content-Security-Policy says and makes no request.
func (p *Page) Axe(t testing.TB, axePath string) []AxeViolation {
	t.Helper()
	src, err := os.ReadFile(axePath)
	if err != nil {
		t.Fatalf("reading axe-core: %v", err)
	}
	err = withTimeout(p.ctx, opTimeout, func(ctx context.Context) error {
		_, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](string(src)))
		return err
	})
	if err != nil {
		t.Fatalf("injecting %s: %v", axePath, err)
	}
	var v []AxeViolation
	p.Eval(t, axeRun, &v)
	return v
}

// PDFPages returns the text of each page of a PDF, read with pdftotext
// (Debian's poppler-utils). When pdftotext is missing the test is skipped
// with a message saying what to install, or fails when Required.
func PDFPages(t testing.TB, pdf []byte) []string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		if Required() {
			t.Fatalf("pdftotext not found: apt-get install poppler-utils (%s=1 forbids skipping)", RequireEnv)
		}
		t.Skip("pdftotext not found: apt-get install poppler-utils")
	}
	cmd := exec.Command(bin, "-layout", "-", "-")
	cmd.Stdin = bytes.NewReader(pdf)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	pages := strings.Split(string(out), "\f")
	if len(pages) > 0 && strings.TrimSpace(pages[len(pages)-1]) == "" {
		pages = pages[:len(pages)-1]
	}
	return pages
}
