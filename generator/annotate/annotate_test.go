package annotate

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"chronicle/generator/entry"
	"chronicle/generator/importer"
	"chronicle/internal/seeds"
)

const repo = "../.."

func seedChronicle(t *testing.T) *entry.Chronicle {
	t.Helper()
	res := seeds.Import(t, repo)
	reg, err := LoadRegistry(filepath.Join(repo, "content/annotations"))
	if err != nil {
		t.Fatal(err)
	}
	c, err := Annotate(res.Captures, res.Entries, reg)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func mentions(e entry.Entry, id string) bool {
	for _, p := range e.People {
		if p == id {
			return true
		}
	}
	return false
}

// TestEverySpellingResolves: every entry that names Zelensky in any of his
// spellings, Lavrov as Sergey, or Blinken as Mr Blinken is on their page.
func TestEverySpellingResolves(t *testing.T) {
	c := seedChronicle(t)
	cases := []struct {
		id      string
		pattern string
	}{
		{"volodymyr-zelensky", `Zelensky|Zelenskiy|Zelenskyy|Zelenksy|Voldymyr Zelensky`},
		{"sergei-lavrov", `Sergey Lavrov|Lavrov`},
		{"antony-blinken", `Mr Blinken|Blinken`},
	}
	for _, tc := range cases {
		re := regexp.MustCompile(`\b(` + tc.pattern + `)\b`)
		n := 0
		for _, e := range c.Entries {
			if re.MatchString(strings.Join(e.Words(), "\n")) {
				n++
				if !mentions(e, tc.id) {
					t.Errorf("%s names %s but is not on the page", e.ID, tc.id)
				}
			}
		}
		if n == 0 {
			t.Errorf("no entry names %s", tc.id)
		}
	}
}

// TestSameSurnameStaysApart: John Sullivan the ambassador is not Rory
// Sullivan the journalist.
func TestSameSurnameStaysApart(t *testing.T) {
	c := seedChronicle(t)
	for _, e := range c.Entries {
		text := strings.Join(e.Words(), "\n")
		if mentions(e, "john-sullivan") && !strings.Contains(text, "John Sullivan") && !strings.Contains(text, "Sullivan") {
			t.Errorf("%s: John Sullivan without his name", e.ID)
		}
		if strings.Contains(text, "Rory Sullivan") && !strings.Contains(text, "John Sullivan") && mentions(e, "john-sullivan") {
			t.Errorf("%s: Rory Sullivan taken for John Sullivan", e.ID)
		}
	}
}

func TestMatcher(t *testing.T) {
	people := []entry.Person{
		{ID: "john-sullivan", Name: "John Sullivan"},
		{ID: "rory-sullivan", Name: "Rory Sullivan"},
		{ID: "antony-blinken", Name: "Antony Blinken", Aliases: []string{"Blinken"}},
		{ID: "dmitry-peskov", Name: "Dmitry Peskov"},
	}
	m := NewMatcher(people)
	tests := []struct {
		text string
		want []string
	}{
		{"US ambassador John Sullivan said so. Sullivan added more.", []string{"john-sullivan", "john-sullivan"}},
		{"The Independent's Rory Sullivan reports. Mr Sullivan wrote.", []string{"rory-sullivan", "rory-sullivan"}},
		{"Sullivan said nothing.", nil},
		{"John Sullivan and Rory Sullivan met. Sullivan spoke.", []string{"john-sullivan", "rory-sullivan"}},
		{"Mr Blinken arrived; Blinken's plane landed.", []string{"antony-blinken", "antony-blinken"}},
		{"Mr Peskov said it was fiction.", []string{"dmitry-peskov"}},
		{"Peskov said it was fiction.", nil},
	}
	for _, tt := range tests {
		if got := found(m, tt.text); strings.Join(got, ",") != strings.Join(tt.want, ",") {
			t.Errorf("Find(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// TestBadAnnotations: unknown IDs, shared aliases and malformed files stop
// the build with file:line.
func TestBadAnnotations(t *testing.T) {
	tests := []struct {
		file, text, want string
	}{
		{"people.toml", "[[person]]\nid = \"a\"\nname = \"A One\"\nkind = \"news\"\naliases = [\"Ace\"]\n\n[[person]]\nid = \"b\"\nname = \"B Two\"\nkind = \"news\"\naliases = [\"Ace\"]\n", "people.toml:11: alias \"Ace\""},
		{"people.toml", "[[person]]\nid = \"a\"\nname = \"A One\"\nkind = \"news\"\nnickname = \"x\"\n", "people.toml:5: unknown key"},
		{"glossary.toml", "[[term]]\nid = \"nato\"\nterm = \"Nato\ndefinition = \"x\"\n", "glossary.toml:3"},
		{"notes/q.md", "+++\nkind = \"question\"\nabout = \"person:nobody\"\ntitle = \"Q\"\n+++\nWhy?\n", "q.md:3: note is about \"person:nobody\""},
		{"notes/k.md", "+++\nkind = \"gossip\"\nabout = \"day:2022-02-01\"\ntitle = \"Q\"\n+++\nWhy?\n", "k.md:2: kind must be"},
	}
	res, _ := importer.Import([]string{filepath.Join(repo, "content/sources/000_7afe650ce409cb36.txt")}, importer.Options{})
	for _, tt := range tests {
		dir := t.TempDir()
		os.MkdirAll(filepath.Join(dir, "notes"), 0o755)
		os.WriteFile(filepath.Join(dir, tt.file), []byte(tt.text), 0o644)
		reg, err := LoadRegistry(dir)
		if err == nil {
			_, err = Annotate(res.Captures, res.Entries, reg)
		}
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: got %v, want %q", tt.file, err, tt.want)
		}
	}
}

// TestHonorificsFitThePerson: Mr, Sir, Ms, Mrs and Miss go with the
// registry's pronoun, so a follow-up is not given to the wrong Johnson.
func TestHonorificsFitThePerson(t *testing.T) {
	m := NewMatcher([]entry.Person{
		{ID: "boris-johnson", Name: "Boris Johnson", Aliases: []string{"Johnson"}},
		{ID: "kate-johnson", Name: "Kate Johnson", Pronoun: "she"},
		{ID: "liz-truss", Name: "Liz Truss", Pronoun: "she"},
	})
	tests := []struct {
		text string
		want []string
	}{
		{"Kate Johnson spoke. Mr Johnson replied.", []string{"kate-johnson", "boris-johnson"}},
		{"Kate Johnson spoke. Ms Johnson went on.", []string{"kate-johnson", "kate-johnson"}},
		{"Boris Johnson spoke. Mrs Johnson replied.", []string{"boris-johnson", "kate-johnson"}},
		{"Ms Johnson said nothing.", []string{"kate-johnson"}},
		{"Mr Johnson said nothing.", []string{"boris-johnson"}},
		{"Mr Truss said nothing.", nil},
		{"Miss Truss said nothing.", []string{"liz-truss"}},
		{"Dr Johnson said nothing.", []string{"boris-johnson"}}, // the registry gives him the alias "Johnson"
	}
	for _, tt := range tests {
		if got := found(m, tt.text); strings.Join(got, ",") != strings.Join(tt.want, ",") {
			t.Errorf("Find(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// found returns whom m finds in text, in order.
func found(m *Matcher, text string) []string {
	var ids []string
	for _, mn := range m.Find([]string{text}) {
		ids = append(ids, mn.Person)
	}
	return ids
}

// TestCandidates: two or three capitalised words after a role word or
// before a verb of saying are a name the registry may lack; a known name, a
// run over punctuation or a place is not.
func TestCandidates(t *testing.T) {
	people := []entry.Person{{ID: "dmitry-peskov", Name: "Dmitry Peskov"}}
	terms := []entry.Term{{ID: "kremlin", Term: "Kremlin"}, {ID: "ashford", Term: "Ashford County", Aliases: []string{"Leader"}}}
	tests := []struct {
		text string
		want []string
	}{
		{"Foreign minister Anna Field arrived.", []string{"Anna Field"}},
		{"Jean-Yves Drian said the talks went well.", []string{"Jean-Yves Drian"}}, // a hyphen joins
		{"Olena Koval said nothing new.", []string{"Olena Koval"}},
		{"Spokesman Dmitry Peskov said so.", nil},              // in the registry
		{"Talks ended in Geneva. Diplomats said little.", nil}, // two sentences
		{"Troops left Kharkiv, Odesa said.", nil},              // a list
		{"Anna Field arrived in Kyiv.", nil},                   // no cue
		{"Kremlin Palace said so.", nil},                       // a glossary word
		{"Ashford Council Leader Jo Park said so.", []string{"Jo Park"}},
	}
	for _, tt := range tests {
		e := entry.Entry{Capture: "c.txt", Body: []entry.Block{{Type: entry.BlockParagraph, Text: tt.text, Lines: [2]int{7, 7}}}}
		var got []string
		for _, c := range Candidates([]entry.Entry{e}, people, terms) {
			if c.Capture != "c.txt" || c.Line != 7 {
				t.Errorf("%q: candidate at %s:%d, want c.txt:7", tt.text, c.Capture, c.Line)
			}
			got = append(got, c.Name)
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("Candidates(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestSourceCreditsArePeopleOfKindSource: a source credit becomes a derived
// person of kind source, never a journalist; a registry record of kind
// source makes a credit the reader took for a person a source; and
// SourceCandidates names the derived ones only, at their lines, in line
// order.
func TestSourceCreditsArePeopleOfKindSource(t *testing.T) {
	caps := []entry.Capture{{File: "a.txt", Publisher: "BBC News", PublisherID: "bbc"}}
	at := time.Date(2022, 2, 17, 13, 0, 0, 0, time.UTC)
	es := []entry.Entry{
		{ID: "e1", Capture: "a.txt", PublisherID: "bbc", Time: at, Lines: [2]int{1, 5},
			Authors: []entry.Author{{Name: "Today Programme", Role: "BBC Radio 4", Kind: entry.SourceCredit, Line: 3}}},
		{ID: "e2", Capture: "a.txt", PublisherID: "bbc", Time: at.Add(time.Minute), Lines: [2]int{7, 11},
			Authors: []entry.Author{{Name: "Desk Seventeen", Role: "Moscow bureau", Line: 9}, {Name: "Today Programme", Kind: entry.SourceCredit, Line: 10}}},
		// a later entry higher on the page (newest first): reported first
		{ID: "e3", Capture: "a.txt", PublisherID: "bbc", Time: at.Add(time.Hour), Lines: [2]int{1, 1},
			Authors: []entry.Author{{Name: "Night Bulletin", Kind: entry.SourceCredit, Line: 1}}},
	}
	reg := &Registry{People: []entry.Person{{ID: "desk-seventeen", Name: "Desk Seventeen", Kind: entry.Source}}}
	c, err := Annotate(caps, es, reg)
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]entry.PersonKind{}
	for _, p := range c.People {
		kinds[p.ID] = p.Kind
	}
	if kinds["today-programme"] != entry.Source || kinds["desk-seventeen"] != entry.Source {
		t.Errorf("kinds %v", kinds)
	}
	if a := c.Entries[1].Authors[0]; !a.IsSource() || a.Person != "desk-seventeen" {
		t.Errorf("the registry's source is read as %+v", a)
	}
	got := SourceCandidates(c)
	if len(got) != 2 || got[0] != (Candidate{Name: "Night Bulletin", Capture: "a.txt", Line: 1}) || got[1] != (Candidate{Name: "Today Programme", Capture: "a.txt", Line: 3}) {
		t.Errorf("source candidates %+v", got)
	}
}
