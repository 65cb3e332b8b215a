package render

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// BaselineResult is what a bare-Hugo render cost.
type BaselineResult struct {
	Pages    int           // pages Hugo rendered (as Stats.Pages)
	Bytes    int64         // bytes of the output
	Write    time.Duration // writing the Markdown (not part of the baseline)
	Duration time.Duration // the render alone
	CPU      time.Duration // processor time of the render, when cpu was given
}

// baselineLayouts are the least a site needs: a page with its title and
// content, a paginated list, a home page.
var baselineLayouts = map[string]string{
	"baseof.html": `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }} – {{ site.Title }}</title></head>
<body><nav><a href="{{ site.Home.RelPermalink }}">Home</a></nav>
<main>{{ block "main" . }}{{ end }}</main></body></html>
`,
	"single.html": `{{ define "main" }}<article><h1>{{ .Title }}</h1>
<p><time>{{ .Date.Format "2 January 2006 15:04" }}</time></p>
{{ .Content }}</article>{{ end }}`,
	"list.html": `{{ define "main" }}<h1>{{ .Title }}</h1>
{{ $p := .Paginate .Pages.ByDate }}
<ul>{{ range $p.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
{{ with $p.Prev }}<a href="{{ .URL }}">prev</a>{{ end }} {{ with $p.Next }}<a href="{{ .URL }}">next</a>{{ end }}{{ end }}`,
	"home.jsonfeed.json": `{"version": "https://jsonfeed.org/version/1.1", "title": {{ site.Title | jsonify }}}`,
	"home.rss.xml":       `<rss version="2.0"><channel><title>{{ site.Title }}</title></channel></rss>`,
	"home.html": `{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range first 20 site.RegularPages.ByDate.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}`,
}

// Baseline renders a plain site of n pages whose HTML is about size bytes
// each, through minimal templates, with the same Hugo and the same fixed
// configuration as Site: the floor the chronicle's render is measured
// against. Pages sit in sections of 1,000 (so that no list is unusually
// long), each with a paginated list. dir is a scratch folder, emptied by the
// caller. cacheLimit is Options.CacheLimit, as the build sets it. cpu, if
// not nil, reads the process's CPU time, to measure the render's.
func Baseline(dir string, n, size int, cacheLimit int64, cpu func() time.Duration) (BaselineResult, error) {
	var res BaselineResult
	start := time.Now()
	content := filepath.Join(dir, "content")
	layouts := filepath.Join(dir, "layouts")
	for name, text := range baselineLayouts {
		if err := writeFile(filepath.Join(layouts, name), text); err != nil {
			return res, err
		}
	}
	if err := writeFile(filepath.Join(content, "_index.md"), "---\ntitle: Baseline\n---\n"); err != nil {
		return res, err
	}
	body := baselineBody(max(size-600, 200)) // the templates add about 600 bytes
	t0 := time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range n {
		sec := fmt.Sprintf("s%03d", i/1000)
		if i%1000 == 0 {
			if err := writeFile(filepath.Join(content, sec, "_index.md"), fmt.Sprintf("---\ntitle: Section %d\n---\n", i/1000)); err != nil {
				return res, err
			}
		}
		text := fmt.Sprintf("---\ntitle: Page %d\ndate: %s\n---\n%s", i, t0.Add(time.Duration(i)*time.Minute).Format(time.RFC3339), body[i%len(body)])
		if err := writeFile(filepath.Join(content, sec, fmt.Sprintf("p%06d.md", i)), text); err != nil {
			return res, err
		}
	}
	res.Write = time.Since(start)
	var cpu0 time.Duration
	if cpu != nil {
		cpu0 = cpu()
	}
	start = time.Now()
	st, err := Site(Options{
		ContentDir: content, LayoutsDir: layouts, PublishDir: filepath.Join(dir, "public"),
		WorkDir: filepath.Join(dir, "work"), BaseURL: "https://baseline.test/", Title: "Baseline",
		CacheLimit: cacheLimit,
	})
	res.Duration = time.Since(start)
	if cpu != nil {
		res.CPU = cpu() - cpu0
	}
	res.Pages, res.Bytes = st.Pages, st.Bytes
	return res, err
}

// baselineBody makes a few Markdown bodies of about size bytes: paragraphs
// of plain news-like text, with some emphasis and a list.
func baselineBody(size int) []string {
	words := strings.Fields("the talks in Geneva ended without a breakthrough but both sides agreed to keep talking while troops remained near the border and officials in Paris Berlin Washington and Brussels warned of severe consequences if the situation escalated further over the coming days")
	var out []string
	for v := range 7 {
		var b strings.Builder
		for k := 0; b.Len() < size; k++ {
			if k%5 == 4 {
				b.WriteString("- " + words[(k+v)%len(words)] + " and " + words[(k*3+v)%len(words)] + "\n\n")
				continue
			}
			for j := range 45 {
				w := words[(k*7+j*3+v)%len(words)]
				if j == 0 {
					w = strings.ToUpper(w[:1]) + w[1:]
				}
				if j == 10 {
					w = "*" + w + "*"
				}
				b.WriteString(w)
				b.WriteByte(' ')
			}
			b.WriteString("end.\n\n")
		}
		out = append(out, b.String())
	}
	return out
}

func writeFile(path, text string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, []byte(text), 0o644)
}
