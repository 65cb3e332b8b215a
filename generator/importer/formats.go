package importer

import (
	"chronicle/generator/importer/bbc"
	"chronicle/generator/importer/capture"
	"chronicle/generator/importer/independent"
)

// format is one capture format the importer knows: its reader and what a
// capture of it is assumed to be when it has no sidecar.
type format struct {
	reader      capture.Reader
	publisher   string
	publisherID string
	zone        string
}

// formats is the registry of readers. Adding a publisher means adding a
// reader package and one line here.
var formats = []format{
	{bbc.New(), "BBC News", "bbc", "Europe/London"},
	{independent.New(), "The Independent", "independent", "Europe/London"},
}

// formatByName returns the registered format called name.
func formatByName(name string) (format, bool) {
	for _, f := range formats {
		if f.reader.Format() == name {
			return f, true
		}
	}
	return format{}, false
}

// FormatNames lists the registered formats.
func FormatNames() []string {
	var names []string
	for _, f := range formats {
		names = append(names, f.reader.Format())
	}
	return names
}

// detect picks the format whose reader scores the lines highest.
func detect(lines []string) (format, bool) {
	best, bestScore := format{}, 0
	for _, f := range formats {
		if s := f.reader.Detect(lines); s > bestScore {
			best, bestScore = f, s
		}
	}
	return best, bestScore > 0
}
