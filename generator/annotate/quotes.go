package annotate

import (
	"regexp"
	"strings"

	"chronicle/generator/entry"
)

// quoteSpan finds direct speech: text between double quotes, straight or
// curly, at least a few words long.
var quoteSpan = regexp.MustCompile(`[“"]([^“”"]{12,})[”"]`)

// sayVerbs are the verbs that attribute speech.
var sayVerbs = map[string]bool{
	"says": true, "said": true, "adds": true, "added": true, "told": true, "tells": true, "answered": true,
	"answers": true, "wrote": true, "writes": true, "tweeted": true, "warned": true, "warns": true,
	"continues": true, "continued": true, "insisted": true, "insists": true, "stressed": true, "stresses": true,
	"replied": true, "replies": true, "asked": true, "asks": true, "declared": true, "explained": true,
}

// partRef ties a text searched for mentions to the body block it came from.
type partRef struct {
	text  string
	block int // -1 for the title
}

// entryParts lists the title and the texts of the blocks quotes can be in.
func entryParts(e *entry.Entry) []partRef {
	parts := []partRef{{e.Title, -1}}
	for i, b := range e.Body {
		switch b.Type {
		case entry.BlockParagraph, entry.BlockQuote:
			parts = append(parts, partRef{b.Text, i})
		case entry.BlockList:
			for _, it := range b.Items {
				parts = append(parts, partRef{it.Text, i})
			}
		}
	}
	return parts
}

// findQuotes attributes the direct speech of one entry: a pull quote to its
// speaker line; `“…,” Johnson says` and `“…,” says Johnson` to the name after
// the quote; `Zelensky answered: “…”` to the name before it; `“…,” he said`
// to the person last named in full before the quote.
func findQuotes(m *Matcher, e *entry.Entry, pronouns map[string]string) []entry.Quote {
	parts := entryParts(e)
	texts := make([]string, len(parts))
	for i, p := range parts {
		texts[i] = p.text
	}
	mentions := m.Find(texts)
	var out []entry.Quote
	for pi, p := range parts {
		if p.block >= 0 && e.Body[p.block].Type == entry.BlockQuote {
			if sp := e.Body[p.block].Speaker; sp != "" {
				if ms := m.Find([]string{sp}); len(ms) > 0 {
					out = append(out, entry.Quote{Text: p.text, Speaker: ms[0].Person, Block: p.block, How: "pull quote", Label: sp})
				}
			}
			continue
		}
		if p.block < 0 {
			continue
		}
		for _, loc := range quoteSpan.FindAllStringSubmatchIndex(p.text, -1) {
			q := strings.TrimSpace(strings.TrimRight(p.text[loc[2]:loc[3]], ",. "))
			if id, label, how := speakerAfter(p.text, loc[1], mentions, pi); id != "" {
				out = append(out, entry.Quote{Text: q, Speaker: id, Block: p.block, How: how, Label: label})
			} else if id, label := speakerBefore(p.text, loc[0], mentions, pi); id != "" {
				out = append(out, entry.Quote{Text: q, Speaker: id, Block: p.block, How: "name: quote", Label: label})
			} else if id, label := pronounSpeaker(p.text, loc[1], mentions, pi, loc[0], pronouns); id != "" {
				out = append(out, entry.Quote{Text: q, Speaker: id, Block: p.block, How: "pronoun", Label: label})
			}
		}
	}
	return out
}

// speakerAfter reads `”, Name says` or `”, says Name` right after a quote.
func speakerAfter(text string, end int, mentions []Mention, part int) (string, string, string) {
	rest := text[end:]
	trimmed := strings.TrimLeft(rest, " ,")
	offset := end + len(rest) - len(trimmed)
	words := strings.Fields(trimmed)
	if len(words) == 0 {
		return "", "", ""
	}
	if sayVerbs[strings.Trim(words[0], ",.")] {
		after := offset + len(words[0])
		for _, mn := range mentions {
			if mn.Part == part && mn.Start >= after && mn.Start <= after+2 {
				return mn.Person, mn.Label, "quote, says Name"
			}
		}
		return "", "", ""
	}
	for _, mn := range mentions {
		if mn.Part == part && mn.Start == offset {
			tail := strings.Fields(text[mn.End:])
			if len(tail) > 0 && sayVerbs[strings.Trim(tail[0], ",.:")] {
				return mn.Person, mn.Label, "quote, Name says"
			}
		}
	}
	return "", "", ""
}

// speakerBefore reads `Name says: “` or `Name answered: “` before a quote.
func speakerBefore(text string, start int, mentions []Mention, part int) (string, string) {
	for i := len(mentions) - 1; i >= 0; i-- {
		mn := mentions[i]
		if mn.Part != part || mn.End > start || start-mn.End > 40 {
			continue
		}
		gap := strings.TrimSpace(text[mn.End:start])
		if !strings.HasSuffix(gap, ":") && !strings.HasSuffix(gap, ",") {
			return "", ""
		}
		f := strings.Fields(strings.TrimRight(gap, ":,"))
		for _, w := range f {
			if sayVerbs[w] {
				return mn.Person, mn.Label
			}
		}
		return "", ""
	}
	return "", ""
}

// pronounSpeaker reads `”, he said` and gives it to the person named last
// before the quote, in this entry.
func pronounSpeaker(text string, end int, mentions []Mention, part, start int, pronouns map[string]string) (string, string) {
	words := strings.Fields(strings.TrimLeft(text[end:], " ,"))
	if len(words) < 2 || (words[0] != "he" && words[0] != "she") || !sayVerbs[strings.Trim(words[1], ",.:")] {
		return "", ""
	}
	for i := len(mentions) - 1; i >= 0; i-- {
		mn := mentions[i]
		if mn.Part < part || (mn.Part == part && mn.End <= start) {
			if pronounOf(pronouns, mn.Person) == words[0] {
				return mn.Person, words[0]
			}
		}
	}
	return "", ""
}

// pronounOf returns a person's pronoun, "he" unless the registry says "she".
func pronounOf(pronouns map[string]string, id string) string {
	if p := pronouns[id]; p != "" {
		return p
	}
	return "he"
}
