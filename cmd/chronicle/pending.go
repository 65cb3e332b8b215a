package main

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime/pprof"
	"strings"

	"chronicle/generator/annotate"
	"chronicle/generator/build"
	"chronicle/generator/diag"
	"chronicle/generator/entry"
	"chronicle/generator/importer"
	"chronicle/generator/importer/capture"
	"chronicle/generator/pages"
)

func sourcesDir(root string) string { return build.SourcesDir(root) }

// checkAnnotations loads and checks the annotations against the imported
// entries, and lists names the people registry lacks.
func checkAnnotations(root string, res *importer.Result) []capture.Problem {
	var problems []capture.Problem
	reg, err := annotate.LoadRegistry(build.AnnotationsDir(root))
	var c *entry.Chronicle
	if err == nil {
		c, err = annotate.Annotate(res.Captures, res.Entries, reg)
	}
	if err != nil {
		// The loader's and annotate's errors are problems (diag), joined.
		return diag.Collect(err, build.AnnotationsDir(root))
	}
	for _, c := range annotate.Candidates(res.Entries, reg.People, reg.Terms) {
		problems = append(problems, capture.Problem{File: c.Capture, Line: c.Line, Severity: capture.Notice, Code: diag.Candidate,
			Message: fmt.Sprintf("%q looks like a person not in people.toml: a candidate to add", c.Name)})
	}
	for _, c := range annotate.SourceCandidates(c) {
		problems = append(problems, capture.Problem{File: c.Capture, Line: c.Line, Severity: capture.Notice, Code: diag.Candidate,
			Message: fmt.Sprintf("%q is credited in a byline as a source and is not in people.toml: a candidate to add, with kind = \"source\"", c.Name)})
	}
	return append(problems, questionsWanted(build.AnnotationsDir(root), c)...)
}

// questionsWanted says which handouts have no editors' question for
// discussion yet (pages.WithoutQuestions): one notice for the days, one for
// the people.
func questionsWanted(dir string, c *entry.Chronicle) []capture.Problem {
	days, people := pages.WithoutQuestions(c)
	var out []capture.Problem
	for _, l := range []struct {
		ids          []string
		target, kind string
	}{{days, "day:YYYY-MM-DD", "day"}, {people, "person:<id>", "person"}} {
		if len(l.ids) == 0 {
			continue
		}
		shown := l.ids[:min(len(l.ids), 8)]
		more := ""
		if n := len(l.ids) - len(shown); n > 0 {
			more = fmt.Sprintf(" and %d more", n)
		}
		out = append(out, capture.Problem{File: filepath.Join(dir, annotate.NotesDir), Line: 1, Severity: capture.Notice, Code: diag.NoQuestion,
			Message: fmt.Sprintf("%d %s handouts have no question for discussion yet (a note with kind = \"question\", about = \"%s\"): %s%s",
				len(l.ids), l.kind, l.target, strings.Join(shown, ", "), more)})
	}
	return out
}

func annotateForExport(root string, res *importer.Result) ([]entry.Entry, error) {
	c, err := build.Load(root, "")
	if err != nil {
		return nil, err
	}
	return c.Entries, nil
}

func runBuild(args []string) error {
	fs := newFlags("build", "[--out DIR] [--base-url URL] [--keep] [--offline]")
	o := build.Options{}
	rootFlag(fs, &o.Root)
	fs.StringVar(&o.Out, "out", "", "output folder (default ROOT/public)")
	baseURLFlag(fs, &o.BaseURL)
	fs.BoolVar(&o.Keep, "keep", false, "keep the generated Markdown tree and print where it is")
	fs.BoolVar(&o.Offline, "offline", false, "build for reading from disk")
	dateFlag(fs, &o.Date)
	fs.StringVar(&o.Content, "content", "", "content folder with sources/ and annotations/ (default ROOT/content; e.g. a corpus from chronicle synth)")
	fs.IntVar(&o.BatchEntries, "batch-entries", build.DefaultBatchEntries, "Hugo renders the site in batches of whole days with about `N` entries each")
	stats := fs.Bool("stats", false, "also print each stage's figures, and the peak RSS, one per line for scripts")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the build to `FILE` (read it with go tool pprof)")
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	r, err := build.Build(o)
	if err != nil {
		return err
	}
	r.PrintNotices(os.Stderr)
	r.Print(os.Stdout)
	if *stats {
		r.PrintStats(os.Stdout)
	}
	return nil
}
