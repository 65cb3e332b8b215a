package formatfile

import (
	"strings"
	"testing"

	"chronicle/internal/tabletest"
)

func TestReadsAsTitle(t *testing.T) {
	tabletest.Func(t, "readsAsTitle", readsAsTitle, map[string]bool{
		"Minister says army is ready to help":                     true,
		"‘We have nowhere to go’: Residents of fishing village":   true,
		"The river has passed its peak, the agency says.":         false,
		"If you are just joining us, here is where things stand:": false,
		"“We will not leave any town on its own,” she said.":      false,
		strings.Repeat("word ", 21):                               false,
	})
}

func TestNames(t *testing.T) {
	joined := func(s string) string { return strings.Join(names(s), "|") }
	tabletest.Func(t, "names", joined, map[string]string{
		"Ivo Novak":                                "Ivo Novak",
		"Mara Klein and Jon Pratt":                 "Mara Klein|Jon Pratt",
		"Sara Haddad, Omar Nasser and Lina Farouk": "Sara Haddad|Omar Nasser|Lina Farouk",
		"A, B, and C":                              "A|B|C",
		"Tom & Jerry":                              "Tom|Jerry",
	})
}
