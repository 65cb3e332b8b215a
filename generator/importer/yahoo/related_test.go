package yahoo

import "testing"

func TestIsRelated(t *testing.T) {
	tests := []struct {
		name string
		c    relatedContext
		want bool
	}{
		{"after has more details", relatedContext{prev: "Alexandra Alper has more details.",
			line: "Biden predicts Russia will attack Ukraine but warns Putin of a ‘stiff price’", last: true}, true},
		{"after reports colon", relatedContext{prev: "Holly Bancroft reports:",
			line: "Ukraine: US and Russia hold ‘constructive’ talks but fears of war remain", last: true}, true},
		{"after explains why", relatedContext{prev: "…Our world affairs editor Kim Sengupta explains why some people think war is inevitable:",
			line: "‘I think there will be a war’: Ukrainians wait for worst as diplomats talk", last: true}, true},
		{"question, after details why", relatedContext{prev: "The Independent’s Rory Sullivan details why would Russia invade Ukraine:",
			line: "Why would Russia invade Ukraine?", last: true, isTitle: true}, true},
		{"truncated", relatedContext{prev: "Rory Sullivan reports:",
			line: "His biggest fight yet: Ukraine-Russia crisis pushes Vitali Klitschko centre stag", last: true}, true},
		{"before a pointer back", relatedContext{prev: "Yet Berlin stands firm.",
			line: "Sticking to its guns: Why Germany is refusing to arm Ukraine even if it upsets allies",
			next: "Erik Kirschbaum explains in this report why."}, true},
		{"names the paper's writer", relatedContext{prev: "The Independent’s Joe Sommerlad has two maps to explain it. The second details the rest.",
			line: "Map of Ukraine-Russia region as crisis deepens in Europe", last: true}, true},
		{"repeats a title", relatedContext{prev: "Kim Sengupta has more here:",
			line: "Deadly attack by soldier fuels conspiracy theories in nervy Ukraine", last: true, isTitle: true}, true},
		{"ends with a preposition", relatedContext{prev: "The Independent’s Thomas Kingsley goes back eight years.",
			line: "Ukraine-Russia explained: A simple guide to what’s going on", last: true, isTitle: true}, true},
		// Not related.
		{"last alone is not enough", relatedContext{prev: "Some asserted this was the first mission.",
			line: "Map of the region as the crisis deepens", last: true}, false},
		{"pointer line", relatedContext{prev: "“…right under your noses,” the source said.",
			line: "Thomas Kingsley has a full report here", last: true}, false},
		{"pointer on this", relatedContext{prev: "Some asserted this was the first mission.",
			line: "World Affairs Editor Kim Sengupta reports from Kharkiv on this", last: true}, false},
		{"a sentence", relatedContext{prev: "Holly Bancroft reports:", line: "The talks ended without a deal.", last: true}, false},
		{"speech after a colon", relatedContext{prev: "He tweeted:", line: "“Glory to Ukraine", last: true}, false},
		{"broken paragraph", relatedContext{prev: "Holly Bancroft reports:", line: "He is also likely to get clarifications from Mr", last: true}, false},
		{"one word credit", relatedContext{prev: "…the Kremlin's forces advance.", line: "PA", last: true}, false},
		{"open word", relatedContext{prev: "Holly Bancroft reports:", line: "The ban covers filling paddling pools and", last: true}, false},
	}
	for _, tt := range tests {
		if got := isRelated(tt.c); got != tt.want {
			t.Errorf("%s: isRelated(%q) = %v, want %v", tt.name, tt.c.line, got, tt.want)
		}
	}
}

func TestLastSentence(t *testing.T) {
	tests := []struct{ in, want string }{
		{"One. Two.", "Two."},
		{"Only one.", "Only one."},
		{"He said “yes.” Then he left:", "Then he left:"},
		{"Why? Because.", "Because."},
		{"", ""},
	}
	for _, tt := range tests {
		if got := lastSentence(tt.in); got != tt.want {
			t.Errorf("lastSentence(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
