package annotate

import (
	"fmt"
	"strings"
	"testing"

	"chronicle/generator/entry"
)

// TestFindQuotes has a row for each way findQuotes attributes direct speech,
// and for the ways it must not: each row is one entry's paragraphs and the
// quotes wanted, as "speaker, how: first words".
func TestFindQuotes(t *testing.T) {
	m := NewMatcher([]entry.Person{
		{ID: "boris-johnson", Name: "Boris Johnson", Aliases: []string{"Johnson"}},
		{ID: "liz-truss", Name: "Liz Truss", Aliases: []string{"Truss"}},
		{ID: "volodymyr-zelensky", Name: "Volodymyr Zelensky", Aliases: []string{"Zelensky"}},
	})
	pronouns := map[string]string{"liz-truss": "she"}
	tests := []struct {
		name  string
		paras []string
		pull  *entry.Block // a pull quote block, after the paragraphs
		want  []string
	}{
		{"quote, says Name", []string{`“We will not be intimidated by anyone,” says Zelensky.`},
			nil, []string{"volodymyr-zelensky, quote, says Name: We will not"}},
		{"quote, Name says", []string{`"Sanctions will bite very hard indeed," Boris Johnson said on Monday.`},
			nil, []string{"boris-johnson, quote, Name says: Sanctions will bite"}},
		{"name: quote", []string{`Liz Truss told MPs: “There is no room for doubt about this.”`},
			nil, []string{"liz-truss, name: quote: There is no"}},
		{"pronoun after, she", []string{`Liz Truss arrived in Moscow. “We want a diplomatic answer,” she said.`},
			nil, []string{"liz-truss, pronoun: We want a"}},
		{"pronoun picks the person of that pronoun", []string{`Liz Truss met Boris Johnson. “The door stays open to talks,” he said.`},
			nil, []string{"boris-johnson, pronoun: The door stays"}},
		{"pronoun before", []string{`Zelensky spoke to reporters. He added: “Ukraine will defend itself.”`},
			nil, []string{"volodymyr-zelensky, pronoun: Ukraine will defend"}},
		{"pronoun before, not the name just before", []string{`Liz Truss met Zelensky in Kyiv. She added: “Britain stands with Ukraine.”`},
			nil, []string{"liz-truss, pronoun: Britain stands with"}},
		{"continued", []string{`“The talks were hard and long,” Johnson said. “Nothing is agreed until everything is.”`},
			nil, []string{"boris-johnson, quote, Name says: The talks were", "boris-johnson, continued: Nothing is agreed"}},
		{"someone unnamed stops the pronoun", []string{`Johnson left the room. One diplomat was blunter. “This is a disaster for all,” he said.`},
			nil, nil},
		{"someone else replied", []string{`“The talks were hard and long,” Johnson said. “That is simply not true at all,” a spokesman replied.`},
			nil, []string{"boris-johnson, quote, Name says: The talks were"}},
		{"possessive is not the speaker", []string{`Johnson's spokesman said: “The prime minister is in good health.”`},
			nil, nil},
		{"short quote is not speech", []string{`Zelensky called it a “farce”, Johnson said.`},
			nil, nil},
		{"no attribution", []string{`“Everything is calm in the capital today,” read the sign.`},
			nil, nil},
		{"pull quote", nil, &entry.Block{Type: entry.BlockQuote, Text: "Freedom will win in the end", Speaker: "Volodymyr Zelensky"},
			[]string{"volodymyr-zelensky, pull quote: Freedom will win"}},
		{"pull quote by nobody known", nil, &entry.Block{Type: entry.BlockQuote, Text: "Freedom will win in the end", Speaker: "A soldier"},
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := &entry.Entry{ID: "e", Title: "Talks"}
			for _, p := range tt.paras {
				e.Body = append(e.Body, entry.Block{Type: entry.BlockParagraph, Text: p})
			}
			if tt.pull != nil {
				e.Body = append(e.Body, *tt.pull)
			}
			var got []string
			for _, q := range findQuotes(m, e, pronouns, nil) {
				words := strings.Fields(q.Text)
				got = append(got, fmt.Sprintf("%s, %s: %s", q.Speaker, q.How, strings.Join(words[:min(3, len(words))], " ")))
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("quotes:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// TestSentences: a full stop ends a sentence, unless it is inside a quote
// that goes on.
func TestSentences(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"One. Two.", []string{"One.", "Two."}},
		{`He said: “We are ready.” Then he left.`, []string{`He said: “We are ready.”`, "Then he left."}},
		{`“It is over. We go home,” he said. Silence.`, []string{`“It is over. We go home,” he said.`, "Silence."}},
		{"No stop at the end", []string{"No stop at the end"}},
	}
	for _, tt := range tests {
		var got []string
		for _, r := range sentences(tt.text) {
			got = append(got, strings.TrimSpace(tt.text[r[0]:r[1]]))
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("sentences(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestQuoteKinds has a row for each kind of quote that live pages attribute
// past the plain `“…,” Name said` (issue 20's list, in the shapes real
// pages use), and for the ones no person may be given: each row is one
// entry (title, paragraphs, a caption) and the quotes wanted, as "speaker,
// kind: first words".
func TestQuoteKinds(t *testing.T) {
	people := []entry.Person{
		{ID: "vitali-klitschko", Name: "Vitali Klitschko", Aliases: []string{"Klitschko"}, Role: "Mayor of Kyiv"},
		{ID: "liz-truss", Name: "Liz Truss", Aliases: []string{"Truss"}, Role: "UK Foreign Secretary", Pronoun: "she"},
		{ID: "ben-wallace", Name: "Ben Wallace", Aliases: []string{"Wallace"}, Role: "UK Defence Secretary"},
		{ID: "volodymyr-zelensky", Name: "Volodymyr Zelensky", Aliases: []string{"Zelensky"}, Role: "President of Ukraine"},
		{ID: "vladimir-putin", Name: "Vladimir Putin", Aliases: []string{"Putin"}, Role: "President of Russia"},
		{ID: "boris-johnson", Name: "Boris Johnson", Aliases: []string{"Johnson"}, Role: "Prime Minister of the United Kingdom"},
	}
	m := NewMatcher(people)
	pronouns, roles := map[string]string{}, map[string]string{}
	for _, p := range people {
		pronouns[p.ID], roles[p.ID] = p.Pronoun, strings.ToLower(p.Role)
	}
	tests := []struct {
		name    string
		title   string
		paras   []string
		caption string
		want    []string
	}{
		{"partial, after the verb", "", []string{`Klitschko says the city faces "a long and hard winter" without more aid.`},
			"", []string{"vitali-klitschko, partial: a long and"}},
		{"partial, the verb after", "", []string{`Truss met her counterpart. The plan would be "unworkable in every way", the foreign secretary adds.`},
			"", []string{"liz-truss, partial: unworkable in every"}},
		{"partial, with a pronoun", "", []string{`Wallace spoke to reporters. He said the move was "deeply worrying for all of us".`},
			"", []string{"ben-wallace, partial: deeply worrying for"}},
		{"headline, quote: Name", `'We will not give up': Klitschko`, nil,
			"", []string{"vitali-klitschko, headline: We will not"}},
		{"headline, says Name", `Talks 'went well and fast', says Zelensky`, nil,
			"", []string{"volodymyr-zelensky, headline: went well and"}},
		{"caption, Name: quote", "", nil,
			`Zelensky: 'We are ready to talk'`, []string{"volodymyr-zelensky, headline: We are ready"}},
		{"follow-on paragraph", "", []string{`"We will rebuild every house," Klitschko said.`, `"Every school and every hospital will open again."`},
			"", []string{"vitali-klitschko, full: We will rebuild", "vitali-klitschko, full: Every school and"}},
		{"quote over two paragraphs", "", []string{`Zelensky said: "We will defend our land. We will not give it away.`, `"Nobody will take it from us."`},
			"", []string{"volodymyr-zelensky, full: We will defend", "volodymyr-zelensky, full: Nobody will take"}},
		{"apposition", "", []string{`Johnson, who chaired the emergency meeting, said: "The threat is very real and very close."`},
			"", []string{"boris-johnson, full: The threat is"}},
		{"the name as the apposition", "", []string{`The UK's defence secretary, Ben Wallace, told MPs: "We are sending more troops east."`},
			"", []string{"ben-wallace, full: We are sending"}},
		{"he concludes", "", []string{`Putin spoke for an hour. "Our patience has its limits," he concludes.`},
			"", []string{"vladimir-putin, full: Our patience has"}},
		{"warned that, then the quote", "", []string{`Johnson warned that an invasion would be a disaster.`, `"It would be painful, violent and bloody."`},
			"", []string{"boris-johnson, full: It would be"}},
		{"role after the verb", "", []string{`"We hope none of this will be needed," said the city's mayor, Vitali Klitschko.`},
			"", []string{"vitali-klitschko, full: We hope none"}},
		// No person may be given these.
		{"an organisation", "", []string{`The Kremlin said it was "deeply concerned by this".`}, "", nil},
		{"an unnamed source", "", []string{`Truss left. A senior official said: "Nothing was agreed today."`}, "", nil},
		{"a spokesman for a person", "", []string{`A spokesman for Johnson said: "The prime minister is in good health."`}, "", nil},
		{"a label the writer quotes", "", []string{`Putin's troops began what Moscow calls a "special military operation" in the east.`}, "", nil},
		{"a so-called label", "", []string{`Putin recognised the so-called "people's republics of Donbas" on Monday.`}, "", nil},
		{"a two-word scare quote", "", []string{`Zelensky warned of a "large-scale war" in the east.`}, "", nil},
		{"a statement reads", "", []string{`The ministry's statement reads: "All units are returning to base."`}, "", nil},
		{"another speaker's paragraph stops the follow-on", "", []string{`"We will rebuild," Klitschko said, as Zelensky arrived.`, `"Every school will open again."`},
			"", []string{"vitali-klitschko, full: We will rebuild"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := &entry.Entry{ID: "e", Title: tt.title}
			for _, p := range tt.paras {
				e.Body = append(e.Body, entry.Block{Type: entry.BlockParagraph, Text: p})
			}
			if tt.caption != "" {
				e.Body = append(e.Body, entry.Block{Type: entry.BlockFigure, Caption: tt.caption})
			}
			var got []string
			for _, q := range findQuotes(m, e, pronouns, roles) {
				words := strings.Fields(strings.TrimLeft(q.Text, "“\""))
				got = append(got, fmt.Sprintf("%s, %s: %s", q.Speaker, q.Kind, strings.Join(words[:min(3, len(words))], " ")))
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("quotes:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// FuzzFindQuotes feeds arbitrary titles and paragraphs to the quote finder
// and its rules: nothing panics, every quote is words of the text it came
// from, in the block it names, and a partial quote's reported words with
// it are its sentence's.
func FuzzFindQuotes(f *testing.F) {
	f.Add(`'We will not give up': Klitschko`, `Klitschko says the city faces "a long and hard winter".`, `"We will rebuild," he said. “And “attack” again`)
	f.Add(`Talks 'went well', says Zelensky`, `The UK's defence secretary, Ben Wallace, told MPs: "We are sending troops."`, `"It's over”, the minister adds`)
	f.Add("", `"`, `“”`)
	people := []entry.Person{
		{ID: "vitali-klitschko", Name: "Vitali Klitschko", Aliases: []string{"Klitschko"}, Role: "Mayor of Kyiv"},
		{ID: "ben-wallace", Name: "Ben Wallace", Aliases: []string{"Wallace"}, Role: "Defence Secretary"},
		{ID: "volodymyr-zelensky", Name: "Volodymyr Zelensky", Aliases: []string{"Zelensky"}, Role: "President of Ukraine"},
	}
	m := NewMatcher(people)
	roles := map[string]string{}
	for _, p := range people {
		roles[p.ID] = strings.ToLower(p.Role)
	}
	f.Fuzz(func(t *testing.T, title, para1, para2 string) {
		e := &entry.Entry{ID: "e", Title: title, Body: []entry.Block{
			{Type: entry.BlockParagraph, Text: para1}, {Type: entry.BlockParagraph, Text: para2},
			{Type: entry.BlockFigure, Caption: para2},
		}}
		for _, q := range findQuotes(m, e, map[string]string{}, roles) {
			if q.Block < -1 || q.Block >= len(e.Body) {
				t.Fatalf("quote in block %d of %d", q.Block, len(e.Body))
			}
			src := title
			if q.Block >= 0 {
				src = e.Body[q.Block].Text + e.Body[q.Block].Caption
			}
			if !strings.Contains(src, q.Text) {
				t.Fatalf("quote %q is not in its block %q", q.Text, src)
			}
			if q.Kind == entry.QuotePartial && !strings.Contains(src, q.Before) {
				t.Fatalf("reported words %q are not in the block %q", q.Before, src)
			}
		}
	})
}

func TestShortens(t *testing.T) {
	for _, c := range []struct {
		headline, quote string
		want            bool
	}{
		{"stepping up preparations for worst-case scenario", "we are stepping up preparations for the worst-case scenario in Ukraine", true},
		{"has a choice", "Russia has a choice to make", true},
		{"has a choice", "Russia has said it will not make a choice", false},
		{"not afraid of the US", "we are not afraid of anyone even not of the US", false},
	} {
		if got := shortens(strings.Fields(c.headline), strings.Fields(c.quote)); got != c.want {
			t.Errorf("shortens(%q, %q) = %v, want %v", c.headline, c.quote, got, c.want)
		}
	}
}
