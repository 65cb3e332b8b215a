package bundle

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"chronicle/generator/build"
)

// repo is the project's own folder, holding the seeds and the templates.
const repo = "../.."

var (
	tmpRoot  string
	zipOnce  sync.Once
	zipRes   *Result
	zipErr   error
	siteOnce sync.Once
	siteDir  string
	siteErr  error
)

func TestMain(m *testing.M) {
	var err error
	tmpRoot, err = os.MkdirTemp("", "chronicle-bundle-test-")
	if err != nil {
		panic(err)
	}
	code := m.Run()
	os.RemoveAll(tmpRoot)
	os.Exit(code)
}

// seedURL is the public address the seeds are built for in tests.
const seedURL = "https://chronicle.example.org/"

// seedZip builds the offline archive of the seeds once for the package's
// tests, and unzips it; it returns the result and the unzipped site folder.
func seedZip(t *testing.T) (*Result, string) {
	t.Helper()
	zipOnce.Do(func() {
		zipRes, zipErr = Zip(Options{Root: repo, BaseURL: seedURL, Out: filepath.Join(tmpRoot, "dist")})
		if zipErr == nil {
			zipErr = unzip(zipRes.Path, filepath.Join(tmpRoot, "unzipped"))
		}
	})
	if zipErr != nil {
		t.Fatal(zipErr)
	}
	return zipRes, filepath.Join(tmpRoot, "unzipped", zipRes.Folder)
}

// publicSite builds the public site of the seeds once.
func publicSite(t *testing.T) string {
	t.Helper()
	siteOnce.Do(func() {
		siteDir = filepath.Join(tmpRoot, "public")
		_, siteErr = build.Build(build.Options{Root: repo, Out: siteDir, BaseURL: seedURL})
	})
	if siteErr != nil {
		t.Fatal(siteErr)
	}
	return siteDir
}

// unzip extracts a zip into dir, refusing names that leave it.
func unzip(file, dir string) error {
	zr, err := zip.OpenReader(file)
	if err != nil {
		return err
	}
	defer zr.Close()
	for _, f := range zr.File {
		if !filepath.IsLocal(f.Name) {
			return &os.PathError{Op: "unzip", Path: f.Name, Err: os.ErrInvalid}
		}
		dst := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		rc, err := f.Open()
		if err != nil {
			return err
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return err
		}
		if err := os.WriteFile(dst, data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// TestZipIsDeterministicAndOffline builds the archive twice: the two zips
// are byte-identical, index.html is at the top, and no file names the
// site's public address or is a feed or sitemap.
func TestZipIsDeterministicAndOffline(t *testing.T) {
	r, _ := seedZip(t)
	again, err := Zip(Options{Root: repo, BaseURL: seedURL, Out: filepath.Join(t.TempDir(), "dist")})
	if err != nil {
		t.Fatal(err)
	}
	a, _ := os.ReadFile(r.Path)
	b, _ := os.ReadFile(again.Path)
	if !bytes.Equal(a, b) {
		t.Errorf("two zips of the same content differ (%d and %d bytes)", len(a), len(b))
	}
	if r.Size != int64(len(a)) || filepath.Base(r.Path) != "chronicle-offline.zip" {
		t.Errorf("result says %s of %d bytes; the file has %d", r.Path, r.Size, len(a))
	}
	zr, err := zip.NewReader(bytes.NewReader(a), int64(len(a)))
	if err != nil {
		t.Fatal(err)
	}
	if len(zr.File) != r.Files || r.Files < 300 {
		t.Errorf("%d files in the zip, result says %d", len(zr.File), r.Files)
	}
	host := strings.TrimSuffix(strings.TrimPrefix(seedURL, "https://"), "/")
	names := map[string]bool{}
	for i, f := range zr.File {
		name := strings.TrimPrefix(f.Name, r.Folder+"/") // the site's own path
		names[name] = true
		if i > 0 && zr.File[i-1].Name >= f.Name {
			t.Errorf("entries not sorted: %s before %s", zr.File[i-1].Name, f.Name)
		}
		if !f.Modified.Equal(ModTime) {
			t.Errorf("%s: modified %v", f.Name, f.Modified)
		}
		base := f.Name[strings.LastIndex(f.Name, "/")+1:]
		switch base {
		case "index.xml", "feed.json", "sitemap.xml":
			t.Errorf("%s is in the offline archive: feeds and sitemaps hold absolute addresses", f.Name)
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(rc)
		rc.Close()
		// A handout prints the page's online address, as text and as a QR
		// code, so that a reader of the paper can find it; an entry's
		// citation (its page, its records, the data) gives its permanent
		// address, so that a reader can cite it: that is text, not a link or
		// a request. Everywhere else the address must not appear.
		if strings.HasPrefix(name, "handouts/") || citesAddress(name) {
			for _, m := range addressAttr.FindAll(data, -1) {
				if bytes.Contains(m, []byte(host)) {
					t.Errorf("%s links to or loads from the public site: %s", f.Name, m)
				}
			}
		} else if bytes.Contains(data, []byte(host)) {
			t.Errorf("%s names the site's public address %s", f.Name, host)
		}
	}
	for _, must := range []string{"index.html", "search/index.html", "search/manifest.js", "entries.json", "js/minisearch.LICENSE.txt"} {
		if !names[must] {
			t.Errorf("the archive lacks %s", must)
		}
	}
	t.Logf("%s: %d bytes (%s), %d files", filepath.Base(r.Path), r.Size, HumanSize(r.Size), r.Files)
}

// addressAttr finds attributes a browser follows or loads that hold an
// absolute address.
// citesAddress reports whether a file of the archive holds citations,
// which give the entries' permanent addresses as text: entry pages, their
// BibTeX and RIS records (cite/), and the data downloads.
func citesAddress(name string) bool {
	switch path.Base(name) {
	case "entries.json", "entries.csv", "entries.csl.json":
		return true
	}
	for _, dir := range []string{"entries/", "cite/"} {
		if (strings.HasPrefix(name, dir) || strings.Contains(name, "/"+dir)) && !strings.HasSuffix(name, "/index.html") {
			return true
		}
	}
	return false
}

var addressAttr = regexp.MustCompile(`(?i)(href|src|srcset|action|content)=["']?https?://[^"'\s>]*`)

// TestIndexIsSmall: the search index of the seeds is under 30% of the size
// of the site's HTML.
func TestIndexIsSmall(t *testing.T) {
	r, _ := seedZip(t)
	if r.IndexBytes == 0 || r.HTMLBytes == 0 {
		t.Fatalf("index %d bytes, HTML %d bytes", r.IndexBytes, r.HTMLBytes)
	}
	pct := 100 * float64(r.IndexBytes) / float64(r.HTMLBytes)
	if pct >= 30 {
		t.Errorf("search index %d bytes is %.1f%% of the HTML's %d bytes; the budget is 30%%", r.IndexBytes, pct, r.HTMLBytes)
	}
	t.Logf("search index %d bytes, HTML %d bytes: %.1f%%", r.IndexBytes, r.HTMLBytes, pct)
}

func TestWriteZipRefusesBadName(t *testing.T) {
	if _, err := Zip(Options{Root: repo, Name: "../x"}); err == nil {
		t.Error("a name with a slash was accepted")
	}
}

// TestWriteZipKeepsPreviousOnError: a zip that cannot be written leaves the
// previous one and no temporary file.
func TestWriteZipKeepsPreviousOnError(t *testing.T) {
	dir := t.TempDir()
	site := filepath.Join(dir, "site")
	os.MkdirAll(site, 0o755)
	os.WriteFile(filepath.Join(site, "index.html"), []byte("<!doctype html><title>x</title>"), 0o644)
	out := filepath.Join(dir, "dist", "x.zip")
	if _, _, err := WriteZip(site, out, "x"); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(out)
	if err := os.Symlink("/nonexistent", filepath.Join(site, "link")); err != nil {
		t.Skip(err)
	}
	if _, _, err := WriteZip(site, out, "x"); err == nil {
		t.Fatal("a symlink in the site was zipped")
	}
	after, _ := os.ReadFile(out)
	if !bytes.Equal(before, after) {
		t.Error("the failed run changed the previous zip")
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	if len(entries) != 1 {
		t.Errorf("the failed run left files: %v", entries)
	}
}

// TestZipReplacesOnlyItsOwn: a zip replaces an archive Chronicle wrote, and
// refuses, changing nothing, a file of someone else's with that name.
func TestZipReplacesOnlyItsOwn(t *testing.T) {
	site := t.TempDir()
	os.WriteFile(filepath.Join(site, "index.html"), []byte("home"), 0o644)
	out := filepath.Join(t.TempDir(), "chronicle-offline.zip")
	for range 2 {
		if _, _, err := WriteZip(site, out, ""); err != nil {
			t.Fatalf("writing over its own archive: %v", err)
		}
	}
	os.WriteFile(out, []byte("my own notes"), 0o644)
	if _, _, err := WriteZip(site, out, ""); err == nil || !strings.Contains(err.Error(), "not an archive Chronicle wrote") {
		t.Fatalf("over someone's file: %v", err)
	}
	if data, _ := os.ReadFile(out); string(data) != "my own notes" {
		t.Fatalf("the file was changed: %q", data)
	}
}

// TestZipHasOneTopFolder: every file of the archive is inside one folder,
// <name>-offline, which holds index.html: unzipping never spills the site's
// files into the folder it is unzipped in.
func TestZipHasOneTopFolder(t *testing.T) {
	res, _ := seedZip(t)
	zr, err := zip.OpenReader(res.Path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	index := false
	for _, f := range zr.File {
		if !strings.HasPrefix(f.Name, res.Folder+"/") {
			t.Fatalf("%s is outside the folder %s", f.Name, res.Folder)
		}
		index = index || f.Name == res.Folder+"/index.html"
	}
	if res.Folder != "chronicle-offline" || !index {
		t.Errorf("folder %q, index.html in it: %v", res.Folder, index)
	}
}
