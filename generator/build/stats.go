package build

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"runtime/metrics"
	"strconv"
	"strings"
	"time"
)

// sampleHeap samples the heap in use every few milliseconds until the
// returned function is called, which returns the highest sample. Reading
// runtime/metrics does not stop the world, so sampling costs next to nothing.
func sampleHeap() (stop func() uint64) {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	read := func() uint64 {
		metrics.Read(sample)
		if sample[0].Value.Kind() == metrics.KindUint64 {
			return sample[0].Value.Uint64()
		}
		return 0
	}
	done := make(chan struct{})
	result := make(chan uint64)
	go func() {
		peak := read()
		t := time.NewTicker(10 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				peak = max(peak, read())
			case <-done:
				result <- max(peak, read())
				return
			}
		}
	}()
	return func() uint64 {
		close(done)
		return <-result
	}
}

// PeakRSS is the process's peak resident set size in bytes so far (VmHWM on
// Linux), or 0 where the system does not say.
func PeakRSS() uint64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			kb, err := strconv.ParseUint(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			if err == nil {
				return kb * 1024
			}
		}
	}
	return 0
}

// PrintStats writes the report's figures one per line, for scripts:
//
//	stats stage=render seconds=1.234 cpu_seconds=2.100 alloc_bytes=… peak_heap_bytes=…
//	stats batch=1 seconds=… pages=… stubs=…   (a render in batches)
//	stats total seconds=… entries=… markdown=… html_pages=… files=… bytes=… html_bytes=… minify_before=… minify_after=… peak_rss_bytes=…
func (r *Report) PrintStats(w io.Writer) {
	var total time.Duration
	for _, s := range r.Stages {
		total += s.Duration
		fmt.Fprintf(w, "stats stage=%s seconds=%.3f cpu_seconds=%.3f alloc_bytes=%d peak_heap_bytes=%d\n", s.Name, s.Duration.Seconds(), s.CPU.Seconds(), s.Alloc, s.PeakHeap)
	}
	for i, b := range r.Batches {
		fmt.Fprintf(w, "stats batch=%d seconds=%.3f pages=%d stubs=%d\n", i+1, b.Duration.Seconds(), b.Pages, b.Stubs)
	}
	fmt.Fprintf(w, "stats total seconds=%.3f entries=%d markdown=%d html_pages=%d files=%d bytes=%d html_bytes=%d minify_before=%d minify_after=%d peak_rss_bytes=%d\n",
		total.Seconds(), r.Entries, r.Markdown, r.Pages, r.Files, r.Bytes, r.HTMLBytes, r.BytesBefore, r.BytesAfter, PeakRSS())
}
