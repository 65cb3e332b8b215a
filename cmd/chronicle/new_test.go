package main

import (
	"archive/zip"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"chronicle/internal/qrscan"
	"chronicle/internal/testenv"
)

// newChronicleBinary builds the command into a temporary folder.
func newChronicleBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "chronicle")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// runIn runs the binary in dir with env added to an environment that has
// none of Netlify's variables, and returns its exit code and output.
func runIn(t *testing.T, bin, dir string, env []string, args ...string) (int, string) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	for _, kv := range os.Environ() {
		if k, _, _ := strings.Cut(kv, "="); k != "URL" && k != "DEPLOY_PRIME_URL" && k != "CONTEXT" {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	cmd.Env = append(cmd.Env, env...)
	out, err := cmd.CombinedOutput()
	if ee, ok := err.(*exec.ExitError); ok {
		return ee.ExitCode(), string(out)
	} else if err != nil {
		t.Fatal(err)
	}
	return 0, string(out)
}

// thisChronicle are words that belong to the repository's own chronicle:
// no file of another chronicle may hold them.
var thisChronicle = regexp.MustCompile(`Kyiv|Ukraine|BBC|Independent|example\.org`)

// TestNewChronicle makes a second chronicle with `chronicle new`, outside
// the repository, with another zone, publisher and paper, and checks,
// builds and zips it with the built binary from its own folder: its pages
// show its own title, zone and publisher, and no file of the site or the
// archive holds a word of this chronicle. Built with no address it warns
// and prints no QR code; built with Netlify's URL, its QR codes decode to
// that address.
func TestNewChronicle(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command and a site")
	}
	bin := newChronicleBinary(t)
	dir := filepath.Join(t.TempDir(), "flood")
	if code, out := runIn(t, bin, t.TempDir(), nil, "new", "--title", "Ashford floods", "--zone", "America/New_York",
		"--publisher", "The Ashford Gazette", "--paper", "Letter", dir); code != 0 {
		t.Fatalf("new: exit %d\n%s", code, out)
	}
	if code, out := runIn(t, bin, t.TempDir(), nil, "new", dir); code == 0 || !strings.Contains(out, "not empty") {
		t.Errorf("new over a chronicle: exit %d\n%s", code, out)
	}
	if code, out := runIn(t, bin, dir, nil, "check", "--strict"); code != 0 || !strings.Contains(out, "1 captures, 3 entries: 0 errors, 0 warnings") {
		t.Errorf("check: exit %d\n%s", code, out)
	}
	code, out := runIn(t, bin, dir, nil, "build")
	if code != 0 {
		t.Fatalf("build: exit %d\n%s", code, out)
	}
	if !strings.Contains(out, "warning: no public address") {
		t.Errorf("a build with no address does not warn:\n%s", out)
	}
	site := testenv.ReadTree(t, filepath.Join(dir, "public"))
	for name, want := range map[string]string{
		"index.html":                      "<title>Ashford floods</title>",
		"publishers/index.html":           "The Ashford Gazette",
		"handouts/index.html":             "Choose US Letter paper",
		"days/index.html":                 "Ashford floods",
		"search/index.html":               "Ashford floods",
		"people/lee-harmon.html":          "Lee Harmon",
		"glossary.html":                   "crest",
		"threads/evacuation.html":         "The evacuation of the lower town",
		"handouts/people/lee-harmon.html": "public address is not configured",
	} {
		if !strings.Contains(site[name], want) {
			t.Errorf("%s does not show %q", name, want)
		}
	}
	var entry string
	for name, text := range site {
		if strings.HasPrefix(name, "entries/") && strings.HasSuffix(name, ".html") && strings.Contains(name, "river-close-to-its-record") {
			entry = text
		}
	}
	if !strings.Contains(entry, "<dt>New York time</dt>") || !strings.Contains(entry, "The Ashford Gazette") {
		t.Errorf("the entry page does not give New York time and its publisher:\n%.2000s", entry)
	}
	for name, text := range site {
		if m := thisChronicle.FindString(text); m != "" {
			t.Errorf("%s holds %q", name, m)
		}
		if strings.Contains(text, `class="qr"`) {
			t.Errorf("%s has a QR code, though the site has no address", name)
		}
	}
	if _, ok := site["sitemap.xml"]; ok {
		t.Error("a site with no address has a sitemap")
	}

	if code, out := runIn(t, bin, dir, nil, "zip"); code != 0 {
		t.Fatalf("zip: exit %d\n%s", code, out)
	}
	zr, err := zip.OpenReader(filepath.Join(dir, "dist", "chronicle-offline.zip"))
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(rc)
		rc.Close()
		if m := thisChronicle.Find(data); m != nil {
			t.Errorf("the archive's %s holds %q", f.Name, m)
		}
	}

	// Fixity: the site and the zip match their manifests; one byte flipped
	// in a page or a capture is named.
	for _, target := range []string{"public", filepath.Join("dist", "chronicle-offline.zip")} {
		if code, out := runIn(t, bin, dir, nil, "verify", target); code != 0 || !strings.Contains(out, "files match manifest-sha256.txt") {
			t.Errorf("verify %s: exit %d\n%s", target, code, out)
		}
	}
	for _, file := range []string{"people/lee-harmon.html", "captures/sample.txt"} {
		path := filepath.Join(dir, "public", filepath.FromSlash(file))
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		flipped := append([]byte(nil), data...)
		flipped[len(flipped)/2] ^= 1
		if err := os.WriteFile(path, flipped, 0o644); err != nil {
			t.Fatal(err)
		}
		if code, out := runIn(t, bin, dir, nil, "verify", "public"); code != 1 || !strings.Contains(out, "changed: "+file) {
			t.Errorf("verify after a byte of %s flipped: exit %d\n%s", file, code, out)
		}
		os.WriteFile(path, data, 0o644)
	}

	// As on Netlify: the address comes from URL.
	out2 := filepath.Join(t.TempDir(), "public")
	if code, out := runIn(t, bin, dir, []string{"URL=https://chronicle.test"}, "build", "--out", out2); code != 0 || strings.Contains(out, "no public address") {
		t.Fatalf("build with URL: exit %d\n%s", code, out)
	}
	online := testenv.ReadTree(t, out2)
	svg := regexp.MustCompile(`<svg class="qr".*?</svg>`).FindString(online["handouts/people/lee-harmon.html"])
	if got := qrscan.DecodeSVG(t, svg); len(got) != 1 || got[0] != "https://chronicle.test/people/lee-harmon.html" {
		t.Errorf("the handout's QR code decodes to %q", got)
	}
	if !strings.Contains(online["sitemap.xml"], "https://chronicle.test/index.html") {
		t.Error("the sitemap does not use Netlify's URL")
	}
	for name, text := range online {
		if m := thisChronicle.FindString(text); m != "" {
			t.Errorf("built with URL: %s holds %q", name, m)
		}
	}
}
