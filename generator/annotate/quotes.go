package annotate

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"chronicle/generator/entry"
)

// Quote attribution, in three steps: the parts of an entry that can hold
// direct speech (entryParts), the quotes in them (findSpans: double quotes
// anywhere, single quotes in titles and captions, a quote whose paragraph
// ends before its closing mark), and for each quote the first attribution
// rule that names its speaker (quoterules.go, one rule per way a live page
// attributes speech). Only people the matcher finds can be speakers, so an
// organisation or an unnamed source is never given a quote.

// quoteSpan finds text between double quotes, straight or curly. Every
// pair is matched, short ones too, so that a one-word scare quote does not
// throw the pairing of straight quotes after it out of step; only spans of
// at least minQuoteWords words are direct speech.
var quoteSpan = regexp.MustCompile(`[“"]([^“”"]*)[”"]`)

// singleSpan finds text between single quotes, as titles and captions print
// speech (`'We will not give up': Mayor`): the opening mark at the start or
// after a space, colon or bracket, the closing one before the end, a space
// or punctuation, so that an apostrophe inside a word is neither.
var singleSpan = regexp.MustCompile(`(?:^|[\s:(])([‘'])([^‘’']*(?:[’'][\p{L}][^‘’']*)*)[’'](?:$|[\s:,.;!?)])`)

// minQuoteWords is the fewest words direct speech has; shorter quoted
// phrases are scare quotes or names ("farce", "special operation").
const minQuoteWords = 3

// partRef ties a text searched for quotes to the body block it came from.
type partRef struct {
	text     string
	block    int  // -1 for the title
	headline bool // a title or a caption: single quotes are speech there
	pull     *entry.Block
}

// entryParts lists the title and the texts of the blocks quotes can be in.
func entryParts(e *entry.Entry) []partRef {
	parts := []partRef{{text: e.Title, block: -1, headline: true}}
	for i := range e.Body {
		b := &e.Body[i]
		switch b.Type {
		case entry.BlockParagraph:
			parts = append(parts, partRef{text: b.Text, block: i})
		case entry.BlockQuote:
			parts = append(parts, partRef{text: b.Text, block: i, pull: b})
		case entry.BlockList:
			for _, it := range b.Items {
				parts = append(parts, partRef{text: it.Text, block: i})
			}
		case entry.BlockFigure, entry.BlockVideo:
			if b.Caption != "" {
				parts = append(parts, partRef{text: b.Caption, block: i, headline: true})
			}
		}
	}
	return parts
}

// span is a quote in a part: the whole of it with its marks (from, to) and
// the words inside them (in, out). open is true for a quote whose paragraph
// ended before its closing mark: it runs on into the next paragraph.
type span struct {
	part              int
	from, to, in, out int
	open              bool
}

// findSpans lists the quotes of one part, in order.
func findSpans(p partRef, part int) []span {
	out := doubleSpans(p.text, part)
	if p.headline {
		for _, loc := range singleSpan.FindAllStringSubmatchIndex(p.text, -1) {
			if !overlaps(out, loc[2]) {
				_, n := utf8.DecodeRuneInString(p.text[loc[5]:])
				out = append(out, span{part: part, from: loc[2], to: loc[5] + n, in: loc[4], out: loc[5]})
			}
		}
	}
	return out
}

// doubleSpans scans text for double quotes: a curly pair holds any curly
// pairs nested in it (`“…to “attack” Ukraine…”` is one quote), straight
// marks pair in turn, and a quote still open at the end of the text runs
// on into the next paragraph (`he said: “We will rebuild every house`).
func doubleSpans(text string, part int) []span {
	var out []span
	depth, start, straight := 0, 0, false
	for i, r := range text {
		switch {
		case r == '“' && !straight:
			if depth == 0 {
				start = i
			}
			depth++
		case r == '”' && !straight && depth > 0:
			if depth--; depth == 0 {
				out = append(out, span{part: part, from: start, to: i + len("”"), in: start + len("“"), out: i})
			}
		case r == '”' && straight: // `"…”`: the marks of one quote need not match
			out = append(out, span{part: part, from: start, to: i + len("”"), in: start + 1, out: i})
			straight = false
		case r == '"' && depth == 1: // `“…"`
			out = append(out, span{part: part, from: start, to: i + 1, in: start + len("“"), out: i})
			depth = 0
		case r == '"' && depth == 0:
			if straight {
				out = append(out, span{part: part, from: start, to: i + 1, in: start + 1, out: i})
			} else {
				start = i
			}
			straight = !straight
		}
	}
	if depth > 0 || straight {
		n := len("“")
		if straight {
			n = 1
		}
		out = append(out, span{part: part, from: start, to: len(text), in: start + n, out: len(text), open: true})
	}
	return out
}

// overlaps reports whether offset i is inside one of the spans.
func overlaps(ss []span, i int) bool {
	for _, s := range ss {
		if i >= s.from && i < s.to {
			return true
		}
	}
	return false
}

// wordCount counts the words of s; a hyphenated word is one
// ("large-scale war" is two words).
func wordCount(s string) int {
	return len(strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’' && r != '-'
	}))
}

// quoteCtx is what the rules read: the entry's parts, the people named in
// them, the registry's pronouns and roles, and the quotes attributed so far.
type quoteCtx struct {
	parts    []partRef
	texts    []string
	mentions []Mention
	pronouns map[string]string
	roles    map[string]string // person ID → role, lower case
	found    []entry.Quote     // attributed so far, in order
	spans    []span            // the span of each found quote
}

// findQuotes attributes the direct speech of one entry. A pull quote goes
// to its speaker line; every other quote to the first rule of
// attributionRules that names its speaker.
func findQuotes(m *Matcher, e *entry.Entry, pronouns, roles map[string]string) []entry.Quote {
	c := &quoteCtx{parts: entryParts(e), pronouns: pronouns, roles: roles}
	for _, p := range c.parts {
		c.texts = append(c.texts, p.text)
	}
	c.mentions = m.Find(c.texts)
	// The title last: a quote in it whose words the body quotes goes to the
	// speaker the body gives them (headlineFromBody).
	order := make([]int, 0, len(c.parts))
	for pi := 1; pi < len(c.parts); pi++ {
		order = append(order, pi)
	}
	order = append(order, 0)
	for _, pi := range order {
		p := c.parts[pi]
		if p.pull != nil {
			if ms := m.Find([]string{p.pull.Speaker}); p.pull.Speaker != "" && len(ms) > 0 {
				c.add(entry.Quote{Text: p.text, Speaker: ms[0].Person, Block: p.block, How: "pull quote", Label: p.pull.Speaker, Kind: entry.QuoteFull},
					span{part: pi, to: len(p.text), out: len(p.text)})
			}
			continue
		}
		for _, s := range findSpans(p, pi) {
			inner := p.text[s.in:s.out]
			if wordCount(inner) < minQuoteWords || isLabel(p.text[:s.from]) || unnamedAfter(c, s) {
				continue
			}
			for _, r := range attributionRules {
				if id, label := r.attribute(c, s); id != "" {
					how := r.how
					if label == "he" || label == "she" {
						how = "pronoun" // the rule read a pronoun as its subject
					}
					c.add(c.quoteOf(s, id, label, how), s)
					break
				}
			}
		}
	}
	return c.found
}

// add records an attributed quote.
func (c *quoteCtx) add(q entry.Quote, s span) {
	c.found = append(c.found, q)
	c.spans = append(c.spans, s)
}

// quoteOf makes the quote of span s, with its kind and, for a partial
// quote, the reported words around it in its sentence.
func (c *quoteCtx) quoteOf(s span, id, label, how string) entry.Quote {
	p := c.parts[s.part]
	text := strings.TrimSpace(strings.TrimRight(p.text[s.in:s.out], ",. "))
	q := entry.Quote{Text: text, Speaker: id, Label: label, How: how, Block: p.block, Kind: entry.QuoteFull}
	from, to := c.sentenceOf(s)
	switch {
	case p.headline:
		q.Kind = entry.QuoteHeadline
	case isPartial(p.text[from:s.from]):
		q.Kind = entry.QuotePartial
		// As printed, spaces and all, so that before + “text” + after is
		// the sentence: `says the city faces ` and ` after the shelling.`
		q.Before = strings.TrimLeft(p.text[from:s.from], " ")
		q.After = strings.TrimRight(p.text[s.to:to], " ")
		q.Marked = p.text[s.from:s.to]
	}
	return q
}

// isLabel reports whether a quote after these words is a name for a thing
// in the writer's words, not speech: `so-called “people's republics”`,
// `its “peacekeeping mission”`. (After "a" or "the" a quote is as often
// speech: `called Ukraine a “firm and enduring ally”`.)
func isLabel(before string) bool {
	return labelWords[strings.ToLower(lastWord(before))]
}

var labelWords = map[string]bool{"so-called": true, "dubbed": true, "its": true, "their": true}

// isPartial reports whether a quote that follows these words of its
// sentence stands inside reported speech: words before it that do not end
// in a colon or a comma (`says the city faces “…”`, not `says: “…”`).
func isPartial(before string) bool {
	b := strings.TrimSpace(before)
	return b != "" && !strings.HasSuffix(b, ":") && !strings.HasSuffix(b, ",") && !strings.HasSuffix(b, "—") && !strings.HasSuffix(b, "-")
}

// sentenceOf is the sentence of its part that span s stands in.
func (c *quoteCtx) sentenceOf(s span) (int, int) {
	for _, r := range sentences(c.texts[s.part]) {
		if s.from >= r[0] && s.from < r[1] {
			return r[0], max(r[1], min(s.to, len(c.texts[s.part])))
		}
	}
	return 0, len(c.texts[s.part])
}

// possessive reports whether the text after a name makes it a possessive.
func possessive(rest string) bool {
	for _, p := range []string{"'s", "’s", "' ", "’ "} {
		if strings.HasPrefix(rest, p) {
			return true
		}
	}
	return false
}

// pronounOf returns a person's pronoun, "he" unless the registry says "she".
func pronounOf(pronouns map[string]string, id string) string {
	if p := pronouns[id]; p != "" {
		return p
	}
	return "he"
}
