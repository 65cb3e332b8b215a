// Package halt is the gate a stopping build closes before it removes its
// temporary folders. Every folder the build makes under them is made
// through this package (MkdirAll, or Fs for Hugo's writes); once Stop has
// returned, no folder is made any more. So a folder that the signal handler
// removes stays removed: a writer still running can no longer make it again
// with the folders above it, and a file can only be created in a folder that
// still exists.
package halt

import (
	"errors"
	"os"
	"sync"

	"github.com/spf13/afero"
)

// ErrStopped is what a folder-making call returns once the build is stopping.
var ErrStopped = errors.New("the build is stopping")

var gate struct {
	sync.RWMutex
	stopped bool
	once    sync.Once
}

// closed is closed when the gate is.
var closed = make(chan struct{})

// Stop closes the gate. It returns when no folder is being made any more;
// from then on MkdirAll and Fs refuse to make one.
func Stop() {
	gate.Lock()
	gate.stopped = true
	gate.Unlock()
	gate.once.Do(func() { close(closed) })
}

// Wait returns once the gate is closed: for a test that stops the build
// and must go on only when the stopping has begun.
func Wait() { <-closed }

// open runs make unless the gate is closed, holding the gate open meanwhile.
func open(make func() error) error {
	gate.RLock()
	defer gate.RUnlock()
	if gate.stopped {
		return ErrStopped
	}
	return make()
}

// MkdirAll is os.MkdirAll while the build is not stopping.
func MkdirAll(path string, perm os.FileMode) error {
	return open(func() error { return os.MkdirAll(path, perm) })
}

// Fs is a file system that makes no folder once the build is stopping; the
// render gives it to Hugo.
type Fs struct{ afero.Fs }

// Mkdir is the wrapped Mkdir while the build is not stopping.
func (f Fs) Mkdir(name string, perm os.FileMode) error {
	return open(func() error { return f.Fs.Mkdir(name, perm) })
}

// MkdirAll is the wrapped MkdirAll while the build is not stopping.
func (f Fs) MkdirAll(path string, perm os.FileMode) error {
	return open(func() error { return f.Fs.MkdirAll(path, perm) })
}
