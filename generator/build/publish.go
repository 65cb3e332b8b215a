package build

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// OutputMark is the file at the top of every site a build publishes. A build
// replaces a folder only when it holds this file (an earlier build's output)
// or nothing at all: never a folder of someone else's files.
const OutputMark = ".chronicle-site"

// markText is what OutputMark holds, for a person who finds it.
const markText = "This folder was written by `chronicle build`; the next build replaces it whole.\n"

// ProtectedDirs are the folders of a project that a build must never replace,
// hold its output in, or replace a folder above: the project itself, its
// content (or the content folder given), templates and static files.
func ProtectedDirs(o Options) []Protected {
	o = withDefaults(o)
	return []Protected{{o.Root, "the project folder"}, {o.Content, "the content folder"},
		{TemplatesDir(o.Root), "the templates folder"}, {StaticDir(o.Root), "the static files folder"}}
}

// Protected is a folder a build must not replace, and what it is.
type Protected struct {
	Path, What string
}

// CheckOut says whether a build may publish to out: out must not be, hold or
// lie inside a protected folder (ProtectedDirs; out may lie inside the
// project itself, as public/ does), and must be missing, an empty folder, or
// an earlier build's output (it holds OutputMark). Anything else is an error
// that says what is there and how to proceed; nothing is changed.
func CheckOut(out string, protected []Protected) error {
	abs, err := realPath(out)
	if err != nil {
		return err
	}
	for i, p := range protected {
		pa, err := realPath(p.Path)
		if err != nil {
			return err
		}
		if within(pa, abs) {
			how := "is"
			if pa != abs {
				how = "holds"
			}
			return fmt.Errorf("--out %s %s %s (%s): a build would replace it with the site; choose a folder of its own for the site (the default is public/)", out, how, p.What, p.Path)
		}
		if i > 0 && within(abs, pa) {
			return fmt.Errorf("--out %s is inside %s (%s): choose a folder of its own for the site (the default is public/)", out, p.What, p.Path)
		}
	}
	info, err := os.Lstat(out)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	switch {
	case info.Mode()&fs.ModeSymlink != 0:
		return fmt.Errorf("--out %s is a symbolic link: a build replaces only a folder it made; name the folder itself, or another one", out)
	case !info.IsDir():
		return fmt.Errorf("--out %s is a file, not a folder: a build would replace it with the site; move it away or choose another --out", out)
	}
	if isMarked(out) || isLegacyOutput(out) {
		return nil
	}
	names, err := dirNames(out, 4)
	if err != nil {
		return err
	}
	if len(names) == 0 {
		return nil
	}
	more := ""
	if len(names) > 3 {
		names, more = names[:3], ", …"
	}
	return fmt.Errorf("--out %s holds files Chronicle did not make (%s%s): a build replaces only an empty folder or its own earlier output (one with a %s file); choose another --out, or move those files away", out, strings.Join(names, ", "), more, OutputMark)
}

// legacyFiles are what every site built before OutputMark existed holds at
// its top: such a folder is taken for an earlier output, so that upgrading
// Chronicle does not make the archivist delete public/ by hand.
var legacyFiles = []string{"index.html", "entries.json", "entries.csv", "captures/", "search/"}

// isLegacyOutput reports whether dir holds every one of legacyFiles.
func isLegacyOutput(dir string) bool {
	for _, name := range legacyFiles {
		info, err := os.Stat(filepath.Join(dir, name))
		if err != nil || info.IsDir() != strings.HasSuffix(name, "/") {
			return false
		}
	}
	return true
}

// realPath is path made absolute, with the symbolic links of the part that
// exists resolved, so that two names of one folder compare equal.
func realPath(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	rest := ""
	for p := abs; ; p = filepath.Dir(p) {
		if r, err := filepath.EvalSymlinks(p); err == nil {
			return filepath.Join(r, rest), nil
		}
		if filepath.Dir(p) == p {
			return abs, nil
		}
		rest = filepath.Join(filepath.Base(p), rest)
	}
}

// within reports whether path is dir or lies inside it.
func within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// dirNames lists up to n names in dir, sorted, folders with a slash.
func dirNames(dir string, n int) ([]string, error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	es, err := f.ReadDir(n)
	if err != nil && len(es) == 0 && !errors.Is(err, io.EOF) {
		return nil, err
	}
	var names []string
	for _, e := range es {
		name := e.Name()
		if e.IsDir() {
			name += "/"
		}
		names = append(names, name)
	}
	sort.Strings(names)
	return names, nil
}

// markOutput writes OutputMark into a site about to be published.
func markOutput(site string) error {
	return os.WriteFile(filepath.Join(site, OutputMark), []byte(markText), 0o644)
}
