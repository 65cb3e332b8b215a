package pages

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"chronicle/generator/entry"
)

// TestPlan: the batches of a chronicle over three days render every page
// exactly once, whole days with their entries together and the other pages
// last; each batch has stubs of the pages its templates look up, and the
// stubs are cut down as stub says.
func TestPlan(t *testing.T) {
	c := handoutChronicle()
	all := c.Days[0].Entries
	c.Days = []entry.Day{{Date: "2022-02-01", Entries: all[:12]}, {Date: "2022-02-02", Entries: all[12:24]}, {Date: "2022-02-03", Entries: all[24:]}}
	for i := range c.Entries {
		if i >= 12 {
			c.Entries[i].Time = c.Entries[i].Time.AddDate(0, 0, 1+min(1, (i-12)/12))
		}
	}
	dir, stubs := t.TempDir(), t.TempDir()
	st, err := Write(c, dir, Options{BaseURL: "https://example.org/", BatchEntries: 10, StubDir: stubs})
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Batches) != 5 {
		t.Fatalf("%d batches, want 3 of days, 1 of captures, parts and handouts, 1 of the rest", len(st.Batches))
	}
	var paths []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			paths = append(paths, filepath.ToSlash(rel))
		}
		return err
	})
	rendered := map[string]int{}
	for _, b := range st.Batches {
		for _, p := range b.Pages {
			rendered[p]++
		}
	}
	for _, p := range paths {
		if rendered[p] != 1 {
			t.Errorf("%s is rendered in %d batches", p, rendered[p])
		}
	}
	for i, day := range c.Days {
		b := st.Batches[i]
		in := set(b.Pages)
		if !in["days/"+day.Date+".md"] || len(b.Pages) != 1+len(day.Entries) {
			t.Errorf("batch %d renders %v, want day %s and its %d entries", i+1, b.Pages, day.Date, len(day.Entries))
		}
		stubbed := set(b.Stubs)
		want := []string{"_index.md", "glossary.md", "people/anna-field.md", "publishers/bbc.md", "notes/q-day.md",
			"captures/_index.md", "captures/000_bbc.md", "handouts/days/" + day.Date + ".md"}
		if i > 0 {
			want = append(want, "days/"+c.Days[i-1].Date+".md")
		}
		if i < 2 {
			want = append(want, "days/"+c.Days[i+1].Date+".md", "entries/e-analysis.md") // a note on day 1 is about it
		}
		for _, p := range want {
			if !stubbed[p] {
				t.Errorf("batch %d has no stub of %s", i+1, p)
			}
		}
		for _, p := range []string{"handouts/people/anna-field.md", "captures/002_unused.md", "entries/e-post-00.md"} {
			if stubbed[p] && !in[p] {
				t.Errorf("batch %d has a stub of %s, which none of its pages looks up", i+1, p)
			}
		}
	}
	if others := set(st.Batches[3].Pages); !others["captures/000_bbc.md"] || !others["handouts/people/anna-field.md"] || others["people/anna-field.md"] {
		t.Errorf("batch 4 renders %v, want the captures, parts and handouts", st.Batches[3].Pages)
	}
	last := st.Batches[len(st.Batches)-1]
	if got, want := len(last.Pages)+len(last.Stubs), len(paths); got != want {
		t.Errorf("the last batch holds %d pages, want all %d", got, want)
	}

	front := func(p string) (map[string]any, string) {
		data, err := os.ReadFile(filepath.Join(stubs, p))
		if err != nil {
			t.Fatal(err)
		}
		var f map[string]any
		dec := json.NewDecoder(strings.NewReader(string(data)))
		if err := dec.Decode(&f); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		return f, strings.TrimSpace(string(data[dec.InputOffset():]))
	}
	e, body := front("entries/e-quote.md")
	if e["title"] != "Field speaks" || e["build"].(map[string]any)["render"] != "link" || body != "" {
		t.Errorf("entry stub %v with body %q", e, body)
	}
	if _, ok := e["related"]; ok {
		t.Error("entry stub keeps its related entries")
	}
	if n, body := front("notes/q-day.md"); n["title"] != "Why?" || body != "Discuss." {
		t.Errorf("note stub %v with body %q, want the whole note", n, body)
	}
	if d, _ := front("days/2022-02-01.md"); len(d["entries"].([]any)) != 12 {
		t.Errorf("day stub %v, want the whole front matter", d)
	}
	if p, _ := front("people/anna-field.md"); p["title"] != "Anna Field" || p["role"] != "Foreign minister" || p["days"] != nil {
		t.Errorf("person stub %v, want plain values only", p)
	}
}

// set makes a set of strings.
func set(ss []string) map[string]bool {
	m := make(map[string]bool, len(ss))
	for _, s := range ss {
		m[s] = true
	}
	return m
}
