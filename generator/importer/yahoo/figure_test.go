package yahoo

import "testing"

func TestCaptionPair(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		want  bool
	}{
		{"same", []string{"Service members attend a ceremony (via REUTERS)", "Service members attend a ceremony (via REUTERS)"}, true},
		{"leading space", []string{" (AP)", "(AP)"}, true},
		{"different", []string{"One paragraph.", "Another paragraph."}, false},
		{"blank between", []string{"(AP)", "", "(AP)"}, false},
		{"last line", []string{"(AP)"}, false},
	}
	for _, tt := range tests {
		d := docOf(t, tt.lines...)
		if got := captionPair(d, 1, len(tt.lines)); got != tt.want {
			t.Errorf("%s: captionPair = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestSplitCredit(t *testing.T) {
	tests := []struct{ in, caption, credit string }{
		{"Service members attend a ceremony in tribute to fallen defenders of Ukraine in Kyiv (via REUTERS)",
			"Service members attend a ceremony in tribute to fallen defenders of Ukraine in Kyiv", "REUTERS"},
		{" (AP)", "", "AP"},
		{"Ukraine Tensions (Copyright 2022 The Associated Press. All rights reserved)", "Ukraine Tensions", "The Associated Press"},
		{"Empty platforms at London Bridge (AFP via Getty Images)", "Empty platforms at London Bridge", "AFP via Getty Images"},
		{"A firefighter in east London (PA)", "A firefighter in east London", "PA"},
		{"Troops near Kharkiv (AP Photo/Efrem Lukatsky)", "Troops near Kharkiv", "AP Photo/Efrem Lukatsky"},
		{"© Reuters", "© Reuters", ""},
		{"Members of the Territorial Defence Forces (TDF)", "Members of the Territorial Defence Forces (TDF)", ""},
		{"Boris Johnson (left) meets Olaf Scholz (right)", "Boris Johnson (left) meets Olaf Scholz (right)", ""},
		{"Unbalanced )", "Unbalanced )", ""},
		{"No credit at all", "No credit at all", ""},
	}
	for _, tt := range tests {
		caption, credit := splitCredit(tt.in)
		if caption != tt.caption || credit != tt.credit {
			t.Errorf("splitCredit(%q) = %q, %q, want %q, %q", tt.in, caption, credit, tt.caption, tt.credit)
		}
	}
}
