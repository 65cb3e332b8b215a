//go:build !linux

package build

// swap puts site at out with two renames (swapTwoSteps): this system has no
// atomic exchange of two names.
func swap(site, out, old string) (string, error) {
	return swapTwoSteps(site, out, old)
}
