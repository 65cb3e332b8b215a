package synth

import (
	"crypto/sha256"
	"encoding/hex"
	"maps"
	"path/filepath"
	"slices"
	"testing"

	"chronicle/generator/annotate"
	"chronicle/generator/importer"
	"chronicle/generator/importer/capture"
	"chronicle/internal/testenv"
)

// registry is the project's annotations folder.
var registry = filepath.Join("..", "..", "content", "annotations")

// hashTree hashes the names and bytes of every file under dir, in the
// order of their slash paths.
func hashTree(t *testing.T, dir string) string {
	t.Helper()
	h := sha256.New()
	files := testenv.ReadTree(t, dir)
	for _, name := range slices.Sorted(maps.Keys(files)) {
		h.Write([]byte(name + "\x00" + files[name] + "\x00"))
	}
	return hex.EncodeToString(h.Sum(nil))
}

func TestDeterministic(t *testing.T) {
	var sums []string
	for _, seed := range []uint64{7, 7, 8} {
		dir := t.TempDir()
		if _, err := Write(dir, Options{Entries: 600, Seed: seed, Annotations: registry}); err != nil {
			t.Fatal(err)
		}
		sums = append(sums, hashTree(t, dir))
	}
	if sums[0] != sums[1] {
		t.Errorf("the same entries and seed gave different corpora: %s, %s", sums[0], sums[1])
	}
	if sums[0] == sums[2] {
		t.Errorf("seeds 7 and 8 gave the same corpus")
	}
}

func TestRefusesToOverwrite(t *testing.T) {
	dir := t.TempDir()
	if _, err := Write(dir, Options{Entries: 30, Seed: 1, Annotations: registry}); err != nil {
		t.Fatal(err)
	}
	if _, err := Write(dir, Options{Entries: 30, Seed: 1, Annotations: registry}); err == nil {
		t.Error("a second corpus was written over the first")
	}
}

// TestImports reads a 1k corpus through the real readers: no errors, no
// warnings, exactly the entries asked for, and annotate finds people, quotes,
// threads and figures in them and accepts the notes.
func TestImports(t *testing.T) {
	const n = 1000
	dir := t.TempDir()
	st, err := Write(dir, Options{Entries: n, Seed: 1, Annotations: registry})
	if err != nil {
		t.Fatal(err)
	}
	if st.Entries != n || st.Captures < n/60 || st.Days < n/80 {
		t.Errorf("stats %+v: want %d entries over many pages and days", st, n)
	}
	res, err := importer.Import([]string{SourcesDir(dir)}, importer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range res.Problems {
		if p.Severity != capture.Notice {
			t.Errorf("%s", p)
		}
	}
	if e, w := res.Count(capture.Error), res.Count(capture.Warning); e+w > 0 {
		t.Fatalf("%d errors, %d warnings", e, w)
	}
	if len(res.Entries) != n {
		t.Fatalf("imported %d entries, want %d", len(res.Entries), n)
	}
	formats := map[string]int{}
	for _, c := range res.Captures {
		formats[c.Format]++
	}
	if formats["bbc-live"] == 0 || formats["yahoo-live"] == 0 {
		t.Errorf("formats %v: want both", formats)
	}
	kinds := map[string]int{}
	blocks := map[string]int{}
	links := 0
	for _, e := range res.Entries {
		kinds[string(e.Kind)]++
		for _, b := range e.Body {
			blocks[string(b.Type)]++
			links += len(b.Links)
		}
	}
	for _, k := range []string{"post", "analysis", "stub"} {
		if kinds[k] == 0 {
			t.Errorf("no %s entries: %v", k, kinds)
		}
	}
	for _, b := range []string{"paragraph", "list", "quote", "figure", "video", "embed", "related"} {
		if blocks[b] == 0 {
			t.Errorf("no %s blocks: %v", b, blocks)
		}
	}
	if links == 0 {
		t.Error("no `, external` link markers were read")
	}
	reg, err := annotate.LoadRegistry(AnnotationsDir(dir))
	if err != nil {
		t.Fatal(err)
	}
	c, err := annotate.Annotate(res.Captures, res.Entries, reg)
	if err != nil {
		t.Fatal(err)
	}
	named, quoted, threaded := 0, 0, 0
	for _, e := range c.Entries {
		if len(e.People) > 0 {
			named++
		}
		if len(e.Quotes) > 0 {
			quoted++
		}
		if len(e.Threads) > 0 {
			threaded++
		}
	}
	if named < n*8/10 || quoted < n/20 || threaded < n/5 {
		t.Errorf("of %d entries, %d name people, %d quote them, %d are in threads", n, named, quoted, threaded)
	}
	if len(c.Notes) == 0 || len(c.Days) < n/80 {
		t.Errorf("%d notes, %d days", len(c.Notes), len(c.Days))
	}
}
