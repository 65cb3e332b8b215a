package pages

// aboutText is the about page; its numbers are filled in at build time.
const aboutText = `This chronicle follows the run-up to Russia's full-scale invasion of Ukraine
in January and February 2022, as news live pages reported it minute by
minute. It holds %d entries from %d captured live pages over %d days.

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
title, for example ` + "`entries/2022-02-01-1905-bbc-whats-happened-today.html`" + `.
Cite the entry's address together with the original publisher.

## The data

All entries can be downloaded as [JSON](entries.json) and [CSV](entries.csv),
oldest first, with their times in UTC, authors, body blocks and the capture
lines they came from.
`
