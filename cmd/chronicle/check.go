package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"chronicle/generator/build"
	"chronicle/generator/export"
	"chronicle/generator/importer"
	"chronicle/generator/importer/capture"
	"chronicle/generator/sitefile"
)

// newFlags makes a FlagSet that prints its usage to standard error.
func newFlags(name, args string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.Usage = func() {
		fmt.Fprintf(os.Stderr, "usage: chronicle %s %s\n", name, args)
		fs.PrintDefaults()
	}
	return fs
}

// rootFlag declares --root, the chronicle's folder.
func rootFlag(fs *flag.FlagSet, root *string) {
	fs.StringVar(root, "root", ".", "project folder (holds content/, templates/, static/)")
}

// dateFlag declares --date, the page date of captures that give none.
func dateFlag(fs *flag.FlagSet, date *string) {
	fs.StringVar(date, "date", "", "page date (YYYY-MM-DD) for captures whose sidecar gives none")
}

// baseURLFlag declares --base-url, the public site's address.
func baseURLFlag(fs *flag.FlagSet, u *string) {
	fs.StringVar(u, "base-url", "", "the public site's `address` (default: base_url in chronicle.toml, else Netlify's URL)")
}

// importing is what check and export read: the captures named on the
// command line, or the project's.
type importing struct{ root, date string }

// flags declares --root and --date.
func (im *importing) flags(fs *flag.FlagSet) {
	rootFlag(fs, &im.root)
	dateFlag(fs, &im.date)
}

// run imports the captures once fs is parsed.
func (im *importing) run(fs *flag.FlagSet) (*importer.Result, error) {
	return importer.Import(sourcePaths(fs, im.root), importer.Options{Date: im.date, Formats: build.FormatsDir(im.root)})
}

// sourcePaths returns the capture paths named on the command line, or the
// project's content/sources.
func sourcePaths(fs *flag.FlagSet, root string) []string {
	if fs.NArg() > 0 {
		return fs.Args()
	}
	return []string{sourcesDir(root)}
}

func runCheck(args []string) error {
	fs := newFlags("check", "[--strict] [--explain] [--date YYYY-MM-DD] [--root DIR] [paths…]")
	strict := fs.Bool("strict", false, "fail on warnings too")
	quiet := fs.Bool("quiet", false, "do not print notices")
	explain := fs.Bool("explain", false, "also print, for each line of the captures named, where it went (entry and field, page, boilerplate)")
	var im importing
	im.flags(fs)
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	if *explain && fs.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "chronicle check: --explain takes the captures to explain: chronicle check --explain content/sources/NAME.txt")
		return errUsage
	}
	res, err := im.run(fs)
	if err != nil {
		return err
	}
	if *explain {
		for _, p := range fs.Args() {
			if !importer.Explain(os.Stdout, res, filepath.Base(p)) {
				fmt.Fprintf(os.Stdout, "%s: not read (see the problems below)\n", p)
			}
		}
	}
	problems := append(res.Problems, importer.CheckProvenance(res.Captures)...)
	if fs.NArg() == 0 {
		problems = append(problems, checkAnnotations(im.root, res)...)
	}
	return reportCheck(os.Stdout, res, problems, *strict, *quiet)
}

// reportCheck prints each problem and a summary, and says how check exits.
func reportCheck(w io.Writer, res *importer.Result, problems []capture.Problem, strict, quiet bool) error {
	counts := map[capture.Severity]int{}
	for _, p := range problems {
		counts[p.Severity]++
		if p.Severity == capture.Notice && quiet {
			continue
		}
		fmt.Fprintln(w, p.String())
	}
	fmt.Fprintf(w, "%d captures, %d entries: %d errors, %d warnings, %d notices\n",
		len(res.Captures), len(res.Entries), counts[capture.Error], counts[capture.Warning], counts[capture.Notice])
	if counts[capture.Error] > 0 || (strict && counts[capture.Warning] > 0) {
		return exitError{1}
	}
	return nil
}

func runExport(args []string) error {
	fs := newFlags("export", "--format json|csv|csl [--base-url URL] [--date YYYY-MM-DD] [--root DIR] [paths…]")
	format := fs.String("format", "json", "json, csv or csl (CSL-JSON, for reference managers)")
	baseURL := fs.String("base-url", "", "the site's public address, for each entry's address (default: the site file's base_url)")
	var im importing
	im.flags(fs)
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	res, err := im.run(fs)
	if err != nil {
		return err
	}
	if err := res.Err(); err != nil {
		return err
	}
	entries := res.Entries
	if fs.NArg() == 0 {
		if entries, err = annotateForExport(im.root, res); err != nil {
			return err
		}
	}
	site, err := sitefile.Load(im.root)
	if err != nil {
		return err
	}
	base, _, err := site.Address(*baseURL, os.Getenv)
	if err != nil {
		return err
	}
	ds := build.DatasetOf(site.Title, base, build.CiteDay(os.Getenv))
	ds.Entries, ds.Captures = entries, res.Captures
	return export.Write(os.Stdout, *format, ds)
}
