// Size budgets, measured on real page loads: each page of PAGES is loaded in headless Chromium
// from a plain static server over the built files (run `npm run build:bundle` first), and the
// JavaScript it actually fetches is counted as gzip -9 of each file, summed. `own` is what a page
// fetches beyond its `base` page (for a widget: beyond the shared chunks a page with only
// <omni-provider> loads). Budgets are in size-budgets.json (1 kB = 1000 bytes). Prints a table;
// exits 1 when a page or file is over budget, a budget names no page, or a page's widgets do
// not render.
/* global document -- used inside page.evaluate() */
//
//   npm run size                  check
//   npm run size -- --readme      also rewrite the table in README.md (between the markers)
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants, gzipSync } from 'node:zlib';
import * as prettier from 'prettier';
import puppeteer from 'puppeteer-core';
import { CHROME_ARGS, findChrome } from './find-chrome.mjs';
import { serveDist } from './lib/serve-dist.mjs';

const root = new URL('../', import.meta.url);
const budgets = JSON.parse(readFileSync(new URL('size-budgets.json', root), 'utf8'));
const SKU = 'TSHIRT-ORG-M';

/** A merchant's page: the snippet from the README, and `body`. */
function page(body, config = {}) {
  const block = JSON.stringify({
    apiBase: '/api/omni/v1',
    locale: 'en',
    currency: 'EUR',
    country: 'KE',
    defaultLocation: { postalCode: '00100', country: 'KE' },
    ...config,
  });
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>size</title>
<link rel="icon" href="data:,"><link rel="stylesheet" href="/dist/omnishelf.css">
<script type="application/json" id="omnishelf-config">${block}</script>
<script type="module" src="/dist/omnishelf.js"></script></head><body>${body}</body></html>`;
}

/** Every page measured; a widget's page names its base (what counts as shared for it). */
export const PAGES = {
  loader: { html: page('<p>No widget on this page.</p>') },
  foundation: { html: page('<omni-provider><p>Only a provider.</p></omni-provider>') },
  badge: {
    html: page(`<omni-stock-checker variant="badge" sku="${SKU}"></omni-stock-checker>`),
    base: 'foundation',
  },
  'stock-checker': {
    html: page(`<omni-stock-checker sku="${SKU}"></omni-stock-checker>`),
    base: 'foundation',
  },
  // Later widgets count what they load beyond a page with a full stock checker: the chunks
  // they share with it (stores, stock, location, "my store") are shared chunks.
  'pickup-selector': {
    html: page(`<omni-pickup-selector sku="${SKU}"></omni-pickup-selector>`),
    base: 'stock-checker',
  },
  cart: {
    html: page(
      `<omni-cart-button></omni-cart-button><omni-cart-count></omni-cart-count>` +
        `<omni-add-to-cart sku="${SKU}"></omni-add-to-cart><omni-cart></omni-cart>`,
    ),
    base: 'stock-checker',
  },
  'shipping-estimator': {
    html: page(`<omni-shipping-estimator sku="${SKU}"></omni-shipping-estimator>`),
    base: 'stock-checker',
  },
  'stock-checker-ar': {
    html: page(`<omni-stock-checker sku="${SKU}"></omni-stock-checker>`, { locale: 'ar' }),
    base: 'stock-checker',
  },
};

const gz = (buffer) => gzipSync(buffer, { level: constants.Z_BEST_COMPRESSION }).length;
const kB = (bytes) => `${(bytes / 1000).toFixed(2)} kB`;

/** Loads each page in a fresh context; returns { name: { files: Map(url -> gzip) } }. */
export async function measurePages(pages = PAGES) {
  const server = await serveDist({
    pages: Object.fromEntries(Object.entries(pages).map(([name, p]) => [`/${name}.html`, p.html])),
  });
  const profile = mkdtempSync(join(tmpdir(), 'omnishelf-size-'));
  const browser = await puppeteer.launch({
    executablePath: findChrome(),
    args: CHROME_ARGS,
    headless: true,
    userDataDir: profile,
  });
  const results = {};
  try {
    for (const name of Object.keys(pages)) {
      const context = await browser.createBrowserContext();
      const tab = await context.newPage();
      const files = new Map();
      const bodies = [];
      tab.on('response', (response) => {
        const url = new URL(response.url());
        if (!url.pathname.endsWith('.js') || response.status() !== 200) return;
        bodies.push(
          response.buffer().then(
            (body) => files.set(url.pathname, gz(body)),
            () => undefined,
          ),
        );
      });
      await tab.goto(`${server.origin}/${name}.html`, { waitUntil: 'load' });
      await tab.waitForNetworkIdle({ idleTime: 400, timeout: 15000 });
      // A page whose widgets did not render measures nothing real (a broken build is small).
      // Given time (on a loaded machine), as a shopper would give it.
      const notRendered = () =>
        [...document.querySelectorAll('*')]
          .filter((el) => el.localName.startsWith('omni-'))
          .filter((el) => !el.matches(':defined') || el.matches(':state(loading)'))
          .map((el) => el.localName);
      await tab
        .waitForFunction(`(${notRendered})().length === 0`, { timeout: 20000 })
        .catch(() => undefined);
      const broken = await tab.evaluate(notRendered);
      if (broken.length > 0) throw new Error(`${name}: ${broken.join(', ')} did not render`);
      await Promise.all(bodies);
      results[name] = { files };
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }
  return results;
}

const sum = (files) => [...files.values()].reduce((a, b) => a + b, 0);

async function main() {
  for (const file of ['dist/omnishelf.js', 'dist/omnishelf.css']) {
    if (!existsSync(new URL(file, root))) {
      console.error(`${file} is missing: run \`npm run build:bundle\` first.`);
      process.exit(1);
    }
  }
  const results = await measurePages();
  const rows = [];
  let failed = false;
  const check = (label, measured, budget) => {
    let status = '-';
    if (budget !== undefined) {
      const over = measured > budget;
      failed ||= over;
      status = over
        ? `OVER by ${kB(measured - budget)}`
        : `ok (${Math.round((measured / budget) * 100)}%)`;
    }
    rows.push([label, kB(measured), budget === undefined ? '-' : kB(budget), status]);
  };
  for (const [name, { files }] of Object.entries(results)) {
    const budget = budgets.pages?.[name] ?? {};
    check(`page: ${name} (${files.size} files)`, sum(files), budget.total);
    const base = PAGES[name].base;
    if (base) {
      const shared = results[base].files;
      const own = new Map([...files].filter(([url]) => !shared.has(url)));
      check(`  ${name}, beyond ${base}`, sum(own), budget.own);
    }
  }
  for (const [file, budget] of Object.entries(budgets.files ?? {})) {
    const url = new URL(file, root);
    if (!existsSync(url)) {
      rows.push([file, '-', kB(budget), 'MISSING']);
      failed = true;
      continue;
    }
    check(`file: ${file}`, gz(readFileSync(url)), budget);
  }
  for (const name of Object.keys(budgets.pages ?? {})) {
    if (!PAGES[name]) {
      rows.push([`page: ${name}`, '-', '-', 'NO SUCH PAGE (scripts/size.mjs)']);
      failed = true;
    }
  }

  const header = ['what (gzip -9 of the JavaScript a page fetches)', 'gzip', 'budget', 'status'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) =>
    cells
      .map((c, i) => (i === 0 || i === 3 ? c.padEnd(widths[i]) : c.padStart(widths[i])))
      .join('  ')
      .trimEnd();
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));

  if (process.argv.includes('--readme')) {
    const table = [
      '| Page or file | Gzip | Budget |',
      '| --- | ---: | ---: |',
      ...rows.map(
        ([what, size, budget]) => `| ${what.trim().replace(/^ +/, '')} | ${size} | ${budget} |`,
      ),
    ].join('\n');
    const readme = new URL('README.md', root);
    const text = readFileSync(readme, 'utf8');
    const start = '<!-- size-table:start -->';
    const end = '<!-- size-table:end -->';
    const i = text.indexOf(start);
    const j = text.indexOf(end);
    if (i < 0 || j < i) throw new Error('README.md has no size-table markers');
    const next = `${text.slice(0, i + start.length)}\n\n${table}\n\n${text.slice(j)}`;
    const options = (await prettier.resolveConfig(fileURLToPath(readme))) ?? {};
    writeFileSync(readme, await prettier.format(next, { ...options, parser: 'markdown' }));
    console.log('\nREADME.md table updated.');
  }
  process.exit(failed ? 1 : 0);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
