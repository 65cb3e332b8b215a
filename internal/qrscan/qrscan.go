// Package qrscan reads QR codes in images from tests, with zbarimg (Debian's
// package zbar-tools), so that a test can prove a printed code leads where
// it says.
//
// When zbarimg is missing the test is skipped with a message saying what to
// install; with CHRONICLE_REQUIRE_BROWSER=1 (as in CI) it fails instead.
package qrscan

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"chronicle/internal/browser"
)

// Zbarimg returns the path of zbarimg, or skips (or fails) the test.
func Zbarimg(t testing.TB) string {
	t.Helper()
	p, err := exec.LookPath("zbarimg")
	if err != nil {
		msg := "zbarimg not found: apt-get install zbar-tools"
		if browser.Required() {
			t.Fatalf("%s (%s=1 forbids skipping)", msg, browser.RequireEnv)
		}
		t.Skip(msg)
	}
	return p
}

// Decode returns the text of every QR code found in the PNG image, in the
// order zbarimg reports them; none when it finds none. It skips the test
// when zbarimg is missing (see [Zbarimg]).
func Decode(t testing.TB, png []byte) []string {
	t.Helper()
	zbar := Zbarimg(t)
	file := filepath.Join(t.TempDir(), "code.png")
	if err := os.WriteFile(file, png, 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, zbar, "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", file)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok && ee.ExitCode() == 4 {
		return nil // zbarimg's status for "no code found"
	}
	if err != nil {
		t.Fatalf("zbarimg: %v\n%s", err, stderr.String())
	}
	var out []string
	for _, line := range strings.Split(strings.TrimRight(stdout.String(), "\n"), "\n") {
		if line != "" {
			out = append(out, line)
		}
	}
	return out
}

// svgRect is a dark run of modules in a code drawn by package qrsvg.
var (
	svgRect    = regexp.MustCompile(`<rect x="(\d+)" y="(\d+)" width="(\d+)" height="1"/>`)
	svgViewBox = regexp.MustCompile(`viewBox="0 0 (\d+) (\d+)"`)
)

// DecodeSVG draws a QR code as package qrsvg writes it (dark runs of
// modules as rects on a square viewBox) into an image, six pixels a module,
// and returns what zbarimg reads in it (see [Decode]).
func DecodeSVG(t testing.TB, svg string) []string {
	t.Helper()
	m := svgViewBox.FindStringSubmatch(svg)
	if m == nil {
		t.Fatalf("no viewBox in %.100s", svg)
	}
	n, _ := strconv.Atoi(m[1])
	const scale = 6
	img := image.NewGray(image.Rect(0, 0, n*scale, n*scale))
	for i := range img.Pix {
		img.Pix[i] = 255
	}
	for _, r := range svgRect.FindAllStringSubmatch(svg, -1) {
		x, _ := strconv.Atoi(r[1])
		y, _ := strconv.Atoi(r[2])
		w, _ := strconv.Atoi(r[3])
		for py := y * scale; py < (y+1)*scale; py++ {
			for px := x * scale; px < (x+w)*scale; px++ {
				img.SetGray(px, py, color.Gray{0})
			}
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return Decode(t, buf.Bytes())
}
