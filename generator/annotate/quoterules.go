package annotate

import (
	"strings"
	"unicode"

	"chronicle/generator/entry"
)

// A rule is one way a live page attributes a quote. attribute returns the
// speaker's person ID and the speaker as written, or "" when the rule does
// not fit the quote.
type rule struct {
	how       string
	attribute func(c *quoteCtx, s span) (id, label string)
}

// attributionRules, tried in order for each quote: its own attribution
// after it, then before it in its sentence, then the speech it goes on.
var attributionRules = []rule{
	{"headline", headlineSpeaker},
	{"quote, says Name", saysNameAfter},
	{"quote, Name says", nameSaysAfter},
	{"pronoun", pronounAfter},
	{"quote, the minister says", descriptorAfter},
	{"name: quote", clauseBefore},
	{"quote …, Name says", attributionAtSentenceEnd},
	{"headline, from the body", headlineFromBody},
	{"continued", continuedInParagraph},
	{"next paragraph", nextParagraph},
}

// sayVerbs are the verbs that attribute speech.
var sayVerbs = map[string]bool{
	"says": true, "said": true, "adds": true, "added": true, "told": true, "tells": true, "answered": true,
	"answers": true, "wrote": true, "writes": true, "tweeted": true, "warned": true, "warns": true,
	"continues": true, "continued": true, "insisted": true, "insists": true, "stressed": true, "stresses": true,
	"replied": true, "replies": true, "asked": true, "asks": true, "declared": true, "declares": true, "explained": true,
	"explains": true, "concluded": true, "concludes": true, "argued": true, "argues": true, "claimed": true, "claims": true,
	"noted": true, "notes": true, "urged": true, "urges": true, "vowed": true, "vows": true, "pledged": true, "pledges": true,
	"promised": true, "promises": true, "admitted": true, "admits": true, "acknowledged": true, "acknowledges": true,
	"suggested": true, "suggests": true, "posted": true, "posts": true, "announced": true, "announces": true,
	"confirmed": true, "confirms": true, "recalled": true, "recalls": true, "predicted": true, "predicts": true,
	"called": true, "calls": true, "described": true, "describes": true, "accused": true, "accuses": true,
	"condemned": true, "condemns": true, "dismissed": true, "dismisses": true, "branded": true, "brands": true,
	"insisting": true, "saying": true, "adding": true, "warning": true, "telling": true,
	"responded": true, "responds": true, "joked": true, "jokes": true, "stated": true, "states": true,
	"echoed": true, "reiterated": true, "reiterates": true, "emphasised": true, "emphasises": true, "emphasized": true,
	"criticised": true, "criticises": true, "criticized": true, "cautioned": true, "cautions": true,
	"commented": true, "comments": true, "observed": true, "remarked": true, "thanked": true,
}

// isSay reports whether a word, stripped of punctuation, is a say verb.
func isSay(w string) bool { return sayVerbs[strings.Trim(w, ",.:;“”\"")] }

// descriptors are the nouns that, after "the", refer back to a person named
// before by their role ("the minister said", "the president added").
var descriptors = map[string]bool{
	"minister": true, "president": true, "secretary": true, "chancellor": true, "leader": true,
	"spokesman": true, "spokeswoman": true, "spokesperson": true, "ambassador": true, "envoy": true,
	"mayor": true, "governor": true, "general": true, "commander": true, "premier": true, "senator": true,
	"chief": true, "adviser": true, "advisor": true, "head": true, "chairman": true, "chairwoman": true,
	"correspondent": true, "editor": true, "king": true, "queen": true, "pope": true,
}

// notSubject are the words before a name that make it no subject of the
// verb after it ("a spokesman for Johnson said").
var notSubject = map[string]bool{
	"for": true, "of": true, "to": true, "with": true, "by": true, "from": true, "about": true,
	"against": true, "and": true, "or": true, "on": true, "at": true, "than": true, "like": true,
	"between": true, "among": true, "after": true, "before": true, "over": true, "under": true, "in": true,
}

// headlineSpeaker reads a title's or a caption's quote: `'…': Name`, `'…',
// says Name`, `'…' - Name`, `Name: '…'` and `Name says '…'`.
func headlineSpeaker(c *quoteCtx, s span) (string, string) {
	p := c.parts[s.part]
	if !p.headline {
		return "", ""
	}
	after := p.text[s.to:]
	rest := strings.TrimLeft(after, " ")
	for _, lead := range []string{":", "-", "–", "—", ","} {
		if strings.HasPrefix(rest, lead) {
			r := strings.TrimLeft(strings.TrimPrefix(rest, lead), " ")
			if f := strings.Fields(r); len(f) > 0 && isSay(f[0]) {
				r = strings.TrimLeft(r[len(f[0]):], " ")
			}
			if mn, ok := c.mentionAt(s.part, len(p.text)-len(r)); ok {
				return mn.Person, mn.Label
			}
			if s.part == 0 { // `'…', deputy foreign minister says`, `'…' - Ukraine's president`
				if id, label := c.titleDescriptor(r); id != "" {
					return id, label
				}
			}
		}
	}
	// `Name: '…'`, `Name: Putin 'holding a gun'`, `Name says '…'`: the
	// headline opens with the speaker.
	if mn, ok := c.mentionAt(s.part, 0); ok && mn.End <= s.from {
		rest := strings.TrimLeft(p.text[mn.End:s.from], " ")
		if w, _ := wordAt(rest, 0); strings.HasPrefix(rest, ":") || isSay(w) {
			return mn.Person, mn.Label
		}
	}
	return "", ""
}

// unnamedAfter reports whether the attribution right after a quote names
// someone who is not a person of the registry: `”, said one official`,
// `”, a spokesman replied`, `”, the Kremlin said`. No other rule may then
// give the quote to a person named elsewhere in the sentence.
func unnamedAfter(c *quoteCtx, s span) bool {
	text := c.texts[s.part]
	inner := strings.TrimRight(text[s.in:s.out], " ")
	rest := strings.TrimLeft(text[s.to:], " ")
	if !strings.HasSuffix(inner, ",") && !strings.HasPrefix(rest, ",") {
		return false // no attribution follows the quote
	}
	at := skipSpace(text, s.to, " ,")
	end := at + strings.IndexFunc(text[at:]+".", func(r rune) bool { return strings.ContainsRune(".;!?“\"", r) })
	clause := strings.Fields(text[at:end])
	said := -1
	for k := 0; k < len(clause) && k < 6; k++ {
		if isSay(clause[k]) {
			said = k
			break
		}
	}
	if said < 0 {
		return false
	}
	for _, mn := range c.mentions {
		if mn.Part == s.part && mn.Start >= at && mn.Start < end {
			return false // a person is named in the attribution: the rules read it
		}
	}
	first := strings.ToLower(clause[0])
	if said == 0 && len(clause) > 1 {
		first = strings.ToLower(clause[1]) // `said one official`
	}
	if first == "he" || first == "she" {
		return false
	}
	if id, _ := descriptorAfter(c, s); id != "" {
		return false
	}
	if id, _ := c.titleDescriptor(text[at:end]); s.part == 0 && id != "" {
		return false // `'…', deputy foreign minister says`: the body names who
	}
	return true
}

// attributionMayFollow reports whether what follows a quote can be its
// attribution: not when the quote ends its sentence with a full stop
// (`…going on.” Our editor explains`), nor after a question or exclamation
// mark unless a lower-case word follows (`“Why?” he asked`).
func attributionMayFollow(c *quoteCtx, s span) bool {
	inner := strings.TrimRight(c.texts[s.part][s.in:s.out], " ")
	switch {
	case strings.HasSuffix(inner, "."):
		return false
	case strings.HasSuffix(inner, "?") || strings.HasSuffix(inner, "!"):
		w, _ := wordAt(c.texts[s.part], s.to)
		r := []rune(w)
		return len(r) > 0 && unicode.IsLower(r[0])
	}
	return true
}

// wordAfter is the first word after a quote, past a comma, and the offset
// after it in the quote's text; ok is false when no attribution can
// follow the quote (attributionMayFollow).
func wordAfter(c *quoteCtx, s span) (text, w string, next int, ok bool) {
	if !attributionMayFollow(c, s) {
		return "", "", 0, false
	}
	text = c.texts[s.part]
	w, next = wordAt(text, skipSpace(text, s.to, " ,"))
	return text, w, next, true
}

// titleDescriptor reads a role that a title names its speaker by
// (`deputy foreign minister says`, `Ukraine's president`: the role, then
// a say verb or nothing) and gives it the first person the entry's body
// names whose registry role fits, as a reader of the entry would.
func (c *quoteCtx) titleDescriptor(r string) (string, string) {
	f := strings.Fields(strings.TrimRight(r, " .!?"))
	if n := len(f); n > 0 && isSay(f[n-1]) {
		f = f[:n-1]
	}
	if len(f) == 0 || len(f) > 4 {
		return "", ""
	}
	head := strings.ToLower(f[len(f)-1])
	if !descriptors[head] {
		return "", ""
	}
	for _, mn := range c.mentions {
		if mn.Part > 0 && strings.Contains(c.roles[mn.Person], head) && fitsModifiers(c.roles[mn.Person], f[:len(f)-1]) {
			return mn.Person, strings.Join(f, " ")
		}
	}
	return "", ""
}

// saysNameAfter reads `”, says Name` right after a quote.
func saysNameAfter(c *quoteCtx, s span) (string, string) {
	text, w, next, ok := wordAfter(c, s)
	if !ok || !isSay(w) {
		return "", ""
	}
	if mn, ok := c.nameAfterRole(s.part, skipSpace(text, next, " ")); ok {
		return mn.Person, mn.Label
	}
	if w, after := wordAt(text, next); strings.EqualFold(w, "the") { // `”, said the mayor`
		if head, modifiers, _ := descriptorPhrase(text, after); head != "" {
			if id := c.resolveDescriptor(s.part, s.from, head, modifiers...); id != "" {
				return id, "the " + head
			}
		}
	}
	return "", ""
}

// nameAfterRole is the mention at offset i of part, or the first one after
// a short role before it (`the city's mayor, Name`, `press secretary
// Name`): a few words, with no sentence end, no say verb and no one else
// named.
func (c *quoteCtx) nameAfterRole(part, i int) (Mention, bool) {
	if mn, ok := c.mentionAt(part, i); ok {
		return mn, true
	}
	text := c.texts[part]
	for _, mn := range c.mentions {
		if mn.Part != part || mn.Start <= i {
			continue
		}
		role := text[i:mn.Start]
		if len(role) > 80 || strings.ContainsAny(role, ".!?;:“”\"") || len(sayVerbsIn(text, i, mn.Start)) > 0 {
			return Mention{}, false
		}
		for _, w := range strings.Fields(role) {
			if w == "and" || w == "or" || w == "with" {
				return Mention{}, false // `the mayor and Name`: two people
			}
		}
		return mn, true
	}
	return Mention{}, false
}

// nameSaysAfter reads `”, Name says`, `”, Name, the foreign minister, said`
// and `”, Name told reporters` right after a quote.
func nameSaysAfter(c *quoteCtx, s span) (string, string) {
	if !attributionMayFollow(c, s) {
		return "", ""
	}
	text := c.texts[s.part]
	mn, ok := c.nameAfterRole(s.part, skipSpace(text, s.to, " ,"))
	if !ok || possessive(text[mn.End:]) {
		return "", ""
	}
	if verbFollows(text, mn.End) {
		return mn.Person, mn.Label
	}
	return "", ""
}

// pronounAfter reads `”, he said` or `”, she added` after a quote, and gives
// it to the person of that pronoun named last before it.
func pronounAfter(c *quoteCtx, s span) (string, string) {
	text, w, next, ok := wordAfter(c, s)
	if !ok || w != "he" && w != "she" || !verbFollows(text, next) {
		return "", ""
	}
	if id := c.resolvePronoun(s.part, s.from, w); id != "" {
		return id, w
	}
	return "", ""
}

// descriptorAfter reads `”, the minister said` after a quote.
func descriptorAfter(c *quoteCtx, s span) (string, string) {
	text, w, next, ok := wordAfter(c, s)
	if !ok || w != "the" {
		return "", ""
	}
	head, modifiers, end := descriptorPhrase(text, next)
	if head == "" || !verbFollows(text, end) {
		return "", ""
	}
	if id := c.resolveDescriptor(s.part, s.from, head, modifiers...); id != "" {
		return id, "the " + head
	}
	return "", ""
}

// clauseBefore reads the speech clause before a quote in its sentence, the
// last one if there are several: `Name says: “…”`, `Name, who chairs the
// inquiry, says: “…”`, `He added: “…”`, `The minister told MPs: “…”`, and
// the reported speech of a partial quote: `the mayor says the city faces
// “a long and hard winter”`. Its subject is a name, he or she, or "the" and
// a role.
func clauseBefore(c *quoteCtx, s span) (string, string) {
	text := c.texts[s.part]
	from, _ := c.sentenceOf(s)
	verbs := sayVerbsIn(text, from, s.from)
	for i := len(verbs) - 1; i >= 0; i-- {
		if id, label, ok := c.subjectOf(s.part, from, verbs[i]); ok {
			return id, label
		}
	}
	return "", ""
}

// attributionAtSentenceEnd reads an attribution that ends the quote's
// sentence after more of the writer's words: `A peaceful outcome
// “respecting…” - both for Ukraine and Russia, Austin says.` The
// attribution is the sentence's last clause, after a comma: a name, he or
// she, or "the" and a role, and a say verb.
func attributionAtSentenceEnd(c *quoteCtx, s span) (string, string) {
	text := c.texts[s.part]
	_, end := c.sentenceOf(s)
	tail := strings.TrimRight(text[s.to:end], " .”\"")
	i := strings.LastIndex(tail, ",")
	if i < 0 {
		return "", ""
	}
	clause := s.to + i + 1
	verbs := sayVerbsIn(text, clause, s.to+len(tail))
	if len(verbs) != 1 || len(strings.Fields(text[verbs[0]:s.to+len(tail)])) > 4 {
		return "", "" // the verb must close the sentence: `, Austin says.`, `, Truss told MPs.`
	}
	if strings.ContainsAny(text[s.to:clause], "“”\"") {
		return "", "" // another quote stands between
	}
	if id, label, ok := c.subjectOf(s.part, clause, verbs[0]); ok {
		return id, label
	}
	return "", ""
}

// headlineFromBody gives a title's quote the speaker of a body quote that
// holds its words (`Russia 'has a choice'` over `“Russia has a choice,”
// Blinken said`): titles shorten the speech the entry reports.
func headlineFromBody(c *quoteCtx, s span) (string, string) {
	if s.part != 0 {
		return "", ""
	}
	words := strings.Fields(entry.WordKey(c.texts[0][s.in:s.out]))
	for i, q := range c.found {
		if c.spans[i].part != 0 && shortens(words, strings.Fields(entry.WordKey(q.Text))) {
			return q.Speaker, q.Label
		}
	}
	return "", ""
}

// shortens reports whether a headline's words stand in a quote in the same
// order, with at most two of the quote's words left out between them
// (`stepping up preparations for worst-case scenario` shortens `…for the
// worst-case scenario`).
func shortens(headline, quote []string) bool {
	for start := range quote {
		j, skipped := start, 0
		for _, w := range headline {
			for j < len(quote) && quote[j] != w && skipped <= 2 {
				j, skipped = j+1, skipped+1
			}
			if j == len(quote) || quote[j] != w || skipped > 2 {
				j = -1
				break
			}
			j++
		}
		if j >= 0 {
			return true
		}
	}
	return false
}

// continuedInParagraph gives a quote with no attribution of its own the
// speaker of the quote before it in its paragraph: `“…,” he said. “…”`. The
// quote must open a sentence right after the earlier quote's attribution,
// nobody else may be named in between, and no say verb may follow it
// (`“…,” a spokesman replied` is someone else).
func continuedInParagraph(c *quoteCtx, s span) (string, string) {
	if len(c.found) == 0 || c.spans[len(c.spans)-1].part != s.part {
		return "", ""
	}
	prev, prevSpan := c.found[len(c.found)-1], c.spans[len(c.spans)-1]
	text := c.texts[s.part]
	between := strings.TrimSpace(text[prevSpan.to:s.from])
	if between != "" && !strings.HasSuffix(between, ".") && !strings.HasSuffix(between, "?") && !strings.HasSuffix(between, "!") {
		return "", ""
	}
	if c.othersNamed(s.part, prevSpan.to, s.from, prev.Speaker) || sayVerbSoon(text, s.to) {
		return "", ""
	}
	return prev.Speaker, prev.Label
}

// nextParagraph gives a paragraph that opens with a quote with no
// attribution of its own the speaker of the paragraph before: the last
// quote attributed there, if nobody else is named after it, or the subject
// of its last speech clause (`Name warned that…`, `He said:`). A quote that
// ran over from the paragraph before (its closing mark left out) goes on
// the same way.
func nextParagraph(c *quoteCtx, s span) (string, string) {
	text := c.texts[s.part]
	if strings.TrimSpace(text[:s.from]) != "" || s.part == 0 || sayVerbSoon(text, s.to) {
		return "", ""
	}
	prevPart := s.part - 1
	if c.parts[prevPart].headline || c.parts[prevPart].pull != nil || c.parts[prevPart].block < 0 {
		return "", ""
	}
	prevText := c.texts[prevPart]
	if n := len(c.found); n > 0 && c.spans[n-1].part == prevPart {
		q := c.found[n-1]
		if !c.othersNamed(prevPart, c.spans[n-1].to, len(prevText), q.Speaker) {
			return q.Speaker, q.Label
		}
		return "", ""
	}
	ss := sentences(prevText)
	last := ss[len(ss)-1]
	verbs := sayVerbsIn(prevText, last[0], last[1])
	if len(verbs) == 0 {
		return "", ""
	}
	if id, label, ok := c.subjectOf(prevPart, last[0], verbs[len(verbs)-1]); ok &&
		!c.othersNamed(prevPart, verbs[len(verbs)-1], len(prevText), id) {
		return id, label
	}
	return "", ""
}

// subjectOf finds the subject of the say verb at offset v of part, within
// the sentence that starts at from: a name right before it (a word or two
// such as "has", "also" or "later", and an apposition between commas, may
// stand between: `Name, who chairs the inquiry, says`; or the name is the
// apposition: `the US ambassador, Name, wrote`), he or she, or "the" and a
// role.
func (c *quoteCtx) subjectOf(part, from, v int) (string, string, bool) {
	text := c.texts[part]
	verb, _ := wordAt(text, v)
	if strings.HasSuffix(strings.Trim(verb, ",.:"), "ing") || coordinators[strings.ToLower(lastWord(text[from:v]))] {
		return c.sentenceSubject(part, from, v) // `…, saying “…”`, `… but emphasised that “…”`
	}
	end := helpersBefore(text, from, v)
	if strings.HasSuffix(text[from:end], ",") {
		if mn, ok := c.subjectMention(part, from, end-1); ok {
			return mn.Person, mn.Label, true
		}
		end = appositionStart(text, from, end)
	}
	if mn, ok := c.subjectMention(part, from, end); ok {
		return mn.Person, mn.Label, true
	}
	w := lastWord(text[from:end])
	switch l := strings.ToLower(w); {
	case l == "he" || l == "she":
		if id := c.resolvePronoun(part, end-len(w), l); id != "" {
			return id, l, true
		}
	case descriptors[l]:
		before := strings.Fields(text[from : end-len(w)])
		for k := 1; k <= 3 && k <= len(before); k++ {
			if d := before[len(before)-k]; strings.EqualFold(d, "the") || strings.HasSuffix(d, "'s") || strings.HasSuffix(d, "’s") {
				mods := before[len(before)-k+1:]
				if !strings.EqualFold(d, "the") { // `Russia's foreign minister`: the country is a modifier
					mods = before[len(before)-k:]
				}
				if id := c.resolveDescriptor(part, end-len(w), l, mods...); id != "" {
					return id, "the " + l, true
				}
				break
			}
		}
	}
	return "", "", false
}

// coordinators join a second verb to the subject of the first.
var coordinators = map[string]bool{"but": true, "and": true, "yet": true, "then": true, "while": true}

// sentenceSubject is the subject of the sentence from offset from, read
// before v: a name among its first words that no preposition governs, he
// or she at its start, or "the" and a role at its start.
func (c *quoteCtx) sentenceSubject(part, from, v int) (string, string, bool) {
	text := c.texts[part]
	f := strings.Fields(text[from:v])
	if len(f) == 0 {
		return "", "", false
	}
	switch first := strings.ToLower(strings.Trim(f[0], "“\",")); {
	case first == "he" || first == "she":
		if id := c.resolvePronoun(part, from, first); id != "" {
			return id, first, true
		}
		return "", "", false
	case first == "the":
		if head, modifiers, _ := descriptorPhrase(text, from+len(f[0])); head != "" {
			if id := c.resolveDescriptor(part, from, head, modifiers...); id != "" {
				return id, "the " + head, true
			}
		}
		return "", "", false
	}
	limit := from + len(strings.Join(f[:min(len(f), 8)], " "))
	for _, mn := range c.mentions {
		if mn.Part != part || mn.Start < from || mn.Start > limit {
			continue
		}
		if w := strings.ToLower(lastWord(text[from:mn.Start])); notSubject[w] || possessive(text[mn.End:]) {
			return "", "", false
		}
		return mn.Person, mn.Label, true
	}
	return "", "", false
}

// subjectMention is the mention that ends at offset end of part and can be
// a subject: no preposition or conjunction before it ("a spokesman for
// Johnson said" is not Johnson).
func (c *quoteCtx) subjectMention(part, from, end int) (Mention, bool) {
	mn, ok := c.mentionEndingAt(part, end)
	if !ok || notSubject[strings.ToLower(lastWord(c.texts[part][from:mn.Start]))] {
		return Mention{}, false
	}
	return mn, true
}

// helpersBefore is where the words before the verb at v end once the
// helping words ("has", "also", "later") are left out.
func helpersBefore(text string, from, v int) int {
	end := len(strings.TrimRight(text[from:v], " ")) + from
	for k := 0; k < 2; k++ {
		w := lastWord(text[from:end])
		if l := strings.ToLower(w); !helpers[l] && !(strings.HasSuffix(l, "ly") && len(l) > 4) { // `sharply criticised`
			break
		}
		end = len(strings.TrimRight(text[from:end-len(w)], " ")) + from
	}
	return end
}

// appositionStart is where the subject ends before an apposition between
// commas that ends at end (`Name, who chairs the inquiry,`).
func appositionStart(text string, from, end int) int {
	inner := text[from : end-1]
	if i := strings.LastIndex(inner, ","); i >= 0 && !strings.ContainsAny(inner[i:], "“”\"") {
		return len(strings.TrimRight(inner[:i], " ")) + from
	}
	return end
}

// helpers are the words that can stand between a subject and its say verb.
var helpers = map[string]bool{
	"has": true, "had": true, "have": true, "also": true, "later": true, "then": true, "previously": true,
	"earlier": true, "again": true, "once": true, "reportedly": true, "publicly": true, "separately": true,
	"today": true, "yesterday": true, "however": true, "too": true, "now": true, "recently": true, "has also": true, "was": true, "is": true,
}

// sayVerbsIn lists the offsets of the say verbs of text[from:to], outside
// quotes.
func sayVerbsIn(text string, from, to int) []int {
	var out []int
	quoted := quoteSpan.FindAllStringIndex(text, -1)
	at := from
	for at < to {
		w, next := wordAt(text, at)
		if w == "" {
			break
		}
		start := next - len(w)
		inside := false
		for _, q := range quoted {
			inside = inside || (start >= q[0] && start < q[1])
		}
		if !inside && start < to && isSay(w) {
			out = append(out, start)
		}
		at = next
	}
	return out
}

// verbFollows reports whether a say verb follows offset i: next, after
// an apposition between commas (`Name, the foreign minister, said`), or
// within four words of no punctuation (`he was cited as saying`).
func verbFollows(text string, i int) bool {
	rest := text[i:]
	if strings.HasPrefix(strings.TrimLeft(rest, " "), ",") {
		if j := strings.Index(rest[1:], ","); j >= 0 && j < 80 {
			w, _ := wordAt(rest, skipSpace(rest, j+2, " "))
			return isSay(w)
		}
		return false
	}
	for k, w := range strings.Fields(rest) {
		if isSay(w) {
			return true
		}
		if k == 3 || strings.ContainsAny(w, ",.;:!?“”\"") {
			return false
		}
	}
	return false
}

// sayVerbSoon reports whether a say verb is among the five words after i.
func sayVerbSoon(text string, i int) bool {
	for k, w := range strings.Fields(text[i:]) {
		if k == 5 {
			break
		}
		if isSay(w) {
			return true
		}
	}
	return false
}

// descriptorPhrase reads up to three words from i and returns the last
// that is a descriptor ("foreign minister" → minister), the words before
// it, and where the phrase ends.
func descriptorPhrase(text string, i int) (string, []string, int) {
	var seen []string
	at := i
	for k := 0; k < 3; k++ {
		w, next := wordAt(text, skipSpace(text, at, " "))
		if w == "" || isSay(w) {
			break
		}
		if l := strings.ToLower(strings.Trim(w, ",")); descriptors[l] {
			return l, seen, next
		}
		seen = append(seen, w)
		at = next
	}
	return "", nil, i
}

// resolvePronoun gives a pronoun before offset at of part the person of
// that pronoun named before it, as a reader resolves it: sentence by
// sentence back, through parts, the first person of that pronoun a
// sentence names (its subject, most often). A sentence whose subject is
// the same pronoun, or "the" and a role, refers further back itself and is
// passed over; one that names no one and does not keep the reference going
// (“One diplomat was blunter.”) brings in someone unnamed, and the search
// stops there.
func (c *quoteCtx) resolvePronoun(part, at int, pron string) string {
	for p := part; p >= 0; p-- {
		ss := sentences(c.texts[p])
		for k := len(ss) - 1; k >= 0; k-- {
			from, to := ss[k][0], ss[k][1]
			own := false // the pronoun's own sentence, up to the pronoun
			if p == part {
				if from >= at {
					continue
				}
				if to >= at {
					to, own = at, true
				}
			}
			if !own && refersBack(c.texts[p][from:to], pron) {
				continue
			}
			named := false
			for _, governedToo := range []bool{false, true} { // subjects first
				for _, mn := range c.mentions {
					if mn.Part != p || mn.Start < from || mn.End > to || (!governedToo && governed(c.texts[p][from:mn.Start])) {
						continue
					}
					if pronounOf(c.pronouns, mn.Person) == pron {
						return mn.Person
					}
					named = true
				}
			}
			if !own && !named && !keepsReference(c.texts[p][from:to]) {
				return ""
			}
		}
	}
	return ""
}

// governed reports whether a name after these words is the object of a
// preposition or joined by "and" (`between President Putin and President
// Biden`), not a subject: one of the two words before it says so.
func governed(before string) bool {
	f := strings.Fields(before)
	for k := 1; k <= 2 && k <= len(f); k++ {
		if notSubject[strings.ToLower(strings.Trim(f[len(f)-k], ",“\""))] {
			return true
		}
	}
	return false
}

// refersBack reports whether a sentence's subject is the pronoun itself or
// "the" and a role (`He says…`, `The prime minister says…`): it speaks of
// someone named before it, so the names later in it are not who the
// pronoun means.
func refersBack(sentence, pron string) bool {
	f := strings.Fields(sentence)
	if len(f) == 0 {
		return false
	}
	if strings.EqualFold(strings.Trim(f[0], ",“\""), pron) {
		return true
	}
	if !strings.EqualFold(f[0], "the") {
		return false
	}
	for k := 1; k <= 4 && k < len(f); k++ {
		if descriptors[strings.ToLower(strings.Trim(f[k], ",.:"))] {
			return true
		}
	}
	return false
}

// resolveDescriptor gives "the <modifiers> <noun>" the person named last
// before offset at of part whose registry role holds the noun and fits
// every modifier ("the Ukrainian president" is not the US one).
func (c *quoteCtx) resolveDescriptor(part, at int, noun string, modifiers ...string) string {
	for i := len(c.mentions) - 1; i >= 0; i-- {
		mn := c.mentions[i]
		if mn.Part > part || (mn.Part == part && mn.End > at) {
			continue
		}
		if role := c.roles[mn.Person]; strings.Contains(role, noun) && fitsModifiers(role, modifiers) {
			return mn.Person
		}
	}
	return ""
}

// fitsModifiers reports whether each word before a role's noun fits the
// role: it is in it ("prime", "foreign"), as a country's adjective
// ("Ukrainian": Ukraine) or short name ("US"), or says nothing of who it
// is ("former", "top").
func fitsModifiers(role string, modifiers []string) bool {
	for _, m := range modifiers {
		l := strings.ToLower(strings.TrimSuffix(strings.TrimSuffix(m, "'s"), "’s"))
		switch {
		case vague[l]:
		case countries[l] != "":
			if !strings.Contains(role, countries[l]) {
				return false
			}
		case strings.Contains(role, l):
		case len(l) > 5 && strings.Contains(role, l[:len(l)-3]): // Ukrainian, Russian: ukrai…, russ…
		default:
			return false
		}
	}
	return true
}

// countries are the short names a role's country goes by on live pages.
var countries = map[string]string{
	"us": "united states", "american": "united states", "uk": "united kingdom", "british": "united kingdom",
	"eu": "european", "un": "united nations", "french": "france", "german": "germany",
}

// vague are the words before a role that say nothing of whose it is.
var vague = map[string]bool{
	"former": true, "top": true, "new": true, "current": true, "country's": true, "city's": true, "senior": true,
}

// keepsReference reports whether a sentence that names no one still speaks
// of the same person: it says he or she outside quotes, or "the" and a
// role (`“…,” the president said`), or is only a quote.
func keepsReference(sentence string) bool {
	rest := quoteSpan.ReplaceAllString(sentence, "")
	letters := false
	words := strings.FieldsFunc(rest, func(r rune) bool { return !unicode.IsLetter(r) })
	for i, w := range words {
		letters = true
		l := strings.ToLower(w)
		if l == "he" || l == "she" || (descriptors[l] && i > 0 && strings.EqualFold(words[i-1], "the")) {
			return true
		}
	}
	return !letters
}

// mentionAt is the mention that starts at offset i of part.
func (c *quoteCtx) mentionAt(part, i int) (Mention, bool) {
	for _, mn := range c.mentions {
		if mn.Part == part && mn.Start == i {
			return mn, true
		}
	}
	return Mention{}, false
}

// mentionEndingAt is the mention that ends at offset i of part.
func (c *quoteCtx) mentionEndingAt(part, i int) (Mention, bool) {
	for _, mn := range c.mentions {
		if mn.Part == part && mn.End == i {
			return mn, true
		}
	}
	return Mention{}, false
}

// othersNamed reports whether someone other than speaker is named in
// text[from:to] of part.
func (c *quoteCtx) othersNamed(part, from, to int, speaker string) bool {
	for _, mn := range c.mentions {
		if mn.Part == part && mn.Start >= from && mn.End <= to && mn.Person != speaker {
			return true
		}
	}
	return false
}

// skipSpace is the first offset from i whose byte is not in cut.
func skipSpace(text string, i int, cut string) int {
	for i < len(text) && strings.IndexByte(cut, text[i]) >= 0 {
		i++
	}
	return i
}

// wordAt reads the word (a run of non-space bytes) at or after i, and
// returns it and the offset after it.
func wordAt(text string, i int) (string, int) {
	i = skipSpace(text, i, " ")
	j := i
	for j < len(text) && text[j] != ' ' {
		j++
	}
	return text[i:j], j
}

// lastWord is the last word of s, without its punctuation; a quote's
// closing mark glued to the next word ends a word too (`it.”She added`).
func lastWord(s string) string {
	f := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '“' || r == '”' || r == '"' })
	if len(f) == 0 {
		return ""
	}
	return strings.Trim(f[len(f)-1], ",.:;")
}
