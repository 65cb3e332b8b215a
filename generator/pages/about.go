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
title; adding captures never changes it. Each entry's page ends with "Cite this
entry": the citation in the APA, Chicago and MLA styles, with the
original publisher, the time as the live page printed it and the live
page's address where it is known, and BibTeX and RIS records for a
reference manager. Zotero saves an entry page as a blog post with its
author and date.

## The data

All entries can be downloaded as [JSON](entries.json) and [CSV](entries.csv),
oldest first, each with its permanent address, the SHA-256 of the capture
it was read from, its time in UTC and as printed, authors, body blocks and
the capture lines it came from; [datapackage.json](datapackage.json)
describes every column (a Frictionless Data Package), and
[entries.csl.json](entries.csl.json) holds the citation of every entry.

## Checking a copy

Each capture's page gives its SHA-256, size and line count, and the
original and archived addresses of the page where known.
[manifest-sha256.txt](manifest-sha256.txt) lists the SHA-256 of every file
of the site; chronicle verify checks a copy of the site, or the offline
zip, against it, and names any file that changed, is missing or was added.
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
