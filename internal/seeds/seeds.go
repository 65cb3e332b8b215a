// Package seeds gives tests the repository's own seed captures
// (content/sources), imported as a build imports them.
package seeds

import (
	"path/filepath"
	"testing"

	"chronicle/generator/importer"
)

// Import imports the seed captures of the repository at root; an error or
// a problem of the import's fails the test.
func Import(t testing.TB, root string) *importer.Result {
	t.Helper()
	res, err := importer.Import([]string{filepath.Join(root, "content", "sources")}, importer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := res.Err(); err != nil {
		t.Fatal(err)
	}
	return res
}
