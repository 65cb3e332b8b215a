//go:build !unix

package build

import (
	"os"
	"path/filepath"
)

// lockDir writes the lock file of a temporary folder. Without flock, a
// leftover is recognised by its age alone (see lockStale).
func lockDir(dir string) (unlock func(), err error) {
	f, err := os.OpenFile(filepath.Join(dir, lockFileName), os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return nil, err
	}
	return func() { f.Close() }, nil
}
