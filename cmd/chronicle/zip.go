package main

import (
	"fmt"
	"os"
	"path/filepath"

	"chronicle/generator/bundle"
)

// runZip builds the site for reading from disk and packs it into
// dist/<name>-offline.zip.
func runZip(args []string) error {
	fs := newFlags("zip", "[--out dist] [--name chronicle] [--base-url URL] [--root DIR]")
	o := bundle.Options{}
	rootFlag(fs, &o.Root)
	fs.StringVar(&o.Out, "out", "", "folder to write the zip to (default ROOT/dist)")
	fs.StringVar(&o.Name, "name", bundle.DefaultName, "the archive is NAME-offline.zip")
	baseURLFlag(fs, &o.BaseURL)
	dateFlag(fs, &o.Date)
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
		return errUsage
	}
	r, err := bundle.Zip(o)
	if err != nil {
		return err
	}
	b := r.Build
	fmt.Printf("built the offline site: %d entries, %d HTML pages (%s), search index %s in %d files (%.1f%% of the HTML)\n",
		b.Entries, b.Pages, bundle.HumanSize(r.HTMLBytes), bundle.HumanSize(r.IndexBytes), b.Search.Files,
		100*float64(r.IndexBytes)/float64(max(r.HTMLBytes, 1)))
	fmt.Printf("wrote %s: %d bytes (%s), %d files\n", filepath.ToSlash(r.Path), r.Size, bundle.HumanSize(r.Size), r.Files)
	fmt.Fprintf(os.Stdout, "to read it: unzip it and open %s/index.html in a browser\n", r.Folder)
	return nil
}
