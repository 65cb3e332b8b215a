// Package searchindex writes the search index of the site: an inverted
// index routed by term, in small files that the search page
// (templates/search.html, static/js/search.js) loads with <script> tags,
// only those a search needs.
//
// Script tags, not fetch: a page opened from disk (file://) may not fetch
// other local files, but it may load scripts. So every file of the index is
// a JavaScript file that hands its data to a function of search.js:
//
//	search/manifest.js          ChronicleSearch.manifest({...})
//	js/search/<hash>/l<i>.js    ChronicleSearch.lexicon(i, [[term, df, p], ...])
//	js/search/<hash>/p<j>.js    ChronicleSearch.postings(j, {term: code, ...})
//	js/search/<hash>/d<n>.js    ChronicleSearch.doc(n, [id, title, text, time, publisher])
//
// Documents are numbered in time order, so the entries of one UTC day are
// a run of numbers (the manifest lists the days with their counts). The
// lexicon is every term in order, with its document frequency df and the
// posting file p that holds its postings; it is cut into parts, and the
// manifest holds the first term of each, so a word leads to one part. A
// posting file holds the postings of a run of terms in order, or of one
// term whose postings are long (see codes.go for the codes). A document's
// file holds what a result shows: its ID (its page is entries/<id>.html),
// title, text as plain text on one line (cut at [Options.MaxTextRunes] at a
// word boundary), time as the UTC minute "2006-01-02T15:04", and
// publisher, an index into the manifest's publishers.
//
// Filters are terms too, which no word can be (a word holds no colon):
// "pub:<id>" for the entries of a publisher, "person:<id>" for those that
// name a person or that they wrote.
//
// So a search loads the manifest, one lexicon part a word, the posting
// files of its terms, and the documents it shows: a few hundred kilobytes
// at most, however large the chronicle.
//
// The manifest's name is fixed, since the search page names it; the other
// files are in a folder named by the hash of their content, so a server may
// cache them for good (netlify.toml caches /js/* for a year) and a new
// build never meets a stale one. The same chronicle gives the same bytes.
package searchindex

import (
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
	"time"

	"chronicle/generator/entry"
	"chronicle/generator/halt"
)

// Where the index lives in the site, relative to its root.
const (
	ManifestPath = "search/manifest.js"
	IndexDir     = "js/search"
)

// Defaults of [Options].
const (
	DefaultPartBytes    = 16 << 10
	DefaultMaxTextRunes = 4000
)

// Version is the manifest's format version, which search.js checks.
const Version = 2

// Options tune the index.
type Options struct {
	// PartBytes is the size a lexicon part or a posting file is closed at
	// (0: DefaultPartBytes); one term's postings may pass it.
	PartBytes int
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

// Index is the whole index: the manifest, then the lexicon parts, the
// posting files and the documents' files.
type Index struct {
	Manifest File
	Lexicon  []File
	Postings []File
	Docs     []File
}

// Files lists every file of the index, the manifest first.
func (x *Index) Files() []File {
	out := []File{x.Manifest}
	out = append(out, x.Lexicon...)
	out = append(out, x.Postings...)
	return append(out, x.Docs...)
}

// Bytes is the total size of the index's files.
func (x *Index) Bytes() int64 {
	var n int64
	for _, f := range x.Files() {
		n += int64(len(f.Data))
	}
	return n
}

// Stats say what Write wrote.
type Stats struct {
	Docs          int
	Files         int // all files, the manifest too
	ManifestBytes int64
	Bytes         int64 // all files
}

// Manifest is the manifest's data.
type Manifest struct {
	Version int `json:"version"`
	Entries int `json:"entries"`
	// Dir is the folder of the other files, relative to the site root.
	Dir string `json:"dir"`
	// Lexicon is the first term of each lexicon part.
	Lexicon []string `json:"lexicon"`
	// ImpactTop is the score that the highest impact level stands for.
	ImpactTop float64 `json:"impactTop"`
	// Stop are the words the index leaves out ([StopWords]).
	Stop       []string `json:"stop"`
	Days       Days     `json:"days"`
	Publishers [][3]any `json:"publishers"` // [id, name, entries]
	People     [][3]any `json:"people"`     // [id, name, entries]
	// Synonyms are groups of words that name one thing, from the
	// registry's spellings of a person and the glossary's aliases of a
	// term ("kiev", "kyiv"): a search for one finds the others.
	Synonyms [][]string `json:"synonyms"`
	// Pages are the chronicle's other pages a search finds, shown apart
	// from the entries: [kind, title, path, words], the words being what
	// else it is called (aliases, a role, a thread's keywords).
	Pages [][4]string `json:"pages"`
	// Fields names the slots of a document, for readers of the files.
	Fields [5]string `json:"fields"`
}

// Days are the UTC days of the chronicle, from the first to the last,
// with the number of entries of each (0 for a day with none): the
// documents of a day are the run of numbers after those of the days before.
type Days struct {
	From   string `json:"from"` // the first day, YYYY-MM-DD
	Counts []int  `json:"counts"`
}

// add counts an entry posted at t; entries come in time order.
func (d *Days) add(t time.Time) {
	day := t.UTC().Truncate(24 * time.Hour)
	if d.From == "" {
		d.From = day.Format(time.DateOnly)
	}
	from, _ := time.Parse(time.DateOnly, d.From)
	i := int(day.Sub(from) / (24 * time.Hour))
	for len(d.Counts) <= i {
		d.Counts = append(d.Counts, 0)
	}
	d.Counts[i]++
}

// Write builds the index of c and writes it into the site folder.
func Write(c *entry.Chronicle, site string, opts Options) (Stats, error) {
	x, err := Build(c, opts)
	if err != nil {
		return Stats{}, err
	}
	files := x.Files()
	made := map[string]bool{}
	for _, f := range files {
		p := filepath.Join(site, filepath.FromSlash(f.Path))
		if dir := filepath.Dir(p); !made[dir] {
			if err := halt.MkdirAll(dir, 0o755); err != nil {
				return Stats{}, fmt.Errorf("search index: %w", err)
			}
			made[dir] = true
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			return Stats{}, fmt.Errorf("search index: %w", err)
		}
	}
	return Stats{Docs: len(x.Docs), Files: len(files), ManifestBytes: int64(len(x.Manifest.Data)), Bytes: x.Bytes()}, nil
}

// Build builds the index of c in memory.
func Build(c *entry.Chronicle, opts Options) (*Index, error) {
	if opts.PartBytes <= 0 {
		opts.PartBytes = DefaultPartBytes
	}
	if opts.MaxTextRunes <= 0 {
		opts.MaxTextRunes = DefaultMaxTextRunes
	}
	m := Manifest{Version: Version, Entries: len(c.Entries), Stop: StopWords,
		Fields: [5]string{"id", "title", "text", "time", "publisher"}}

	order := timeOrder(c)
	pubIndex := publishers(c, &m)
	personCount := people(c, &m)
	m.Synonyms = Synonyms(c)
	m.Pages = otherPages(c, personCount, opts.Path)

	x := &Index{}
	terms := newTermTable(len(order))
	var err error
	for n, i := range order {
		e := &c.Entries[i]
		text := Text(e, opts.MaxTextRunes)
		title := displayTitle(e)
		terms.add(n, Terms(title), Terms(text))
		terms.member(n, "pub:"+e.PublisherID)
		for _, p := range entryPeople(e) {
			terms.member(n, "person:"+p)
		}
		m.Days.add(e.Time)
		doc, derr := json.Marshal([]any{e.ID, title, text, e.Time.UTC().Format("2006-01-02T15:04"), pubIndex[e.PublisherID]})
		if derr != nil {
			return nil, fmt.Errorf("search index: entry %s: %w", e.ID, derr)
		}
		x.Docs = append(x.Docs, File{Path: "d" + strconv.Itoa(n) + ".js",
			Data: []byte("ChronicleSearch.doc(" + strconv.Itoa(n) + "," + string(doc) + ");\n")})
	}
	if m.Days.Counts == nil {
		m.Days.Counts = []int{}
	}

	var lexicon []lexiconEntry
	m.ImpactTop, lexicon, x.Postings, err = terms.write(opts.PartBytes)
	if err != nil {
		return nil, err
	}
	m.Lexicon, x.Lexicon, err = lexiconParts(lexicon, opts.PartBytes)
	if err != nil {
		return nil, err
	}

	// The folder is named by the hash of all the files in it.
	h := sha256.New()
	for _, group := range [][]File{x.Lexicon, x.Postings, x.Docs} {
		for _, f := range group {
			h.Write([]byte(f.Path))
			h.Write(f.Data)
		}
	}
	m.Dir = path.Join(IndexDir, hex.EncodeToString(h.Sum(nil)[:6]))
	for _, group := range [][]File{x.Lexicon, x.Postings, x.Docs} {
		for i := range group {
			group[i].Path = path.Join(m.Dir, group[i].Path)
		}
	}

	data, err := json.Marshal(m)
	if err != nil {
		return nil, fmt.Errorf("search index: %w", err)
	}
	x.Manifest = File{Path: ManifestPath, Data: []byte("ChronicleSearch.manifest(" + string(data) + ");\n")}
	return x, nil
}

// timeOrder lists the entries' indices in time order: the documents'
// numbers.
func timeOrder(c *entry.Chronicle) []int {
	order := make([]int, len(c.Entries))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		return c.Entries[order[a]].Time.Before(c.Entries[order[b]].Time)
	})
	return order
}

// publishers fills the manifest's publishers, by ID, and returns each
// one's index.
func publishers(c *entry.Chronicle, m *Manifest) map[string]int {
	names := map[string]string{}
	count := map[string]int{}
	for i := range c.Entries {
		e := &c.Entries[i]
		names[e.PublisherID] = e.Publisher
		count[e.PublisherID]++
	}
	ids := slices.Sorted(maps.Keys(names))
	index := map[string]int{}
	m.Publishers = [][3]any{}
	for i, id := range ids {
		index[id] = i
		m.Publishers = append(m.Publishers, [3]any{id, names[id], count[id]})
	}
	return index
}

// people fills the manifest's people (those the entries name or who wrote
// one), sorted by name, and returns how many entries each has.
func people(c *entry.Chronicle, m *Manifest) map[string]int {
	count := map[string]int{}
	for i := range c.Entries {
		for _, p := range entryPeople(&c.Entries[i]) {
			count[p]++
		}
	}
	names := map[string]string{}
	for _, p := range c.People {
		names[p.ID] = p.Name
	}
	ids := make([]string, 0, len(count))
	for id := range count {
		if names[id] == "" {
			names[id] = id
		}
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool {
		a, b := strings.ToLower(names[ids[i]]), strings.ToLower(names[ids[j]])
		if a != b {
			return a < b
		}
		return ids[i] < ids[j]
	})
	m.People = [][3]any{}
	for _, id := range ids {
		m.People = append(m.People, [3]any{id, names[id], count[id]})
	}
	return count
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

// displayTitle is an entry's title on one line, or says when it was posted.
func displayTitle(e *entry.Entry) string {
	if t := strings.Join(strings.Fields(e.Title), " "); t != "" {
		return t
	}
	return "Untitled entry at " + e.LocalTime
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
// bytes of the manifest and the index's other files, and of all the site's
// HTML pages.
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
		isIndex := rel == ManifestPath || (strings.HasPrefix(rel, IndexDir+"/") && strings.HasSuffix(rel, ".js"))
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
