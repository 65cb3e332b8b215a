package sitemap

import (
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// hugoSitemap is a sitemap as Hugo writes it, with n addresses.
func hugoSitemap(n int) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="utf-8" standalone="yes"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">`)
	for i := range n {
		fmt.Fprintf(&b, "<url><loc>https://example.org/entries/%d.html?a=1&amp;b=2</loc><lastmod>2022-02-01T10:00:00+00:00</lastmod></url>", i)
	}
	b.WriteString("</urlset>")
	return b.String()
}

func TestSplit(t *testing.T) {
	for _, tt := range []struct {
		urls, max, files int
	}{
		{0, 2, 1}, {2, 2, 1}, {3, 2, 2}, {5, 2, 3}, {6, 3, 2},
	} {
		t.Run(fmt.Sprintf("%d by %d", tt.urls, tt.max), func(t *testing.T) {
			dir := t.TempDir()
			orig := hugoSitemap(tt.urls)
			if err := os.WriteFile(filepath.Join(dir, "sitemap.xml"), []byte(orig), 0o644); err != nil {
				t.Fatal(err)
			}
			n, err := Split(dir, "https://example.org", tt.max)
			if err != nil || n != tt.files {
				t.Fatalf("Split: %d files, %v; want %d", n, err, tt.files)
			}
			data, _ := os.ReadFile(filepath.Join(dir, "sitemap.xml"))
			if n == 1 {
				if string(data) != orig {
					t.Error("a sitemap within the limit was rewritten")
				}
				return
			}
			var index struct {
				XMLName  xml.Name `xml:"sitemapindex"`
				Sitemaps []struct {
					Loc string `xml:"loc"`
				} `xml:"sitemap"`
			}
			if err := xml.Unmarshal(data, &index); err != nil || len(index.Sitemaps) != n {
				t.Fatalf("index: %v, %d sitemaps\n%s", err, len(index.Sitemaps), data)
			}
			var all []url
			for i, s := range index.Sitemaps {
				name := fmt.Sprintf("sitemap-%d.xml", i+1)
				if s.Loc != "https://example.org/"+name {
					t.Errorf("index entry %d is %q", i, s.Loc)
				}
				var part urlset
				raw, err := os.ReadFile(filepath.Join(dir, name))
				if err != nil {
					t.Fatal(err)
				}
				if err := xml.Unmarshal(raw, &part); err != nil {
					t.Fatal(err)
				}
				if len(part.URLs) == 0 || len(part.URLs) > tt.max {
					t.Errorf("%s holds %d addresses", name, len(part.URLs))
				}
				all = append(all, part.URLs...)
			}
			if len(all) != tt.urls {
				t.Fatalf("%d addresses after the split, want %d", len(all), tt.urls)
			}
			for i, u := range all {
				if want := fmt.Sprintf("https://example.org/entries/%d.html?a=1&b=2", i); u.Loc != want || u.LastMod == "" {
					t.Errorf("address %d is %+v, want %s", i, u, want)
				}
			}
		})
	}
}

func TestSplitWithoutSitemap(t *testing.T) {
	if n, err := Split(t.TempDir(), "https://example.org/", Max); n != 0 || err != nil {
		t.Errorf("Split of a site without a sitemap: %d, %v", n, err)
	}
}
