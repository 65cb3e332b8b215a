package main

import (
	"fmt"
	"os"

	"chronicle/generator/build"
	"chronicle/generator/fixity"
)

// runVerify checks a built site (a folder) or an offline zip against the
// manifest the build wrote in it, and names every file that changed, is
// missing or was added.
func runVerify(args []string) error {
	fs := newFlags("verify", "DIR|ZIP")
	if err := fs.Parse(args); err != nil || fs.NArg() != 1 {
		fs.Usage()
		return errUsage
	}
	p := fs.Arg(0)
	r, err := fixity.Verify(p, build.OutputMark)
	if err != nil {
		return err
	}
	for _, f := range r.Changed {
		fmt.Fprintf(os.Stdout, "changed: %s\n", f)
	}
	for _, f := range r.Missing {
		fmt.Fprintf(os.Stdout, "missing: %s\n", f)
	}
	for _, f := range r.Added {
		fmt.Fprintf(os.Stdout, "added: %s\n", f)
	}
	if !r.OK() {
		fmt.Fprintf(os.Stdout, "%s: %d changed, %d missing, %d added of %d files in %s\n", p, len(r.Changed), len(r.Missing), len(r.Added), r.Files, fixity.Manifest)
		return exitError{1}
	}
	fmt.Fprintf(os.Stdout, "%s: all %d files match %s\n", p, r.Files, fixity.Manifest)
	return nil
}
