package main

import (
	"errors"
	"io/fs"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/pelletier/go-toml/v2"
)

// headerRule is one [[headers]] table of netlify.toml: the headers sent
// for the paths that match For ("/*", "/css/*", "/entries.*").
type headerRule struct {
	For    string            `toml:"for"`
	Values map[string]string `toml:"values"`
	match  *regexp.Regexp
}

// loadHeaders reads the [[headers]] rules of the netlify.toml at path, so
// that serve sends what the public site sends (its Content-Security-Policy
// above all: a page that breaks under it breaks here too). A missing file
// is no rules.
func loadHeaders(path string) ([]headerRule, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var cfg struct {
		Headers []headerRule `toml:"headers"`
	}
	if err := toml.Unmarshal(data, &cfg); err != nil {
		return nil, err
	}
	for i := range cfg.Headers {
		cfg.Headers[i].match = splatPattern(cfg.Headers[i].For)
	}
	return cfg.Headers, nil
}

// splatPattern turns a Netlify path pattern, where "*" stands for any run
// of characters, into a regular expression for the whole path.
func splatPattern(p string) *regexp.Regexp {
	parts := strings.Split(p, "*")
	for i, s := range parts {
		parts[i] = regexp.QuoteMeta(s)
	}
	return regexp.MustCompile("^" + strings.Join(parts, ".*") + "$")
}

// siteHandler serves the built site in dir as Netlify serves it: the
// headers of the rules that match, a folder's index.html for the folder,
// and the site's 404.html (status 404) for anything else; never a listing
// of a folder.
func siteHandler(dir string, rules []headerRule) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := path.Clean("/" + r.URL.Path)
		for _, h := range rules {
			if h.match.MatchString(p) {
				for k, v := range h.Values {
					w.Header().Set(k, v)
				}
			}
		}
		file := filepath.Join(dir, filepath.FromSlash(p))
		if info, err := os.Stat(file); err == nil && info.IsDir() {
			file = filepath.Join(file, "index.html")
		}
		if f, err := os.Open(file); err == nil {
			defer f.Close()
			// ServeContent, not ServeFile: ServeFile redirects …/index.html
			// to …/, and the site's links all end in a file name.
			if info, err := f.Stat(); err == nil && info.Mode().IsRegular() && !strings.HasPrefix(path.Base(p), ".") {
				http.ServeContent(w, r, info.Name(), info.ModTime(), f)
				return
			}
		}
		page, err := os.ReadFile(filepath.Join(dir, "404.html"))
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusNotFound)
		if err == nil {
			w.Write(page)
		}
	})
}
