// Package bundle packs the offline archive: the site built for reading from
// disk (build.Options.Offline: relative links that end in a file name, no
// feeds or sitemap, no absolute address of the site itself), zipped into
// dist/<name>-offline.zip. A reader unzips it anywhere and opens index.html;
// search works there too, since its index is loaded with <script> tags.
//
// The files sit in one folder at the top of the zip, <name>-offline, so that
// every way of unzipping gives that one folder with index.html in it:
// `unzip` on the command line and the Mac's Archive Utility make exactly it,
// and a zip with loose files would spill hundreds of them into wherever it
// is unzipped. (Windows' "Extract All" proposes a folder named after the
// zip, and so puts this one inside it.)
//
// The zip is deterministic: entries sorted by path, one fixed modification
// time, fixed permissions, Deflate at one level; the same site gives the
// same bytes. It is written to a temporary file beside the target and
// renamed into place, so a failed run leaves the previous zip as it was.
package bundle

import (
	"archive/zip"
	"compress/flate"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"chronicle/generator/build"
	"chronicle/generator/searchindex"
)

// Options configure Zip.
type Options struct {
	Root string // the project folder (default ".")
	Out  string // the folder the zip goes to (default Root/dist)
	Name string // the archive is <Name>-offline.zip (default "chronicle")
	Date string // page date for captures without one, as build --date
	// BaseURL is the public site's address, as build --base-url (by
	// default the site file's or Netlify's): no page of the archive links
	// to it, but the printed handouts give it, as text and as a QR code,
	// for the full page online.
	BaseURL string
}

// DefaultName is the archive's name when none is given.
const DefaultName = "chronicle"

// Result says what Zip made.
type Result struct {
	Path   string // the zip file
	Folder string // the one folder at the top of the zip: <name>-offline
	Size   int64  // bytes of the zip
	Files  int    // files in it
	Build  *build.Report
	// IndexBytes is the size of the search index in the site, HTMLBytes
	// that of its HTML pages.
	IndexBytes, HTMLBytes int64
}

// ModTime is the modification time of every file in the archive. A fixed
// time keeps the zip byte-identical from build to build.
var ModTime = time.Date(2022, 2, 24, 0, 0, 0, 0, time.UTC)

// Zip builds the offline site into a temporary folder and zips it into
// Out/<Name>-offline.zip.
func Zip(opts Options) (*Result, error) {
	if opts.Root == "" {
		opts.Root = "."
	}
	if opts.Out == "" {
		opts.Out = filepath.Join(opts.Root, "dist")
	}
	if opts.Name == "" {
		opts.Name = DefaultName
	}
	if strings.ContainsAny(opts.Name, `/\`) || opts.Name == "." || opts.Name == ".." {
		return nil, fmt.Errorf("zip: bad name %q", opts.Name)
	}
	tmp, done, err := build.TempDir(build.OfflinePattern)
	if err != nil {
		return nil, err
	}
	defer done()
	site := filepath.Join(tmp, "site")
	rep, err := build.Build(build.Options{Root: opts.Root, Out: site, Offline: true, Date: opts.Date, BaseURL: opts.BaseURL})
	if err != nil {
		return nil, err
	}
	index, html, err := searchindex.OnDisk(site)
	if err != nil {
		return nil, err
	}
	folder := opts.Name + "-offline"
	zipPath := filepath.Join(opts.Out, folder+".zip")
	files, size, err := WriteZip(site, zipPath, folder)
	if err != nil {
		return nil, err
	}
	return &Result{Path: zipPath, Folder: folder, Size: size, Files: files, Build: rep, IndexBytes: index, HTMLBytes: html}, nil
}

// WriteZip zips the files under dir into zipPath, each under folder/ (no
// folder prefix when folder is empty), deterministically and atomically. It
// returns the number of files and the size of the zip.
func WriteZip(dir, zipPath, folder string) (files int, size int64, err error) {
	var names []string
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() {
			rel, err := filepath.Rel(dir, p)
			if err != nil {
				return err
			}
			if rel != build.OutputMark { // the mark is for the next build, not the reader
				names = append(names, filepath.ToSlash(rel))
			}
		} else if !d.IsDir() {
			return fmt.Errorf("zip: %s is neither a file nor a folder", p)
		}
		return nil
	})
	if err != nil {
		return 0, 0, err
	}
	sort.Strings(names)

	if err := os.MkdirAll(filepath.Dir(zipPath), 0o755); err != nil {
		return 0, 0, err
	}
	if err := checkReplaceable(zipPath); err != nil {
		return 0, 0, err
	}
	tmp, err := os.CreateTemp(filepath.Dir(zipPath), "."+filepath.Base(zipPath)+".tmp-*")
	if err != nil {
		return 0, 0, err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	zw := zip.NewWriter(tmp)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(w, flate.BestCompression)
	})
	for _, name := range names {
		if err = addFile(zw, filepath.Join(dir, filepath.FromSlash(name)), path.Join(folder, name)); err != nil {
			return 0, 0, err
		}
	}
	if err = zw.SetComment(Comment); err != nil {
		return 0, 0, err
	}
	if err = zw.Close(); err != nil {
		return 0, 0, err
	}
	if err = tmp.Chmod(0o644); err != nil {
		return 0, 0, err
	}
	if err = tmp.Close(); err != nil {
		return 0, 0, err
	}
	fi, err := os.Stat(tmp.Name())
	if err != nil {
		return 0, 0, err
	}
	if err = os.Rename(tmp.Name(), zipPath); err != nil {
		return 0, 0, err
	}
	return len(names), fi.Size(), nil
}

// Comment is the comment of every archive Zip writes: it marks the file
// as Chronicle's, so that the next zip may replace it.
const Comment = "An offline chronicle written by `chronicle zip`."

// checkReplaceable says whether a zip may be written at path: nothing is
// there, or an archive Chronicle wrote (its Comment, or, from before the
// comment, an index.html and an entries.json at its top). Anything else is
// someone's file, and an error says so.
func checkReplaceable(path string) error {
	if _, err := os.Lstat(path); errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	zr, err := zip.OpenReader(path)
	if err == nil {
		defer zr.Close()
		if zr.Comment == Comment {
			return nil
		}
		top := map[string]bool{}
		for _, f := range zr.File {
			top[f.Name] = true
		}
		if top["index.html"] && top["entries.json"] {
			return nil
		}
	}
	return fmt.Errorf("zip: %s is there already and is not an archive Chronicle wrote: move it away, or choose another --out or --name", path)
}

// addFile adds one file with a fixed header: the same content gives the
// same bytes.
func addFile(zw *zip.Writer, src, name string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	h := &zip.FileHeader{Name: name, Method: zip.Deflate, Modified: ModTime}
	h.SetMode(0o644)
	w, err := zw.CreateHeader(h)
	if err != nil {
		return err
	}
	_, err = io.Copy(w, in)
	return err
}

// HumanSize writes a size in bytes for a person: "1.4 MB".
func HumanSize(n int64) string {
	switch {
	case n >= 1e6:
		return fmt.Sprintf("%.1f MB", float64(n)/1e6)
	case n >= 1e3:
		return fmt.Sprintf("%.0f kB", float64(n)/1e3)
	}
	return fmt.Sprintf("%d bytes", n)
}
