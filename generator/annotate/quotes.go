package annotate

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"chronicle/generator/entry"
)

// quoteSpan finds text between double quotes, straight or curly. Every
// pair is matched, short ones too, so that a one-word scare quote does not
// throw the pairing of straight quotes after it out of step; only spans of
// at least minQuote characters are direct speech.
var quoteSpan = regexp.MustCompile(`[“"]([^“”"]*)[”"]`)

// minQuote is the shortest direct speech, in characters.
const minQuote = 12

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
// and `he added: “…”` to the person of that pronoun named last before the
// quote; and a quote that opens the sentence after an attributed one
// (`“…,” he said. “…”`) to the same speaker.
func findQuotes(m *Matcher, e *entry.Entry, pronouns map[string]string) []entry.Quote {
	parts := entryParts(e)
	texts := make([]string, len(parts))
	for i, p := range parts {
		texts[i] = p.text
	}
	mentions := m.Find(texts)
	var out []entry.Quote
	for pi, p := range parts {
		prev := entry.Quote{} // the last quote attributed in this part
		prevEnd := 0
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
			if utf8.RuneCountInString(p.text[loc[2]:loc[3]]) < minQuote {
				continue
			}
			q := strings.TrimSpace(strings.TrimRight(p.text[loc[2]:loc[3]], ",. "))
			found := entry.Quote{Text: q, Block: p.block}
			if id, label, how := speakerAfter(p.text, loc[1], mentions, pi); id != "" {
				found.Speaker, found.Label, found.How = id, label, how
			} else if id, label := speakerBefore(p.text, loc[0], mentions, pi); id != "" {
				found.Speaker, found.Label, found.How = id, label, "name: quote"
			} else if id, label := pronounSpeaker(texts, loc, mentions, pi, pronouns); id != "" {
				found.Speaker, found.Label, found.How = id, label, "pronoun"
			} else if prev.Speaker != "" && continues(p.text, prevEnd, loc, mentions, pi, prev.Speaker) {
				found.Speaker, found.Label, found.How = prev.Speaker, prev.Label, "continued"
			}
			if found.Speaker != "" {
				out = append(out, found)
				prev, prevEnd = found, loc[1]
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

// speakerBefore reads `Name says: “` or `Name answered: “` before a quote,
// within the sentence.
func speakerBefore(text string, start int, mentions []Mention, part int) (string, string) {
	for i := len(mentions) - 1; i >= 0; i-- {
		mn := mentions[i]
		if mn.Part != part || mn.End > start || start-mn.End > 40 {
			continue
		}
		gap := strings.TrimSpace(text[mn.End:start])
		if possessive(text[mn.End:]) {
			return "", "" // "Mr Johnson's spokesman said:" is not Mr Johnson
		}
		if !strings.HasSuffix(gap, ":") && !strings.HasSuffix(gap, ",") {
			return "", ""
		}
		if strings.ContainsAny(gap, ".!?") {
			return "", "" // "Truss met Zelensky. She added: “" is a new sentence: the pronoun rule's
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

// pronounSpeaker reads `”, he said` after a quote, or `he replied: “` before
// it, and gives it to the person of that pronoun named last before the
// quote. It looks back sentence by sentence through sentences that keep the
// reference going (they name someone, say he or she, or are only a quote);
// a sentence that does none of these (“One diplomat was blunter.”) brings in
// someone unnamed, and the search stops there.
func pronounSpeaker(texts []string, loc []int, mentions []Mention, part int, pronouns map[string]string) (string, string) {
	text, start, end := texts[part], loc[0], loc[1]
	pron := ""
	words := strings.Fields(strings.TrimLeft(text[end:], " ,"))
	if len(words) >= 2 && (words[0] == "he" || words[0] == "she") && sayVerbs[strings.Trim(words[1], ",.:")] {
		pron = words[0]
	} else if before := strings.Fields(text[:start]); len(before) >= 2 && strings.HasSuffix(before[len(before)-1], ":") {
		// `he replied: “`, `She added: “`
		w, v := strings.ToLower(before[len(before)-2]), strings.TrimSuffix(before[len(before)-1], ":")
		if (w == "he" || w == "she") && sayVerbs[v] {
			pron = w
		}
	}
	if pron == "" {
		return "", ""
	}
	for p := part; p >= 0; p-- {
		ss := sentences(texts[p])
		for k := len(ss) - 1; k >= 0; k-- {
			from, to := ss[k][0], ss[k][1]
			own := false // the quote's own sentence, up to the quote
			if p == part {
				if from >= start {
					continue
				}
				if to >= start {
					to, own = start, true
				}
			}
			named := false
			for i := len(mentions) - 1; i >= 0; i-- {
				mn := mentions[i]
				if mn.Part == p && mn.Start >= from && mn.End <= to {
					if pronounOf(pronouns, mn.Person) == pron {
						return mn.Person, pron
					}
					named = true
				}
			}
			if !own && !named && !keepsReference(texts[p][from:to]) {
				return "", ""
			}
		}
	}
	return "", ""
}

// keepsReference reports whether a sentence that names no one still speaks
// of the same person: it says he or she outside quotes, or is only a quote.
func keepsReference(sentence string) bool {
	rest := quoteSpan.ReplaceAllString(sentence, "")
	letters := false
	for _, w := range strings.FieldsFunc(rest, func(r rune) bool { return !unicode.IsLetter(r) }) {
		letters = true
		if l := strings.ToLower(w); l == "he" || l == "she" {
			return true
		}
	}
	return !letters
}

// continues reports whether a quote with no attribution of its own goes on
// the speech of the quote before it in the same paragraph: `“…,” he said.
// “…”`. The quote must open a sentence right after the earlier quote's
// attribution, nobody else may be named in between, and no say verb may
// follow it (`“…,” a spokesman replied` is someone else).
func continues(text string, prevEnd int, loc []int, mentions []Mention, part int, speaker string) bool {
	between := strings.TrimSpace(text[prevEnd:loc[0]])
	if !strings.HasSuffix(between, ".") && !strings.HasSuffix(between, "?") && !strings.HasSuffix(between, "!") && between != "" {
		return false
	}
	for _, mn := range mentions {
		if mn.Part == part && mn.Start >= prevEnd && mn.End <= loc[0] && mn.Person != speaker {
			return false
		}
	}
	after := strings.Fields(text[loc[1]:])
	for i := 0; i < len(after) && i < 5; i++ {
		if sayVerbs[strings.Trim(after[i], ",.:")] {
			return false
		}
	}
	return true
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
