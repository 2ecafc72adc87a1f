// Size budgets: gzip (zlib, level 9) of every built bundle in dist/*.js against size-budgets.json.
// Prints a table and exits 1 when a bundle is over its budget, has no budget, or is missing.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { gzipSync, constants } from 'node:zlib';

const budgets = JSON.parse(readFileSync(new URL('../size-budgets.json', import.meta.url), 'utf8'));
delete budgets.$comment;

const dist = new URL('../dist/', import.meta.url);
const built = existsSync(dist)
  ? readdirSync(dist)
      .filter((name) => name.endsWith('.js'))
      .map((name) => `dist/${name}`)
  : [];
const files = [...new Set([...built, ...Object.keys(budgets)])].sort();

const kB = (bytes) => `${(bytes / 1000).toFixed(2)} kB`;
const rows = [];
let failed = false;
for (const file of files) {
  const url = new URL(`../${file}`, import.meta.url);
  const budget = budgets[file];
  if (!existsSync(url)) {
    rows.push([file, '-', '-', budget ? kB(budget) : '-', 'MISSING (run npm run build)']);
    failed = true;
    continue;
  }
  const raw = readFileSync(url);
  const gzip = gzipSync(raw, { level: constants.Z_BEST_COMPRESSION }).length;
  let status;
  if (budget === undefined) {
    status = 'NO BUDGET (add it to size-budgets.json)';
    failed = true;
  } else if (gzip > budget) {
    status = `OVER by ${kB(gzip - budget)}`;
    failed = true;
  } else {
    status = `ok (${((gzip / budget) * 100).toFixed(0)}%)`;
  }
  rows.push([file, kB(raw.length), kB(gzip), budget ? kB(budget) : '-', status]);
}

const header = ['bundle', 'raw', 'gzip', 'budget', 'status'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) =>
  cells
    .map((c, i) => (i === 0 || i === 4 ? c.padEnd(widths[i]) : c.padStart(widths[i])))
    .join('  ')
    .trimEnd();
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of rows) console.log(line(row));
if (files.length === 0) {
  console.error('No bundles in dist/: run `npm run build` first.');
  failed = true;
}
process.exit(failed ? 1 : 0);
