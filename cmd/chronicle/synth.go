package main

import (
	"fmt"
	"path/filepath"
	"time"

	"chronicle/generator/build"
	"chronicle/generator/synth"
)

func runSynth(args []string) error {
	fs := newFlags("synth", "--entries N --seed S --out DIR [--root DIR]")
	o := synth.Options{}
	fs.IntVar(&o.Entries, "entries", 1000, "number of entries to write")
	fs.Uint64Var(&o.Seed, "seed", 1, "seed: the same entries and seed give the same bytes")
	out := fs.String("out", "", "folder to write DIR/content/sources and DIR/content/annotations into (must not hold content yet)")
	root := fs.String("root", ".", "project folder whose content/annotations the corpus uses")
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	if *out == "" || fs.NArg() > 0 {
		fs.Usage()
		return errUsage
	}
	o.Annotations = build.AnnotationsDir(*root)
	start := time.Now()
	st, err := synth.Write(*out, o)
	if err != nil {
		return err
	}
	fmt.Printf("wrote %d entries in %d captures over %d days, %d notes, %.1f MB of captures, into %s in %.2fs\n",
		st.Entries, st.Captures, st.Days, st.Notes, float64(st.Bytes)/1e6, filepath.Join(*out, "content"), time.Since(start).Seconds())
	fmt.Printf("build it with: chronicle build --content %s\n", filepath.Join(*out, "content"))
	return nil
}
