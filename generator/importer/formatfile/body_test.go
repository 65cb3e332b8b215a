package formatfile

import (
	"strings"
	"testing"
)

func TestReadsAsTitle(t *testing.T) {
	for s, want := range map[string]bool{
		"Minister says army is ready to help":                     true,
		"‘We have nowhere to go’: Residents of fishing village":   true,
		"The river has passed its peak, the agency says.":         false,
		"If you are just joining us, here is where things stand:": false,
		"“We will not leave any town on its own,” she said.":      false,
		strings.Repeat("word ", 21):                               false,
	} {
		if got := readsAsTitle(s); got != want {
			t.Errorf("readsAsTitle(%q) = %v", s, got)
		}
	}
}

func TestNames(t *testing.T) {
	for in, want := range map[string]string{
		"Ivo Novak":                                "Ivo Novak",
		"Mara Klein and Jon Pratt":                 "Mara Klein|Jon Pratt",
		"Sara Haddad, Omar Nasser and Lina Farouk": "Sara Haddad|Omar Nasser|Lina Farouk",
		"A, B, and C":                              "A|B|C",
		"Tom & Jerry":                              "Tom|Jerry",
	} {
		if got := strings.Join(names(in), "|"); got != want {
			t.Errorf("names(%q) = %q, want %q", in, got, want)
		}
	}
}
