// Package searchindex writes the search index of the site: the entries'
// words, split into pieces that the search page (templates/search.html,
// static/js/search.js) loads with <script> tags and indexes in the browser
// with MiniSearch.
//
// Script tags, not fetch: a page opened from disk (file://) may not fetch
// other local files, but it may load scripts. So every file of the index is
// a JavaScript file that hands its data to a function of search.js:
//
//	search/manifest.js            ChronicleSearch.manifest({...})
//	js/search/shard-000.<hash>.js ChronicleSearch.shard(0, [...])
//
// The manifest is small and holds no entry text: the list of shards (with
// the days each covers, its number of entries and bytes), the days with
// their counts, the publishers and the people, for the filters. Its name is
// fixed, since the search page names it; the shards are named by the hash of
// their content, so a server may cache them for good (netlify.toml caches
// /js/* for a year) and a new build never meets a stale shard.
//
// A shard is a run of whole days of one month, closed when the next day
// would take it over [Options.MaxShardBytes]; a day never spans two shards,
// so a search filtered by day loads one shard. Each entry is an array
//
//	[id, title, text, time, publisher, [people]]
//
// id is the entry's ID (its page is entries/<id>.html), text its body as
// plain text on one line (cut at [Options.MaxTextRunes] at a word boundary),
// time the UTC minute "2006-01-02T15:04", publisher an index into the
// manifest's publishers, people indices into its people (the people it names
// and its authors).
//
// The same chronicle gives the same bytes.
package searchindex

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"chronicle/generator/entry"
	"chronicle/generator/halt"
)

// Where the index lives in the site, relative to its root.
const (
	ManifestPath = "search/manifest.js"
	ShardDir     = "js/search"
)

// Defaults of [Options].
const (
	DefaultMaxShardBytes = 256 << 10
	DefaultMaxTextRunes  = 4000
)

// Version is the manifest's format version, which search.js checks.
const Version = 1

// Options tune the index.
type Options struct {
	// MaxShardBytes is the size a shard is kept under, unless a single day
	// is bigger (0: DefaultMaxShardBytes).
	MaxShardBytes int
	// MaxTextRunes caps the text of one entry (0: DefaultMaxTextRunes).
	MaxTextRunes int
	// Path gives the address of a page of a kind ("person", "thread",
	// "note", "glossary"), relative to the site's root (pages.HTMLPath);
	// with none, the index lists no pages but entries.
	Path func(kind, id string) string
}

// File is one file of the index.
type File struct {
	Path string // relative to the site root, with slashes
	Data []byte
}

// Index is the whole index: the manifest, then the shards in order.
type Index struct {
	Manifest File
	Shards   []File
	Docs     int
}

// Bytes is the total size of the index's files.
func (x *Index) Bytes() int64 {
	n := int64(len(x.Manifest.Data))
	for _, s := range x.Shards {
		n += int64(len(s.Data))
	}
	return n
}

// Stats say what Write wrote.
type Stats struct {
	Docs          int
	Shards        int
	ManifestBytes int64
	Bytes         int64 // manifest and shards
}

// Manifest is the manifest's data.
type Manifest struct {
	Version    int      `json:"version"`
	Entries    int      `json:"entries"`
	Shards     []Shard  `json:"shards"`
	Days       [][2]any `json:"days"`       // [date, entries]
	Publishers [][3]any `json:"publishers"` // [id, name, entries]
	People     [][3]any `json:"people"`     // [id, name, entries]
	// Synonyms are groups of words that name one thing, from the
	// registry's spellings of a person and the glossary's aliases of a
	// term ("kiev", "kyiv"): a search for one finds the others.
	Synonyms [][]string `json:"synonyms"`
	// Pages are the chronicle's other pages a search finds, shown apart
	// from the entries: [kind, title, path, words], the words being what
	// else it is called (aliases, a role, a thread's keywords).
	Pages  [][4]string `json:"pages"`
	Fields [6]string   `json:"fields"` // names of a document's slots, for readers of the files
}

// Shard describes one shard in the manifest.
type Shard struct {
	File    string `json:"file"` // relative to the site root
	From    string `json:"from"` // first day, YYYY-MM-DD
	To      string `json:"to"`   // last day
	Entries int    `json:"entries"`
	Bytes   int    `json:"bytes"`
}

// Write builds the index of c and writes it into the site folder.
func Write(c *entry.Chronicle, site string, opts Options) (Stats, error) {
	x, err := Build(c, opts)
	if err != nil {
		return Stats{}, err
	}
	for _, f := range append([]File{x.Manifest}, x.Shards...) {
		p := filepath.Join(site, filepath.FromSlash(f.Path))
		if err := halt.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return Stats{}, fmt.Errorf("search index: %w", err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			return Stats{}, fmt.Errorf("search index: %w", err)
		}
	}
	return Stats{Docs: x.Docs, Shards: len(x.Shards), ManifestBytes: int64(len(x.Manifest.Data)), Bytes: x.Bytes()}, nil
}

// day is the documents of one UTC day.
type day struct {
	date  string
	docs  []json.RawMessage
	bytes int
}

// Build builds the index of c in memory.
func Build(c *entry.Chronicle, opts Options) (*Index, error) {
	if opts.MaxShardBytes <= 0 {
		opts.MaxShardBytes = DefaultMaxShardBytes
	}
	if opts.MaxTextRunes <= 0 {
		opts.MaxTextRunes = DefaultMaxTextRunes
	}

	// Publishers and people, each with an index the documents refer to.
	pubNames := map[string]string{}
	pubCount := map[string]int{}
	personCount := map[string]int{}
	for i := range c.Entries {
		e := &c.Entries[i]
		pubNames[e.PublisherID] = e.Publisher
		pubCount[e.PublisherID]++
		for _, p := range entryPeople(e) {
			personCount[p]++
		}
	}
	pubIDs := make([]string, 0, len(pubNames))
	for id := range pubNames {
		pubIDs = append(pubIDs, id)
	}
	sort.Strings(pubIDs)
	pubIndex := map[string]int{}
	var m Manifest
	m.Version = Version
	m.Entries = len(c.Entries)
	m.Fields = [6]string{"id", "title", "text", "time", "publisher", "people"}
	m.Publishers = [][3]any{}
	for i, id := range pubIDs {
		pubIndex[id] = i
		m.Publishers = append(m.Publishers, [3]any{id, pubNames[id], pubCount[id]})
	}
	names := map[string]string{}
	for _, p := range c.People {
		names[p.ID] = p.Name
	}
	personIDs := make([]string, 0, len(personCount))
	for id := range personCount {
		if names[id] == "" {
			names[id] = id
		}
		personIDs = append(personIDs, id)
	}
	sort.Slice(personIDs, func(i, j int) bool {
		a, b := strings.ToLower(names[personIDs[i]]), strings.ToLower(names[personIDs[j]])
		if a != b {
			return a < b
		}
		return personIDs[i] < personIDs[j]
	})
	personIndex := map[string]int{}
	m.People = [][3]any{}
	for i, id := range personIDs {
		personIndex[id] = i
		m.People = append(m.People, [3]any{id, names[id], personCount[id]})
	}

	m.Synonyms = Synonyms(c)
	m.Pages = otherPages(c, personCount, opts.Path)

	// Documents, grouped by UTC day in time order.
	order := make([]int, len(c.Entries))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		return c.Entries[order[a]].Time.Before(c.Entries[order[b]].Time)
	})
	var days []*day
	for _, i := range order {
		e := &c.Entries[i]
		date := e.Time.UTC().Format("2006-01-02")
		if len(days) == 0 || days[len(days)-1].date != date {
			days = append(days, &day{date: date})
		}
		doc, err := document(e, opts.MaxTextRunes, pubIndex, personIndex)
		if err != nil {
			return nil, err
		}
		d := days[len(days)-1]
		d.docs = append(d.docs, doc)
		d.bytes += len(doc) + 1
	}
	m.Days = [][2]any{}
	for _, d := range days {
		m.Days = append(m.Days, [2]any{d.date, len(d.docs)})
	}

	// Shards: whole days of one month, under MaxShardBytes when a day allows.
	x := &Index{Docs: len(c.Entries)}
	m.Shards = []Shard{}
	var cur []*day
	size := 0
	flush := func() {
		if len(cur) == 0 {
			return
		}
		n := len(x.Shards)
		var body bytes.Buffer
		body.WriteString("ChronicleSearch.shard(" + strconv.Itoa(n) + ",[")
		count := 0
		for _, d := range cur {
			for _, doc := range d.docs {
				if count > 0 {
					body.WriteByte(',')
				}
				body.Write(doc)
				count++
			}
		}
		body.WriteString("]);\n")
		sum := sha256.Sum256(body.Bytes())
		name := path.Join(ShardDir, fmt.Sprintf("shard-%03d.%s.js", n, hex.EncodeToString(sum[:5])))
		x.Shards = append(x.Shards, File{Path: name, Data: body.Bytes()})
		m.Shards = append(m.Shards, Shard{File: name, From: cur[0].date, To: cur[len(cur)-1].date, Entries: count, Bytes: body.Len()})
		cur, size = nil, 0
	}
	for _, d := range days {
		if len(cur) > 0 && (cur[0].date[:7] != d.date[:7] || size+d.bytes > opts.MaxShardBytes) {
			flush()
		}
		cur = append(cur, d)
		size += d.bytes
	}
	flush()

	data, err := json.Marshal(m)
	if err != nil {
		return nil, fmt.Errorf("search index: %w", err)
	}
	x.Manifest = File{Path: ManifestPath, Data: []byte("ChronicleSearch.manifest(" + string(data) + ");\n")}
	return x, nil
}

// entryPeople lists the people an entry names and its authors' pages.
func entryPeople(e *entry.Entry) []string {
	seen := map[string]bool{}
	var out []string
	for _, p := range e.People {
		if p != "" && !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	for _, a := range e.Authors {
		if a.Person != "" && !seen[a.Person] {
			seen[a.Person] = true
			out = append(out, a.Person)
		}
	}
	return out
}

// document is the JSON array of one entry.
func document(e *entry.Entry, maxRunes int, pubIndex, personIndex map[string]int) (json.RawMessage, error) {
	title := strings.Join(strings.Fields(e.Title), " ")
	if title == "" {
		title = "Untitled entry at " + e.LocalTime
	}
	people := []int{}
	for _, p := range entryPeople(e) {
		people = append(people, personIndex[p])
	}
	sort.Ints(people)
	doc := []any{e.ID, title, Text(e, maxRunes), e.Time.UTC().Format("2006-01-02T15:04"), pubIndex[e.PublisherID], people}
	data, err := json.Marshal(doc)
	if err != nil {
		return nil, fmt.Errorf("search index: entry %s: %w", e.ID, err)
	}
	return data, nil
}

// Text is an entry's body as the index holds it: plain text on one line, cut
// at maxRunes at a word boundary (with "…").
func Text(e *entry.Entry, maxRunes int) string {
	s := strings.Join(strings.Fields(e.PlainText()), " ")
	r := []rune(s)
	if len(r) <= maxRunes {
		return s
	}
	cut := string(r[:maxRunes])
	if i := strings.LastIndex(cut, " "); i > len(cut)/2 {
		cut = cut[:i]
	}
	return cut + "…"
}

// OnDisk measures the index of a built site folder (after minifying): the
// bytes of the manifest and the shards, and of all the site's HTML pages.
func OnDisk(site string) (index, html int64, err error) {
	err = filepath.WalkDir(site, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(site, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		isIndex := rel == ManifestPath || (path.Dir(rel) == ShardDir && strings.HasSuffix(rel, ".js"))
		isHTML := strings.HasSuffix(rel, ".html")
		if !isIndex && !isHTML {
			return nil
		}
		fi, err := d.Info()
		if err != nil {
			return err
		}
		if isIndex {
			index += fi.Size()
		} else {
			html += fi.Size()
		}
		return nil
	})
	return index, html, err
}

// Synonyms groups the spellings of one person or glossary term that are
// the same word written another way (Kiev and Kyiv, Zelensky and
// Zelenskyy): the last word of each spelling, in lower case, grouped with
// the record's other such words at most three edits from it (so that
// "sanctions package" does not make "package" a synonym of "sanctions").
// Groups that share a word are joined. The order is stable: groups by their
// first word, words sorted.
func Synonyms(c *entry.Chronicle) [][]string {
	var spellings [][]string
	for _, p := range c.People {
		spellings = append(spellings, p.Spellings())
	}
	for _, t := range c.Terms {
		spellings = append(spellings, t.Spellings())
	}
	parent := map[string]string{}
	var find func(string) string
	find = func(w string) string {
		if parent[w] == w {
			return w
		}
		parent[w] = find(parent[w])
		return parent[w]
	}
	join := func(a, b string) {
		for _, w := range []string{a, b} {
			if _, ok := parent[w]; !ok {
				parent[w] = w
			}
		}
		parent[find(b)] = find(a)
	}
	for _, group := range spellings {
		set := map[string]bool{}
		for _, s := range group {
			f := strings.Fields(strings.ToLower(s))
			if len(f) == 0 {
				continue
			}
			if w := strings.Trim(f[len(f)-1], ".,'’"); len([]rune(w)) >= 4 {
				set[w] = true
			}
		}
		words := slices.Sorted(maps.Keys(set))
		for i, a := range words {
			for _, b := range words[i+1:] {
				if editDistance(a, b) <= 3 {
					join(a, b)
				}
			}
		}
	}
	byRoot := map[string][]string{}
	for w := range parent {
		r := find(w)
		byRoot[r] = append(byRoot[r], w)
	}
	out := [][]string{}
	for _, ws := range byRoot {
		sort.Strings(ws)
		out = append(out, ws)
	}
	sort.Slice(out, func(i, j int) bool { return out[i][0] < out[j][0] })
	return out
}

// editDistance is the Levenshtein distance between a and b, in runes.
func editDistance(a, b string) int {
	x, y := []rune(a), []rune(b)
	prev := make([]int, len(y)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(x); i++ {
		cur := make([]int, len(y)+1)
		cur[0] = i
		for j := 1; j <= len(y); j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(y)]
}

// otherPages lists the pages besides entries that a search finds: the
// people with a page (those the entries name or who wrote one), the
// glossary's terms, the threads and the editors' notes.
func otherPages(c *entry.Chronicle, people map[string]int, path func(kind, id string) string) [][4]string {
	out := [][4]string{}
	if path == nil {
		return out
	}
	for _, p := range c.People {
		if people[p.ID] > 0 {
			out = append(out, [4]string{"person", p.Name, path("person", p.ID), strings.Join(append(append([]string{}, p.Aliases...), p.Role), " ")})
		}
	}
	for _, t := range c.Terms {
		out = append(out, [4]string{"term", t.Term, path("glossary", "") + "#" + t.ID, strings.Join(t.Aliases, " ")})
	}
	for _, t := range c.Threads {
		out = append(out, [4]string{"thread", t.Title, path("thread", t.ID), strings.Join(t.Keywords, " ")})
	}
	for _, n := range c.Notes {
		out = append(out, [4]string{"note", n.Title, path("note", n.ID), ""})
	}
	return out
}
