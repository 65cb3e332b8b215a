package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"chronicle/generator/build"
	"chronicle/generator/sitefile"
)

func runServe(args []string) error {
	fs := newFlags("serve", "[--addr 127.0.0.1:1313] [--root DIR] [--out DIR]")
	addr := fs.String("addr", "127.0.0.1:1313", "address to listen on (loopback by default)")
	o := build.Options{}
	rootFlag(fs, &o.Root)
	fs.StringVar(&o.Out, "out", "", "output folder (default ROOT/public)")
	interval := fs.Duration("poll", defaultPoll, "how often to look for changes")
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	// Ctrl-C ends serve as it ends every command (stopper): a build
	// under way leaves nothing behind.
	return serve(context.Background(), ln, o, *interval, os.Stdout, os.Stderr)
}

// defaultPoll is how often serve looks for changed files.
const defaultPoll = 300 * time.Millisecond

// serve builds the site, serves it on ln and rebuilds it whenever the
// project's content, templates or static files change, until ctx is done. A
// failed rebuild is reported on errw and the previous site stays served.
func serve(ctx context.Context, ln net.Listener, o build.Options, interval time.Duration, outw, errw io.Writer) error {
	o.BaseURL = "http://" + ln.Addr().String() + "/"
	if o.Out == "" {
		o.Out = filepath.Join(o.Root, "public")
	}
	rebuild := func() {
		start := time.Now()
		if _, err := build.Build(o); err != nil {
			fmt.Fprintf(errw, "build failed (the previous site is still served):\n%v\n", err)
			return
		}
		fmt.Fprintf(outw, "built in %.2fs\n", time.Since(start).Seconds())
	}
	dirs := watchedDirs(o.Root)
	seen := fingerprint(dirs) // before the first build: an edit made while it runs, or just after, is seen
	rebuild()
	go watch(ctx, dirs, seen, interval, rebuild)
	rules, err := loadHeaders(filepath.Join(o.Root, "netlify.toml"))
	if err != nil {
		return fmt.Errorf("netlify.toml: %w", err)
	}
	srv := &http.Server{Handler: siteHandler(o.Out, rules), ReadHeaderTimeout: 10 * time.Second}
	go func() {
		<-ctx.Done()
		srv.Close()
	}()
	fmt.Fprintf(outw, "serving %s at %s (Ctrl-C to stop)\n", o.Out, o.BaseURL)
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// watchedDirs are the folders whose changes trigger a rebuild.
func watchedDirs(root string) []string {
	return []string{filepath.Join(root, "content"), build.TemplatesDir(root), build.StaticDir(root), filepath.Join(root, sitefile.Name)}
}

// watch calls changed whenever a file under dirs is added, removed or
// modified since they were as last (a fingerprint) says. Polling keeps it
// free of platform differences; a walk of the project's few thousand files
// takes well under a millisecond each time.
func watch(ctx context.Context, dirs []string, last string, every time.Duration, changed func()) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if now := fingerprint(dirs); now != last {
				last = now
				changed()
			}
		}
	}
}

// fingerprint summarises the names, sizes and modification times of the files
// under dirs.
func fingerprint(dirs []string) string {
	var b []byte
	for _, d := range dirs {
		filepath.WalkDir(d, func(p string, e fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			info, err := e.Info()
			if err != nil {
				return nil
			}
			b = fmt.Appendf(b, "%s %d %d\n", p, info.Size(), info.ModTime().UnixNano())
			return nil
		})
	}
	return string(b)
}
