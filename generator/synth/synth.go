// Package synth writes a synthetic corpus for benchmarks and scale tests:
// capture files of both formats (bbc-live and yahoo-live) with their
// sidecars, exactly as a person would have copied them from a browser, and
// an annotations folder to go with them.
//
//	DIR/content/sources/00000_bbc_2022-01-01.txt   a BBC live page
//	DIR/content/sources/00000_bbc_2022-01-01.toml  its sidecar
//	DIR/content/sources/00001_independent_…        an Independent live blog
//	DIR/content/annotations/people.toml            copied from the project
//	DIR/content/annotations/glossary.toml          copied from the project
//	DIR/content/annotations/threads.toml           copied from the project
//	DIR/content/annotations/figures.toml           the project's series, without
//	                                               its hand-checked claims (they
//	                                               cite lines of the real captures)
//	DIR/content/annotations/notes/*.md             editors' notes about synthetic
//	                                               entries, days, people and terms
//
// The corpus has the shape of the seeds: one live page per publisher per day,
// 20 to 60 entries a page, BBC pages newest first with a summary, analysis
// entries with bylines and roles, photos with credits and captions, videos,
// pull quotes and embedded-tweet blocks; Independent pages in either order,
// with reader chrome, a lede, key points, entries of the previous day that
// print their date, photo captions printed twice, related-article lines,
// title-only entries, empty stubs and paragraphs broken mid-sentence. Links
// leave their `, external` markers. People are taken from the project's
// registry and written in all their spellings, the well-known ones far more
// often than the rest, so that some are named in a fifth of the entries; the
// numbers of the registry's figures recur.
//
// The output depends only on the number of entries, the seed and the
// registry: the same three give the same bytes. Nothing is taken from the
// clock, the environment or the order of a map.
package synth

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"chronicle/generator/annotate"
)

// Options configure a corpus.
type Options struct {
	// Entries is how many entries the corpus has, exactly.
	Entries int
	// Seed picks the corpus; the same seed gives the same bytes.
	Seed uint64
	// Annotations is the project's annotations folder: its people,
	// glossary, threads and figures are used and copied.
	Annotations string
	// Start is the first day (YYYY-MM-DD); 2022-01-01 when empty.
	Start string
}

// Stats says what was written.
type Stats struct {
	Captures int
	Entries  int
	Days     int
	Notes    int
	Bytes    int64 // bytes of the capture files
}

// pagePlan is one capture to write.
type pagePlan struct {
	index     int
	day       time.Time // the page date, midnight UTC
	publisher string    // "bbc" or "independent"
	entries   int
	seed      uint64
}

// written is what the writing of a page reports back.
type written struct {
	file  string
	bytes int
	notes []noteTarget
	err   error
}

// noteTarget is an entry line a note may be about.
type noteTarget struct {
	file  string
	line  int
	title string
}

// SourcesDir and AnnotationsDir are where Write puts the corpus under dir.
func SourcesDir(dir string) string     { return filepath.Join(dir, "content", "sources") }
func AnnotationsDir(dir string) string { return filepath.Join(dir, "content", "annotations") }

// Write writes a corpus of opts.Entries entries under dir (see the package
// documentation). dir/content must not exist yet, or be empty.
func Write(dir string, opts Options) (Stats, error) {
	var st Stats
	if opts.Entries < 1 {
		return st, errors.New("synth: the number of entries must be at least 1")
	}
	start := time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC)
	if opts.Start != "" {
		t, err := time.Parse(time.DateOnly, opts.Start)
		if err != nil {
			return st, fmt.Errorf("synth: start %q is not a date (YYYY-MM-DD)", opts.Start)
		}
		start = t
	}
	content := filepath.Join(dir, "content")
	if ents, err := os.ReadDir(content); err == nil && len(ents) > 0 {
		return st, fmt.Errorf("synth: %s is not empty; write into a new folder", content)
	}
	reg, err := annotate.LoadRegistry(opts.Annotations)
	if err != nil {
		return st, fmt.Errorf("synth: registry: %w", err)
	}
	w, err := newWorld(reg)
	if err != nil {
		return st, err
	}
	src := SourcesDir(dir)
	if err := os.MkdirAll(src, 0o755); err != nil {
		return st, err
	}
	plans := plan(opts.Entries, opts.Seed, start)
	results := make([]written, len(plans))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				results[i] = writePage(src, w, plans[i])
			}
		}()
	}
	for i := range plans {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	var targets []noteTarget
	lastDay := time.Time{}
	for i, r := range results {
		if r.err != nil {
			return st, r.err
		}
		st.Captures++
		st.Entries += plans[i].entries
		st.Bytes += int64(r.bytes)
		if !plans[i].day.Equal(lastDay) {
			st.Days++
			lastDay = plans[i].day
		}
		targets = append(targets, r.notes...)
	}
	n, err := writeAnnotations(AnnotationsDir(dir), opts, w, plans, targets)
	st.Notes = n
	return st, err
}

// plan lays the corpus out: days from start, on each a page from one or
// both publishers, 20 to 60 entries a page, until there are n entries.
func plan(n int, seed uint64, start time.Time) []pagePlan {
	r := rand.New(rand.NewPCG(seed, 0x5eed))
	var out []pagePlan
	day := start
	for left := n; left > 0; day = day.AddDate(0, 0, 1) {
		pubs := []string{}
		switch x := r.IntN(10); {
		case x < 4:
			pubs = append(pubs, "bbc")
		case x < 7:
			pubs = append(pubs, "independent")
		default:
			pubs = append(pubs, "bbc", "independent")
		}
		for _, p := range pubs {
			if left == 0 {
				break
			}
			k := min(left, 20+r.IntN(41))
			if left-k > 0 && left-k < 3 {
				k = left // no page of one or two entries at the end
			}
			out = append(out, pagePlan{index: len(out), day: day, publisher: p, entries: k, seed: r.Uint64()})
			left -= k
		}
	}
	return out
}

// writePage generates one capture and its sidecar and writes them.
func writePage(dir string, w *world, p pagePlan) written {
	name := fmt.Sprintf("%05d_%s_%s", p.index, p.publisher, p.day.Format(time.DateOnly))
	g := &gen{r: rand.New(rand.NewPCG(p.seed, uint64(p.index))), w: w, file: name + ".txt"}
	var text, sidecar []byte
	if p.publisher == "bbc" {
		text, sidecar = g.bbcPage(p)
	} else {
		text, sidecar = g.independentPage(p)
	}
	res := written{file: name + ".txt", bytes: len(text), notes: g.targets}
	if err := os.WriteFile(filepath.Join(dir, name+".txt"), text, 0o644); err != nil {
		res.err = err
		return res
	}
	res.err = os.WriteFile(filepath.Join(dir, name+".toml"), sidecar, 0o644)
	return res
}

// writeAnnotations copies the project's registry files, the figures without
// their claims, and writes notes about some of the synthetic pages.
func writeAnnotations(dir string, opts Options, w *world, plans []pagePlan, targets []noteTarget) (int, error) {
	if err := os.MkdirAll(filepath.Join(dir, annotate.NotesDir), 0o755); err != nil {
		return 0, err
	}
	for _, name := range []string{annotate.PeopleFile, annotate.GlossaryFile, annotate.ThreadsFile, annotate.FiguresFile} {
		data, err := os.ReadFile(filepath.Join(opts.Annotations, name))
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			return 0, err
		}
		if name == annotate.FiguresFile {
			data = withoutClaims(data)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			return 0, err
		}
	}
	r := rand.New(rand.NewPCG(opts.Seed, 0x4e07e5))
	want := min(4+opts.Entries/500, 300)
	kinds := []string{"context", "correction", "fact-check", "question"}
	n := 0
	for i := 0; i < want && len(targets) > 0; i++ {
		var about, title string
		switch i % 4 {
		case 0, 1:
			t := targets[r.IntN(len(targets))]
			about = fmt.Sprintf("entry:%s:%d", t.file, t.line)
			title = "On “" + t.title + "”"
		case 2:
			d := plans[r.IntN(len(plans))].day.Format(time.DateOnly)
			about, title = "day:"+d, "What the pages of "+d+" leave out"
		case 3:
			if len(w.terms) > 0 && r.IntN(2) == 0 {
				t := w.termIDs[r.IntN(len(w.termIDs))]
				about, title = "term:"+t, "How the pages use the term "+t
			} else {
				p := w.news[r.IntN(min(len(w.news), 12))]
				about, title = "person:"+p.id, "Who "+p.name+" is"
			}
		}
		g := &gen{r: r, w: w}
		var body strings.Builder
		for range 1 + r.IntN(3) {
			body.WriteString(g.paragraph(g.person(), 2+r.IntN(3)))
			body.WriteString("\n\n")
		}
		note := fmt.Sprintf("+++\nkind = %q\nabout = %q\ntitle = %q\nauthor = \"Chronicle editors (synthetic)\"\n+++\n%s",
			kinds[r.IntN(len(kinds))], about, title, strings.TrimRight(body.String(), "\n")+"\n")
		if err := os.WriteFile(filepath.Join(dir, annotate.NotesDir, fmt.Sprintf("synthetic-%04d.md", i)), []byte(note), 0o644); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

// withoutClaims drops the [[series.claim]] tables of a figures file: they cite
// lines of the real captures, which a synthetic corpus does not have.
func withoutClaims(data []byte) []byte {
	var out bytes.Buffer
	skip := false
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		t := strings.TrimSpace(line)
		switch {
		case t == "[[series.claim]]":
			skip = true
		case strings.HasPrefix(t, "[[") || strings.HasPrefix(t, "["):
			skip = false
		}
		if !skip {
			out.WriteString(line)
			out.WriteByte('\n')
		}
	}
	return out.Bytes()
}
