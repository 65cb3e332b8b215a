package yahoo

import (
	"reflect"
	"testing"
)

func TestReadIntro(t *testing.T) {
	tests := []struct {
		name      string
		lines     []string
		headline  string
		lede      []string
		keyPoints []string
		fields    map[int]string
	}{
		{
			name: "chrome, lede, coverage note",
			lines: []string{
				"Ukraine-Russia crisis: Moscow would face severe response",
				"",
				"  • Oops!",
				"    Something went wrong.",
				"    Please try again later.",
				"·23 min read",
				"In this article:",
				"",
				"Moscow would face a response, external if it invaded.",
				"",
				"Nato has rejected Russian demands to withdraw its forces from Romania and",
				"",
				"Bulgaria.",
				"",
				"See below for how our coverage unfolded.",
			},
			headline: "Ukraine-Russia crisis: Moscow would face severe response",
			lede:     []string{"Moscow would face a response if it invaded.", "Nato has rejected Russian demands to withdraw its forces from Romania and Bulgaria."},
			fields: map[int]string{1: fieldHeadline, 3: fieldReaderChrome, 4: fieldReaderChrome, 5: fieldReaderChrome, 6: fieldReaderChrome, 7: fieldReaderChrome,
				9: fieldLede, 11: fieldLede, 13: fieldLede, 15: fieldCoverageNote},
		},
		{
			name: "key points, then more lede, lead photo",
			lines: []string{
				"Ukraine news - live",
				"",
				"US President Joe Biden has warned of a “distinct possibility”.",
				"",
				"Key Points",
				"",
				"  • Five killed after soldier fires at a factory",
				"",
				"  • US threatens future of Nord Stream 2",
				"",
				"Troops in Kharkiv (AP)",
				" Troops in Kharkiv (AP)",
				"",
				"Later paragraph.",
			},
			headline:  "Ukraine news - live",
			lede:      []string{"US President Joe Biden has warned of a “distinct possibility”.", "Later paragraph."},
			keyPoints: []string{"Five killed after soldier fires at a factory", "US threatens future of Nord Stream 2"},
			fields: map[int]string{1: fieldHeadline, 3: fieldLede, 5: fieldKeyPoints, 7: fieldKeyPoints, 9: fieldKeyPoints,
				11: fieldFigure, 12: fieldFigure, 14: fieldLede},
		},
		{
			name:      "key points in lower case",
			lines:     []string{"Live: rail strike", "", "Key points", "", "  • Trains cancelled across the south"},
			headline:  "Live: rail strike",
			keyPoints: []string{"Trains cancelled across the south"},
			fields:    map[int]string{1: fieldHeadline, 3: fieldKeyPoints, 5: fieldKeyPoints},
		},
		{
			name:     "key points with none under them",
			lines:    []string{"Live: rail strike", "", "Key Points", "", "Unions and the operator met again on Monday."},
			headline: "Live: rail strike",
			lede:     []string{"Unions and the operator met again on Monday."},
			fields:   map[int]string{1: fieldHeadline, 3: fieldKeyPoints, 5: fieldLede},
		},
		{
			name:     "headline after chrome",
			lines:    []string{"·4 min read", "Headline"},
			headline: "Headline",
			fields:   map[int]string{1: fieldReaderChrome, 2: fieldHeadline},
		},
	}
	for _, tt := range tests {
		d := docOf(t, tt.lines...)
		last := len(tt.lines)
		if h := headlineAt(d, last); h > 0 {
			d.Capture.Page.Headline = d.Line(h)
			d.Claim(h, h, -1, fieldHeadline)
		}
		readIntro(d, 1, last)
		pg := d.Capture.Page
		if pg.Headline != tt.headline || !reflect.DeepEqual(pg.Lede, tt.lede) || !reflect.DeepEqual(pg.KeyPoints, tt.keyPoints) {
			t.Errorf("%s: page = %q %q %q, want %q %q %q", tt.name, pg.Headline, pg.Lede, pg.KeyPoints, tt.headline, tt.lede, tt.keyPoints)
		}
		for n := 1; n <= last; n++ {
			want, got := tt.fields[n], ""
			if u := d.UseOf(n); u != nil {
				got = u.Field
			}
			if got != want {
				t.Errorf("%s: line %d claimed as %q, want %q", tt.name, n, got, want)
			}
		}
	}
}
