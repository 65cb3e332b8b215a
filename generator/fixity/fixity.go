// Package fixity writes and checks a built site's manifest: the SHA-256 of
// every file, captures included, so that a copy of the site (a folder, the
// offline zip) can be shown to be byte for byte what the build made, as
// web archives record a digest for every file they keep.
package fixity

import (
	"archive/zip"
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
)

// Manifest is the name of the manifest at the site's root. Its lines are
// "<sha256>  <path>", paths relative to the root with "/", sorted: the
// format of BagIt's manifest-sha256.txt and of `sha256sum --check`.
const Manifest = "manifest-sha256.txt"

// Write hashes every file under dir and writes the manifest there. It
// returns how many files it lists. The files named in besides, at dir's
// root, are not the site's (the mark a build leaves in the folder it
// publishes), and are not listed.
func Write(dir string, besides ...string) (int, error) {
	var paths []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		if rel = filepath.ToSlash(rel); rel != Manifest && !slices.Contains(besides, rel) {
			paths = append(paths, rel)
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	sums, err := hashAll(os.DirFS(dir), paths)
	if err != nil {
		return 0, err
	}
	var b bytes.Buffer
	for i, p := range paths {
		fmt.Fprintf(&b, "%s  %s\n", sums[i], p)
	}
	return len(paths), os.WriteFile(filepath.Join(dir, Manifest), b.Bytes(), 0o644)
}

// hashAll hashes the files at paths of fsys, on every core.
func hashAll(fsys fs.FS, paths []string) ([]string, error) {
	sort.Strings(paths)
	sums := make([]string, len(paths))
	errs := make([]error, len(paths))
	next := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			buf := make([]byte, 64<<10) // one buffer a worker, not one a file
			for i := range next {
				sums[i], errs[i] = hashFile(fsys, paths[i], buf)
			}
		})
	}
	for i := range paths {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return sums, nil
}

func hashFile(fsys fs.FS, name string, buf []byte) (string, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.CopyBuffer(struct{ io.Writer }{h}, struct{ io.Reader }{f}, buf); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// Report is what a check of a copy found.
type Report struct {
	Files   int      // files the manifest lists
	Changed []string // files whose bytes differ from the manifest's
	Missing []string // files the manifest lists that are not there
	Added   []string // files there that the manifest does not list
}

// OK reports whether the copy is what the manifest says.
func (r Report) OK() bool { return len(r.Changed)+len(r.Missing)+len(r.Added) == 0 }

// Verify checks the site at path, a folder or a zip of one (the site at
// its root or in its one top folder), against its manifest. The files
// named in besides, at the site's root, are not the site's: neither
// missed nor added.
func Verify(p string, besides ...string) (Report, error) {
	info, err := os.Stat(p)
	if err != nil {
		return Report{}, err
	}
	if info.IsDir() {
		return check(os.DirFS(p), besides)
	}
	zr, err := zip.OpenReader(p)
	if err != nil {
		return Report{}, fmt.Errorf("%s: neither a folder nor a zip: %w", p, err)
	}
	defer zr.Close()
	root, err := siteRoot(&zr.Reader)
	if err != nil {
		return Report{}, fmt.Errorf("%s: %w", p, err)
	}
	sub, err := fs.Sub(&zr.Reader, root)
	if err != nil {
		return Report{}, fmt.Errorf("%s: %w", p, err)
	}
	r, err := check(sub, besides)
	if err != nil {
		return r, err
	}
	// What the zip holds beside the site's folder is not the site's either.
	if root != "." {
		for _, f := range zr.File {
			if name := path.Clean(f.Name); !strings.HasSuffix(f.Name, "/") && !strings.HasPrefix(name, root+"/") {
				r.Added = append(r.Added, f.Name)
			}
		}
		sort.Strings(r.Added)
	}
	return r, nil
}

// siteRoot is the folder of a zip that holds the manifest: its root, or
// its one top folder.
func siteRoot(zr *zip.Reader) (string, error) {
	for _, f := range zr.File {
		dir, name := path.Split(f.Name)
		if name != Manifest || strings.Count(dir, "/") > 1 || strings.HasPrefix(dir, "/") || dir == "../" {
			continue
		}
		if dir == "" {
			return ".", nil
		}
		return strings.TrimSuffix(dir, "/"), nil
	}
	return "", fmt.Errorf("no %s in the zip: it was not made by chronicle build or chronicle zip, or is older than manifests", Manifest)
}

// check compares the files of fsys with its manifest.
func check(fsys fs.FS, besides []string) (Report, error) {
	want, err := readManifest(fsys)
	if err != nil {
		return Report{}, err
	}
	var r Report
	r.Files = len(want)
	var present []string
	err = fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || p == Manifest || slices.Contains(besides, p) {
			return err
		}
		if _, ok := want[p]; ok {
			present = append(present, p)
		} else {
			r.Added = append(r.Added, p)
		}
		return nil
	})
	if err != nil {
		return Report{}, err
	}
	sums, err := hashAll(fsys, present)
	if err != nil {
		return Report{}, err
	}
	seen := make(map[string]bool, len(present))
	for i, p := range present {
		seen[p] = true
		if sums[i] != want[p] {
			r.Changed = append(r.Changed, p)
		}
	}
	for p := range want {
		if !seen[p] {
			r.Missing = append(r.Missing, p)
		}
	}
	sort.Strings(r.Added)
	sort.Strings(r.Missing)
	return r, nil
}

// readManifest reads the manifest of fsys: path → SHA-256.
func readManifest(fsys fs.FS) (map[string]string, error) {
	f, err := fsys.Open(Manifest)
	if err != nil {
		return nil, fmt.Errorf("no %s: this site was not built by chronicle build, or is older than manifests", Manifest)
	}
	defer f.Close()
	want := map[string]string{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for n := 1; sc.Scan(); n++ {
		sum, p, ok := strings.Cut(sc.Text(), "  ")
		if !ok || len(sum) != sha256.Size*2 || p == "" {
			return nil, fmt.Errorf("%s:%d: not a line \"<sha256>  <path>\"", Manifest, n)
		}
		want[p] = sum
	}
	return want, sc.Err()
}
