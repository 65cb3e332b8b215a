package browser

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// ConsoleMessage is one call of the console API that a page made, such as
// console.log or console.error.
type ConsoleMessage struct {
	// Type is the protocol's name of the call: "log", "info", "warning",
	// "error", "assert", "debug" and so on.
	Type string
	// Text is the arguments of the call, joined by spaces; strings are
	// there as they are, other values in their JSON or descriptive form.
	Text string
}

// String returns "type: text".
func (m ConsoleMessage) String() string { return m.Type + ": " + m.Text }

// Page is a browser tab that [Browser.Open] or [Browser.OpenOffline] opened
// at a URL. From the moment the tab exists it records the URL of every
// network request, every console message, every uncaught JavaScript
// exception and every resource that failed to load. The test's cleanup
// closes the tab.
type Page struct {
	ctx context.Context
	url string

	mu       sync.Mutex
	requests []string
	console  []ConsoleMessage
	errors   []string
	blocked  []string
	reqURL   map[network.RequestID]string
}

// Context returns the chromedp context of the tab, for tests that need a
// chromedp action the helpers do not offer.
func (p *Page) Context() context.Context { return p.ctx }

// URL returns the URL that the page was opened at.
func (p *Page) URL() string { return p.url }

// Open opens a new tab, navigates it to url and waits for the page's load
// event. A navigation that fails (a refused connection, a missing file)
// fails the test; an HTTP error status does not, and shows in
// [Page.ConsoleErrors] instead.
func (b *Browser) Open(t testing.TB, url string) *Page {
	t.Helper()
	return b.open(t, url, false)
}

// OpenOffline is like [Browser.Open], but the tab fails every request whose
// URL is not file:, data: or blob: before it leaves the browser (through the
// DevTools Fetch domain), and records it in [Page.Blocked]. A test of a
// page on disk can then assert that Blocked is empty to prove that the page
// needs nothing from the network. A blocked request also shows in
// [Page.ConsoleErrors] as a failed load.
func (b *Browser) OpenOffline(t testing.TB, url string) *Page {
	t.Helper()
	return b.open(t, url, true)
}

func (b *Browser) open(t testing.TB, u string, offline bool) *Page {
	t.Helper()
	p := &Page{url: u, reqURL: make(map[network.RequestID]string)}
	ctx, cancel := chromedp.NewContext(b.ctx, chromedp.WithListener(p.listen))
	t.Cleanup(cancel)
	p.ctx = ctx

	// The first Run on the tab context creates the tab and binds it to the
	// context of the call, so it gets ctx itself; a timer ends a hung start.
	timer := time.AfterFunc(startTimeout, cancel)
	err := chromedp.Do(ctx)
	timer.Stop()
	if err != nil {
		t.Fatalf("opening a tab: %v", err)
	}

	if offline {
		tgt := chromedp.FromContext(ctx).Target
		// Listen gets the events in order on the tab's reading goroutine,
		// which must not send commands itself: answer from a goroutine.
		if err := chromedp.Listen(ctx, func(ev any) {
			if ev, ok := ev.(*fetch.EventRequestPaused); ok {
				go p.answerPaused(ctx, tgt, ev)
			}
		}); err != nil {
			t.Fatalf("listening for requests: %v", err)
		}
		err := withTimeout(ctx, opTimeout, func(ctx context.Context) error {
			_, err := cdp.Call(ctx, tgt, fetch.Enable, fetch.EnableParams{
				Patterns: []*fetch.RequestPattern{{URLPattern: "*"}},
			})
			return err
		})
		if err != nil {
			t.Fatalf("enabling request interception: %v", err)
		}
	}

	err = withTimeout(ctx, loadTimeout, func(ctx context.Context) error {
		return chromedp.Do(ctx, chromedp.Navigate(u))
	})
	if err != nil {
		t.Fatalf("opening %s: %v", u, err)
	}
	return p
}

// localScheme reports whether a request for rawURL stays on this machine:
// file:, data: and blob: URLs do.
func localScheme(rawURL string) bool {
	u, err := url.Parse(rawURL)
	if err != nil {
		return false
	}
	switch strings.ToLower(u.Scheme) {
	case "file", "data", "blob":
		return true
	}
	return false
}

// answerPaused lets a paused request go on when it stays on the machine,
// and fails it otherwise.
func (p *Page) answerPaused(ctx context.Context, tgt cdp.Session, ev *fetch.EventRequestPaused) {
	u := ""
	if ev.Request != nil {
		u = ev.Request.URL
	}
	_ = withTimeout(ctx, opTimeout, func(ctx context.Context) error {
		if localScheme(u) {
			_, err := cdp.Call(ctx, tgt, fetch.ContinueRequest, fetch.ContinueRequestParams{RequestID: ev.RequestID})
			return err
		}
		p.mu.Lock()
		p.blocked = append(p.blocked, u)
		p.mu.Unlock()
		_, err := cdp.Call(ctx, tgt, fetch.FailRequest, fetch.FailRequestParams{
			RequestID:   ev.RequestID,
			ErrorReason: network.ErrorReasonBlockedByClient,
		})
		return err
	})
}

// listen records the events of the tab. It runs on the tab's reading
// goroutine, so it only appends under the lock.
func (p *Page) listen(ev any) {
	p.mu.Lock()
	defer p.mu.Unlock()
	switch ev := ev.(type) {
	case *network.EventRequestWillBeSent:
		if ev.Request == nil {
			return
		}
		p.requests = append(p.requests, ev.Request.URL)
		p.reqURL[ev.RequestID] = ev.Request.URL
	case *network.EventResponseReceived:
		if r := ev.Response; r != nil && r.Status >= 400 {
			p.errors = append(p.errors, fmt.Sprintf("failed to load %s: HTTP %d %s", r.URL, r.Status, r.StatusText))
		}
	case *network.EventLoadingFailed:
		msg := ev.ErrorText
		if ev.BlockedReason != "" {
			msg += " (blocked: " + string(ev.BlockedReason) + ")"
		}
		p.errors = append(p.errors, fmt.Sprintf("failed to load %s: %s", p.reqURL[ev.RequestID], msg))
	case *runtime.EventConsoleAPICalled:
		m := ConsoleMessage{Type: string(ev.Type), Text: consoleText(ev.Args)}
		p.console = append(p.console, m)
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
			p.errors = append(p.errors, "console."+m.String())
		}
	case *runtime.EventExceptionThrown:
		p.errors = append(p.errors, "uncaught exception: "+exceptionText(ev.ExceptionDetails))
	case *log.EventEntryAdded:
		e := ev.Entry
		// Failed loads come from the network events above, which also
		// see the ones the log leaves out; the log's copy would be a
		// duplicate.
		if e == nil || e.Level != log.EntryLevelError || e.Source == log.EntrySourceNetwork {
			return
		}
		msg := fmt.Sprintf("%s: %s", e.Source, e.Text)
		if e.URL != "" {
			msg += " (" + e.URL + ")"
		}
		p.errors = append(p.errors, msg)
	}
}

// consoleText joins the arguments of a console call as the console shows
// them, roughly.
func consoleText(args []*runtime.RemoteObject) string {
	parts := make([]string, 0, len(args))
	for _, a := range args {
		parts = append(parts, remoteText(a))
	}
	return strings.Join(parts, " ")
}

// remoteText is the short text form of a remote object.
func remoteText(a *runtime.RemoteObject) string {
	if a == nil {
		return ""
	}
	if a.Type == runtime.RemoteObjectTypeString {
		var s string
		if json.Unmarshal(a.Value, &s) == nil {
			return s
		}
	}
	switch {
	case len(a.Value) > 0:
		return string(a.Value)
	case a.UnserializableValue != "":
		return string(a.UnserializableValue)
	case a.Description != "":
		return a.Description
	}
	return string(a.Type)
}

// exceptionText is the message of an uncaught exception, with where it was
// thrown.
func exceptionText(d *runtime.ExceptionDetails) string {
	if d == nil {
		return ""
	}
	msg := d.Text
	if d.Exception != nil {
		if s := remoteText(d.Exception); s != "" {
			msg = s
			if d.Text != "" && !strings.Contains(s, d.Text) && d.Text != "Uncaught" {
				msg = d.Text + " " + s
			}
		}
	}
	if d.URL != "" && !strings.Contains(msg, d.URL) {
		msg += fmt.Sprintf(" (%s:%d:%d)", d.URL, d.LineNumber+1, d.ColumnNumber+1)
	}
	return msg
}

// Requests returns the URL of every network request the page made so far,
// the page itself first, in the order the browser sent them. A redirect
// adds each URL it goes through.
func (p *Page) Requests() []string {
	return snapshot(p, &p.requests)
}

// Console returns every console message the page wrote so far, of every
// type, in order.
func (p *Page) Console() []ConsoleMessage {
	return snapshot(p, &p.console)
}

// ConsoleErrors returns what a reader would see as errors in the DevTools
// console so far: console.error and console.assert calls, uncaught
// exceptions (and unhandled promise rejections), browser log entries of
// level error, and resources that failed to load, whether through a network
// error, a blocked request or an HTTP status of 400 or more. It is empty for
// a clean page.
func (p *Page) ConsoleErrors() []string {
	return snapshot(p, &p.errors)
}

// Blocked returns the URLs of the requests that a page opened with
// [Browser.OpenOffline] tried to send off the machine, and that were failed
// instead. It is always empty for a page opened with [Browser.Open].
func (p *Page) Blocked() []string {
	return snapshot(p, &p.blocked)
}

// snapshot copies one of the page's records, under the page's lock.
func snapshot[T any](p *Page, record *[]T) []T {
	p.mu.Lock()
	defer p.mu.Unlock()
	return slices.Clone(*record)
}

// Eval evaluates the JavaScript expression js in the page and decodes its
// JSON value into out, which may be nil to ignore it. When the expression
// gives a promise, Eval waits for it and decodes its value. An exception
// fails the test.
func (p *Page) Eval(t testing.TB, js string, out any) {
	t.Helper()
	var raw []byte
	err := withTimeout(p.ctx, opTimeout, func(ctx context.Context) error {
		var err error
		raw, err = chromedp.Run(ctx, chromedp.Evaluate[[]byte](js, chromedp.EvalAwaitPromise))
		return err
	})
	if err != nil {
		t.Fatalf("evaluating %s: %v", abbrev(js), err)
	}
	if out == nil {
		return
	}
	if len(raw) == 0 {
		raw = []byte("null")
	}
	if err := json.Unmarshal(raw, out); err != nil {
		t.Fatalf("decoding the value of %s into %T: %v (value %s)", abbrev(js), out, err, abbrev(string(raw)))
	}
}

// abbrev shortens s for an error message.
func abbrev(s string) string {
	const max = 200
	if len(s) > max {
		return s[:max] + "…"
	}
	return s
}

// Links returns the resolved href of every <a href> of the page, in
// document order: absolute URLs, as the browser resolves them against the
// document's base URL.
func (p *Page) Links(t testing.TB) []string {
	t.Helper()
	var links []string
	p.Eval(t, `Array.from(document.querySelectorAll("a[href]"), a => a.href)`, &links)
	return links
}

// Text returns the rendered text (innerText) of the first element that the
// CSS selector matches. No match fails the test.
func (p *Page) Text(t testing.TB, selector string) string {
	t.Helper()
	sel, _ := json.Marshal(selector)
	var res struct {
		Found bool   `json:"found"`
		Text  string `json:"text"`
	}
	p.Eval(t, fmt.Sprintf(`(() => { const e = document.querySelector(%s); return e ? {found: true, text: e.innerText} : {found: false, text: ""}; })()`, sel), &res)
	if !res.Found {
		t.Fatalf("no element matches %q on %s", selector, p.url)
	}
	return res.Text
}
