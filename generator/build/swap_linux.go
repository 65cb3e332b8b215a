package build

import (
	"errors"

	"golang.org/x/sys/unix"
)

// swap exchanges site and out in one step (Linux renameat2 with
// RENAME_EXCHANGE): there is no moment at which out is missing or half
// there. The previous site is then at site's path, which swap returns. On a
// file system without the exchange it falls back to swapTwoSteps.
func swap(site, out, old string) (string, error) {
	if forceTwoSteps {
		return swapTwoSteps(site, out, old)
	}
	err := unix.Renameat2(unix.AT_FDCWD, site, unix.AT_FDCWD, out, unix.RENAME_EXCHANGE)
	if errors.Is(err, unix.ENOSYS) || errors.Is(err, unix.EINVAL) || errors.Is(err, unix.ENOTSUP) {
		return swapTwoSteps(site, out, old)
	}
	if err != nil {
		return "", err
	}
	return site, nil
}
