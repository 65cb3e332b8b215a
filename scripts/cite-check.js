// cite-check.js: the test helper of generator/cite (dev only). It renders
// CSL-JSON items in APA with citeproc-js (through citation.js), or parses
// BibTeX and RIS records with citation.js's parsers, and prints JSON.
//
//   node scripts/cite-check.js apa items.json    → ["APA text", …]
//   node scripts/cite-check.js parse file.bib    → [CSL item, …]
//   node scripts/cite-check.js parse file.ris    → [CSL item, …]
'use strict';
const fs = require('fs');
const { Cite } = require('@citation-js/core');
require('@citation-js/plugin-csl');
require('@citation-js/plugin-bibtex');
require('@citation-js/plugin-ris');

const [mode, file] = process.argv.slice(2);
const text = fs.readFileSync(file, 'utf8');
let out;
if (mode === 'apa') {
  out = JSON.parse(text).map((item) =>
    new Cite([item]).format('bibliography', { format: 'text', template: 'apa', lang: 'en-US' }).trim());
} else if (mode === 'parse') {
  const type = file.endsWith('.ris') ? '@ris/file' : '@biblatex/text';
  out = new Cite(text, { forceType: type }).data;
} else {
  console.error('usage: cite-check.js apa|parse FILE');
  process.exit(2);
}
process.stdout.write(JSON.stringify(out));
