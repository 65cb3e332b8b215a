package build

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// longEntry is a BBC capture of one entry with n paragraphs and n photos
// (each photo is a block the entry page draws with a render hook).
func longEntry(n int) map[string]string {
	var b strings.Builder
	b.WriteString("  1. One very long entrypublished at 13:42 Greenwich Mean Time 17 February 2022\n\n")
	for i := range n {
		fmt.Fprintf(&b, "    Paragraph %d of a long entry about talks in Geneva.\n\n", i)
		fmt.Fprintf(&b, "    Soldiers at drills, picture %dImage source, Reuters\n    Image caption,\n\n    Soldiers at drills %d\n\n", i, i)
	}
	return map[string]string{
		"long.txt":  b.String(),
		"long.toml": "publisher = \"BBC News\"\npublisher_id = \"bbc\"\npage_date = \"2022-02-17\"\ntime_zone = \"Europe/London\"\nformat = \"bbc-live\"\n",
	}
}

// renderAlloc builds the long entry's project and returns what the render
// stage allocated.
func renderAlloc(t testing.TB, n int) uint64 {
	root := project(t, longEntry(n))
	r, err := Build(Options{Root: root, Out: filepath.Join(t.TempDir(), "public")})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range r.Stages {
		if s.Name == "render" {
			return s.Alloc
		}
	}
	t.Fatal("no render stage")
	return 0
}

// TestLongEntryRendersInLinearTime: the render's cost grows with an
// entry's blocks, not their square. Hugo expands shortcodes by copying the
// page once for each, so when blocks were shortcodes, four times the blocks
// allocated eleven times the memory (93 MB → 1,025 MB for 1,000 → 4,000
// photos); blocks and marks are now render hooks.
func TestLongEntryRendersInLinearTime(t *testing.T) {
	if testing.Short() {
		t.Skip("renders two long entries")
	}
	small, big := renderAlloc(t, 1000), renderAlloc(t, 4000)
	if ratio := float64(big) / float64(small); ratio > 6 {
		t.Errorf("4× the blocks allocated %.1f× the memory in the render (%d → %d bytes): not linear", ratio, small, big)
	}
}
