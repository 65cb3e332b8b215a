package yahoo

import (
	"testing"

	"chronicle/generator/entry"
)

// TestLinkCardRepeatsTitle: an entry whose last line repeats its own title
// (the link card to the full article, as Yahoo prints it) keeps that line as
// a related block, not as a paragraph of the entry's text; the same words
// inside the text stay text.
func TestLinkCardRepeatsTitle(t *testing.T) {
	tests := []struct {
		name       string
		text       string
		paragraphs int
		card       int // the link card's line, 0 for none
	}{
		{"card last", "Headline\n\nTalks begin in Geneva\n\n09:09 , Shweta Sharma\n\nThe envoys met at nine.\n\nTalks begin in Geneva\n", 1, 9},
		{"card after a pointer", "Headline\n\nTalks begin in Geneva\n\n09:09 , Shweta Sharma\n\nThe envoys met at nine. Shweta Sharma has more details.\n\nTalks begin in Geneva\n", 1, 9},
		{"inside the text", "Headline\n\nTalks begin in Geneva\n\n09:09 , Shweta Sharma\n\nTalks begin in Geneva, and\n\nthe envoys met at nine.\n", 1, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := readText(t, tt.text, "2022-01-21")
			if len(d.Entries) != 1 {
				t.Fatalf("%d entries", len(d.Entries))
			}
			paragraphs, card := 0, 0
			for _, bl := range d.Entries[0].Body {
				switch bl.Type {
				case entry.BlockParagraph:
					paragraphs++
				case entry.BlockRelated:
					card = bl.Lines[0]
				}
			}
			if paragraphs != tt.paragraphs || card != tt.card {
				t.Errorf("%d paragraphs and a card at line %d, want %d and %d", paragraphs, card, tt.paragraphs, tt.card)
			}
			checkLedger(t, d)
		})
	}
}
