package synth

import (
	"errors"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"unicode"

	"chronicle/generator/annotate"
	"chronicle/generator/entry"
)

// world is what the pages are written from: the registry's people, terms,
// thread phrases and figures, arranged for drawing.
type world struct {
	news        []person // people in the news, the best known first
	cum         []float64
	journalists map[string][]journalist // by publisher ID
	terms       []string                // glossary terms and aliases as printed
	termIDs     []string
	keywords    []string // thread phrases of two or more words
	figures     []figure
}

type person struct {
	id, name string
	variants []string // the name and every alias, as printed
	follow   string   // "Mr Putin", "Ms Truss"
	surname  string
}

type journalist struct{ name, role string }

// figure is a recurring number: as printed, and the words that make it a
// claim of its series.
type figure struct {
	texts   []string
	context string
}

// prominent are drawn far more often than the rest, in this order, when the
// registry has them.
var prominent = []string{
	"vladimir-putin", "volodymyr-zelensky", "joe-biden", "sergei-lavrov", "antony-blinken",
	"boris-johnson", "jens-stoltenberg", "emmanuel-macron", "olaf-scholz", "liz-truss",
	"ben-wallace", "dmitry-peskov", "dmytro-kuleba", "alexander-lukashenko",
}

// synthetic journalists write alongside the registry's: bylines the registry
// does not know become derived people, as they would in a real corpus.
var (
	firstNames = []string{"Anna", "Tom", "Maria", "Daniel", "Sophie", "James", "Olena", "Mark", "Laura", "Peter", "Hannah", "Oliver", "Nadia", "Rachel", "Samuel", "Eleanor"}
	lastNames  = []string{"Whitfield", "Marsh", "Kovalenko", "Hargreaves", "Lindqvist", "Okafor", "Brennan", "Castellano", "Pryce", "Novak", "Ashdown", "Fairbairn", "Mendes", "Holloway", "Sato", "Quigley"}
	bbcRoles   = []string{"BBC News", "BBC Ukraine correspondent", "BBC Moscow correspondent", "Reporting from Kyiv", "BBC defence correspondent", "BBC Monitoring"}
)

func newWorld(reg *annotate.Registry) (*world, error) {
	w := &world{journalists: map[string][]journalist{}}
	rank := map[string]int{}
	for i, id := range prominent {
		rank[id] = i + 1
	}
	for _, p := range reg.People {
		switch p.Kind {
		case entry.InTheNews:
			pr := person{id: p.ID, name: p.Name, variants: p.Spellings()}
			f := strings.Fields(p.Name)
			pr.surname = f[len(f)-1]
			hon := "Mr "
			if p.Pronoun == "she" {
				hon = "Ms "
			}
			pr.follow = hon + pr.surname
			w.news = append(w.news, pr)
		case entry.Journalist:
			if p.Publisher == "bbc" || p.Publisher == "independent" {
				role := p.Role
				if p.Publisher == "independent" {
					role = ""
				}
				w.journalists[p.Publisher] = append(w.journalists[p.Publisher], journalist{p.Name, role})
			}
		}
	}
	if len(w.news) == 0 {
		return nil, errors.New("synth: the registry has no people in the news")
	}
	sort.SliceStable(w.news, func(i, j int) bool {
		ri, rj := rank[w.news[i].id], rank[w.news[j].id]
		if ri == 0 {
			ri = len(prominent) + 1
		}
		if rj == 0 {
			rj = len(prominent) + 1
		}
		return ri < rj
	})
	// Zipf-like weights: the first person is named in about a quarter of
	// the entries.
	total := 0.0
	for i := range w.news {
		total += 1 / float64(i+1)
		w.cum = append(w.cum, total)
	}
	known := map[string]bool{}
	for _, p := range reg.People {
		for _, a := range p.Spellings() {
			known[a] = true
		}
	}
	for i, pub := range []string{"bbc", "independent"} {
		for k := range 12 {
			name := firstNames[(k*5+i*3)%len(firstNames)] + " " + lastNames[(k*7+i*5)%len(lastNames)]
			if known[name] {
				continue
			}
			role := ""
			if pub == "bbc" {
				role = bbcRoles[k%len(bbcRoles)]
			}
			w.journalists[pub] = append(w.journalists[pub], journalist{name, role})
		}
	}
	for _, t := range reg.Terms {
		w.termIDs = append(w.termIDs, t.ID)
		for _, s := range t.Spellings() {
			if plainWords(s) {
				w.terms = append(w.terms, s)
			}
		}
	}
	for _, th := range reg.Threads {
		for _, k := range th.Keywords {
			if len(strings.Fields(k)) >= 2 && plainWords(k) && !slices.Contains(w.keywords, k) {
				w.keywords = append(w.keywords, k)
			}
		}
	}
	if len(w.keywords) == 0 {
		w.keywords = []string{"security guarantees"}
	}
	if len(w.terms) == 0 {
		w.terms = []string{"Kyiv"}
	}
	for _, s := range reg.Series {
		f := figure{}
		for _, c := range s.Claim {
			if c.Text != "" && !slices.Contains(f.texts, c.Text) && !strings.ContainsAny(c.Text, "\"\n") {
				f.texts = append(f.texts, c.Text)
			}
		}
		for _, c := range s.Context {
			if plainWords(c) && len(strings.Fields(c)) <= 3 {
				f.context = c
				break
			}
		}
		if len(f.texts) > 0 && f.context != "" {
			w.figures = append(w.figures, f)
		}
	}
	if len(w.figures) == 0 {
		w.figures = []figure{{texts: []string{"100,000"}, context: "troops"}}
	}
	return w, nil
}

// plainWords reports whether s is made of letters, spaces, hyphens and
// apostrophes only, so that it reads well anywhere in a sentence.
func plainWords(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !unicode.IsLetter(r) && r != ' ' && r != '-' && r != '\'' && r != '’' {
			return false
		}
	}
	return true
}

// gen writes the text of one page.
type gen struct {
	r       *rand.Rand
	w       *world
	file    string
	targets []noteTarget
}

func (g *gen) pick(s []string) string { return s[g.r.IntN(len(s))] }

func (g *gen) chance(p float64) bool { return g.r.Float64() < p }

// person draws a person in the news, the best known most often.
func (g *gen) person() *person {
	x := g.r.Float64() * g.w.cum[len(g.w.cum)-1]
	i, _ := slices.BinarySearch(g.w.cum, x)
	return &g.w.news[min(i, len(g.w.news)-1)]
}

// other draws a person other than p.
func (g *gen) other(p *person) *person {
	for range 8 {
		if q := g.person(); q.id != p.id {
			return q
		}
	}
	return &g.w.news[(slices.IndexFunc(g.w.news, func(q person) bool { return q.id == p.id })+1)%len(g.w.news)]
}

// full names p as the pages do: the name or any of its spellings, the
// multi-word ones most often.
func (g *gen) full(p *person) string {
	if len(p.variants) > 1 && g.chance(0.4) {
		return p.variants[1+g.r.IntN(len(p.variants)-1)]
	}
	return p.name
}

// short names p in a headline: the surname or a spelling of it.
func (g *gen) short(p *person) string {
	for _, v := range p.variants[1:] {
		if !strings.Contains(v, " ") && g.chance(0.5) {
			return v
		}
	}
	return p.surname
}

func (g *gen) figure() string {
	f := g.w.figures[g.r.IntN(len(g.w.figures))]
	return g.pick(f.texts) + " " + f.context
}

var places = []string{"Kyiv", "Kiev", "Moscow", "Donbas", "Donbass", "Luhansk", "Crimea", "Kharkiv", "Mariupol", "Brussels", "Geneva", "Minsk", "Washington", "Berlin", "Paris", "Warsaw", "Odesa", "Lviv"}

var weekdays = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}

// Sentence frames. {P} names the entry's person in full, {S} refers back to
// them, {O} names another person, {L} a place, {T} a glossary term, {K} a
// thread's phrase, {F} a recurring figure, {D} a weekday, {Q} direct speech.
var sentences = []string{
	"{P} said on {D} that the door to diplomacy remained open, but warned that time was running out.",
	"Speaking in {L}, {P} warned that any further incursion would be met with a swift and united response.",
	"{S} added that sanctions were ready to be applied the moment the first tanks crossed the border.",
	"Officials put the figure at {F}, according to a briefing on {D}.",
	"The estimate of {F} has been repeated by officials in several capitals this week.",
	"Diplomats said the phrase {K} came up again and again in the talks.",
	"Much of the briefing was taken up by {K}, one official said.",
	"Ukraine's foreign ministry said it had received no advance notice of the exercises near {L}.",
	"Russia has repeatedly denied that it plans to invade, and accuses the West of stoking tension over {T}.",
	"{P} is due to hold a phone call with {O} later today, according to officials.",
	"Residents of {L} say they have grown used to the warnings, but many have packed emergency bags.",
	"The Kremlin said it was watching the situation around {L} with concern.",
	"Analysts say the build-up is the largest seen in Europe for decades.",
	"{S} told reporters that {T} would be discussed at length when ministers meet again.",
	"Officials briefed that a written reply would be delivered within days.",
	"Earlier, {O} said no decision had yet been taken on sending more equipment.",
	"European gas prices rose again as traders weighed the risk to Nord Stream 2.",
	"Satellite images released on {D} appear to show more armour and field hospitals near {L}.",
	"{P} said the latest exchange of letters had produced little more than a promise to keep talking.",
	"Asked about {T}, {P} said it was too early to draw conclusions.",
	"According to {P}, the next round of talks could take place in {L} within a fortnight.",
	"{P} met {O} in {L} for what both sides called frank and useful talks.",
	"A new package of sanctions, prepared with allies, targets banks and the families of officials.",
	"Shelling along the contact line was reported again overnight, with each side blaming the other.",
	"Cyber attacks took several government websites offline for a few hours on {D}.",
	"Officials in {L} warned of a possible false-flag operation designed to provide a pretext.",
	"Javelin and Stinger missiles have been flown in from allied countries over the past fortnight.",
	"Several embassies have told the families of their staff to leave, and some have moved to {L}.",
	"Joint drills with Belarus are due to end on {D}, but no one in {L} expects the troops to leave soon.",
	"Ukraine's reservists were called up for training, and queues formed outside recruitment offices in {L}.",
	"{P} is expected to travel to {L} later this week for meetings with allies.",
	"Markets in Moscow fell sharply after the latest round of warnings about {T}.",
}

var quotes = []string{
	"We will not accept ultimatums, and we will not be intimidated",
	"There is still time for diplomacy, but that time is running out",
	"Nobody wants a war in Europe, least of all the people who would have to fight it",
	"We are prepared for every scenario, and our allies know it",
	"The door to dialogue remains open, but it does not stay open for ever",
	"Any further incursion would be met with severe consequences",
	"We want guarantees, not promises",
	"This is a moment of great danger for the whole continent",
	"We hope for the best, but we are prepared for the worst",
	"Our position has not changed and it will not change",
	"The facts on the ground speak louder than any statement",
	"We are keen to engage in dialogue, and we have said so many times",
}

// quoteFrames attribute a quote: to the name after it, before it, or by a
// pronoun to the person named earlier.
var quoteFrames = []string{
	"\"{Q},\" {S} said.",
	"{P} told reporters: \"{Q}.\"",
	"\"{Q},\" said {P}.",
	"\"{Q},\" {S} added, speaking after talks in {L}.",
}

var titles = []string{
	"{A} warns of 'severe consequences' over Ukraine",
	"What's happened today?",
	"{A} and {B} hold talks on {K}",
	"Talks on {K} end without a breakthrough",
	"{A}: door to diplomacy still open",
	"Why does {K} matter?",
	"Residents of {L} brace for the worst",
	"{A} to visit {L} this week",
	"Kremlin rejects Western claims over {K}",
	"Sanctions package ready, says {A}",
	"Nato allies send more equipment to {L}",
	"{A} says {F} near the border",
	"Is Russia going to invade Ukraine?",
	"{A} and {B} speak by phone",
	"Ukraine 'will defend itself' - {A}",
	"Cyber attack hits government websites in {L}",
	"Embassy staff told to leave {L}",
	"What is the {T}?",
	"{A} accuses the West of 'hysteria'",
	"Shelling reported near {L}",
}

var kickers = []string{"Watch:", "Listen:", "In pictures:"}

var agencies = []string{"Reuters", "EPA", "Getty Images", "AFP", "PA Media", "AP", "EPA-EFE/REX/Shutterstock"}

// fill replaces the placeholders of a frame.
func (g *gen) fill(frame string, p *person) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(frame, '{')
		if i < 0 {
			b.WriteString(frame)
			return b.String()
		}
		j := strings.IndexByte(frame[i:], '}')
		b.WriteString(frame[:i])
		switch frame[i+1 : i+j] {
		case "P":
			b.WriteString(g.full(p))
		case "S":
			if g.chance(0.5) {
				b.WriteString(p.follow)
			} else {
				b.WriteString(p.surname)
			}
		case "O":
			b.WriteString(g.full(g.other(p)))
		case "A":
			b.WriteString(g.short(p))
		case "B":
			b.WriteString(g.short(g.other(p)))
		case "L":
			b.WriteString(g.pick(places))
		case "T":
			b.WriteString(g.pick(g.w.terms))
		case "K":
			b.WriteString(g.pick(g.w.keywords))
		case "F":
			b.WriteString(g.figure())
		case "D":
			b.WriteString(g.pick(weekdays))
		case "Q":
			b.WriteString(g.pick(quotes))
		}
		frame = frame[i+j+1:]
	}
}

// sentence writes one sentence about p.
func (g *gen) sentence(p *person) string {
	if g.chance(0.15) {
		return g.fill(g.pick(quoteFrames), p)
	}
	return g.fill(g.pick(sentences), p)
}

// openers are the sentences that name the entry's person in full.
var openers = func() []string {
	var out []string
	for _, s := range sentences {
		if strings.Contains(s, "{P}") {
			out = append(out, s)
		}
	}
	return out
}()

// paragraph writes n sentences, the first naming p in full.
func (g *gen) paragraph(p *person, n int) string {
	var b strings.Builder
	b.WriteString(g.fill(g.pick(openers), p))
	for range n - 1 {
		b.WriteByte(' ')
		b.WriteString(g.sentence(p))
	}
	return b.String()
}

// withExternal turns a few words of a paragraph into what a copied link
// leaves: `a statement, external that` or glued, `a tweet , externalfollowing`.
func (g *gen) withExternal(s string) string {
	f := strings.Fields(s)
	if len(f) < 8 {
		return s
	}
	i := 3 + g.r.IntN(len(f)-6)
	w := strings.TrimRight(f[i], ",.;:")
	if w != f[i] || !isWord(w) {
		return s
	}
	if g.chance(0.5) {
		f[i] = w + ", external"
	} else {
		f[i] = w + " , external" + f[i+1]
		f = append(f[:i+1], f[i+2:]...)
	}
	return strings.Join(f, " ")
}

func isWord(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return s != ""
}

// title writes an entry title about p.
func (g *gen) title(p *person) string {
	return g.fill(g.pick(titles), p)
}

// headlineShort is a one-line summary of the day, for bullets.
func (g *gen) bullet(p *person) string {
	s := g.fill(g.pick(sentences), p)
	return strings.TrimSuffix(s, ".")
}
