package pages

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"chronicle/generator/entry"
)

// TestLinksLeadToPages: every link a page's front matter carries (a url,
// an entry's capture_url) is the address of a page that the write stage
// writes, and a link to a page that is not written (a person outside the
// registry, a thread without entries, a credit without a person) is left
// out. The links of an entry page are its day, its capture, its people
// with their roles, its threads and its authors.
func TestLinksLeadToPages(t *testing.T) {
	c := handoutChronicle()
	c.Threads = []entry.Thread{{ID: "talks", Title: "The talks", Entries: []string{"e-quote"}}, {ID: "empty", Title: "No entries"}}
	e := &c.Entries[len(c.Entries)-2]
	if e.ID != "e-quote" {
		t.Fatalf("the chronicle's entries moved: %s", e.ID)
	}
	e.Threads = []string{"talks", "empty"}
	e.People = append(e.People, "not-in-the-registry")
	e.Authors = []entry.Author{{Name: "Cara Reed", Person: "cara-reed"}, {Name: "A Stringer"}}
	c.Series = []entry.Series{{ID: "troops", Title: "Troops", Unit: "troops", Claims: []entry.Claim{{Value: 100000, Text: "100,000 troops"}, {Value: 130000, Text: "130,000 troops"}}},
		{ID: "unclaimed", Title: "No claims"}}
	dir := t.TempDir()
	if _, err := Write(c, dir, Options{}); err != nil {
		t.Fatal(err)
	}

	fronts := map[string]map[string]any{} // content path → front matter
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		var front map[string]any
		if err := json.NewDecoder(strings.NewReader(string(data))).Decode(&front); err != nil {
			t.Errorf("%s: front matter: %v", p, err)
		}
		rel, _ := filepath.Rel(dir, p)
		fronts[filepath.ToSlash(rel)] = front
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	links := 0
	for p, front := range fronts {
		for _, u := range urlsIn(front) {
			links++
			if _, ok := fronts[strings.TrimPrefix(strings.TrimSuffix(u, ".html"), "/")+".md"]; !strings.HasPrefix(u, "/") || !ok {
				t.Errorf("%s links to %q, which is no page written", p, u)
			}
		}
	}
	// A day shows its entries whole: it holds their pages' paths.
	for _, p := range fronts["days/2022-02-01.md"]["entries"].([]any) {
		links++
		if _, ok := fronts[strings.TrimPrefix(p.(string), "/")+".md"]; !ok {
			t.Errorf("the day's entry %q is no page written", p)
		}
	}
	if links < 2*len(c.Entries) {
		t.Errorf("%d links in the front matter; each of the %d entries links to its day and its capture", links, len(c.Entries))
	}

	// The home page's lists, with the counts their pages give: a thread's
	// entries, a figure's claims, a publisher's entries (none for a
	// publisher whose capture gave none).
	home := fronts["_index.md"]
	for _, l := range []struct{ field, want string }{
		{"threads", `[{"count":1,"title":"The talks","url":"/threads/talks.html"}]`},
		{"series", `[{"count":2,"title":"Troops","url":"/figures/troops.html"}]`},
		{"publishers", fmt.Sprintf(`[{"count":%d,"title":"BBC News","url":"/publishers/bbc.html"},{"title":"The Independent","url":"/publishers/independent.html"}]`, len(c.Entries))},
	} {
		if b, _ := json.Marshal(home[l.field]); string(b) != l.want {
			t.Errorf("the home page's %s = %s, want %s", l.field, b, l.want)
		}
	}

	got := fronts["entries/e-quote.md"]
	for _, c := range []struct{ field, want string }{
		{"day_link", `{"title":"Tuesday 1 February 2022","url":"/days/2022-02-01.html"}`},
		{"capture_url", `"/captures/` + entry.CaptureID("000_bbc.txt") + `.html"`},
		{"people", `[{"role":"Foreign minister","title":"Anna Field","url":"/people/anna-field.html"}]`},
		{"threads", `[{"title":"The talks","url":"/threads/talks.html"}]`},
		{"authors", `[{"name":"Cara Reed","person":"cara-reed","url":"/people/cara-reed.html"},{"name":"A Stringer"}]`},
	} {
		if b, _ := json.Marshal(got[c.field]); string(b) != c.want {
			t.Errorf("e-quote's %s = %s, want %s", c.field, b, c.want)
		}
	}
}

// urlsIn are the page addresses a front matter holds: the values of its
// url and capture_url fields, at any depth.
func urlsIn(v any) []string {
	var out []string
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			if s, ok := x.(string); ok && (k == "url" || k == "capture_url") {
				out = append(out, s)
			}
			out = append(out, urlsIn(x)...)
		}
	case []any:
		for _, x := range v {
			out = append(out, urlsIn(x)...)
		}
	}
	return out
}
