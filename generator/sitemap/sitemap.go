// Package sitemap keeps the site's sitemap within the sitemap protocol's
// limit of 50,000 addresses per file (sitemaps.org). Hugo writes one
// sitemap.xml however many pages the site has; for a larger site Split
// moves the addresses into numbered files of at most Max each and makes
// sitemap.xml an index of them, the form search engines read.
package sitemap

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// Max is the protocol's limit of addresses in one sitemap file.
const Max = 50000

// urlset is the sitemap file format.
type urlset struct {
	XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []url    `xml:"url"`
}

type url struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
}

// Split rewrites dir/sitemap.xml when it lists more than max addresses:
// dir/sitemap-1.xml, sitemap-2.xml, … hold them in their order, max at most
// each, and sitemap.xml becomes a sitemap index pointing at them under
// baseURL (the site's public address, ending in "/"). It returns how many
// files hold the addresses (1 when nothing needed splitting, 0 when the site
// has no sitemap: an offline build).
func Split(dir, baseURL string, max int) (int, error) {
	path := filepath.Join(dir, "sitemap.xml")
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	if bytes.Count(data, []byte("<url>")) <= max {
		return 1, nil
	}
	var set urlset
	if err := xml.Unmarshal(data, &set); err != nil {
		return 0, fmt.Errorf("sitemap: %s: %w", path, err)
	}
	if !strings.HasSuffix(baseURL, "/") {
		baseURL += "/"
	}
	var index bytes.Buffer
	index.WriteString(xml.Header + `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`)
	n := 0
	for start := 0; start < len(set.URLs); start += max {
		n++
		name := fmt.Sprintf("sitemap-%d.xml", n)
		part := urlset{URLs: set.URLs[start:min(start+max, len(set.URLs))]}
		if err := writeXML(filepath.Join(dir, name), part); err != nil {
			return 0, err
		}
		index.WriteString("<sitemap><loc>")
		xml.EscapeText(&index, []byte(baseURL+name))
		index.WriteString("</loc></sitemap>")
	}
	index.WriteString("</sitemapindex>\n")
	return n, os.WriteFile(path, index.Bytes(), 0o644)
}

// writeXML writes v as an XML document.
func writeXML(path string, v any) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	err = encode(f, v)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

func encode(w io.Writer, v any) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	if err := xml.NewEncoder(w).Encode(v); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
