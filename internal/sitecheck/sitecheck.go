// Package sitecheck inspects a built site on disk the way a reader's browser
// would: it finds every link and resource of every HTML page and says which
// of them do not resolve to a file of the site.
package sitecheck

import (
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/net/html"
)

// Link is one reference from a page.
type Link struct {
	Page string // the page's path, relative to the site root, with slashes
	Attr string // href, src, …
	URL  string // as written
}

// Broken is a link that does not resolve.
type Broken struct {
	Link
	Reason string
}

func (b Broken) String() string { return fmt.Sprintf("%s: %s=%q: %s", b.Page, b.Attr, b.URL, b.Reason) }

// Site is a parsed site.
type Site struct {
	Root  string
	Pages map[string]*Page // by path relative to Root
}

// Page is one parsed HTML file.
type Page struct {
	Path  string
	Links []Link
	IDs   map[string]bool
	Text  string // the text content, for assertions
	HTML  string
	// Active lists what on the page could run or navigate to code: script
	// elements (but JSON-LD data), on* attributes, javascript: URLs.
	Active []string
	// Tags counts the elements of each name.
	Tags map[string]int
}

// Load parses every .html file under root.
func Load(root string) (*Site, error) {
	s := &Site{Root: root, Pages: map[string]*Page{}}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		pg, err := parse(filepath.ToSlash(rel), p)
		if err != nil {
			return err
		}
		s.Pages[pg.Path] = pg
		return nil
	})
	return s, err
}

func parse(rel, file string) (*Page, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	doc, err := html.Parse(strings.NewReader(string(data)))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", rel, err)
	}
	pg := &Page{Path: rel, IDs: map[string]bool{}, HTML: string(data), Tags: map[string]int{}}
	var text strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			text.WriteString(n.Data)
		}
		if n.Type == html.ElementNode {
			pg.Tags[n.Data]++
			if n.Data == "script" && attr(n, "type") != "application/ld+json" {
				pg.Active = append(pg.Active, "<script src="+attr(n, "src")+">")
			}
			for _, a := range n.Attr {
				if strings.HasPrefix(a.Key, "on") {
					pg.Active = append(pg.Active, "<"+n.Data+" "+a.Key+"=…>")
				}
				if strings.HasPrefix(strings.ToLower(strings.TrimSpace(a.Val)), "javascript:") {
					pg.Active = append(pg.Active, "<"+n.Data+" "+a.Key+"=javascript:…>")
				}
				switch a.Key {
				case "id", "name":
					pg.IDs[a.Val] = true
				case "href", "src", "poster", "action":
					if n.Data == "form" && a.Key == "action" && a.Val == "" {
						continue
					}
					pg.Links = append(pg.Links, Link{Page: rel, Attr: a.Key, URL: a.Val})
				case "srcset":
					for _, part := range strings.Split(a.Val, ",") {
						if f := strings.Fields(part); len(f) > 0 {
							pg.Links = append(pg.Links, Link{Page: rel, Attr: a.Key, URL: f[0]})
						}
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	pg.Text = text.String()
	return pg, nil
}

// External reports whether a URL leaves the site.
func External(u string) bool {
	p, err := url.Parse(u)
	return err == nil && (p.Scheme != "" || strings.HasPrefix(u, "//"))
}

// Resolve turns a link on a page into a path relative to the site root and a
// fragment. ok is false for links that leave the site.
func Resolve(page, u string) (target, fragment string, ok bool) {
	if External(u) {
		return "", "", false
	}
	p, err := url.Parse(u)
	if err != nil {
		return "", "", false
	}
	fragment = p.Fragment
	if p.Path == "" {
		return page, fragment, true
	}
	if strings.HasPrefix(p.Path, "/") {
		return strings.TrimPrefix(path.Clean(p.Path), "/"), fragment, true
	}
	return path.Clean(path.Join(path.Dir(page), p.Path)), fragment, true
}

// BrokenLinks checks every internal link of every page: the file must exist
// (a folder must hold index.html when allowFolders is set; otherwise a link
// to a folder is broken, as it is from disk), and a fragment must name an id
// on an HTML target. External links are listed separately.
func (s *Site) BrokenLinks(allowFolders bool) (broken []Broken, external []Link) {
	for _, name := range sortedPages(s) {
		pg := s.Pages[name]
		for _, l := range pg.Links {
			target, frag, ok := Resolve(pg.Path, l.URL)
			if !ok {
				external = append(external, l)
				continue
			}
			if strings.HasPrefix(target, "../") || target == ".." {
				broken = append(broken, Broken{l, "points outside the site"})
				continue
			}
			full := filepath.Join(s.Root, filepath.FromSlash(target))
			info, err := os.Stat(full)
			if err != nil {
				broken = append(broken, Broken{l, "no such file"})
				continue
			}
			if info.IsDir() {
				if !allowFolders {
					broken = append(broken, Broken{l, "a folder: from disk a browser shows a listing, not index.html"})
					continue
				}
				target = path.Join(target, "index.html")
				if _, err := os.Stat(filepath.Join(full, "index.html")); err != nil {
					broken = append(broken, Broken{l, "folder without index.html"})
					continue
				}
			}
			if frag != "" && strings.HasSuffix(target, ".html") {
				if t := s.Pages[target]; t != nil && !t.IDs[frag] {
					broken = append(broken, Broken{l, "no element with id " + frag})
				}
			}
		}
	}
	return broken, external
}

// LinksFrom returns the internal targets of a page, resolved.
func (s *Site) LinksFrom(page string) []string {
	var out []string
	pg := s.Pages[page]
	if pg == nil {
		return nil
	}
	for _, l := range pg.Links {
		if t, _, ok := Resolve(page, l.URL); ok {
			out = append(out, t)
		}
	}
	return out
}

func sortedPages(s *Site) []string {
	names := make([]string, 0, len(s.Pages))
	for n := range s.Pages {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}
