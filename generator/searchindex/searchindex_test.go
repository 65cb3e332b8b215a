package searchindex

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"chronicle/generator/entry"
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

var call = regexp.MustCompile(`^ChronicleSearch\.(manifest|shard)\((\d+,)?(.*)\);\n$`)

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

func TestShardsAreWholeDaysOfOneMonth(t *testing.T) {
	c := chronicle(3000, 90, 50, 700)
	x, err := Build(c, Options{MaxShardBytes: 64 << 10})
	if err != nil {
		t.Fatal(err)
	}
	var m Manifest
	decode(t, x.Manifest, &m)
	if m.Version != Version || m.Entries != 3000 || len(m.Shards) != len(x.Shards) {
		t.Fatalf("manifest: version %d, %d entries, %d shards for %d files", m.Version, m.Entries, len(m.Shards), len(x.Shards))
	}
	seenDay := map[string]int{}
	total := 0
	for i, s := range m.Shards {
		f := x.Shards[i]
		if s.File != f.Path || s.Bytes != len(f.Data) || !strings.HasPrefix(f.Path, ShardDir+"/shard-") {
			t.Errorf("shard %d: manifest says %s of %d bytes, file is %s of %d", i, s.File, s.Bytes, f.Path, len(f.Data))
		}
		if s.From[:7] != s.To[:7] {
			t.Errorf("shard %d spans %s to %s: two months", i, s.From, s.To)
		}
		if s.Bytes > 64<<10 && s.From != s.To {
			t.Errorf("shard %d has %d bytes over several days", i, s.Bytes)
		}
		var docs [][]any
		decode(t, f, &docs)
		if len(docs) != s.Entries {
			t.Errorf("shard %d: %d docs, manifest says %d", i, len(docs), s.Entries)
		}
		for _, d := range docs {
			day := d[3].(string)[:10]
			if day < s.From || day > s.To {
				t.Errorf("shard %d (%s to %s) holds an entry of %s", i, s.From, s.To, day)
			}
			if j, ok := seenDay[day]; ok && j != i {
				t.Errorf("day %s is in shards %d and %d", day, j, i)
			}
			seenDay[day] = i
		}
		total += len(docs)
	}
	if total != 3000 || len(seenDay) != len(m.Days) {
		t.Errorf("%d docs in shards, %d days (manifest lists %d)", total, len(seenDay), len(m.Days))
	}
	if len(m.Shards) < 6 {
		t.Errorf("only %d shards", len(m.Shards))
	}
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
	var m Manifest
	decode(t, x.Manifest, &m)
	got, _ := json.Marshal([]any{m.People, m.Publishers, m.Days})
	want := `[[["amy","amy first",1],["jo","Jo Writer",1],["zed","Zed Last",1]],[["x","X News",1],["y","Y",1]],[["2022-01-26",1],["2022-01-27",1]]]`
	if string(got) != want {
		t.Errorf("manifest lists\n%s\nwant\n%s", got, want)
	}
	var docs [][]any
	decode(t, x.Shards[0], &docs)
	got, _ = json.Marshal(docs)
	want = `[["2022-01-26-0900-y-b","Untitled entry at 09:00","","2022-01-26T09:00",1,[]],["2022-01-27-1405-x-a","Nord Stream \u003cb\u003e2\u003c/b\u003e","First line. \u003c/script\u003e [Twitter post]","2022-01-27T14:05",0,[0,1,2]]]`
	if string(got) != want {
		t.Errorf("documents\n%s\nwant\n%s", got, want)
	}
	if bytes.Contains(x.Shards[0].Data, []byte("</script")) {
		t.Error("a shard holds </script as written")
	}
	again, _ := Build(c, Options{})
	if !bytes.Equal(again.Manifest.Data, x.Manifest.Data) || !bytes.Equal(again.Shards[0].Data, x.Shards[0].Data) || again.Shards[0].Path != x.Shards[0].Path {
		t.Error("two builds differ")
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
	if err != nil || index != st.Bytes || st.Docs != 200 || st.Shards != 2 {
		t.Errorf("wrote %+v; on disk %d bytes (%v)", st, index, err)
	}
	if _, err := os.Stat(filepath.Join(site, filepath.FromSlash(ManifestPath))); err != nil {
		t.Error(err)
	}
}

func gz(data []byte) int {
	var b bytes.Buffer
	w, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
	w.Write(data)
	w.Close()
	return b.Len()
}

// TestHundredThousandEntries checks the design at scale: for 100,000
// entries over three years, with 2,000 people, the first download of a
// search (the manifest) stays small, and every shard is bounded.
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
	maxShard, firstGz := 0, gz(x.Shards[len(x.Shards)-1].Data)
	for _, s := range x.Shards {
		maxShard = max(maxShard, len(s.Data))
	}
	man := len(x.Manifest.Data)
	t.Logf("100,000 entries: index %.1f MB in %d shards (largest %d kB), built in %v; manifest %d kB (%d kB gzipped); a shard ~%d kB gzipped",
		float64(x.Bytes())/1e6, len(x.Shards), maxShard>>10, took.Round(time.Millisecond), man>>10, gz(x.Manifest.Data)>>10, firstGz>>10)
	if man > 200<<10 {
		t.Errorf("manifest of %d bytes; the first download must stay small", man)
	}
	if maxShard > DefaultMaxShardBytes+4<<10 {
		t.Errorf("a shard of %d bytes", maxShard)
	}
}

// TestVendoredMiniSearch: static/js/minisearch.js is the version that
// package.json pins (scripts/vendor-minisearch.sh refreshes it).
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
	js, err := os.ReadFile("../../static/js/minisearch.js")
	if err != nil {
		t.Fatal(err)
	}
	if v == "" || !bytes.HasPrefix(js, []byte("/*! MiniSearch "+v+" | MIT License")) {
		t.Errorf("static/js/minisearch.js is not MiniSearch %q of package.json: %.80s", v, js)
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
