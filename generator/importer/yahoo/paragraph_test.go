package yahoo

import "testing"

func TestContinues(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"He is also likely to get clarifications from Mr", "Putin and emphasise on the fact…", true},
		{"…the transport secretary, Dr.", "Amara Okafor, asking her to intervene.", true},
		{"…filling paddling pools and", "washing cars.", true},
		{"…the minister said", "that the talks would resume.", true},
		{"…the leaders of the", "European Union met on Friday.", true},
		{"Yet Berlin stands firm.", "and then?", false},
		{"Holly Bancroft reports:", "Ukraine: US and Russia hold talks", false},
		{"Thomas Kingsley has a full report here", "Why Germany won’t arm Ukraine", false},
		{"“Stop,” he said,", "Then he left.", false},
		{"“Stop,” he said,", "adding that he was tired.", true},
		{"PA", "The next paragraph.", false},
		{"", "x", false},
	}
	for _, tt := range tests {
		if got := continues(tt.a, tt.b); got != tt.want {
			t.Errorf("continues(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestParagraphAt(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		text  string
		end   int
	}{
		{"broken at a name cue", []string{"…clarifications from Mr", "", "Putin and emphasise.", "", "Next."},
			"…clarifications from Mr Putin and emphasise.", 3},
		{"broken twice", []string{"One and", "", "two and", "", "three.", "", "Next."}, "One and two and three.", 5},
		{"whole", []string{"One.", "", "two."}, "One.", 1},
		{"not into a caption", []string{"Pictured from the", "", "air (AP)", "air (AP)"}, "Pictured from the", 1},
		{"not into a bullet", []string{"The warning covers the", "", "  • south"}, "The warning covers the", 1},
		{"not past last", []string{"One and", "", "two."}, "One and", 1},
	}
	for _, tt := range tests {
		d := docOf(t, tt.lines...)
		last := len(tt.lines)
		if tt.name == "not past last" {
			last = 2
		}
		text, end := paragraphAt(d, 1, last)
		if text != tt.text || end != tt.end {
			t.Errorf("%s: paragraphAt = %q %d, want %q %d", tt.name, text, end, tt.text, tt.end)
		}
	}
}
