package fixity

import (
	"archive/zip"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"chronicle/internal/testenv"
)

// site writes a small site and its manifest.
func site(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	testenv.WriteFiles(t, dir, map[string]string{
		"index.html":         "<p>home</p>",
		"entries/a.html":     "<p>a</p>",
		"captures/000_x.txt": "A capture\n",
		".chronicle-site":    "a build's mark",
	})
	n, err := Write(dir, ".chronicle-site")
	if err != nil || n != 3 {
		t.Fatalf("Write: %d files, %v", n, err)
	}
	return dir
}

func TestManifestFormat(t *testing.T) {
	dir := site(t)
	data, err := os.ReadFile(filepath.Join(dir, Manifest))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	var paths []string
	for _, l := range lines {
		sum, p, ok := strings.Cut(l, "  ")
		if !ok || len(sum) != 64 {
			t.Errorf("line %q", l)
		}
		paths = append(paths, p)
	}
	if !slices.Equal(paths, []string{"captures/000_x.txt", "entries/a.html", "index.html"}) {
		t.Errorf("paths %v: want every file but the mark and the manifest, sorted", paths)
	}
	// sha256sum --check reads the same lines: a digest, two spaces, a path.
	sum := sha256.Sum256([]byte("A capture\n"))
	if want := hex.EncodeToString(sum[:]) + "  captures/000_x.txt"; lines[0] != want {
		t.Errorf("first line %q, want %q", lines[0], want)
	}
}

func TestVerifyFolder(t *testing.T) {
	dir := site(t)
	if r, err := Verify(dir, ".chronicle-site"); err != nil || !r.OK() || r.Files != 3 {
		t.Fatalf("fresh site: %+v, %v", r, err)
	}
	testenv.WriteFile(t, dir, "entries/a.html", []byte("<p>b</p>"))
	os.Remove(filepath.Join(dir, "index.html"))
	testenv.WriteFile(t, dir, "extra.js", []byte("x"))
	r, err := Verify(dir, ".chronicle-site")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(r.Changed, []string{"entries/a.html"}) || !slices.Equal(r.Missing, []string{"index.html"}) || !slices.Equal(r.Added, []string{"extra.js"}) || r.OK() {
		t.Errorf("changed %v, missing %v, added %v", r.Changed, r.Missing, r.Added)
	}
}

// zipOf zips dir under a top folder, with file changed as given.
func zipOf(t *testing.T, dir, top string, change map[string]string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "site.zip")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		w, err := zw.Create(top + filepath.ToSlash(rel))
		if err != nil {
			return err
		}
		data, _ := os.ReadFile(p)
		if c, ok := change[filepath.ToSlash(rel)]; ok {
			data = []byte(c)
		}
		_, err = w.Write(data)
		return err
	})
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	return path
}

func TestVerifyZip(t *testing.T) {
	dir := site(t)
	for _, top := range []string{"", "chronicle-offline/"} {
		if r, err := Verify(zipOf(t, dir, top, nil), ".chronicle-site"); err != nil || !r.OK() {
			t.Errorf("zip with top %q: %+v, %v", top, r, err)
		}
	}
	extra := zipOf(t, dir, "chronicle-offline/", nil)
	addToZip(t, extra, "beside.html")
	if r, err := Verify(extra, ".chronicle-site"); err != nil || !slices.Equal(r.Added, []string{"beside.html"}) {
		t.Errorf("a file beside the site's folder: %+v, %v", r, err)
	}
	r, err := Verify(zipOf(t, dir, "chronicle-offline/", map[string]string{"captures/000_x.txt": "A capturf\n"}), ".chronicle-site")
	if err != nil || !slices.Equal(r.Changed, []string{"captures/000_x.txt"}) {
		t.Errorf("a flipped byte in a capture: %+v, %v", r, err)
	}
}

func TestVerifyWithoutManifest(t *testing.T) {
	dir := t.TempDir()
	testenv.WriteFile(t, dir, "index.html", []byte("x"))
	if _, err := Verify(dir, ".chronicle-site"); err == nil || !strings.Contains(err.Error(), Manifest) {
		t.Errorf("a folder with no manifest: %v", err)
	}
	testenv.WriteFile(t, dir, Manifest, []byte("not a manifest\n"))
	if _, err := Verify(dir, ".chronicle-site"); err == nil || !strings.Contains(err.Error(), Manifest+":1") {
		t.Errorf("a bad manifest: %v", err)
	}
}

// addToZip rewrites the zip at path with one more file, name.
func addToZip(t *testing.T, path, name string) {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	out := path + ".new"
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	for _, zf := range zr.File {
		if err := zw.Copy(zf); err != nil {
			t.Fatal(err)
		}
	}
	w, _ := zw.Create(name)
	w.Write([]byte("x"))
	zw.Close()
	f.Close()
	zr.Close()
	if err := os.Rename(out, path); err != nil {
		t.Fatal(err)
	}
}
