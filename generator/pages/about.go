package pages

import (
	"strconv"
	"strings"
)

// defaultAbout is the About page of a chronicle whose site file names no
// About file of its own.
const defaultAbout = `This chronicle holds {entries} entries from {captures} captured live
pages over {days} days.

## Where the text comes from

Every entry is taken from a capture: the text a reader gets by selecting a
live page in a browser and copying it. The captures are kept exactly as they
were made, typos included; each entry links to the lines it came from. Photos
and videos were not captured: the pages show their captions and credits in
their place.

## What the editors added

People, glossary terms, story threads and figures are found in the text
automatically and marked as *derived*. Context, corrections, fact-checks and
questions for discussion are written by the editors and marked as such.

## Citing an entry

Every entry has a permanent address built from its time, publisher and
title. Cite the entry's address together with the original publisher.

## The data

All entries can be downloaded as [JSON](entries.json) and [CSV](entries.csv),
oldest first, with their times in UTC, authors, body blocks and the capture
lines they came from.
`

// aboutText is the About page's Markdown: the site file's About text, or
// defaultAbout, with {entries}, {captures} and {days} made the counts.
func (w *writer) aboutText() string {
	text := w.opts.Site.AboutText
	if text == "" {
		text = defaultAbout
	}
	return strings.NewReplacer(
		"{entries}", strconv.Itoa(len(w.c.Entries)),
		"{captures}", strconv.Itoa(len(w.c.Captures)),
		"{days}", strconv.Itoa(len(w.c.Days)),
	).Replace(text)
}
