package render

import (
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/afero"
)

// routeFs is a file system that serves the folder dir, and everything
// under it, from one file system (the in-memory content) and every other
// path from another (the disk). Unlike afero's union file systems, its files
// are those of the file system they come from, so they keep the methods
// Hugo needs (fs.ReadDirFile).
type routeFs struct {
	dir   string // absolute and clean
	under afero.Fs
	other afero.Fs
}

func newRouteFs(dir string, under, other afero.Fs) afero.Fs {
	return &routeFs{dir: filepath.Clean(dir), under: under, other: other}
}

// pick returns the file system that holds name.
func (r *routeFs) pick(name string) afero.Fs {
	name = filepath.Clean(name)
	if name == r.dir || strings.HasPrefix(name, r.dir+string(filepath.Separator)) {
		return r.under
	}
	return r.other
}

func (r *routeFs) Name() string                           { return "routeFs" }
func (r *routeFs) Create(name string) (afero.File, error) { return r.pick(name).Create(name) }
func (r *routeFs) Mkdir(name string, perm os.FileMode) error {
	return r.pick(name).Mkdir(name, perm)
}
func (r *routeFs) MkdirAll(path string, perm os.FileMode) error {
	return r.pick(path).MkdirAll(path, perm)
}
func (r *routeFs) Open(name string) (afero.File, error) { return r.pick(name).Open(name) }
func (r *routeFs) OpenFile(name string, flag int, perm os.FileMode) (afero.File, error) {
	return r.pick(name).OpenFile(name, flag, perm)
}
func (r *routeFs) Remove(name string) error              { return r.pick(name).Remove(name) }
func (r *routeFs) RemoveAll(path string) error           { return r.pick(path).RemoveAll(path) }
func (r *routeFs) Stat(name string) (os.FileInfo, error) { return r.pick(name).Stat(name) }
func (r *routeFs) Chmod(name string, mode os.FileMode) error {
	return r.pick(name).Chmod(name, mode)
}
func (r *routeFs) Chown(name string, uid, gid int) error {
	return r.pick(name).Chown(name, uid, gid)
}
func (r *routeFs) Chtimes(name string, atime, mtime time.Time) error {
	return r.pick(name).Chtimes(name, atime, mtime)
}

// Rename moves a file within one of the two file systems.
func (r *routeFs) Rename(oldname, newname string) error {
	from, to := r.pick(oldname), r.pick(newname)
	if from != to {
		return &os.LinkError{Op: "rename", Old: oldname, New: newname, Err: os.ErrInvalid}
	}
	return from.Rename(oldname, newname)
}
