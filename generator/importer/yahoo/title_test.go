package yahoo

import "testing"

func TestFindTitle(t *testing.T) {
	tests := []struct {
		name  string
		lines []string // the header is the last line
		floor int
		want  int
	}{
		{"title, blank, header", []string{"Russia ‘has a choice'", "", "17:45 , Jane Dalton"}, 1, 1},
		{"question", []string{"Body.", "", "Why would Russia invade Ukraine?", "", "11:30 , Shweta Sharma"}, 1, 3},
		{"no blank between", []string{"Body.", "", "Key talks break up", "14:06 , Jane Dalton"}, 1, 3},
		{"ellipsis in quotes", []string{"Biden dials Ukraine’s Zelenskyy: ‘If Russia further invades Ukraine...'", "", "03:52 , Arpan Rai"}, 1, 1},
		{"sentence: previous body, stub", []string{"Title", "", "12:00 , A B", "", "…demands unity”.", "", "16:13 , Jane Dalton"}, 4, 0},
		{"colon ends a lead-in", []string{"Watch below, from CNN:", "", "19:45 , John Bowden"}, 1, 0},
		{"header above", []string{"12:00 , A B", "", "12:05 , A B"}, 2, 0},
		{"below the floor", []string{"Headline", "", "12:05 , A B"}, 2, 0},
		{"caption pair", []string{"Crowds in Kyiv (AP)", "Crowds in Kyiv (AP)", "", "12:05 , A B"}, 1, 0},
		{"bullet", []string{"Key Points", "", "  • Talks end without deal", "", "12:05 , A B"}, 1, 0},
		{"chrome", []string{"  • Oops!", "    Something went wrong.", "    Please try again later.", "", "12:05 , A B"}, 1, 0},
		{"link pointer", []string{"Thomas Kingsley has a full report here", "", "12:05 , A B"}, 1, 0},
		{"too long", []string{"This line goes on and on well past the length any headline could have, because it is in fact a paragraph whose writer forgot the full stop at the end of it and kept going regardless of", "", "12:05 , A B"}, 1, 0},
	}
	for _, tt := range tests {
		d := docOf(t, tt.lines...)
		if got := findTitle(d, len(tt.lines), tt.floor); got != tt.want {
			t.Errorf("%s: findTitle = %d, want %d", tt.name, got, tt.want)
		}
	}
}
