package main

import (
	"fmt"
	"os"

	"chronicle/generator/build"
	"chronicle/generator/render"
)

// runBenchHugo is the bare-Hugo baseline of scripts/scale.sh: the same Hugo,
// in-process, rendering n plain pages of about the given size through
// minimal templates. It is not listed in the help: it measures, it does not
// build anything a reader needs.
func runBenchHugo(args []string) error {
	fs := newFlags("bench-hugo", "--pages N --bytes B")
	n := fs.Int("pages", 1000, "number of pages")
	size := fs.Int("bytes", 10000, "bytes of HTML per page, about")
	stats := fs.Bool("stats", false, "also print the figures one per line, for scripts")
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	dir, err := os.MkdirTemp("", "chronicle-bench-hugo-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	// The memory settings of a build, so that both run under the same budget.
	defer build.LimitMemory()()
	res, err := render.Baseline(dir, *n, *size, build.RenderCacheLimit, build.CPUTime)
	if err != nil {
		return err
	}
	fmt.Printf("bare Hugo: %d pages, %d bytes (%d a page) rendered in %.3fs, %.3fs CPU (Markdown written in %.3fs beforehand)\n",
		res.Pages, res.Bytes, res.Bytes/int64(max(res.Pages, 1)), res.Duration.Seconds(), res.CPU.Seconds(), res.Write.Seconds())
	if *stats {
		fmt.Printf("stats baseline seconds=%.3f cpu_seconds=%.3f pages=%d bytes=%d write_seconds=%.3f peak_rss_bytes=%d\n",
			res.Duration.Seconds(), res.CPU.Seconds(), res.Pages, res.Bytes, res.Write.Seconds(), build.PeakRSS())
	}
	return nil
}
