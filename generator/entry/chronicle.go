package entry

// PersonKind says why a person is in the chronicle.
type PersonKind string

// The kinds of person.
const (
	InTheNews  PersonKind = "news"
	Journalist PersonKind = "journalist"
	// Source is a programme, channel, institution or desk that a byline
	// credits in a journalist's place ("Today Programme", "BBC Monitoring").
	Source PersonKind = "source"
)

// Person is someone the chronicle names: a person in the news, a
// journalist, or a source credited in a byline.
type Person struct {
	ID      string   `toml:"id" json:"id"`
	Name    string   `toml:"name" json:"name"`
	Aliases []string `toml:"aliases" json:"aliases,omitempty"` // other spellings: transliterations, short forms
	// Misspellings are the captures' errors ("Zelenksy"), which the text
	// keeps as printed: they are matched like aliases, and shown apart.
	Misspellings []string   `toml:"misspellings" json:"misspellings,omitempty"`
	Role         string     `toml:"role" json:"role,omitempty"`
	Country      string     `toml:"country" json:"country,omitempty"` // or organisation
	Kind         PersonKind `toml:"kind" json:"kind"`
	Description  string     `toml:"description" json:"description,omitempty"`
	Publisher    string     `toml:"publisher" json:"publisher,omitempty"` // a journalist's outlet
	// Pronoun is "she" or "he" (the default): quotes ending `, she said`
	// go to the last woman named before them.
	Pronoun string `toml:"pronoun" json:"-"`
	// Derived is true for a person found from a byline and not in the
	// registry; the page says so.
	Derived bool `toml:"-" json:"derived,omitempty"`
	// Line is where the person is defined in the registry.
	Line int `toml:"-" json:"-"`
}

// Spellings are every way the captures print the person's name: the
// name, its aliases and its misspellings.
func (p Person) Spellings() []string {
	return append(append([]string{p.Name}, p.Aliases...), p.Misspellings...)
}

// Term is a glossary term.
type Term struct {
	ID      string   `toml:"id" json:"id"`
	Term    string   `toml:"term" json:"term"`
	Aliases []string `toml:"aliases" json:"aliases,omitempty"`
	// Misspellings are the captures' errors, matched like aliases and
	// shown apart (Person.Misspellings).
	Misspellings []string `toml:"misspellings" json:"misspellings,omitempty"`
	Definition   string   `toml:"definition" json:"definition"` // Markdown
	Line         int      `toml:"-" json:"-"`
}

// Note kinds.
const (
	NoteContext    = "context"
	NoteCorrection = "correction"
	NoteFactCheck  = "fact-check"
	NoteQuestion   = "question"
)

// Note is an editor's note attached to an entry, a day, a person or a term.
type Note struct {
	ID     string `json:"id"` // the file name without .md
	Kind   string `json:"kind"`
	About  string `json:"about"`  // "entry:<id>", "day:2022-02-01", "person:<id>", "term:<id>"
	Target string `json:"target"` // the resolved page: kind and ID as in About, entries by ID
	Title  string `json:"title"`
	Author string `json:"author,omitempty"`
	Body   string `json:"body"` // Markdown
	File   string `json:"-"`
}

// Thread is a story followed across days and publishers.
type Thread struct {
	ID       string   `toml:"id" json:"id"`
	Title    string   `toml:"title" json:"title"`
	Summary  string   `toml:"summary" json:"summary"`
	Keywords []string `toml:"keywords" json:"keywords"`
	Entries  []string `toml:"-" json:"entries,omitempty"` // IDs, oldest first
	Line     int      `toml:"-" json:"-"`
}

// Series is a number claimed again and again (troops at the border), with
// every claim found.
type Series struct {
	ID          string   `toml:"id" json:"id"`
	Title       string   `toml:"title" json:"title"`
	Unit        string   `toml:"unit" json:"unit"`
	Description string   `toml:"description" json:"description"`
	Context     []string `toml:"context" json:"context"`
	// Claim is the hand-checked list of claims kept in the registry.
	Claim  []Claim `toml:"claim" json:"-"`
	Claims []Claim `toml:"-" json:"claims"` // what the chronicle shows
	Line   int     `toml:"-" json:"-"`
}

// Claim is one statement of a figure.
type Claim struct {
	Value    float64 `toml:"value" json:"value"`
	Text     string  `toml:"text" json:"text"`
	Capture  string  `toml:"file" json:"capture,omitempty"` // the capture's file name
	Note     string  `toml:"note" json:"note,omitempty"`
	Currency string  `toml:"currency" json:"currency,omitempty"`
	Line     int     `toml:"line" json:"line,omitempty"`
	Who      string  `toml:"who" json:"who,omitempty"`
	Date     string  `toml:"date" json:"date,omitempty"`
	Entry    string  `toml:"-" json:"entry,omitempty"`
	Derived  bool    `toml:"-" json:"derived,omitempty"`
}

// Day is a calendar date (UTC) and its entries from every publisher.
type Day struct {
	Date    string   `json:"date"`
	Entries []string `json:"entries"` // IDs, oldest first
}

// Chronicle is everything the site is made of, with all references resolved.
type Chronicle struct {
	Captures []Capture
	Entries  []Entry // oldest first
	Days     []Day   // oldest first
	People   []Person
	Terms    []Term
	Notes    []Note
	Threads  []Thread
	Series   []Series
}

// Spellings are every way the captures print the term: the term, its
// aliases and its misspellings.
func (t Term) Spellings() []string {
	return append(append([]string{t.Term}, t.Aliases...), t.Misspellings...)
}
