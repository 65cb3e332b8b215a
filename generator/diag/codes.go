package diag

// Code names a kind of problem. Codes are stable: tests and tools compare
// them, and docs can list them; messages are for people and may change.
type Code string

// The codes, by the stage that reports them.
const (
	// Other is an error of no known kind (a file that cannot be read…).
	Other Code = "other"

	// The bytes of a capture (package importer).
	Empty        Code = "empty-capture"        // no text at all
	ByteOrder    Code = "byte-order-mark"      // a UTF-8 BOM at the start
	CRLF         Code = "crlf"                 // CRLF line endings
	CarriageRet  Code = "carriage-return"      // a CR inside a line
	NotUTF8      Code = "not-utf8"             // bytes that are not UTF-8
	ControlChar  Code = "control-character"    // a control character in a line
	Duplicate    Code = "duplicate-capture"    // a byte-for-byte copy of another capture
	AddressClash Code = "capture-address"      // two captures with one address
	BadTOML      Code = "toml"                 // a TOML file that does not decode
	BadSidecar   Code = "sidecar"              // a sidecar value that is wrong
	BadID        Code = "id"                   // an ID outside the grammar (entry.CheckID)
	Format       Code = "format"               // no format, an unknown one, or one detected
	BadOption    Code = "option"               // a command-line value that is wrong (--date)
	Unplaced     Code = "unplaced-line"        // a line no reader placed
	Unplaced20   Code = "unplaced-lines"       // the sum of unplaced lines past the first 20
	ClaimedTwice Code = "line-claimed-twice"   // a line two readers' fields claim: a reader's bug
	NoHeader     Code = "no-entry-header"      // no line starts an entry
	Header       Code = "entry-header"         // a header line that does not read
	NoTitle      Code = "no-title"             // an entry without a title
	Marker       Code = "unknown-marker"       // a kind marker the reader does not know
	Stub         Code = "stub-entry"           // an entry with no text, kept as a stub
	Glued        Code = "glued-lines"          // the end of one entry run into the next one's header, split
	Rendering    Code = "unknown-rendering"    // a layout of a known page the reader cannot place with confidence
	NoDate       Code = "no-date"              // a time with no date to put it on
	BadDate      Code = "bad-date"             // a date that does not read
	DateInferred Code = "date-inferred"        // a date taken from the page date
	NoZone       Code = "no-zone"              // no time zone: times read as UTC
	LaterThan    Code = "later-than-page-date" // an entry dated after its page
	ClockGap     Code = "clock-gap"            // a time that does not exist (clocks went forward)
	TimeInferred Code = "time-inferred"        // a relative time ("2h ago") read against the capture time
	NoCaptured   Code = "no-capture-time"      // a relative time with no capture time to read it against
	BadZone      Code = "unknown-zone"         // a zone abbreviation the format does not know
	NoAddress    Code = "no-page-address"      // a capture whose page has no known address, original or archived

	// Format files (package formatfile).
	BadFormatFile Code = "format-file" // a format file that is wrong: a bad pattern, key or value

	// The annotations (package annotate).
	Registry   Code = "registry"    // a record of people, glossary, threads or figures that is wrong
	Alias      Code = "alias"       // an alias two records share
	NoteForm   Code = "note"        // a note whose front matter or body is wrong
	RawHTML    Code = "raw-html"    // raw HTML in the editors' Markdown
	Target     Code = "note-target" // a note about something the chronicle does not have
	Candidate  Code = "candidate"   // a name that looks like a person not in the registry
	NoQuestion Code = "no-question" // handouts that have no editors' question for discussion yet
	Annotate   Code = "annotations" // another problem of the annotations
)
