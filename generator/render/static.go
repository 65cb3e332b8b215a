package render

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"chronicle/generator/halt"
)

// The static files: copied next to the rendered site, stylesheets and
// scripts left to the asset pipeline.

// IsAsset reports whether a file of the static folder is a stylesheet or a
// script: published only through Hugo's asset pipeline, fingerprinted.
func IsAsset(rel string) bool {
	ext := filepath.Ext(rel)
	return ext == ".css" || ext == ".js"
}

// copyStatic copies the files under src into dst, keeping the folder
// structure. Names starting with "." are skipped, and so are stylesheets
// and scripts (IsAsset): they are assets, which Hugo publishes under a
// fingerprinted name when a template uses them (resources.Get …
// | fingerprint), so that the site holds no unhashed copy nobody links
// to. A static file may not replace a file Hugo rendered.
func copyStatic(src, dst string) error {
	return filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("render: static: %w", err)
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return fmt.Errorf("render: static: %w", err)
		}
		if rel == "." {
			return nil
		}
		if strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.IsDir() && IsAsset(rel) {
			return nil
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			if err := halt.MkdirAll(target, 0o755); err != nil {
				return fmt.Errorf("render: static: %w", err)
			}
			return nil
		}
		if _, err := os.Lstat(target); err == nil {
			return fmt.Errorf("render: static file %s would replace the rendered %s", path, filepath.ToSlash(rel))
		}
		if err := copyFile(path, target); err != nil {
			return fmt.Errorf("render: static: %w", err)
		}
		return nil
	})
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// CountFiles counts the regular files under root, their bytes, and the
// bytes of the HTML pages among them.
func CountFiles(root string) (n int, size, html int64, err error) {
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.Type().IsRegular() {
			return nil
		}
		fi, err := d.Info()
		if err != nil {
			return err
		}
		n++
		size += fi.Size()
		if strings.HasSuffix(path, ".html") {
			html += fi.Size()
		}
		return nil
	})
	return n, size, html, err
}
