package searchindex

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"chronicle/generator/entry"
	"chronicle/internal/tabletest"
)

// chronicle makes a synthetic chronicle of n entries over days days, with
// people people in the registry, each entry about textRunes of text.
func chronicle(n, days, people, textRunes int) *entry.Chronicle {
	rng := rand.New(rand.NewPCG(1, 2))
	words := strings.Fields("Ukraine Russia Nord Stream pipeline sanctions troops border Kyiv Moscow talks NATO summit " +
		"minister president said warned invasion diplomats embassy Donbas separatists ceasefire gas Europe Germany " +
		"Washington London Paris Berlin Minsk agreement military exercises Belarus Black Sea ships drills statement")
	c := &entry.Chronicle{}
	for i := 0; i < people; i++ {
		c.People = append(c.People, entry.Person{ID: fmt.Sprintf("person-%04d", i), Name: fmt.Sprintf("Person %04d Surname", i)})
	}
	pubs := [][2]string{{"bbc", "BBC News"}, {"independent", "The Independent"}, {"guardian", "The Guardian"}}
	start := time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < n; i++ {
		t := start.Add(time.Duration(i) * (time.Duration(days) * 24 * time.Hour / time.Duration(n)))
		var title, text []string
		for len(strings.Join(title, " ")) < 60 {
			title = append(title, words[rng.IntN(len(words))])
		}
		for len(strings.Join(text, " ")) < textRunes {
			text = append(text, words[rng.IntN(len(words))])
		}
		p := pubs[i%len(pubs)]
		e := entry.Entry{
			ID: fmt.Sprintf("%s-%s-%06d", t.Format("2006-01-02-1504"), p[0], i), Publisher: p[1], PublisherID: p[0],
			Time: t, LocalTime: t.Format("15:04"), Title: strings.Join(title, " "), Kind: entry.KindPost,
			Body: []entry.Block{{Type: entry.BlockParagraph, Text: strings.Join(text, " ")}},
		}
		for k := rng.IntN(4); k > 0; k-- {
			e.People = append(e.People, c.People[rng.IntN(people)].ID)
		}
		c.Entries = append(c.Entries, e)
	}
	return c
}

var call = regexp.MustCompile(`^ChronicleSearch\.(manifest|lexicon|postings|doc)\((\d+,)?(.*)\);\n$`)

// decode reads the JSON out of an index file.
func decode(t *testing.T, f File, v any) {
	t.Helper()
	m := call.FindSubmatch(f.Data)
	if m == nil {
		t.Fatalf("%s is not a call of ChronicleSearch: %.80s", f.Path, f.Data)
	}
	if err := json.Unmarshal(m[3], v); err != nil {
		t.Fatalf("%s: %v", f.Path, err)
	}
}

// reader reads an index as search.js does, for the tests: a term leads to
// its lexicon part, the part to the term's posting file.
type reader struct {
	t        *testing.T
	m        Manifest
	lexicon  [][][3]any
	postings []map[string]string
	files    map[string]File
}

func newReader(t *testing.T, x *Index) *reader {
	t.Helper()
	r := &reader{t: t, files: map[string]File{}}
	decode(t, x.Manifest, &r.m)
	for _, f := range x.Files() {
		r.files[f.Path] = f
	}
	for i := range r.m.Lexicon {
		var rows [][3]any
		decode(t, r.file("l", i), &rows)
		r.lexicon = append(r.lexicon, rows)
	}
	for j := 0; ; j++ {
		f, ok := r.files[fmt.Sprintf("%s/p%d.js", r.m.Dir, j)]
		if !ok {
			break
		}
		var codes map[string]string
		decode(t, f, &codes)
		r.postings = append(r.postings, codes)
	}
	return r
}

func (r *reader) file(kind string, n int) File {
	r.t.Helper()
	p := fmt.Sprintf("%s/%s%d.js", r.m.Dir, kind, n)
	f, ok := r.files[p]
	if !ok {
		r.t.Fatalf("no file %s", p)
	}
	return f
}

// part is the lexicon part a term would be in: the last whose first term
// is not after it.
func (r *reader) part(term string) int {
	return max(sort.Search(len(r.m.Lexicon), func(i int) bool { return r.m.Lexicon[i] > term })-1, 0)
}

// lookUp is a term's lexicon row (df and posting file) and code, and the
// files read to find them.
func (r *reader) lookUp(term string) (df int, code string, files []string) {
	i := r.part(term)
	files = append(files, fmt.Sprintf("%s/l%d.js", r.m.Dir, i))
	for _, row := range r.lexicon[i] {
		if row[0] == term {
			j := int(row[2].(float64))
			files = append(files, fmt.Sprintf("%s/p%d.js", r.m.Dir, j))
			return int(row[1].(float64)), r.postings[j][term], files
		}
	}
	return 0, "", files
}

// decodeCode reads a term's postings as search.js does: document → impact
// level; for code B, documents not in the top list have the floor.
func decodeCode(t *testing.T, code string) map[int]int {
	t.Helper()
	out := map[int]int{}
	digit := func(c byte) int { return strings.IndexByte(alphabet, c) }
	list := func(s string, withImpact bool) {
		doc, pos := -1, 0
		for pos < len(s) {
			n, shift := 0, 1
			for {
				c := digit(s[pos])
				pos++
				if c < 32 {
					n += c * shift
					break
				}
				n += (c - 32) * shift
				shift *= 32
			}
			doc += n + 1
			q := 0
			if withImpact {
				q = digit(s[pos])
				pos++
			}
			out[doc] = max(out[doc], q)
		}
	}
	switch code[0] {
	case 'L', 'M':
		list(code[1:], code[0] == 'L')
	case 'B':
		floor := digit(code[1])
		bar := strings.IndexByte(code, '|')
		for i := 2; i < bar; i++ {
			for b := 0; b < 6; b++ {
				if digit(code[i])&(1<<b) != 0 {
					out[(i-2)*6+b] = floor
				}
			}
		}
		list(code[bar+1:], true)
	default:
		t.Fatalf("unknown code %.10q", code)
	}
	return out
}

func TestDocument(t *testing.T) {
	c := &entry.Chronicle{
		People: []entry.Person{{ID: "zed", Name: "Zed Last"}, {ID: "amy", Name: "amy first"}, {ID: "jo", Name: "Jo Writer"}},
		Entries: []entry.Entry{{
			ID: "2022-01-27-1405-x-a", Publisher: "X News", PublisherID: "x", Time: time.Date(2022, 1, 27, 14, 5, 0, 0, time.UTC),
			Title: "  Nord   Stream <b>2</b> ", People: []string{"zed", "amy"}, Authors: []entry.Author{{Name: "Jo", Person: "jo"}},
			Body: []entry.Block{{Type: entry.BlockParagraph, Text: "First\nline.  </script>"}, {Type: entry.BlockEmbed, Provider: "Twitter"}},
		}, {
			ID: "2022-01-26-0900-y-b", Publisher: "Y", PublisherID: "y", Time: time.Date(2022, 1, 26, 9, 0, 0, 0, time.UTC), LocalTime: "09:00",
		}},
	}
	x, err := Build(c, Options{})
	if err != nil {
		t.Fatal(err)
	}
	r := newReader(t, x)
	got, _ := json.Marshal([]any{r.m.People, r.m.Publishers, r.m.Days})
	want := `[[["amy","amy first",1],["jo","Jo Writer",1],["zed","Zed Last",1]],[["x","X News",1],["y","Y",1]],{"from":"2022-01-26","counts":[1,1]}]`
	if string(got) != want {
		t.Errorf("manifest lists\n%s\nwant\n%s", got, want)
	}
	// Documents are numbered in time order.
	var docs [][]any
	for n := range 2 {
		var d []any
		decode(t, r.file("d", n), &d)
		docs = append(docs, d)
		if bytes.Contains(r.file("d", n).Data, []byte("</script")) {
			t.Error("a document's file holds </script as written")
		}
	}
	got, _ = json.Marshal(docs)
	want = `[["2022-01-26-0900-y-b","Untitled entry at 09:00","","2022-01-26T09:00",1],["2022-01-27-1405-x-a","Nord Stream \u003cb\u003e2\u003c/b\u003e","First line. \u003c/script\u003e [Twitter post]","2022-01-27T14:05",0]]`
	if string(got) != want {
		t.Errorf("documents\n%s\nwant\n%s", got, want)
	}
	// Words and filters lead to their documents.
	for term, want := range map[string]string{"nord": "[1]", "twitter": "[1]", "untitled": "[0]", "pub:y": "[0]", "person:jo": "[1]", "person:amy": "[1]"} {
		_, code, _ := r.lookUp(term)
		if code == "" {
			t.Errorf("%s: not in the index", term)
			continue
		}
		if got := fmt.Sprint(slices.Sorted(maps.Keys(decodeCode(t, code)))); got != want {
			t.Errorf("%s: documents %s, want %s", term, got, want)
		}
	}
	again, _ := Build(c, Options{})
	if !slices.EqualFunc(again.Files(), x.Files(), func(a, b File) bool { return a.Path == b.Path && bytes.Equal(a.Data, b.Data) }) {
		t.Error("two builds differ")
	}
}

// TestTerms: the index splits and folds words as search.js does.
func TestTerms(t *testing.T) {
	tabletest.Func(t, "Terms", func(in string) string { return fmt.Sprint(Terms(in)) }, map[string]string{
		"Putin's warning":            "[putin warning]",
		"Zelenskyy’s “peace” plan":   "[zelenskyy peace plan]",
		"Kyiv-based, at the border":  "[kyiv based border]",
		"Élysée Palace":              "[elysee palace]",
		"the of and":                 "[]",
		"£1.5bn on 24 February 2022": "[£1 5bn 24 february 2022]",
		"a b c de":                   "[de]",
	})
}

// TestCodes: postings written in each code read back the same: every
// document, with its impact, except that in code B the documents outside
// the top list read as the floor, which is no higher than any of the top.
func TestCodes(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, tc := range []struct {
		name       string
		docs, n    int
		withImpact bool
		kind       byte
	}{
		{"few", 10_000, 30, true, 'L'},
		{"one", 100, 1, true, 'L'},
		{"far apart", 1_000_000, 50, true, 'L'},
		{"members", 5_000, 200, false, 'M'},
		{"most", 20_000, 15_000, true, 'B'},
		{"most members", 20_000, 15_000, false, 'B'},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ps := randomPostings(rng, tc.docs, tc.n, tc.withImpact)
			code := encode(ps, tc.docs, tc.withImpact)
			if code[0] != tc.kind {
				t.Fatalf("code %c, want %c", code[0], tc.kind)
			}
			checkDecoded(t, ps, code, tc.withImpact)
		})
	}
}

// randomPostings draws n documents of docs, with impacts when withImpact.
func randomPostings(rng *rand.Rand, docs, n int, withImpact bool) []posting {
	seen := map[int]bool{}
	var ps []posting
	for len(ps) < n {
		d := rng.IntN(docs)
		if seen[d] {
			continue
		}
		seen[d] = true
		p := posting{doc: d}
		if withImpact {
			p.impact = rng.IntN(ImpactLevels)
		}
		ps = append(ps, p)
	}
	sortByDoc(ps)
	return ps
}

// checkDecoded compares postings with what their code reads back as.
func checkDecoded(t *testing.T, ps []posting, code string, withImpact bool) {
	t.Helper()
	got := decodeCode(t, code)
	floor := -1 // the impact of the documents outside code B's top list
	if code[0] == 'B' && withImpact && len(ps) > TopPostings {
		floor = strings.IndexByte(alphabet, code[1])
	}
	if len(got) != len(ps) {
		t.Fatalf("%d documents read back, want %d", len(got), len(ps))
	}
	exact := 0
	for _, p := range ps {
		q, ok := got[p.doc]
		switch {
		case !ok:
			t.Fatalf("document %d lost", p.doc)
		case !withImpact && q != 0:
			t.Fatalf("document %d: impact %d in a filter's postings", p.doc, q)
		case q == p.impact:
			exact++
		case q == floor && p.impact <= floor:
			// Outside the top list: the highest impact outside it.
		default:
			t.Fatalf("document %d reads impact %d, not its %d (floor %d)", p.doc, q, p.impact, floor)
		}
	}
	if withImpact && exact < min(len(ps), TopPostings) {
		t.Errorf("only %d documents read back their impact exactly", exact)
	}
}

// FuzzCodes: any postings read back as written.
func FuzzCodes(f *testing.F) {
	f.Add([]byte{0, 1, 2, 3}, uint16(10), true)
	f.Add([]byte{255, 255, 0, 7, 31, 32, 33}, uint16(2000), false)
	f.Fuzz(func(t *testing.T, gaps []byte, docs uint16, withImpact bool) {
		var ps []posting
		doc := -1
		for i, g := range gaps {
			doc += int(g) + 1
			p := posting{doc: doc}
			if withImpact {
				p.impact = (i * 7) % ImpactLevels
			}
			ps = append(ps, p)
		}
		n := max(int(docs), doc+1)
		if len(ps) == 0 {
			return
		}
		checkDecoded(t, ps, encode(ps, n, withImpact), withImpact)
	})
}

// TestRouting builds the index of 3,000 entries in parts of 400 bytes: every
// term of every entry leads, through the part the manifest routes it to,
// to postings that list exactly the entries that hold it; the days are
// runs of documents in time order.
func TestRouting(t *testing.T) {
	c := chronicle(3000, 90, 50, 700)
	x, err := Build(c, Options{PartBytes: 400})
	if err != nil {
		t.Fatal(err)
	}
	r := newReader(t, x)
	if r.m.Version != Version || r.m.Entries != 3000 || len(r.m.Lexicon) < 3 || len(r.postings) < 3 {
		t.Fatalf("manifest: version %d, %d entries, %d lexicon parts, %d posting files", r.m.Version, r.m.Entries, len(r.m.Lexicon), len(r.postings))
	}
	order := timeOrder(c)
	holds := map[string][]int{}
	n := 0
	from, err := time.Parse(time.DateOnly, r.m.Days.From)
	if err != nil {
		t.Fatal(err)
	}
	for i, count := range r.m.Days.Counts {
		day := from.AddDate(0, 0, i).Format(time.DateOnly)
		for range count {
			e := &c.Entries[order[n]]
			if got := e.Time.UTC().Format(time.DateOnly); got != day {
				t.Fatalf("document %d is of %s, in the run of %s", n, got, day)
			}
			for _, w := range append(Terms(e.Title), Terms(Text(e, DefaultMaxTextRunes))...) {
				if l := holds[w]; len(l) == 0 || l[len(l)-1] != n {
					holds[w] = append(l, n)
				}
			}
			holds["pub:"+e.PublisherID] = append(holds["pub:"+e.PublisherID], n)
			n++
		}
	}
	if n != 3000 {
		t.Fatalf("the days hold %d documents", n)
	}
	for term, want := range holds {
		df, code, _ := r.lookUp(term)
		if df != len(want) || code == "" {
			t.Fatalf("%s: df %d, want %d (code %q)", term, df, len(want), code)
		}
		got := slices.Sorted(maps.Keys(decodeCode(t, code)))
		if !slices.Equal(got, want) {
			t.Fatalf("%s: %d documents, want %d", term, len(got), len(want))
		}
	}
	for _, f := range x.Lexicon {
		if len(f.Data) > 400+100 {
			t.Errorf("%s: %d bytes, over the part size", f.Path, len(f.Data))
		}
	}
}

func TestTextIsCut(t *testing.T) {
	e := &entry.Entry{Body: []entry.Block{{Type: entry.BlockParagraph, Text: strings.Repeat("word ", 100)}}}
	s := Text(e, 52)
	if s != strings.TrimSpace(strings.Repeat("word ", 10))+"…" {
		t.Errorf("cut to %q", s)
	}
}

func TestWrite(t *testing.T) {
	site := t.TempDir()
	st, err := Write(chronicle(200, 40, 10, 300), site, Options{})
	if err != nil {
		t.Fatal(err)
	}
	index, _, err := OnDisk(site)
	if err != nil || index != st.Bytes || st.Docs != 200 || st.Files < 203 {
		t.Errorf("wrote %+v; on disk %d bytes (%v)", st, index, err)
	}
	if _, err := os.Stat(filepath.Join(site, filepath.FromSlash(ManifestPath))); err != nil {
		t.Error(err)
	}
}

// TestHundredThousandEntries checks the design at scale: for 100,000
// entries over three years, with 2,000 people, a search of one word loads
// the manifest, one lexicon part and one posting file; a search of three
// words and its first 20 results stay under 300 kB, though every word of
// this corpus is in most entries. (The browser benchmark,
// internal/searchbench, measures what the page really loads.)
func TestHundredThousandEntries(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 100,000-entry index")
	}
	c := chronicle(100_000, 3*365, 2000, 750)
	start := time.Now()
	x, err := Build(c, Options{})
	if err != nil {
		t.Fatal(err)
	}
	took := time.Since(start)
	r := newReader(t, x)
	size := func(paths []string) int {
		n := 0
		for _, p := range paths {
			n += len(r.files[p].Data)
		}
		return n
	}
	man := len(x.Manifest.Data)
	worst, worstWord := 0, ""
	for _, w := range []string{"ukraine", "nord", "sanctions", "person:person-0007", "pub:bbc"} {
		_, code, files := r.lookUp(w)
		if code == "" {
			t.Fatalf("%s: not in the index", w)
		}
		if n := size(files); n > worst {
			worst, worstWord = n, w
		}
	}
	docs := 0
	for _, d := range x.Docs[:20] {
		docs += len(d.Data)
	}
	query := man + 3*worst + docs
	t.Logf("100,000 entries: index %.1f MB in %d files, built in %v; manifest %d kB (%d kB gzipped); a word costs at most %d kB (%s); 20 results %d kB; three words and 20 results %d kB",
		float64(x.Bytes())/1e6, len(x.Files()), took.Round(time.Millisecond), man>>10, gz(x.Manifest.Data)>>10, worst>>10, worstWord, docs>>10, query>>10)
	if man > 100<<10 {
		t.Errorf("manifest of %d bytes; the first download must stay small", man)
	}
	if query > 300_000 {
		t.Errorf("a search of three words loads %d bytes, over 300 kB", query)
	}
}

func gz(data []byte) int {
	var b bytes.Buffer
	w, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
	w.Write(data)
	w.Close()
	return b.Len()
}

// TestVendoredMiniSearch: static/js/searchablemap.js is MiniSearch's
// SearchableMap of the version that package.json pins
// (scripts/vendor-minisearch.sh refreshes it).
func TestVendoredMiniSearch(t *testing.T) {
	pkg, err := os.ReadFile("../../package.json")
	if err != nil {
		t.Fatal(err)
	}
	var p struct {
		DevDependencies map[string]string `json:"devDependencies"`
	}
	if err := json.Unmarshal(pkg, &p); err != nil {
		t.Fatal(err)
	}
	v := p.DevDependencies["minisearch"]
	js, err := os.ReadFile("../../static/js/searchablemap.js")
	if err != nil {
		t.Fatal(err)
	}
	if v == "" || !bytes.HasPrefix(js, []byte("/*! MiniSearch "+v+" SearchableMap | MIT License")) {
		t.Errorf("static/js/searchablemap.js is not MiniSearch %q of package.json: %.80s", v, js)
	}
	if _, err := os.Stat("../../static/js/minisearch.LICENSE.txt"); err != nil {
		t.Error(err)
	}
}

// TestSynonyms: the registry's spellings and the glossary's aliases make
// groups of words a search treats as one (Kiev and Kyiv); a surname that
// two people share, alone, makes none.
func TestSynonyms(t *testing.T) {
	c := &entry.Chronicle{
		People: []entry.Person{
			{ID: "volodymyr-zelensky", Name: "Volodymyr Zelensky", Aliases: []string{"Zelenskyy", "Volodymyr Zelenskiy"}, Misspellings: []string{"Zelenksy"}},
			{ID: "jake-sullivan", Name: "Jake Sullivan", Aliases: []string{"Sullivan"}},
			{ID: "john-sullivan", Name: "John Sullivan", Aliases: []string{"Sullivan"}},
		},
		Terms: []entry.Term{{ID: "kyiv", Term: "Kyiv", Aliases: []string{"Kiev"}}, {ID: "nato", Term: "Nato", Aliases: []string{"NATO"}},
			{ID: "sanctions", Term: "Sanctions", Aliases: []string{"sanctions package"}}, {ID: "pm", Term: "Prime Minister", Aliases: []string{"PM"}}},
	}
	got := fmt.Sprint(Synonyms(c))
	if want := "[[kiev kyiv] [zelenksy zelenskiy zelensky zelenskyy]]"; got != want {
		t.Errorf("synonyms %s, want %s", got, want)
	}
}

// TestOtherPages: the index lists the people the entries name, the
// glossary's terms, the threads and the notes, with their addresses from
// the kinds' routes, for a search to find apart from the entries (Build
// hands it the people the entries name).
func TestOtherPages(t *testing.T) {
	c := &entry.Chronicle{
		People: []entry.Person{{ID: "anna-field", Name: "Anna Field", Aliases: []string{"Field"}, Role: "Mayor"},
			{ID: "nobody", Name: "No Body"}}, // named in no entry: no page
		Terms:   []entry.Term{{ID: "kyiv", Term: "Kyiv", Aliases: []string{"Kiev"}}},
		Threads: []entry.Thread{{ID: "talks", Title: "The talks", Keywords: []string{"Geneva"}}},
		Notes:   []entry.Note{{ID: "context-geneva", Title: "Why Geneva"}},
	}
	got := fmt.Sprint(otherPages(c, map[string]int{"anna-field": 1}, func(kind, id string) string { return kind + "/" + id + ".html" }))
	want := "[[person Anna Field person/anna-field.html Field Mayor] [term Kyiv glossary/.html#kyiv Kiev] [thread The talks thread/talks.html Geneva] [note Why Geneva note/context-geneva.html ]]"
	if got != want {
		t.Errorf("pages\n%s\nwant\n%s", got, want)
	}
}
