// Package minify shrinks a built site folder in place with tdewolff/minify v2.
//
// Files are chosen by extension (case-insensitive):
//
//	.html .htm      HTML, keeping <!doctype html>, the html/head/body tags,
//	                end tags and attribute quotes, so that the output stays
//	                valid for the Nu HTML Checker and easy to assert on;
//	                whitespace inside <pre> and <textarea> is kept; inline
//	                <style>, <script> (JavaScript) and
//	                <script type="application/ld+json"> are minified as CSS,
//	                JS and JSON
//	.css            CSS
//	.js .mjs        JavaScript
//	.json .jsonld   JSON (feed.json, data exports); numbers are written as
//	                they were (no 1000000 → 1e6), so typed decoders keep working
//	.svg            SVG
//	.xml            XML (RSS, sitemap)
//
// Other files are left alone. A file whose minified form would not be smaller
// is left as it was. Every file is replaced atomically (write a temporary file
// in the same folder, then rename), and files are processed in parallel by
// runtime.GOMAXPROCS(0) workers. Minification is lossless and deterministic:
// the same input gives the same bytes.
package minify

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	tdminify "github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/minify/v2/xml"
)

// Stats reports what Dir did.
type Stats struct {
	// Files is the number of files with a minifiable extension that were
	// read, whether or not they got smaller.
	Files int
	// Before is the total size of those files before minifying, After the
	// total size afterwards (a file left as it was counts the same in both).
	Before, After int64
}

// mediaTypes maps a lower-case file extension to the media type minified.
var mediaTypes = map[string]string{
	".html":   "text/html",
	".htm":    "text/html",
	".css":    "text/css",
	".js":     "application/javascript",
	".mjs":    "application/javascript",
	".json":   "application/json",
	".jsonld": "application/ld+json",
	".svg":    "image/svg+xml",
	".xml":    "text/xml",
}

// newMinifier returns the configured tdewolff minifier. M is safe for
// concurrent use once set up.
func newMinifier() *tdminify.M {
	m := tdminify.New()
	m.Add("text/html", &html.Minifier{
		KeepDocumentTags: true,
		KeepEndTags:      true,
		KeepQuotes:       true,
	})
	m.Add("text/css", &css.Minifier{})
	m.Add("image/svg+xml", &svg.Minifier{})
	m.AddRegexp(regexp.MustCompile(`^(application|text)/(x-)?(java|ecma)script$|^module$`), &js.Minifier{})
	m.AddRegexp(regexp.MustCompile(`[/+]json$`), &json.Minifier{KeepNumbers: true})
	m.AddRegexp(regexp.MustCompile(`[/+]xml$`), &xml.Minifier{})
	return m
}

// Dir minifies the files under root in place, atomically per file, and
// reports how many files it read and their sizes before and after. Errors name
// the file; when some files fail, the others are still minified and all the
// errors are returned, in path order.
func Dir(root string) (Stats, error) { return dir(root, replaceFile) }

// Staging minifies like Dir, but rewrites each file in place rather than
// through a temporary file and a rename: half the file operations, for a
// folder that no one reads until it is complete (a build's staging folder,
// which is moved into place only when every stage succeeded). A failure can
// leave a file half written; the caller throws the folder away then. Files
// with one of the extensions skip (".html") are left alone: they were
// minified already.
func Staging(root string, skip ...string) (Stats, error) { return dir(root, overwriteFile, skip...) }

func dir(root string, write func(path string, data []byte) error, skip ...string) (Stats, error) {
	var files []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("minify: %w", err)
		}
		if d.Type().IsRegular() {
			ext := strings.ToLower(filepath.Ext(path))
			if _, ok := mediaTypes[ext]; ok && !slices.Contains(skip, ext) {
				files = append(files, path)
			}
		}
		return nil
	})
	if err != nil {
		return Stats{}, err
	}

	m := newMinifier()
	type result struct {
		before, after int64
		err           error
	}
	results := make([]result, len(files))
	var next atomic.Int64
	var wg sync.WaitGroup
	// More workers than cores: much of a file's time is waiting for the
	// file system.
	workers := min(2*runtime.GOMAXPROCS(0)+2, len(files))
	for range workers {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= len(files) {
					return
				}
				r := &results[i]
				r.before, r.after, r.err = minifyFile(m, files[i], write)
			}
		})
	}
	wg.Wait()

	var st Stats
	var errs []error
	for _, r := range results {
		if r.err != nil {
			errs = append(errs, r.err)
			continue
		}
		st.Files++
		st.Before += r.before
		st.After += r.after
	}
	return st, errors.Join(errs...)
}

// minifyFile minifies one file in place and returns its size before and after.
func minifyFile(m *tdminify.M, path string, write func(path string, data []byte) error) (before, after int64, err error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return 0, 0, fmt.Errorf("minify: %w", err)
	}
	before = int64(len(src))
	mediaType := mediaTypes[strings.ToLower(filepath.Ext(path))]
	out, err := m.Bytes(mediaType, src)
	if err != nil {
		return 0, 0, fmt.Errorf("minify %s: %w", path, err)
	}
	if len(out) >= len(src) {
		return before, before, nil
	}
	if err := write(path, out); err != nil {
		return 0, 0, fmt.Errorf("minify %s: %w", path, err)
	}
	return before, int64(len(out)), nil
}

// overwriteFile truncates the file at path and writes data into it: its
// permissions stay as they were.
func overwriteFile(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_TRUNC, 0)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// replaceFile writes data to a temporary file next to path, with path's
// permissions, and renames it over path.
func replaceFile(path string, data []byte) error {
	fi, err := os.Stat(path)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".minify-*")
	if err != nil {
		return err
	}
	name := tmp.Name()
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		os.Remove(name)
		return err
	}
	if err := tmp.Chmod(fi.Mode().Perm()); err != nil {
		tmp.Close()
		os.Remove(name)
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(name)
		return err
	}
	if err := os.Rename(name, path); err != nil {
		os.Remove(name)
		return err
	}
	return nil
}
