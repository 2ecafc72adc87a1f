// Size budgets: gzip (zlib, level 9) of every built bundle and chunk (dist/**/*.js, except the
// typed modules in dist/esm) against size-budgets.json. A budget key may contain `[hash]` for a
// content-hashed chunk name (`dist/locales/ar-[hash].js`). Prints a table and exits 1 when a file
// is over its budget or has no budget, or when a budget matches no file.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { gzipSync, constants } from 'node:zlib';

const budgets = JSON.parse(readFileSync(new URL('../size-budgets.json', import.meta.url), 'utf8'));
delete budgets.$comment;

const root = new URL('../', import.meta.url);
const built = existsSync(new URL('dist/', root))
  ? readdirSync(new URL('dist/', root), { recursive: true })
      .map((name) => `dist/${name.split('\\').join('/')}`)
      .filter((file) => file.endsWith('.js') && !file.startsWith('dist/esm/'))
  : [];

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const patterns = Object.keys(budgets).map((key) => ({
  key,
  re: new RegExp(`^${key.split('[hash]').map(escape).join('[A-Za-z0-9_-]+')}$`),
}));
const budgetKey = (file) => patterns.find(({ re }) => re.test(file))?.key;
const unmatched = patterns.filter(({ re }) => !built.some((file) => re.test(file)));
const files = [...new Set([...built, ...unmatched.map(({ key }) => key)])].sort();

const kB = (bytes) => `${(bytes / 1000).toFixed(2)} kB`;
const rows = [];
let failed = false;
for (const file of files) {
  const url = new URL(file, root);
  const budget = budgets[file] ?? budgets[budgetKey(file)];
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
