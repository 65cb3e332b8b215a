package render

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"runtime/pprof"
	"strconv"
	"strings"
	"sync"
	"time"

	"chronicle/generator/halt"

	"github.com/bep/logg"
	"github.com/gohugoio/hugo/common/loggers"
	"github.com/gohugoio/hugo/config/allconfig"
	"github.com/gohugoio/hugo/deps"
	"github.com/gohugoio/hugo/hugofs"
	"github.com/gohugoio/hugo/hugolib"
	"github.com/spf13/afero"
)

// The life of one Hugo build: its lock, its log, and the recovery when
// Hugo stops without finishing.

// mu serialises renders: Hugo keeps process-wide state (the global logger
// that LoadConfig installs), so two renders must not overlap.
var mu sync.Mutex

// hugoBuild renders opts' content with one Hugo build into opts.PublishDir
// and returns the number of pages in the site.
func hugoBuild(opts Options) (int, error) {
	// Hugo reads its cache limit from the process environment when it sets
	// up its caches (in gigabytes); renders are serialised by mu.
	if opts.CacheLimit > 0 && os.Getenv("HUGO_MEMORYLIMIT") == "" {
		os.Setenv("HUGO_MEMORYLIMIT", strconv.FormatFloat(float64(opts.CacheLimit)/(1<<30), 'f', 3, 64))
		defer os.Unsetenv("HUGO_MEMORYLIMIT")
	}

	flags, err := hugoFlags(opts)
	if err != nil {
		return 0, err
	}

	var logBuf syncBuffer
	logger := loggers.New(loggers.Options{
		Level:         logg.LevelWarn,
		StdOut:        &logBuf,
		StdErr:        &logBuf,
		DistinctLevel: logg.LevelWarn,
	})
	// LoadConfig installs logger as Hugo's process-wide logger; put a quiet
	// one back when done so that nothing Hugo does later writes to stderr.
	defer loggers.SetGlobalLogger(loggers.New(loggers.Options{
		Level: logg.LevelError, StdOut: io.Discard, StdErr: io.Discard,
	}))

	// Hugo reads its sources (content, layouts, static) through one file
	// system and publishes through another. With ContentFs the sources are
	// ContentFs for ContentDir and the disk for the rest. The site is always
	// published to disk.
	osFs := halt.Fs{Fs: afero.NewOsFs()} // a stopping build makes no folder
	source := afero.Fs(osFs)
	if opts.ContentFs != nil {
		source = newRouteFs(opts.ContentDir, opts.ContentFs, osFs)
	}
	configs, err := allconfig.LoadConfig(allconfig.ConfigSourceDescriptor{
		Flags:       flags,
		Fs:          source,
		Logger:      logger,
		Environment: "production",
		Environ:     environ(),
	})
	if err != nil {
		return 0, wrap("load Hugo config", err, &logBuf)
	}

	fs := hugofs.NewFrom(source, configs.LoadingInfo.BaseConfig)
	publish := hugofs.NewBasePathFs(osFs, opts.PublishDir)
	fs.PublishDir, fs.PublishDirServer, fs.PublishDirStatic = publish, publish, publish
	h, err := hugolib.NewHugoSites(deps.DepsCfg{
		Configs:  configs,
		Fs:       fs,
		LogLevel: logg.LevelWarn,
		StdOut:   &logBuf,
		StdErr:   &logBuf,
	})
	if err != nil {
		return 0, wrap("set up Hugo", err, &logBuf)
	}
	if err := build(h); err != nil {
		if errors.Is(err, errHugoStuck) {
			return 0, err // h is still busy: closing it could wait forever
		}
		h.Close()
		return 0, wrap("build", err, &logBuf)
	}
	defer h.Close()
	// A developer's aid (docs/PERFORMANCE.md): CHRONICLE_TEMPLATE_METRICS=FILE
	// writes Hugo's template metrics, the time spent in each template.
	if p := os.Getenv("CHRONICLE_TEMPLATE_METRICS"); p != "" && h.Metrics != nil {
		var b bytes.Buffer
		h.Metrics.WriteMetrics(&b)
		os.WriteFile(p, b.Bytes(), 0o644)
	}
	// CHRONICLE_HEAP_PROFILE=FILE writes a heap profile taken when Hugo has
	// rendered every page and still holds the site (docs/PERFORMANCE.md).
	if p := os.Getenv("CHRONICLE_HEAP_PROFILE"); p != "" {
		if f, err := os.Create(p); err == nil {
			runtime.GC()
			pprof.WriteHeapProfile(f)
			f.Close()
		}
	}
	if n := h.Log.LoggCount(logg.LevelWarn) + logger.LoggCount(logg.LevelWarn); n > 0 {
		return 0, wrap("build", fmt.Errorf("%d warning(s) from Hugo", n), &logBuf)
	}

	pages := 0
	for _, s := range h.Sites {
		pages += len(s.Pages())
	}
	return pages, nil
}

// errHugoStuck is the error of a render that Hugo stopped and never finished.
var errHugoStuck = errors.New("render: build: 10 or more pages failed to render and Hugo stopped " +
	"without finishing or saying which (a fault of Hugo v0.165); a template is the likely cause: " +
	"check the templates changed last")

// stuckGrace is how long a render may take to finish once Hugo has decided
// to stop it.
const stuckGrace = 10 * time.Second

// build runs Hugo's build. When 10 pages have failed, Hugo v0.165 stops its
// render workers, and may then wait forever to hand them the next page (the
// page walker can block on the send that the stop was meant to cancel): the
// build neither returns nor reports the errors. build notices the stop and,
// if the build has not returned stuckGrace later, gives up with errHugoStuck,
// leaving Hugo's goroutines behind: the failure is reported and the previous
// site kept, rather than the command hanging.
func build(h *hugolib.HugoSites) error {
	done := make(chan error, 1)
	go func() { done <- h.Build(hugolib.BuildCfg{}) }()
	select {
	case err := <-done:
		return err
	case <-h.Done():
	}
	select {
	case err := <-done:
		return err
	case <-time.After(stuckGrace):
		return errHugoStuck
	}
}

// renderSample renders, into a scratch folder, a sample of opts' content:
// every section's index and the first pages of every folder. A render that
// failed on many pages (a broken template) fails on a few of them too, and
// Hugo then reports the errors.
func renderSample(opts Options) error {
	src := opts.ContentFs
	if src == nil {
		src = afero.NewOsFs()
	}
	sample := afero.NewMemMapFs()
	const perFolder = 3
	seen := map[string]int{}
	err := afero.Walk(src, opts.ContentDir, func(path string, fi os.FileInfo, err error) error {
		if err != nil || fi.IsDir() {
			return err
		}
		dir := filepath.Dir(path)
		if fi.Name() != "_index.md" {
			if seen[dir] >= perFolder {
				return nil
			}
			seen[dir]++
		}
		data, err := afero.ReadFile(src, path)
		if err != nil {
			return err
		}
		if err := sample.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		return afero.WriteFile(sample, path, data, 0o644)
	})
	if err != nil {
		return err
	}
	scratch, err := os.MkdirTemp("", "chronicle-sample-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(scratch)
	opts.ContentFs, opts.Batches = sample, nil
	opts.PublishDir = filepath.Join(scratch, "public")
	opts.WorkDir = filepath.Join(scratch, "work")
	_, err = site(opts)
	return err
}

var ansi = regexp.MustCompile("\x1b\\[[0-9;]*m")

// wrap makes a "render: " error from err and whatever Hugo logged.
func wrap(step string, err error, log *syncBuffer) error {
	text := strings.TrimSpace(ansi.ReplaceAllString(log.String(), ""))
	if text == "" || strings.Contains(err.Error(), text) {
		return fmt.Errorf("render: %s: %w", step, err)
	}
	return fmt.Errorf("render: %s: %w\n%s", step, err, text)
}

// syncBuffer is a bytes.Buffer safe for Hugo's concurrent log writes.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
