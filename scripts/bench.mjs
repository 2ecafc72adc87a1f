// Benchmark: how fast the listing page's badges show stock, on a first visit (cold: nothing in
// IndexedDB) and on a repeat visit (warm), with the demo backend answering after a set latency.
// Prints medians; asserts nothing (machines here are shared and noisy).
//
//   npm run bench                 5 runs, 300 ms backend latency
//   npm run bench -- 9 800        9 runs, 800 ms
/* global document, performance, requestAnimationFrame -- used inside page.evaluate() */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { createServer } from 'vite';
import { CHROME_ARGS, findChrome } from './find-chrome.mjs';

const runs = Number(process.argv[2] ?? 5);
const latencyMs = Number(process.argv[3] ?? 300);

const server = await createServer({ logLevel: 'error', server: { port: 5390 } });
await server.listen();
const origin = server.resolvedUrls.local[0].replace(/\/$/, '');
await fetch(`${origin}/__omni/faults`, {
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ latencyMs }),
});

const profile = mkdtempSync(join(tmpdir(), 'omnishelf-bench-'));
const browser = await puppeteer.launch({
  executablePath: findChrome(),
  args: CHROME_ARGS,
  headless: true,
  userDataDir: profile,
});

/** Loads the listing page and returns when every badge shows its answer. */
async function visit(page) {
  const requests = { stores: 0, availability: 0 };
  const count = (request) => {
    const path = new URL(request.url()).pathname;
    if (path.endsWith('/stores')) requests.stores++;
    if (path.endsWith('/availability')) requests.availability++;
  };
  page.on('request', count);
  await page.goto(`${origin}/demo/listing.html`, { waitUntil: 'domcontentloaded' });
  const times = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const badges = () => [...document.querySelectorAll('omni-stock-checker')];
        const shown = (b) => !b.matches(':state(loading)') && b.shadowRoot?.textContent?.trim();
        let first;
        const tick = () => {
          const all = badges();
          if (first === undefined && all.some(shown)) first = performance.now();
          if (all.length > 0 && all.every(shown)) resolve({ first, all: performance.now() });
          else requestAnimationFrame(tick);
        };
        tick();
      }),
  );
  page.off('request', count);
  return { ...times, badges: await page.$$eval('omni-stock-checker', (l) => l.length), requests };
}

const results = { cold: [], warm: [] };
try {
  // One untimed visit so that Vite has transformed every module before the clock matters.
  const warmup = await browser.createBrowserContext();
  await visit(await warmup.newPage());
  await warmup.close();
  for (let i = 0; i < runs; i++) {
    // A fresh context has an empty IndexedDB: the first visit. The reload is the repeat visit.
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    results.cold.push(await visit(page));
    results.warm.push(await visit(page));
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(profile, { recursive: true, force: true });
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const row = (name, list) => {
  const ms = (key) => `${Math.round(median(list.map((r) => r[key])))} ms`.padStart(8);
  const req = (key) => String(median(list.map((r) => r.requests[key]))).padStart(6);
  return `${name.padEnd(6)} ${ms('first')} ${ms('all')} ${req('stores')} ${req('availability')}`;
};
console.log(
  `\nListing page, ${results.cold[0]?.badges ?? 0} badges, backend latency ${latencyMs} ms, ` +
    `median of ${runs} runs (dev server, times from navigation start)\n`,
);
console.log('visit  1st badge all badges /stores /availability');
console.log(row('cold', results.cold));
console.log(row('warm', results.warm));
