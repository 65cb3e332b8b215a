package synth

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

var london = mustZone("Europe/London")

func mustZone(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

// clocks draws n times of day (minutes after midnight, 06:00 to 23:29) in
// ascending order. Early hours are left out so that no time falls in the hour
// the clocks change.
func (g *gen) clocks(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = 360 + g.r.IntN(17*60+30)
	}
	slices.Sort(out)
	return out
}

// bbcPage writes a BBC live page, newest first, and its sidecar.
func (g *gen) bbcPage(p pagePlan) (text, sidecar []byte) {
	var b lineWriter
	zoneName := "Greenwich Mean Time"
	if name, _ := time.Date(p.day.Year(), p.day.Month(), p.day.Day(), 12, 0, 0, 0, london).Zone(); name == "BST" {
		zoneName = "British Summer Time"
	}
	date := fmt.Sprintf("%d %s %d", p.day.Day(), p.day.Month(), p.day.Year())
	b.line("Summary")
	b.blank()
	for range 4 + g.r.IntN(6) {
		b.line("  • " + g.bullet(g.person()))
		b.blank()
	}
	times := g.clocks(p.entries)
	for i := range p.entries {
		num := i + 1
		t := times[len(times)-1-i]
		pr := g.person()
		title := g.title(pr)
		header := fmt.Sprintf("%spublished at %02d:%02d %s %s", title, t/60, t%60, zoneName, date)
		analysis := g.chance(0.1)
		if analysis {
			// The number stands on the marker line; the title line has none.
			b.line(fmt.Sprintf("  %d. Analysis", num))
			b.blank()
			b.line("    " + header)
		} else {
			b.line(fmt.Sprintf("  %d. %s", num, header))
		}
		g.targets = append(g.targets, noteTarget{file: g.file, line: b.n, title: title})
		b.blank()
		if !analysis && g.chance(0.03) {
			b.line("    Breaking")
			b.blank()
		}
		if analysis || g.chance(0.2) {
			j := g.w.journalists["bbc"][g.r.IntN(len(g.w.journalists["bbc"]))]
			role := j.role
			if role == "" {
				role = "BBC News"
			}
			b.line("    " + j.name)
			b.line("    " + role)
			b.blank()
		} else if g.chance(0.08) {
			b.line("    " + g.full(pr)) // a lone name: a photo's alt text
			b.blank()
		}
		g.bbcBody(&b, pr, i+1 < p.entries)
	}
	text = b.bytes()
	sidecar = fmt.Appendf(nil, "# Synthetic capture written by chronicle synth: not a real page.\npublisher = \"BBC News\"\npublisher_id = \"bbc\"\npage_title = \"\"\npage_url = \"\"\npage_date = %q\ntime_zone = \"Europe/London\"\nformat = \"bbc-live\"\n",
		p.day.Format(time.DateOnly))
	return text, sidecar
}

// bbcBody writes the body of a BBC entry: paragraphs, with now and then a
// photo, a video, bullets, a pull quote or an embedded tweet.
func (g *gen) bbcBody(b *lineWriter, p *person, more bool) {
	paras := 1 + g.r.IntN(6)
	if g.chance(0.15) {
		paras += 2 + g.r.IntN(3)
	}
	for k := range paras {
		switch x := g.r.Float64(); {
		case x < 0.10:
			alt := g.fill(g.pick([]string{"{P} at a news conference in {L}", "Troops on exercises near {L}", "A checkpoint outside {L}", "{P} arrives for talks", "Residents of {L} queue for supplies"}), p)
			b.line("    " + alt + "Image source, " + g.pick(agencies))
			if g.chance(0.6) {
				b.line("    Image caption,")
				b.blank()
				b.line("    " + g.fill(g.pick(sentences), p))
			}
			b.blank()
		case x < 0.14:
			b.line("    Media caption,")
			b.blank()
			b.line("    " + g.pick(kickers) + " " + g.title(p))
			b.blank()
		case x < 0.20:
			for range 2 + g.r.IntN(4) {
				b.line("    • " + g.bullet(p))
			}
			b.blank()
		case x < 0.23:
			b.line("    Quote Message")
			b.blank()
			b.line("    " + g.pick(quotes) + ".")
			b.blank()
			b.line("    " + p.name)
			b.blank()
		case x < 0.27:
			b.tweet()
			b.blank()
		case x < 0.29:
			b.line("    " + g.fill(g.pick([]string{"Map of Nato expansion", "Troops near {L}", "Armoured vehicles near {L}"}), p))
			b.blank()
		}
		s := g.paragraph(p, 1+g.r.IntN(3))
		if k > 0 || g.chance(0.5) {
			if g.chance(0.1) {
				s = g.withExternal(s)
			}
		}
		b.line("    " + s)
		if more && k == paras-1 && g.chance(0.05) {
			return // the next header follows with no blank line between
		}
		b.blank()
	}
}

// tweet writes what an embedded tweet leaves on a BBC page.
func (b *lineWriter) tweet() {
	b.line("    This Twitter post cannot be displayed in your browser. Please enable Javascript or try a different browser.View original content on Twitter")
	b.line("    The BBC is not responsible for the content of external sites.")
	b.line("    Skip twitter post")
	b.blank()
	b.line("    Allow Twitter content?")
	b.blank()
	b.line("    This article contains content provided by Twitter. We ask for your permission before anything is loaded, as they may be using cookies and other technologies. You may want to read Twitter’s cookie policy, external and privacy policy, external before accepting. To view this content choose ‘accept and continue’.")
	b.blank()
	b.line("    The BBC is not responsible for the content of external sites.")
	b.line("    End of twitter post")
}

// lineWriter builds a capture line by line and knows the current line number.
type lineWriter struct {
	sb strings.Builder
	n  int // lines written
}

func (w *lineWriter) line(s string) {
	w.sb.WriteString(s)
	w.sb.WriteByte('\n')
	w.n++
}

func (w *lineWriter) blank() { w.line("") }

func (w *lineWriter) bytes() []byte { return []byte(w.sb.String()) }
