package render

import (
	"fmt"
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/afero"
)

// Batch is a part of a site that Hugo can render on its own: the pages it
// renders, and stubs of the pages their templates look up. A stub is a
// page's file cut down to what other pages read of it (its title, its date,
// a few fields), with Hugo's build option render = "link": Hugo knows the
// page and its address but does not render it. A site of 100,000 entries
// rendered as one Hugo site holds every page's front matter and content at
// once, and its memory (and the time Go's collector spends on it) grows
// faster than the site; in batches (of days with about 5,000 entries, in
// the build) each Hugo build holds one batch.
//
// Paths are relative to the content folder (ContentDir) and the stub folder
// (StubDir), with forward slashes: "entries/<id>.md".
type Batch struct {
	Pages []string // rendered: read from ContentDir
	Stubs []string // looked up: read from StubDir
}

// BatchStats is what one batch of a render took.
type BatchStats struct {
	Pages, Stubs int
	Duration     time.Duration
}

// renderBatches renders opts.Batches one after the other into
// opts.PublishDir, and returns the number of pages of the last, which holds
// the whole site. Each batch is a Hugo build of its own content: a file
// system in memory with its pages and stubs under ContentDir.
func renderBatches(opts Options) (int, []BatchStats, error) {
	src := opts.ContentFs
	if src == nil {
		src = afero.NewOsFs()
	}
	pages := 0
	var stats []BatchStats
	for i, b := range opts.Batches {
		start := time.Now()
		fsys, err := batchFs(src, opts.ContentDir, opts.StubDir, b)
		if err != nil {
			return 0, nil, fmt.Errorf("render: batch %d of %d: %w", i+1, len(opts.Batches), err)
		}
		one := opts
		one.ContentFs, one.Batches = fsys, nil
		if pages, err = hugoBuild(one); err != nil {
			return 0, nil, err
		}
		stats = append(stats, BatchStats{Pages: len(b.Pages), Stubs: len(b.Stubs), Duration: time.Since(start)})
	}
	return pages, stats, nil
}

// batchFs makes the content folder of one batch: its pages, read from
// contentDir, and its stubs, read from stubDir, both in src, under
// contentDir in a new in-memory file system.
func batchFs(src afero.Fs, contentDir, stubDir string, b Batch) (afero.Fs, error) {
	fsys := afero.NewMemMapFs()
	if err := fsys.MkdirAll(contentDir, 0o755); err != nil {
		return nil, err
	}
	add := func(from, rel string) error {
		if rel == "" || path.IsAbs(rel) || path.Clean(rel) != rel || strings.HasPrefix(rel, "../") {
			return fmt.Errorf("%q is not a clean relative path", rel)
		}
		data, err := afero.ReadFile(src, filepath.Join(from, filepath.FromSlash(rel)))
		if err != nil {
			return err
		}
		to := filepath.Join(contentDir, filepath.FromSlash(rel))
		if err := fsys.MkdirAll(filepath.Dir(to), 0o755); err != nil {
			return err
		}
		return afero.WriteFile(fsys, to, data, 0o644)
	}
	for _, p := range b.Pages {
		if err := add(contentDir, p); err != nil {
			return nil, err
		}
	}
	if len(b.Stubs) > 0 && stubDir == "" {
		return nil, fmt.Errorf("stubs named but StubDir is not set")
	}
	for _, p := range b.Stubs {
		if err := add(stubDir, p); err != nil {
			return nil, err
		}
	}
	return fsys, nil
}
