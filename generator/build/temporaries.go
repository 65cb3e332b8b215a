package build

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"chronicle/generator/halt"
)

// A build works in temporary folders: the work folder (the Markdown tree,
// Hugo's cache) in the system's temporary folder, and the staging folder of
// the new site beside the output, so that publishing it is a rename. Each
// holds a lock file that its build keeps locked while it runs; the system
// drops the lock when the process ends, however it ends (even by SIGKILL).
// So a folder of that name whose lock can be taken is a leftover of a build
// that did not finish, and the next build removes it (Sweep).

// Name patterns of the temporary folders.
const (
	workPattern    = "chronicle-work-*"
	keptPattern    = "chronicle-markdown-*" // a work folder kept by --keep, for the person who asked
	OfflinePattern = "chronicle-offline-*"  // the offline site that `chronicle zip` packs
	lockFileName   = ".chronicle-lock"
)

// TempDir makes a locked temporary folder in the system's temporary folder,
// whose name fits pattern (one of this file's patterns, so that Sweep knows
// it); done removes it. A signal that stops the process removes it too
// (RemoveTemporaries), and so does the next build if the process is killed.
func TempDir(pattern string) (dir string, done func(), err error) {
	return tempDir("", pattern, false)
}

// stagePattern is the pattern of the staging folders beside out.
func stagePattern(out string) string { return "." + filepath.Base(out) + "-new-*" }

// temporaries are this process's live temporary folders, for RemoveTemporaries.
var temporaries struct {
	sync.Mutex
	dirs map[string]func() // folder → its unlock
}

// tempDir makes a temporary folder in parent (the system's when empty),
// locks it, and tracks it until done is called, which removes it (unless
// keep) and unlocks it.
func tempDir(parent, pattern string, keep bool) (dir string, done func(), err error) {
	dir, err = os.MkdirTemp(parent, pattern)
	if err != nil {
		return "", nil, err
	}
	unlock, err := lockDir(dir)
	if err != nil {
		os.RemoveAll(dir)
		return "", nil, err
	}
	temporaries.Lock()
	if temporaries.dirs == nil {
		temporaries.dirs = map[string]func(){}
	}
	temporaries.dirs[dir] = unlock
	temporaries.Unlock()
	return dir, func() {
		temporaries.Lock()
		delete(temporaries.dirs, dir)
		temporaries.Unlock()
		if keep {
			os.Remove(filepath.Join(dir, lockFileName))
		} else {
			// Renamed first, so that a build killed while it removes the
			// folder (and its lock file) leaves one the next Sweep knows
			// for rubbish, however young.
			if trash := dir + trashSuffix; os.Rename(dir, trash) == nil {
				dir = trash
			}
			removeAll(dir)
		}
		unlock()
	}, nil
}

// RemoveTemporaries removes this process's temporary folders. The command
// calls it when a signal (SIGINT, SIGTERM) stops a build, just before it
// exits. It first closes the halt gate, so that the build, which goes on
// writing meanwhile, cannot make a removed folder again; a folder it still
// cannot remove is unlocked at exit, and the next build's Sweep removes it.
// It waits for a swap under way and lets no other begin, and it reports
// whether the build under way had already published its site: a signal
// that comes after the swap, before Build returns, is too late to keep the
// previous one.
func RemoveTemporaries() (published bool) {
	swapping.Lock() // never between the two renames of a swap: the old site is in the stage then; never unlocked, so no swap follows
	halt.Stop()
	temporaries.Lock()
	defer temporaries.Unlock()
	for dir, unlock := range temporaries.dirs {
		removeAll(dir)
		unlock()
		delete(temporaries.dirs, dir)
	}
	return swapping.published
}

// Sweep removes the leftovers of builds that did not finish: staging folders
// beside out and work folders in the system's temporary folder that no
// running build holds. A staging folder that holds the previous site while
// out is missing (a build stopped between the two renames of the fallback
// swap) is first put back as out. It returns what it did, for a message.
func Sweep(out string) ([]string, error) {
	var did []string
	var errs []error
	stages, _ := filepath.Glob(filepath.Join(filepath.Dir(out), stagePattern(out)))
	works, _ := filepath.Glob(filepath.Join(os.TempDir(), workPattern))
	offline, _ := filepath.Glob(filepath.Join(os.TempDir(), OfflinePattern))
	for _, dir := range append(append(stages, works...), offline...) {
		unlock, ok := lockStale(dir)
		if !ok {
			continue
		}
		old := filepath.Join(dir, "old")
		if _, err := os.Lstat(out); errors.Is(err, fs.ErrNotExist) && isMarked(old) {
			if err := os.Rename(old, out); err != nil {
				errs = append(errs, fmt.Errorf("could not put the previous site back from %s: %w", old, err))
				unlock()
				continue
			}
			did = append(did, fmt.Sprintf("put back the previous site %s from an interrupted build", out))
		}
		if err := removeAll(dir); err != nil {
			errs = append(errs, fmt.Errorf("could not remove %s, left by an interrupted build: %w", dir, err))
		} else {
			did = append(did, "removed "+dir+", left by an interrupted build")
		}
		unlock()
	}
	return did, errors.Join(errs...)
}

// trashSuffix marks a temporary folder that its build has finished with and
// is removing (its name still fits its pattern, so Sweep finds it).
const trashSuffix = ".trash"

// lockStale locks dir when no running build holds it. A folder without a
// lock file is taken as stale only when it is older than a minute (its
// build may have made it an instant ago and be about to lock it), or when
// its build was removing it (trashSuffix).
func lockStale(dir string) (unlock func(), ok bool) {
	info, err := os.Lstat(dir)
	if err != nil || !info.IsDir() {
		return nil, false
	}
	if _, err := os.Lstat(filepath.Join(dir, lockFileName)); errors.Is(err, fs.ErrNotExist) {
		if !strings.HasSuffix(dir, trashSuffix) && time.Since(info.ModTime()) < time.Minute {
			return nil, false
		}
		return func() {}, true
	}
	unlock, err = lockDir(dir)
	return unlock, err == nil
}

// isMarked reports whether dir is a published site (it holds OutputMark).
func isMarked(dir string) bool {
	_, err := os.Stat(filepath.Join(dir, OutputMark))
	return err == nil
}

// removeAll removes dir and everything under it, making read-only folders
// in it writable first (a site Chronicle made may have had its permissions
// changed since), and trying again while a writer still adds files to the
// folders that are left.
func removeAll(dir string) error {
	var err error
	for range 20 {
		if err = os.RemoveAll(dir); err == nil {
			return nil
		}
		filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err == nil && d.IsDir() {
				os.Chmod(p, 0o755)
			}
			return nil
		})
	}
	return err
}

// publish moves the new site into place at out, as one atomic step where
// the system allows it (see swap). The previous site, if any, is removed
// afterwards; when that fails, the new site is published all the same and
// the returned warning says what is left and that the next build removes
// it.
func publish(out, site, stage string) (warning string, err error) {
	if err := markOutput(site); err != nil {
		return "", err
	}
	if _, err := os.Lstat(out); errors.Is(err, fs.ErrNotExist) {
		return "", putInPlace(func() error { return os.Rename(site, out) })
	}
	var old string
	if err := putInPlace(func() (err error) {
		old, err = swap(site, out, filepath.Join(stage, "old"))
		return err
	}); err != nil {
		return "", fmt.Errorf("publishing the new site to %s: %w (the previous site is unchanged)", out, err)
	}
	faultPoint("after-swap")
	if err := removeOld(old); err != nil {
		return fmt.Sprintf("the previous site could not be removed (%v); the next build removes it", shortErr(err)), nil
	}
	return "", nil
}

// putInPlace runs put, the rename or swap that publishes the site, under
// swapping, and records whether it did.
func putInPlace(put func() error) error {
	swapping.Lock()
	defer swapping.Unlock()
	err := put()
	swapping.published = err == nil
	return err
}

// swapping is held while the site is swapped in, so that a signal's
// RemoveTemporaries waits for the swap to end; published says the build
// under way has put its site in place.
var swapping struct {
	sync.Mutex
	published bool
}

// endPublished ends a build: what a signal stops after it (serve waiting,
// its next build, the zip being packed) is not the site it published.
func endPublished() {
	swapping.Lock()
	swapping.published = false
	swapping.Unlock()
}

// removeOld removes the previous site after the swap; a test replaces it.
var removeOld = removeAll

// shortErr is an error's message without the path it repeats.
func shortErr(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Op + ": " + pe.Err.Error()
	}
	return err.Error()
}

// swapTwoSteps does what swap does with two renames, where the system has
// no atomic exchange: out is renamed to old (inside the locked staging
// folder), then site to out. A build stopped between the two leaves no out;
// the next build's Sweep puts old back.
func swapTwoSteps(site, out, old string) (string, error) {
	if err := os.Rename(out, old); err != nil {
		return "", err
	}
	faultPoint("between-renames")
	if err := os.Rename(site, out); err != nil {
		if rerr := os.Rename(old, out); rerr != nil {
			return "", fmt.Errorf("%w; the previous site is at %s", err, old)
		}
		return "", err
	}
	return old, nil
}

// trimSlash drops a trailing separator, which would make Dir and Base of
// the output folder name the folder itself.
func trimSlash(p string) string {
	for len(p) > 1 && strings.HasSuffix(p, string(filepath.Separator)) {
		p = p[:len(p)-1]
	}
	return p
}
