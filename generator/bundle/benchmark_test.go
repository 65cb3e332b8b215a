package bundle

import (
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"chronicle/internal/searchbench"
)

var update = flag.Bool("update", false, "rewrite testdata/seed_search.txt from the search page's results")

// seedSearchFile lists, for each query of the search benchmark, the seed
// entries it found before the index was routed by term (issue 17): one
// line a query, "name: id id …", the IDs sorted.
const seedSearchFile = "testdata/seed_search.txt"

// TestBenchmarkQueriesOnSeeds runs each search of the benchmark on the
// unzipped seed archive, from file://, and checks that it finds the
// entries listed in testdata/seed_search.txt, no more and no fewer.
func TestBenchmarkQueriesOnSeeds(t *testing.T) {
	b, root, _ := offlineSeeds(t)
	base := fileURL(t, root, "") + "/"
	got := map[string][]string{}
	for _, q := range searchbench.Queries {
		ids := searchbench.Found(t, b, base, q)
		slices.Sort(ids)
		got[q.Name] = ids
	}
	if *update {
		var sb strings.Builder
		for _, q := range searchbench.Queries {
			sb.WriteString(q.Name + ": " + strings.Join(got[q.Name], " ") + "\n")
		}
		if err := os.MkdirAll(filepath.Dir(seedSearchFile), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(seedSearchFile, []byte(sb.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile(seedSearchFile)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		name, ids, _ := strings.Cut(line, ":")
		want[name] = strings.Fields(ids)
	}
	for _, q := range searchbench.Queries {
		w, ok := want[q.Name]
		if !ok {
			t.Errorf("%s: not in %s", q.Name, seedSearchFile)
			continue
		}
		if len(w) == 0 {
			t.Errorf("%s (%s): the seeds' list is empty; a benchmark query must find something", q.Name, q.Params)
		}
		if !slices.Equal(got[q.Name], w) {
			t.Errorf("%s (%s): found %d entries, want %d\n missing: %v\n extra: %v", q.Name, q.Params, len(got[q.Name]), len(w), minus(w, got[q.Name]), minus(got[q.Name], w))
		}
	}
}

// minus lists the strings of a that b lacks.
func minus(a, b []string) []string {
	var out []string
	for _, s := range a {
		if !slices.Contains(b, s) {
			out = append(out, s)
		}
	}
	return out
}
