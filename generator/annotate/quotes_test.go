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
			for _, q := range findQuotes(m, e, pronouns) {
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
