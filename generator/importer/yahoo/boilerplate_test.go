package yahoo

import "testing"

func TestBoilerplate(t *testing.T) {
	oops := []string{"  • Oops!", "    Something went wrong.", "    Please try again later."}
	tests := []struct {
		name   string
		lines  []string
		n      int
		field  string
		end    int
		widget bool
	}{
		{"oops block", oops, 1, fieldReaderChrome, 3, true},
		{"oops block bounded by last", append(oops, "x"), 1, fieldReaderChrome, 3, true},
		{"indented apology alone", []string{"    Please try again later."}, 1, fieldReaderChrome, 1, true},
		{"reading time", []string{"·23 min read"}, 1, fieldReaderChrome, 1, false},
		{"reading time, no dot", []string{"5 min read"}, 1, fieldReaderChrome, 1, false},
		{"in this article", []string{"In this article:"}, 1, fieldReaderChrome, 1, false},
		{"comments notice", []string{"Our goal is to create a safe and engaging place for users to connect over interests and passions. In order to improve our community experience, we are temporarily suspending article commenting"}, 1, fieldCommentsNotice, 1, false},
		{"coverage note", []string{"See below for how our coverage unfolded."}, 1, fieldCoverageNote, 1, false},
		{"apology as prose", []string{"Something went wrong."}, 1, "", 0, false},
		{"min read in prose", []string{"It is a 23 min read about the crisis"}, 1, "", 0, false},
		{"paragraph", []string{"Our goal is peace, the minister said."}, 1, "", 0, false},
	}
	for _, tt := range tests {
		d := docOf(t, tt.lines...)
		last := min(len(tt.lines), 3)
		field, end, widget := boilerplate(d, tt.n, last)
		if field != tt.field || (field != "" && (end != tt.end || widget != tt.widget)) {
			t.Errorf("%s: boilerplate = %q %d %v, want %q %d %v", tt.name, field, end, widget, tt.field, tt.end, tt.widget)
		}
	}
}
