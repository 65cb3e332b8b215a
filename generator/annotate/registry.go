package annotate

import (
	"bytes"
	"chronicle/generator/diag"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"chronicle/generator/entry"
	"chronicle/generator/tomlfile"
)

// Registry is what the editors keep by hand in content/annotations/.
type Registry struct {
	People  []entry.Person
	Terms   []entry.Term
	Threads []entry.Thread
	Series  []entry.Series
	Notes   []entry.Note
}

// The files of the registry, relative to the annotations folder.
const (
	PeopleFile   = "people.toml"
	GlossaryFile = "glossary.toml"
	ThreadsFile  = "threads.toml"
	FiguresFile  = "figures.toml"
	NotesDir     = "notes"
)

// LoadRegistry reads and checks the annotations folder. A missing folder or
// file is an empty registry; a malformed one is an error naming file and line.
func LoadRegistry(dir string) (*Registry, error) {
	r := &Registry{}
	var errs []error
	add := func(err error) {
		if err != nil {
			errs = append(errs, err)
		}
	}
	var people struct {
		Person []entry.Person `toml:"person"`
	}
	var glossary struct {
		Term []entry.Term `toml:"term"`
	}
	var threads struct {
		Thread []entry.Thread `toml:"thread"`
	}
	var figures struct {
		Series []entry.Series `toml:"series"`
	}
	pd, err := decode(dir, PeopleFile, &people)
	add(err)
	gd, err := decode(dir, GlossaryFile, &glossary)
	add(err)
	td, err := decode(dir, ThreadsFile, &threads)
	add(err)
	fd, err := decode(dir, FiguresFile, &figures)
	add(err)
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	r.People, r.Terms, r.Threads, r.Series = people.Person, glossary.Term, threads.Thread, figures.Series
	locate(pd, "[[person]]", len(r.People), func(i, line int) { r.People[i].Line = line })
	locate(gd, "[[term]]", len(r.Terms), func(i, line int) { r.Terms[i].Line = line })
	locate(td, "[[thread]]", len(r.Threads), func(i, line int) { r.Threads[i].Line = line })
	locate(fd, "[[series]]", len(r.Series), func(i, line int) { r.Series[i].Line = line })
	notes, err := loadNotes(filepath.Join(dir, NotesDir))
	add(err)
	r.Notes = notes
	add(r.validate(dir, pd, gd))
	return r, errors.Join(errs...)
}

// decode reads one TOML file of the registry, if it exists.
func decode(dir, name string, v any) ([]byte, error) {
	data, err := os.ReadFile(filepath.Join(dir, name))
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return data, tomlfile.Decode(filepath.Join(dir, name), data, v)
}

// locate finds the line of each table header, so that a later check can say
// where the faulty record is.
func locate(data []byte, header string, n int, set func(i, line int)) {
	i := 0
	for ln, l := range bytes.Split(data, []byte("\n")) {
		if i < n && string(bytes.TrimSpace(l)) == header {
			set(i, ln+1)
			i++
		}
	}
}

// fieldLine finds the line of key within the record that starts at line from.
func fieldLine(data []byte, key string, from int) int {
	return tomlfile.KeyLineFrom(data, key, from)
}

// definitionOffset is 1 when the definition of the record at line from is a
// multi-line string ("""), whose text starts on the next line.
func definitionOffset(data []byte, from int) int {
	lines := bytes.Split(data, []byte("\n"))
	if n := fieldLine(data, "definition", from); n > 0 && n <= len(lines) && bytes.HasSuffix(bytes.TrimSpace(lines[n-1]), []byte(`"""`)) {
		return 1
	}
	return 0
}

// idSet checks the records of one registry file that have IDs and
// spellings (people, terms): every ID valid and unique, no spelling shared
// by two records. what names a record in messages ("person").
type idSet struct {
	file, what string
	data       []byte // the file, for the lines of its fields
	bad        func(file string, line int, code diag.Code, format string, args ...any)
	ids        map[string]int    // ID → the line of its record
	owner      map[string]string // spelling → the ID of its record
}

// add checks the ID of the record at line and adds it; false when the ID
// is not valid, and the rest of the record is not checked.
func (s *idSet) add(id string, line int) bool {
	if err := entry.CheckID(id); err != nil {
		s.bad(s.file, fieldLine(s.data, "id", line), diag.BadID, "%s: %v", s.what, err)
		return false
	}
	if s.ids == nil {
		s.ids = map[string]int{}
	}
	if prev, ok := s.ids[id]; ok {
		s.bad(s.file, line, diag.Registry, "duplicate %s id %q (first at line %d)", s.what, id, prev)
	}
	s.ids[id] = line
	return true
}

// spellings checks that no spelling of the record with that ID and line
// is another record's, and claims them for it.
func (s *idSet) spellings(id string, line int, spellings []string) {
	if s.owner == nil {
		s.owner = map[string]string{}
	}
	for _, a := range spellings {
		if o, ok := s.owner[a]; ok && o != id {
			s.bad(s.file, fieldLine(s.data, "aliases", line), diag.Alias, "alias %q of %q is already %q's", a, id, o)
		}
		s.owner[a] = id
	}
}

// validate checks IDs and aliases: present, unique, and no alias shared by
// two people or two terms.
func (r *Registry) validate(dir string, pd, gd []byte) error {
	var errs []error
	bad := func(file string, line int, code diag.Code, format string, args ...any) {
		errs = append(errs, diag.Errorf(filepath.Join(dir, file), line, code, format, args...))
	}
	people := idSet{file: PeopleFile, what: "person", data: pd, bad: bad}
	for _, p := range r.People {
		if p.ID == "" || p.Name == "" {
			bad(PeopleFile, p.Line, diag.Registry, "person without id or name")
			continue
		}
		if !people.add(p.ID, p.Line) {
			continue
		}
		if p.Kind != entry.InTheNews && p.Kind != entry.Journalist && p.Kind != entry.Source {
			bad(PeopleFile, fieldLine(pd, "kind", p.Line), diag.Registry, "person %q: kind must be \"news\", \"journalist\" or \"source\", not %q", p.ID, p.Kind)
		}
		people.spellings(p.ID, p.Line, p.Spellings())
	}
	terms := idSet{file: GlossaryFile, what: "term", data: gd, bad: bad}
	for _, t := range r.Terms {
		if t.ID == "" || t.Term == "" || strings.TrimSpace(t.Definition) == "" {
			bad(GlossaryFile, t.Line, diag.Registry, "term without id, term or definition")
			continue
		}
		if !terms.add(t.ID, t.Line) {
			continue
		}
		if err := checkMarkdown(filepath.Join(dir, GlossaryFile), fieldLine(gd, "definition", t.Line)+definitionOffset(gd, t.Line), t.Definition); err != nil {
			errs = append(errs, err)
		}
		terms.spellings(t.ID, t.Line, t.Spellings())
	}
	seen := map[string]bool{}
	for _, th := range r.Threads {
		if th.ID == "" || th.Title == "" || len(th.Keywords) == 0 || seen[th.ID] {
			bad(ThreadsFile, th.Line, diag.Registry, "thread needs a unique id, a title and keywords")
		} else if err := entry.CheckID(th.ID); err != nil {
			bad(ThreadsFile, th.Line, diag.BadID, "thread: %v", err)
		}
		seen[th.ID] = true
	}
	seen = map[string]bool{}
	for _, s := range r.Series {
		if s.ID == "" || s.Title == "" || seen[s.ID] {
			bad(FiguresFile, s.Line, diag.Registry, "series needs a unique id and a title")
		} else if err := entry.CheckID(s.ID); err != nil {
			bad(FiguresFile, s.Line, diag.BadID, "series: %v", err)
		}
		seen[s.ID] = true
		for _, c := range s.Claim {
			if c.Who != "" && strings.Contains(c.Who, "-") && people.ids[c.Who] == 0 && !strings.Contains(c.Who, " ") {
				bad(FiguresFile, s.Line, diag.Registry, "series %q: claim by unknown person %q", s.ID, c.Who)
			}
		}
	}
	return errors.Join(errs...)
}

// noteHeader is a note's TOML front matter.
type noteHeader struct {
	Kind   string `toml:"kind"`
	About  string `toml:"about"`
	Title  string `toml:"title"`
	Author string `toml:"author"`
}

// loadNotes reads every notes/*.md file: TOML front matter between +++ lines,
// then Markdown.
func loadNotes(dir string) ([]entry.Note, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.md"))
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	var notes []entry.Note
	var errs []error
	for _, f := range files {
		n, err := readNote(f)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		notes = append(notes, n)
	}
	return notes, errors.Join(errs...)
}

func readNote(path string) (entry.Note, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return entry.Note{}, err
	}
	return parseNote(path, data)
}

// parseNote reads a note from the contents of its file; errors name the file
// and line.
func parseNote(path string, data []byte) (entry.Note, error) {
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
	if !strings.HasPrefix(text, "+++\n") {
		return entry.Note{}, diag.Errorf(path, 1, diag.NoteForm, "a note starts with +++ and TOML front matter")
	}
	end := strings.Index(text[4:], "\n+++")
	if end < 0 {
		return entry.Note{}, diag.Errorf(path, 1, diag.NoteForm, "front matter is not closed with +++")
	}
	front, body := text[4:4+end+1], strings.TrimPrefix(text[4+end+4:], "\n")
	var h noteHeader
	if err := tomlfile.Decode(path, []byte(front), &h); err != nil {
		var te *tomlfile.Error
		if errors.As(err, &te) {
			te.Line++ // the +++ line
			return entry.Note{}, te
		}
		return entry.Note{}, err
	}
	line := func(key string) int { return tomlfile.KeyLine([]byte(front), key) + 1 }
	switch h.Kind {
	case entry.NoteContext, entry.NoteCorrection, entry.NoteFactCheck, entry.NoteQuestion:
	default:
		return entry.Note{}, diag.Errorf(path, line("kind"), diag.NoteForm, "kind must be context, correction, fact-check or question, not %q", h.Kind)
	}
	if h.Title == "" || strings.TrimSpace(body) == "" {
		return entry.Note{}, diag.Errorf(path, 1, diag.NoteForm, "a note needs a title and a body")
	}
	if err := checkMarkdown(path, 1+strings.Count(text[:len(text)-len(body)], "\n"), body); err != nil {
		return entry.Note{}, err
	}
	if err := entry.CheckID(strings.TrimSuffix(filepath.Base(path), ".md")); err != nil {
		return entry.Note{}, diag.Errorf(path, 1, diag.BadID, "a note's file name is its ID: %v", err)
	}
	kind, _, ok := strings.Cut(h.About, ":")
	if !ok || (kind != "entry" && kind != "day" && kind != "person" && kind != "term") {
		return entry.Note{}, diag.Errorf(path, line("about"), diag.NoteForm, "about must be entry:…, day:…, person:… or term:…, not %q", h.About)
	}
	return entry.Note{
		ID: strings.TrimSuffix(filepath.Base(path), ".md"), Kind: h.Kind, About: h.About,
		Title: h.Title, Author: h.Author, Body: strings.TrimSpace(body), File: path,
	}, nil
}
