package yahoo

import "testing"

func TestEndings(t *testing.T) {
	tests := []struct {
		s                  string
		sentence, terminal bool
	}{
		{"…demands unity”.", true, true},
		{"Holly Bancroft reports:", true, true},
		{"…including Nord Stream 2’, says US,”", true, false},
		{"Why would Russia invade Ukraine?", false, true},
		{"Russia ‘has a choice'", false, false},
		{"Biden dials Zelenskyy: ‘If Russia further invades Ukraine...'", false, true},
		{"…pushes Vitali Klitschko centre stag", false, false},
		{"", false, false},
	}
	for _, tt := range tests {
		if got := endsSentence(tt.s); got != tt.sentence {
			t.Errorf("endsSentence(%q) = %v", tt.s, got)
		}
		if got := endsTerminal(tt.s); got != tt.terminal {
			t.Errorf("endsTerminal(%q) = %v", tt.s, got)
		}
	}
}

func TestWords(t *testing.T) {
	if w := bareLastWord("…on the fact that,”  "); w != "that" {
		t.Errorf("bareLastWord = %q", w)
	}
	if !isNameCue("Mr") || !isNameCue("Dr.") || isNameCue("St.") || isNameCue("Mrs,") {
		t.Error("isNameCue")
	}
	if fold(" Ukraine-Russia Explained , external ") != "ukraine-russia explained" {
		t.Errorf("fold = %q", fold(" Ukraine-Russia Explained , external "))
	}
}
