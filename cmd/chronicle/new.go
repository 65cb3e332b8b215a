package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"chronicle"
	"chronicle/generator/importer/capture"
)

// runNew writes a small chronicle that builds at once: the site file, a
// sample capture with its sidecar, annotations, an About page and an
// editors' README (the starter folder inside the binary).
func runNew(args []string) error {
	fs := newFlags("new", "[--title T] [--zone TZ] [--zone-label L] [--publisher NAME] DIR")
	v := starterValues{}
	fs.StringVar(&v.title, "title", "A new chronicle", "the chronicle's title")
	fs.StringVar(&v.tz, "zone", "UTC", "the time zone of its times beside UTC, an IANA name (America/New_York)")
	fs.StringVar(&v.zoneLabel, "zone-label", "", "the zone's label on the pages (default: the city of --zone, \"New York\")")
	fs.StringVar(&v.publisher, "publisher", "The Ashford Gazette", "the sample capture's publisher")
	fs.StringVar(&v.language, "language", "en", "the pages' language, a BCP 47 tag")
	fs.StringVar(&v.paper, "paper", "A4", "the handouts' paper: A4 or Letter")
	if err := fs.Parse(args); err != nil || fs.NArg() != 1 {
		fs.Usage()
		return errUsage
	}
	dir := fs.Arg(0)
	if err := v.check(); err != nil {
		return err
	}
	if err := newChronicle(dir, v); err != nil {
		return err
	}
	fmt.Printf("wrote a new chronicle in %s; next:\n  cd %s\n  chronicle check\n  chronicle build\n", dir, dir)
	return nil
}

// starterValues are what the flags put into the starter's placeholders.
type starterValues struct {
	title, tz, zoneLabel, publisher, language, paper string
}

// check checks the values and fills in those left to defaults.
func (v *starterValues) check() error {
	if _, err := time.LoadLocation(v.tz); err != nil {
		return fmt.Errorf("--zone %q is not a time zone (give an IANA name such as America/New_York)", v.tz)
	}
	if v.zoneLabel == "" {
		v.zoneLabel = strings.ReplaceAll(path.Base(v.tz), "_", " ")
	}
	if v.paper != "A4" && v.paper != "Letter" {
		return fmt.Errorf("--paper %q: give A4 or Letter", v.paper)
	}
	for name, s := range map[string]string{"--title": v.title, "--publisher": v.publisher, "--zone-label": v.zoneLabel, "--language": v.language} {
		if strings.TrimSpace(s) == "" || strings.ContainsAny(s, "\"\\\n") {
			return fmt.Errorf("%s %q: give some text without quotes, backslashes or line breaks", name, s)
		}
	}
	return nil
}

// replacer fills the starter's placeholders.
func (v starterValues) replacer() *strings.Replacer {
	return strings.NewReplacer(
		"{{title}}", v.title, "{{tagline}}", "Live pages of "+v.publisher+", annotated",
		"{{tz}}", v.tz, "{{zone_label}}", v.zoneLabel,
		"{{publisher}}", v.publisher, "{{publisher_id}}", publisherID(v.publisher),
		"{{language}}", v.language, "{{paper}}", v.paper,
		"{{date}}", time.Now().Format("2006-01-02"),
	)
}

// newChronicle writes the starter into dir, which must be missing or
// empty: it never writes over a file.
func newChronicle(dir string, v starterValues) error {
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return fmt.Errorf("%s is not empty: chronicle new writes a chronicle into a new or empty folder, and never over files", dir)
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	r := v.replacer()
	starter, err := fs.Sub(chronicle.Starter, "starter")
	if err != nil {
		return err
	}
	return fs.WalkDir(starter, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		target := filepath.Join(dir, filepath.FromSlash(p))
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := fs.ReadFile(starter, p)
		if err != nil {
			return err
		}
		f, err := os.OpenFile(target, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			return err
		}
		if _, err := f.WriteString(r.Replace(string(data))); err != nil {
			f.Close()
			return err
		}
		return f.Close()
	})
}

// publisherID makes a publisher's name an ID ("The Ashford Gazette" →
// "the-ashford-gazette").
func publisherID(name string) string {
	if id := capture.Slug(name, 0); id != "" {
		return id
	}
	return "publisher"
}
