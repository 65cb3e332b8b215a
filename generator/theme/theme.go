// Package theme lays out the templates and static files of a build:
// Chronicle's own theme, from inside the binary, with the chronicle's own
// templates/ and static/ put over it, so that a file of the chronicle's at
// the same path replaces the theme's, as a Hugo site overrides its theme.
package theme

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"chronicle/generator/halt"
)

// Folders of a theme, in the theme's file system and in a chronicle.
const (
	Templates = "templates"
	Static    = "static"
)

// Dirs are the folders Write made.
type Dirs struct {
	Templates, Static string
}

// Write writes base's templates/ and static/ under dir, then the files of
// the chronicle at root under the same folders, which replace base's of the
// same path. Names that start with "." are left out, as Hugo would.
func Write(dir string, base fs.FS, root string) (Dirs, error) {
	d := Dirs{Templates: filepath.Join(dir, Templates), Static: filepath.Join(dir, Static)}
	for _, top := range []string{Templates, Static} {
		target := filepath.Join(dir, top)
		if err := halt.MkdirAll(target, 0o755); err != nil {
			return d, err
		}
		if sub, err := fs.Sub(base, top); err == nil {
			if err := copyTree(sub, target); err != nil {
				return d, err
			}
		}
		own := filepath.Join(root, top)
		if info, err := os.Stat(own); err == nil && info.IsDir() {
			if err := copyTree(os.DirFS(own), target); err != nil {
				return d, err
			}
		}
	}
	return d, nil
}

// copyTree copies the files of src into dst, replacing those there.
func copyTree(src fs.FS, dst string) error {
	return fs.WalkDir(src, ".", func(path string, d fs.DirEntry, err error) error {
		if errors.Is(err, fs.ErrNotExist) && path == "." {
			return fs.SkipDir
		}
		if err != nil {
			return err
		}
		if path != "." && d.Name()[0] == '.' {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		target := filepath.Join(dst, filepath.FromSlash(path))
		if d.IsDir() {
			return halt.MkdirAll(target, 0o755)
		}
		if !d.Type().IsRegular() && d.Type()&fs.ModeSymlink == 0 {
			return nil
		}
		return copyFile(src, path, target)
	})
}

// copyFile copies one small file of src (a template, a stylesheet) to target.
func copyFile(src fs.FS, path, target string) error {
	data, err := fs.ReadFile(src, path)
	if err != nil {
		return err
	}
	return os.WriteFile(target, data, 0o644)
}
