package yahoo

import (
	"reflect"
	"testing"

	"chronicle/internal/tabletest"
)

func TestBullet(t *testing.T) {
	tabletest.FuncOK(t, "bullet", bullet, []tabletest.Case[string, string]{
		{"  • Five killed after Ukranian soldier fires at a military factory", "Five killed after Ukranian soldier fires at a military factory", true},
		{"• Tight", "Tight", true},
		{"    • Nested", "Nested", true},
		{"  1. Services start later", "Services start later", true},
		{"  12. Twelfth", "Twelfth", true},
		{"1. Not indented", "", false},
		{"  •", "", false},
		{"  2022. A year", "", false},
		{"Plain text", "", false},
	})
}

func TestListAt(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		items []string
		end   int
	}{
		{"blank between", []string{"  • One", "", "  • Two", "", "After."}, []string{"One", "Two"}, 3},
		{"tight, continued", []string{"  • One and", "    more", "  • Two", "After."}, []string{"One and more", "Two"}, 3},
		{"stops at chrome", []string{"  • One", "", "  • Oops!", "    Something went wrong."}, []string{"One"}, 1},
		{"external", []string{"  • Read the report , external"}, []string{"Read the report"}, 1},
		{"not a list", []string{"Plain."}, nil, 0},
	}
	for _, tt := range tests {
		d := docOf(t, tt.lines...)
		items, end, ok := listAt(d, 1, len(tt.lines))
		if ok != (tt.items != nil) {
			t.Errorf("%s: ok = %v", tt.name, ok)
			continue
		}
		var texts []string
		for _, it := range items {
			texts = append(texts, it.Text)
		}
		if !reflect.DeepEqual(texts, tt.items) || end != tt.end {
			t.Errorf("%s: listAt = %q %d, want %q %d", tt.name, texts, end, tt.items, tt.end)
		}
	}
}
