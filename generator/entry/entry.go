// Package entry holds the chronicle's model: the entries read from captures,
// their blocks and bylines, and the capture they came from. Every stage of the
// pipeline meets the others only through these types; the package imports
// nothing of the project.
package entry

import "time"

// Kind says what sort of post an entry is.
type Kind string

// The kinds of entry. A reader keeps an unknown marker as its own Kind (in
// lower case) and reports it.
const (
	KindPost      Kind = "post"
	KindAnalysis  Kind = "analysis"
	KindBreaking  Kind = "breaking"
	KindSummary   Kind = "summary"
	KindKeyPoints Kind = "key-points"
	KindStub      Kind = "stub"
)

// BlockType names the kind of a body block.
type BlockType string

// The block types of an entry's body.
const (
	BlockParagraph BlockType = "paragraph"
	BlockList      BlockType = "list"
	BlockItem      BlockType = "item"    // one item of a list
	BlockQuote     BlockType = "quote"   // a pull quote, with Speaker
	BlockFigure    BlockType = "figure"  // a photo: Alt, Credit, Caption
	BlockVideo     BlockType = "video"   // a video: Caption
	BlockEmbed     BlockType = "embed"   // an embedded post (Provider) whose content was not captured
	BlockRelated   BlockType = "related" // a line linking to another article: Text is its headline
)

// Span marks a run of a block's Text: [Start, End) in bytes.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Block is one piece of an entry's body.
type Block struct {
	Type BlockType `json:"type"`
	// Text is the block's text as published (paragraph, quote, list item,
	// related headline), with capture artefacts such as ", external" removed.
	Text string `json:"text,omitempty"`
	// Links are the runs of Text that were links to outside pages.
	Links []Span `json:"links,omitempty"`
	// Items are the items of a list, each a BlockItem.
	Items []Block `json:"items,omitempty"`
	// Speaker is who a pull quote is attributed to.
	Speaker string `json:"speaker,omitempty"`
	// Alt, Credit and Caption describe a figure; Caption also a video.
	Alt     string `json:"alt,omitempty"`
	Credit  string `json:"credit,omitempty"`
	Caption string `json:"caption,omitempty"`
	// Provider names the service of an embed ("Twitter").
	Provider string `json:"provider,omitempty"`
	// Lines is the first and last line of the capture the block came from.
	Lines [2]int `json:"lines"`
}

// Author is one name of a byline: a journalist, or a source credited in
// the byline's place (a programme and its network, a channel, an
// institution, a monitoring desk).
type Author struct {
	Name string `json:"name"`
	Role string `json:"role,omitempty"` // a journalist's role; a source's network or body
	// Kind is SourceCredit for a source; empty for a person.
	Kind string `json:"kind,omitempty"`
	// Person is the ID of the author's person page, set by annotate.
	Person string `json:"person,omitempty"`
	// Line is the capture's line of the name, where the reader knows it.
	Line int `json:"-"`
}

// SourceCredit is the Kind of an Author that is a source, not a person.
const SourceCredit = "source"

// IsSource reports whether the credit is a source rather than a person.
func (a Author) IsSource() bool { return a.Kind == SourceCredit }

// Entry is one post of a live page.
type Entry struct {
	// ID is readable and stable across rebuilds:
	// 2022-02-01-1905-bbc-whats-happened-today.
	ID string `json:"id"`
	// Capture is the file name of the capture, Publisher the publisher's
	// name and PublisherID its slug ("bbc", "independent").
	Capture     string `json:"capture"`
	Publisher   string `json:"publisher"`
	PublisherID string `json:"publisher_id"`
	// Time is the instant of the entry in UTC; LocalTime is the time as the
	// capture printed it, and Zone the IANA zone it was read in.
	Time      time.Time `json:"time"`
	LocalTime string    `json:"local_time"`
	Zone      string    `json:"zone"`
	Title     string    `json:"title"`
	Kind      Kind      `json:"kind"`
	// Number is the entry's number on its page, or 0 where none is printed.
	Number  int      `json:"number,omitempty"`
	Authors []Author `json:"authors"`
	Body    []Block  `json:"body"`
	// Lines is the first and last line of the capture the entry came from.
	Lines [2]int `json:"lines"`

	// Filled in by the annotate stage.
	People  []string `json:"people,omitempty"`
	Quotes  []Quote  `json:"quotes,omitempty"`
	Threads []string `json:"threads,omitempty"`
}

// Quote is direct speech in an entry attributed to a person.
type Quote struct {
	Text    string `json:"text"`
	Speaker string `json:"speaker"`         // person ID
	Block   int    `json:"block"`           // index of the body block it sits in
	How     string `json:"how,omitempty"`   // the recogniser that found it
	Label   string `json:"label,omitempty"` // the speaker as written
	// Kind is "full" (a sentence or more of speech), "partial" (words
	// quoted inside reported speech) or "headline" (in a title or caption).
	Kind string `json:"kind,omitempty"`
	// Before and After are the reported words around a partial quote, in
	// its sentence, as printed (spaces and punctuation kept: Before +
	// quote + After is the sentence), so that a page can show it in its
	// context.
	Before string `json:"before,omitempty"`
	After  string `json:"after,omitempty"`
	// Marked is a partial quote as printed, with its quote marks: Before +
	// Marked + After is its sentence, as it stands in the entry.
	Marked string `json:"-"`
}

// The kinds of quote (Quote.Kind).
const (
	QuoteFull     = "full"     // a sentence or more of speech
	QuotePartial  = "partial"  // words quoted inside reported speech
	QuoteHeadline = "headline" // speech in a title or a caption
)

// Page is what a capture says about its page as a whole, outside any entry.
type Page struct {
	Headline  string   `json:"headline,omitempty"`
	Summary   []string `json:"summary,omitempty"`    // BBC "Summary" bullets
	Lede      []string `json:"lede,omitempty"`       // Independent intro paragraphs
	KeyPoints []string `json:"key_points,omitempty"` // Independent "Key Points"
}

// Capture describes one captured page: its file and what its sidecar says.
type Capture struct {
	File string `json:"file"` // base name, e.g. 000_7afe650ce409cb36.txt
	Path string `json:"-"`
	// Source is the capture's text, byte for byte as it was read: its page
	// and its download are made from it, so no later stage reads the file
	// again.
	Source    string `json:"-"`
	Publisher string `json:"publisher"`
	// PublisherID is the publisher's slug, used in IDs and URLs.
	PublisherID string `json:"publisher_id"`
	Via         string `json:"via,omitempty"` // syndicator, e.g. "Yahoo News"
	PageTitle   string `json:"page_title,omitempty"`
	PageURL     string `json:"page_url,omitempty"`
	// PageDate is the page's date as YYYY-MM-DD, or empty when unknown.
	PageDate string `json:"page_date,omitempty"`
	// TimeZone is the IANA zone the page's times are printed in.
	TimeZone string `json:"time_zone,omitempty"`
	// CapturedAt is when the page was copied (RFC 3339, UTC), or empty
	// when unknown: relative times ("2h ago") are read against it.
	CapturedAt string `json:"captured_at,omitempty"`
	// ArchiveURL is the address of an archived copy of the page (in a web
	// archive), or empty.
	ArchiveURL string `json:"archive_url,omitempty"`
	Format     string `json:"format"`
	Page       Page   `json:"page"`
}

// PageID names the capture's page and its download: CaptureID of its file.
func (c *Capture) PageID() string { return CaptureID(c.File) }
