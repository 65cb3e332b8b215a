package importer

import (
	"slices"

	"chronicle/generator/importer/bbc"
	"chronicle/generator/importer/capture"
	"chronicle/generator/importer/yahoo"
)

// format is one capture format the importer knows: its reader and what a
// capture of it is assumed to be when it has no sidecar.
type format struct {
	reader      capture.Reader
	publisher   string // "" when the layout is a syndicator's: the sidecar must name the publisher
	publisherID string
	zone        string
	aliases     []string // other names sidecars may give it
}

// formats is the registry of readers. Adding a publisher means adding a
// reader package and one line here.
var formats = []format{
	{bbc.New(), "BBC News", "bbc", "Europe/London", nil},
	{yahoo.New(), "", "", "Europe/London", []string{yahoo.OldFormat}},
}

// formatByName returns the registered format called name.
func formatByName(name string) (format, bool) {
	for _, f := range formats {
		if f.reader.Format() == name || slices.Contains(f.aliases, name) {
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
