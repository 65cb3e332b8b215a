// datapackage-check.js: the test helper of generator/export (dev only). It
// validates a datapackage.json with the Frictionless Data libraries and
// loads its CSV resource with the types its Table Schema gives, printing
// JSON: {"valid": …, "errors": […], "rows": N, "first": {…}}.
//
//   node scripts/datapackage-check.js DIR
'use strict';
const path = require('path');
const { Package } = require('datapackage');

(async () => {
  const dir = process.argv[2];
  const pkg = await Package.load(path.join(dir, 'datapackage.json'), { basePath: dir, strict: false });
  const out = { valid: pkg.valid, errors: pkg.errors.map(String), rows: 0, first: null };
  const res = pkg.getResource('entries');
  if (res && res.tabular) {
    const rows = await res.read({ keyed: true, cast: true });
    out.rows = rows.length;
    out.first = rows[0];
    out.types = Object.fromEntries(Object.entries(rows[0]).map(([k, v]) => [k, v instanceof Date ? 'date' : typeof v]));
  }
  process.stdout.write(JSON.stringify(out));
})().catch((err) => { console.error(err); process.exit(1); });
