// Package qrsvg draws QR codes as inline SVG, for pages that must print a
// web address a phone can open (the handouts).
//
// The code itself comes from rsc.io/qr, the small encoder by Russ Cox that
// Hugo also uses for its images.QR function: it is already in the module
// graph, has no dependencies of its own, and is pure Go. This package only
// draws its modules as SVG rectangles, so that the code is vector art that
// prints sharply at any size and needs no image file.
package qrsvg

import (
	"fmt"
	"html"
	"strings"

	"rsc.io/qr"
)

// Quiet is the width of the white margin around the code, in modules: the
// four that the QR standard asks for.
const Quiet = 4

// Code is an encoded QR code.
type Code struct {
	Text string
	// Size is the number of modules on a side, without the quiet zone.
	Size  int
	black func(x, y int) bool
}

// Encode encodes text at error correction level M (15% of the code can be
// damaged or smudged and it still reads), the usual choice for print.
func Encode(text string) (*Code, error) {
	c, err := qr.Encode(text, qr.M)
	if err != nil {
		return nil, fmt.Errorf("qr code of %q: %w", text, err)
	}
	return &Code{Text: text, Size: c.Size, black: c.Black}, nil
}

// Black reports whether the module at (x, y) is dark; outside the code it
// is not.
func (c *Code) Black(x, y int) bool { return c.black(x, y) }

// SVG draws the code as an <svg> element to put inline in HTML: a white
// square with the quiet zone, and one black <rect> per horizontal run of
// dark modules. The viewBox is in modules; the size on the page comes from
// CSS (class "qr"). It is an image to assistive technology, labelled with
// label (the address, for instance).
func (c *Code) SVG(label string) string {
	n := c.Size + 2*Quiet
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="qr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" role="img" aria-label="%s" shape-rendering="crispEdges">`,
		n, n, html.EscapeString(label))
	fmt.Fprintf(&b, `<rect width="%d" height="%d" fill="#fff"/>`, n, n)
	for y := 0; y < c.Size; y++ {
		for x := 0; x < c.Size; {
			if !c.Black(x, y) {
				x++
				continue
			}
			run := 1
			for x+run < c.Size && c.Black(x+run, y) {
				run++
			}
			fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%d" height="1"/>`, x+Quiet, y+Quiet, run)
			x += run
		}
	}
	b.WriteString(`</svg>`)
	return b.String()
}

// SVG encodes text and draws it, labelled "QR code: <text>".
func SVG(text string) (string, error) {
	c, err := Encode(text)
	if err != nil {
		return "", err
	}
	return c.SVG("QR code: " + text), nil
}
