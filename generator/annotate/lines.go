package annotate

import (
	"os"
	"strings"
)

// aboutLine finds the line of a note's "about" key, for error messages.
func aboutLine(path string) int {
	data, err := os.ReadFile(path)
	if err != nil {
		return 1
	}
	for i, l := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), "about") {
			return i + 1
		}
	}
	return 1
}
