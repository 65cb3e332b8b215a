package qrsvg

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"chronicle/internal/qrscan"
)

var rectRE = regexp.MustCompile(`<rect x="(\d+)" y="(\d+)" width="(\d+)" height="1"/>`)

// grid reads the dark modules back from the SVG, quiet zone included.
func grid(t *testing.T, svg string, n int) [][]bool {
	t.Helper()
	g := make([][]bool, n)
	for i := range g {
		g[i] = make([]bool, n)
	}
	for _, m := range rectRE.FindAllStringSubmatch(svg, -1) {
		x, _ := strconv.Atoi(m[1])
		y, _ := strconv.Atoi(m[2])
		w, _ := strconv.Atoi(m[3])
		for i := x; i < x+w; i++ {
			if g[y][i] {
				t.Fatalf("module %d,%d drawn twice", i, y)
			}
			g[y][i] = true
		}
	}
	return g
}

func TestSVGDrawsEveryModule(t *testing.T) {
	const addr = "https://chronicle.example.org/days/2022-02-01.html"
	c, err := Encode(addr)
	if err != nil {
		t.Fatal(err)
	}
	svg := c.SVG("QR code: " + addr + ` & "quotes"`)
	n := c.Size + 2*Quiet
	if !strings.HasPrefix(svg, `<svg class="qr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 `+strconv.Itoa(n)+" "+strconv.Itoa(n)+`" role="img" aria-label="QR code: `+addr+` &amp; &#34;quotes&#34;"`) {
		t.Errorf("svg starts %.200s", svg)
	}
	g := grid(t, svg, n)
	for y := 0; y < n; y++ {
		for x := 0; x < n; x++ {
			want := c.Black(x-Quiet, y-Quiet)
			if g[y][x] != want {
				t.Fatalf("module %d,%d: drawn %v, code %v", x, y, g[y][x], want)
			}
		}
	}
	// The finder pattern in the top left corner: a dark 7×7 ring, a light
	// ring inside it, a dark 3×3 centre.
	for i := 0; i < 7; i++ {
		for _, p := range [][2]int{{i, 0}, {i, 6}, {0, i}, {6, i}} {
			if !c.Black(p[0], p[1]) {
				t.Errorf("finder ring not dark at %v", p)
			}
		}
	}
	if c.Black(1, 1) || !c.Black(3, 3) {
		t.Error("finder pattern inside is wrong")
	}
}

func TestTooLong(t *testing.T) {
	if _, err := SVG(strings.Repeat("x", 5000)); err == nil {
		t.Error("5000 bytes encoded")
	}
}

// TestDecodes draws the code as an image and reads it with zbarimg (Debian
// package zbar-tools): it must give back the address.
func TestDecodes(t *testing.T) {
	qrscan.Zbarimg(t)
	for _, addr := range []string{
		"https://chronicle.example.org/days/2022-02-01.html",
		"https://chronicle.example.org/people/volodymyr-zelensky.html",
		"http://127.0.0.1:1313/people/jean-yves-le-drian.html",
	} {
		c, err := Encode(addr)
		if err != nil {
			t.Fatal(err)
		}
		if got := qrscan.DecodeSVG(t, c.SVG(addr)); len(got) != 1 || got[0] != addr {
			t.Errorf("decoded %q, want %q", got, addr)
		}
	}
}
