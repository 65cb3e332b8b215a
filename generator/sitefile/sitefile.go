// Package sitefile reads chronicle.toml, the file at the top of a chronicle
// that says what it is: its title and words for the home page, its language
// and public address, the time zones its times are shown in beside UTC, its
// publishers, its About page and the paper its handouts print on. Nothing
// about one chronicle is written in Chronicle's code or theme: it is all in
// this file and the chronicle's content.
package sitefile

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"chronicle/generator/entry"
	"chronicle/generator/tomlfile"
)

// Name is the site file's name, at the top of a chronicle's folder.
const Name = "chronicle.toml"

// Site is a chronicle's site file.
type Site struct {
	// Title names the chronicle in every page's title and header.
	Title string `toml:"title"`
	// Tagline is the line under the title in every page's header, and the
	// feeds' description.
	Tagline string `toml:"tagline"`
	// Headline is the home page's heading (the title when empty).
	Headline string `toml:"headline"`
	// Description is the home page's introduction, in Markdown; its text
	// is also the home page's meta description.
	Description string `toml:"description"`
	// Language is the language of the pages, a BCP 47 tag ("en-GB").
	Language string `toml:"language"`
	// BaseURL is the public site's address; --base-url and Netlify's
	// build environment are the other ways to give it (see Address).
	BaseURL string `toml:"base_url"`
	// Zones are the time zones shown beside UTC, in order.
	Zones []Zone `toml:"zones"`
	// Publishers give each publisher's home page and the rights line of
	// the footer.
	Publishers []Publisher `toml:"publishers"`
	// About is the About page's Markdown file, relative to the chronicle's
	// folder. {entries}, {captures} and {days} in it become the counts.
	About string `toml:"about"`
	// Paper is what handouts print on: "A4" or "Letter".
	Paper string `toml:"paper"`

	// AboutText is the About file's text, read by Load.
	AboutText string `toml:"-"`
	// File is where the site file was read from ("" for the defaults).
	File string `toml:"-"`
}

// Zone is a time zone shown beside UTC.
type Zone struct {
	TZ    string         `toml:"tz"`    // an IANA name: "Europe/Kyiv"
	Label string         `toml:"label"` // as the pages print it: "Kyiv"
	Loc   *time.Location `toml:"-"`
}

// Publisher is a publisher of the chronicle's captures.
type Publisher struct {
	ID     string `toml:"id"`     // as the captures' sidecars give it (publisher_id)
	Name   string `toml:"name"`   // "BBC News"
	Home   string `toml:"home"`   // its home page
	Rights string `toml:"rights"` // the footer's line about its text
}

// Papers are the handout papers.
var Papers = []string{"A4", "Letter"}

// DefaultTitle is the title of a chronicle whose site file gives none.
const DefaultTitle = "A chronicle"

// Default is the site of a chronicle with no site file.
func Default() *Site {
	s := &Site{}
	s.fill()
	return s
}

// fill sets the defaults of what the file leaves out.
func (s *Site) fill() {
	if s.Title == "" {
		s.Title = DefaultTitle
	}
	if s.Headline == "" {
		s.Headline = s.Title
	}
	if s.Language == "" {
		s.Language = "en"
	}
	if s.Paper == "" {
		s.Paper = "A4"
	}
}

// Load reads root's site file, or gives the defaults when there is none.
// A problem in the file is an error that names its line.
func Load(root string) (*Site, error) {
	path := filepath.Join(root, Name)
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return Default(), nil
	}
	if err != nil {
		return nil, err
	}
	return Parse(path, data, root)
}

// Parse decodes a site file read from path; root is the chronicle's
// folder, for the About file.
func Parse(path string, data []byte, root string) (*Site, error) {
	var s Site
	if err := tomlfile.Decode(path, data, &s); err != nil {
		return nil, err
	}
	s.File = path
	var errs []error
	bad := func(key string, from int, format string, args ...any) {
		errs = append(errs, &tomlfile.Error{File: path, Line: tomlfile.KeyLineFrom(data, key, from), Msg: fmt.Sprintf(format, args...)})
	}
	if s.BaseURL != "" {
		u, err := CheckBaseURL(s.BaseURL)
		if err != nil {
			bad("base_url", 1, "base_url: %v", err)
		}
		s.BaseURL = u
	}
	if s.Paper != "" && !slices.Contains(Papers, s.Paper) {
		bad("paper", 1, "paper %q: give %s", s.Paper, strings.Join(Papers, " or "))
	}
	line := 1
	for i := range s.Zones {
		z := &s.Zones[i]
		line = tomlfile.KeyLineFrom(data, "tz", line)
		loc, err := time.LoadLocation(z.TZ)
		switch {
		case z.TZ == "":
			bad("tz", line, "a zone needs tz, a time zone name such as \"America/New_York\"")
		case err != nil:
			bad("tz", line, "unknown time zone %q (give an IANA name such as \"America/New_York\")", z.TZ)
		case z.Label == "":
			bad("tz", line, "zone %q needs a label, the name the pages print beside its times", z.TZ)
		}
		z.Loc = loc
		line++
	}
	line = 1
	seen := map[string]bool{}
	for _, p := range s.Publishers {
		line = tomlfile.KeyLineFrom(data, "id", line)
		if err := entry.CheckID(p.ID); err != nil {
			bad("id", line, "publisher id: %v", err)
		} else if seen[p.ID] {
			bad("id", line, "publisher %q is listed twice", p.ID)
		}
		seen[p.ID] = true
		line++
	}
	if s.About != "" {
		if !filepath.IsLocal(filepath.FromSlash(s.About)) {
			bad("about", 1, "about %q: give a file inside the chronicle's folder, such as \"content/about.md\"", s.About)
		} else if text, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(s.About))); err != nil {
			bad("about", 1, "about: %v", err)
		} else {
			s.AboutText = string(text)
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	s.fill()
	return &s, nil
}

// Publisher returns the publisher with id, or nil.
func (s *Site) Publisher(id string) *Publisher {
	for i := range s.Publishers {
		if s.Publishers[i].ID == id {
			return &s.Publishers[i]
		}
	}
	return nil
}

// CheckBaseURL checks a public address: an absolute http or https address
// with a host, no query or fragment (every link, feed and QR code is made
// from it). It returns it with the final slash Hugo needs.
func CheckBaseURL(s string) (string, error) {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil || u.RawQuery != "" || u.Fragment != "" || u.Opaque != "" {
		return "", fmt.Errorf("%q is not the address of a site: give an http or https address such as https://chronicle.example.net/", s)
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
	}
	return u.String(), nil
}

// Address picks the public address of a build: flag (--base-url), then
// the site file's base_url, then Netlify's build environment, read with
// getenv: DEPLOY_PRIME_URL on deploy previews and branch deploys (CONTEXT
// says which), URL otherwise. It returns "" when none gives one, and says
// where the address came from.
func (s *Site) Address(flag string, getenv func(string) string) (address, from string, err error) {
	type source struct{ value, name string }
	netlify := source{getenv("URL"), "URL"}
	if c := getenv("CONTEXT"); c != "" && c != "production" && getenv("DEPLOY_PRIME_URL") != "" {
		netlify = source{getenv("DEPLOY_PRIME_URL"), "DEPLOY_PRIME_URL (" + c + ")"}
	}
	for _, src := range []source{{flag, "--base-url"}, {s.BaseURL, Name}, netlify} {
		if src.value == "" {
			continue
		}
		u, err := CheckBaseURL(src.value)
		if err != nil {
			return "", src.name, fmt.Errorf("%s: %w", src.name, err)
		}
		return u, src.name, nil
	}
	return "", "", nil
}
