package synth

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

const oops = "  • Oops!\n    Something went wrong.\n    Please try again later."

// independentPage writes a syndicated Independent live blog and its sidecar.
// Most pages are newest first and end with a few entries of the previous
// day, which print their date; the others are oldest first.
func (g *gen) independentPage(p pagePlan) (text, sidecar []byte) {
	var b lineWriter
	lead := g.person()
	headline := g.pick([]string{"Ukraine news - live: ", "Ukraine-Russia crisis: ", "Russia-Ukraine news - live: "}) + g.title(lead)
	b.line(headline)
	b.blank()
	b.lines(oops)
	b.lines(oops)
	b.line(fmt.Sprintf("·%d min read", 8+g.r.IntN(30)))
	b.line("In this article:")
	b.lines(oops)
	b.lines(oops)
	b.blank()
	for range 2 + g.r.IntN(4) {
		b.line(g.paragraph(g.person(), 1+g.r.IntN(2)))
		b.blank()
	}
	newestFirst := g.chance(0.6)
	if newestFirst && g.chance(0.5) {
		b.line("Key Points")
		b.blank()
		for range 3 + g.r.IntN(4) {
			b.line("  • " + g.bullet(g.person()))
			b.blank()
		}
	}
	if !newestFirst && g.chance(0.5) {
		b.line("See below for how our coverage unfolded.")
		b.blank()
	}
	dated := 0
	if newestFirst && p.entries > 10 {
		dated = g.r.IntN(5)
	}
	today := g.clocks(p.entries - dated)
	yesterday := make([]int, dated)
	for i := range yesterday {
		yesterday[i] = 18*60 + g.r.IntN(5*60+30)
	}
	slices.Sort(yesterday)
	type slot struct {
		minute int
		date   string
	}
	var slots []slot
	prev := p.day.AddDate(0, 0, -1)
	prevDate := fmt.Sprintf("%s %d %s %d", prev.Weekday(), prev.Day(), prev.Month(), prev.Year())
	for _, m := range yesterday {
		slots = append(slots, slot{m, prevDate})
	}
	for _, m := range today {
		slots = append(slots, slot{m, ""})
	}
	if newestFirst {
		for i, j := 0, len(slots)-1; i < j; i, j = i+1, j-1 {
			slots[i], slots[j] = slots[j], slots[i]
		}
	}
	endsInParagraph := false
	for i, s := range slots {
		pr := g.person()
		header := fmt.Sprintf("%02d:%02d , %s", s.minute/60, s.minute%60, g.byline())
		if s.date != "" {
			header = s.date + " " + header
		}
		if i > 0 && endsInParagraph && g.chance(0.015) {
			// An embed whose title and content were not captured (002's 16:13).
			b.line(header)
			b.blank()
			endsInParagraph = false
			continue
		}
		title := g.title(pr)
		b.line(title)
		g.targets = append(g.targets, noteTarget{file: g.file, line: b.n, title: title})
		b.blank()
		b.line(header)
		b.blank()
		if g.chance(0.04) {
			endsInParagraph = false // a title-only entry: a video or a tweet was the content
			continue
		}
		endsInParagraph = g.independentBody(&b, pr)
	}
	if g.chance(0.3) {
		b.line("Our goal is to create a safe and engaging place for users to connect over interests and passions. In order to improve our community experience, we are temporarily suspending article commenting")
	}
	text = b.bytes()
	sidecar = fmt.Appendf(nil, "# Synthetic capture written by chronicle synth: not a real page.\npublisher = \"The Independent\"\npublisher_id = \"independent\"\nvia = \"Yahoo News\"\npage_title = %q\npage_url = \"\"\npage_date = %q\ntime_zone = \"Europe/London\"\nformat = \"yahoo-live\"\n",
		headline, p.day.Format(time.DateOnly))
	return text, sidecar
}

// byline is one or two of the paper's writers.
func (g *gen) byline() string {
	js := g.w.journalists["independent"]
	a := js[g.r.IntN(len(js))].name
	if g.chance(0.08) {
		if b := js[g.r.IntN(len(js))].name; b != a {
			return a + " and " + b
		}
	}
	return a
}

// independentBody writes an entry's body and says whether it ended with a
// plain paragraph.
func (g *gen) independentBody(b *lineWriter, p *person) bool {
	paras := 1 + g.r.IntN(5)
	if g.chance(0.15) {
		paras += 2 + g.r.IntN(3)
	}
	last := false
	for k := range paras {
		s := g.paragraph(p, 1+g.r.IntN(3))
		if g.chance(0.08) {
			s = g.withExternal(s)
		}
		if g.chance(0.04) {
			// The capture broke the paragraph after a name cue.
			b.line(s + " " + g.pick([]string{"He is also expected to seek clarifications from", "Officials want assurances from"}) + " " + strings.TrimSuffix(p.follow, " "+p.surname))
			b.blank()
			b.line(p.surname + " on the timetable for any withdrawal.")
		} else {
			b.line(s)
		}
		b.blank()
		last = true
		switch x := g.r.Float64(); {
		case x < 0.10:
			caption := g.fill(g.pick([]string{"Service members attend a ceremony in {L}", "{P} speaks to reporters in {L}", "A Ukrainian soldier at a position near {L}", "People queue at a cash machine in {L}"}), p)
			if g.chance(0.3) {
				credit := g.pick([]string{"(AP)", "(PA)", "(Getty Images)"})
				b.line(" " + credit)
				b.line(credit)
			} else {
				c := caption + " " + g.pick([]string{"(via REUTERS)", "(AP)", "(Getty Images)", "(Copyright 2022 The Associated Press. All rights reserved)", "(AFP via Getty Images)"})
				b.line(c)
				b.line(c)
			}
			b.blank()
			last = false
		case x < 0.17 && k < paras-1:
			j := g.w.journalists["independent"][g.r.IntN(len(g.w.journalists["independent"]))].name
			b.line(g.sentence(p) + " " + g.pick([]string{j + " reports:", j + " has more details.", "The Independent’s " + j + " explains why:"}))
			b.blank()
			b.line(g.title(g.person()))
			b.blank()
			last = false
		case x < 0.21:
			for range 2 + g.r.IntN(3) {
				b.line("  • " + g.bullet(p))
				b.blank()
			}
			last = false
		case x < 0.25:
			b.lines(oops) // an embedded post that did not load
			b.blank()
			last = false
		}
	}
	return last
}

func (w *lineWriter) lines(s string) {
	for _, l := range strings.Split(s, "\n") {
		w.line(l)
	}
}
