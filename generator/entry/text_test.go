package entry

import (
	"testing"

	"chronicle/internal/tabletest"
)

func TestIndexWord(t *testing.T) {
	for _, tt := range []struct {
		text, w string
		want    int
	}{
		{"Nato says", "Nato", 0},
		{"the Nato", "Nato", 4},
		{"Nato’s demands", "Nato", 0},        // curly apostrophe
		{"“Nato is a guarantee”", "Nato", 3}, // curly quotes
		{"the Kremlin’s view", "Kremlin", 4},
		{"Natoist Nato", "Nato", 8},            // the first is inside a word
		{"A fleet of 20 warships", "flee", -1}, // a word that starts alike
		{"they flee the city", "flee", 5},
		{"Kyiv-based", "Kyiv", 0},       // a hyphen is a boundary
		{"Zelenskyy", "Zelensky", -1},   // so is nothing after a letter
		{"Донбас Donbas", "Donbas", 13}, // letters of any script
		{"Донбасс", "Донбас", -1},
		{"covid19", "covid", -1}, // digits are part of words
		{"", "Nato", -1},
		{"Nato", "", -1},
	} {
		if got := IndexWord(tt.text, tt.w); got != tt.want {
			t.Errorf("IndexWord(%q, %q) = %d, want %d", tt.text, tt.w, got, tt.want)
		}
	}
}

func TestWordKey(t *testing.T) {
	tabletest.Func(t, "WordKey", WordKey, map[string]string{
		"We will not give up!":        "we will not give up",
		"“We’re ready,” she said":     "we re ready she said",
		"  Nord   Stream 2, again.  ": "nord stream 2 again",
		"":                            "",
	})
}
