// Benchmarks on the built files, served by a plain static server (never the dev server), in
/* global window, document, performance, requestAnimationFrame, PerformanceObserver -- used inside page.evaluate() */
// headless Chromium. Prints medians with their spread; asserts nothing (machines here are shared
// and noisy): read the ratios, measured side by side in one run.
//
// Suites:
//   split   The loader and its chunks against the same code built as ONE file
//           (dist/bench/single/), on a throttled connection (150 ms round trip, 1.6 Mbit/s, via
//           the DevTools protocol): time until the widgets show their answer, first view.
//   badges  N stock badges (1, 30, 100, 200), first and repeat visit, backend latency 0 and 300
//           ms, against two references in the same run: the same page written statically (final
//           text in the HTML, no script) and a minimal hand-written badge making the same
//           requests (no cache, validation or i18n) as the floor.
//
//   npm run bench                                  both suites, 5 runs each
//   npm run bench -- --suite=badges --runs=9 --sizes=30,200 --latency=300 --no-build
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { CHROME_ARGS, findChrome } from './find-chrome.mjs';
import { serveDist } from './lib/serve-dist.mjs';

const args = Object.fromEntries(
  process.argv.slice(2).map((arg) => {
    const [key, value = 'true'] = arg.replace(/^--/, '').split('=');
    return [key, value];
  }),
);
const list = (value, fallback) => (value ? value.split(',').map(Number) : fallback);
const RUNS = Number(args.runs ?? 5);
const SUITES = (args.suite ?? 'split,badges').split(',');
const SIZES = list(args.sizes, [1, 30, 100, 200]);
const LATENCIES = list(args.latency, [0, 300]);
const BENCH_SKUS = Array.from({ length: 200 }, (_, i) => `BENCH-${String(i + 1).padStart(3, '0')}`);
const API = '/api/omni/v1';
const PLACE = { postalCode: '00100', country: 'KE' };

if (args.build !== 'false' && !args['no-build']) {
  console.log('Building dist/ and the single-file reference (dist/bench/single/)...');
  execFileSync('npm', ['run', '--silent', 'build:bundle'], { stdio: 'ignore' });
  execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], {
    stdio: 'ignore',
    env: { ...process.env, OMNI_SINGLE_FILE: '1' },
  });
}

// ---- pages ------------------------------------------------------------------------------------

const head = (extra = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title>
<link rel="icon" href="data:,"><style>body{font:16px/1.5 sans-serif;max-width:1200px;margin:0 auto}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(220px,1fr));gap:16px}
.tile{border:1px solid #ccc;padding:8px}</style>${extra}</head>`;

const config = (extra = {}) =>
  `<script type="application/json" id="omnishelf-config">${JSON.stringify({
    apiBase: API,
    locale: 'en',
    cacheName: 'omnishelf-bench',
    defaultLocation: PLACE,
    ...extra,
  })}</script>`;

const tiles = (n, badge) =>
  `<ul class="grid">${BENCH_SKUS.slice(0, n)
    .map(
      (sku, i) => `<li class="tile"><h2>Product ${i + 1}</h2><p>EUR 19.90</p>${badge(sku, i)}</li>`,
    )
    .join('')}</ul>`;

/** The Omnishelf page a merchant writes (split loader, or the single-file reference). */
function omnishelfPage(n, dir = '/dist', variant = 'badge') {
  const el =
    variant === 'badge'
      ? (sku) => `<omni-stock-checker variant="badge" sku="${sku}"></omni-stock-checker>`
      : (sku) => `<omni-stock-checker sku="${sku}"></omni-stock-checker>`;
  return `${head(`<link rel="stylesheet" href="${dir}/omnishelf.css">${config()}
<script type="module" src="${dir}/omnishelf.js"></script>`)}<body>${tiles(n, el)}</body></html>`;
}

/** The floor: the same requests, written by hand (no cache, validation, i18n or retries). */
function floorPage(n) {
  const script = `
const badges = [...document.querySelectorAll('[data-sku]')];
const stores = (await (await fetch('${API}/stores?postalCode=${PLACE.postalCode}&country=${PLACE.country}&radiusKm=50&limit=5')).json()).stores;
const ids = stores.map((s) => s.id).join(',');
const skus = badges.map((b) => b.dataset.sku);
const parts = [];
for (let i = 0; i < skus.length; i += 100) parts.push(fetch('${API}/availability?skus=' + skus.slice(i, i + 100).join(',') + '&storeIds=' + ids).then((r) => r.json()));
const records = (await Promise.all(parts)).flatMap((p) => p.availability);
for (const b of badges) {
  let text = 'Not in stock nearby';
  for (const s of stores) {
    const a = records.find((r) => r.sku === b.dataset.sku && r.storeId === s.id);
    if (a && (a.status === 'in_stock' || a.status === 'low_stock')) { text = 'In stock at ' + s.name + ' (' + s.distanceKm + ' km)'; break; }
  }
  b.textContent = text;
  b.dataset.done = '';
}`;
  return `${head()}<body>${tiles(n, (sku) => `<p class="badge" data-sku="${sku}">&nbsp;</p>`)}
<script type="module">${script}</script></body></html>`;
}

/** The same page written statically: the final text in the HTML. */
function staticPage(n, texts) {
  return `${head()}<body>${tiles(n, (sku) => `<p class="badge" data-done>${texts.get(sku)}</p>`)}</body></html>`;
}

/** What each badge says, as the floor computes it (for the static page). */
async function finalTexts(origin) {
  const stores = (
    await (
      await fetch(
        `${origin}${API}/stores?postalCode=${PLACE.postalCode}&country=${PLACE.country}&radiusKm=50&limit=5`,
      )
    ).json()
  ).stores;
  const ids = stores.map((s) => s.id).join(',');
  const texts = new Map();
  for (let i = 0; i < BENCH_SKUS.length; i += 100) {
    const skus = BENCH_SKUS.slice(i, i + 100);
    const { availability } = await (
      await fetch(`${origin}${API}/availability?skus=${skus.join(',')}&storeIds=${ids}`)
    ).json();
    for (const sku of skus) {
      const store = stores.find((s) =>
        availability.some(
          (a) =>
            a.sku === sku &&
            a.storeId === s.id &&
            (a.status === 'in_stock' || a.status === 'low_stock'),
        ),
      );
      texts.set(
        sku,
        store ? `In stock at ${store.name} (${store.distanceKm} km)` : 'Not in stock nearby',
      );
    }
  }
  return texts;
}

// ---- measuring --------------------------------------------------------------------------------

/** Runs in every page before anything else: records layout shifts, long tasks and resources. */
function instrument() {
  window.__bench = { cls: 0, longTasks: 0, longTaskMs: 0 };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) window.__bench.cls += e.value;
  }).observe({ type: 'layout-shift', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      window.__bench.longTasks++;
      window.__bench.longTaskMs += e.duration;
    }
  }).observe({ type: 'longtask', buffered: true });
}

/** Resolves when every badge shows its final text: the time (ms since navigation start). */
function waitDone() {
  return new Promise((resolve) => {
    const done = () => {
      const widgets = [...document.querySelectorAll('omni-stock-checker')];
      if (widgets.length > 0) {
        return widgets.every(
          (w) =>
            w.matches(':defined') &&
            !w.matches(':state(loading)') &&
            (
              w.shadowRoot?.querySelector('[part~="badge"], [part~="list"], [part~="summary"]')
                ?.textContent ?? ''
            ).trim() !== '' &&
            !w.shadowRoot.querySelector('.item--skeleton'),
        );
      }
      const badges = document.querySelectorAll('[data-sku], [data-done]');
      return badges.length > 0 && [...badges].every((b) => b.hasAttribute('data-done'));
    };
    const tick = () => (done() ? resolve(performance.now()) : requestAnimationFrame(tick));
    tick();
  });
}

async function visit(page, url, { throttle } = {}) {
  const cdp = await page.createCDPSession();
  await cdp.send('Performance.enable');
  if (throttle) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 150,
      downloadThroughput: (1.6e6 / 8) | 0,
      uploadThroughput: (750e3 / 8) | 0,
    });
  }
  const requests = { stores: 0, availability: 0 };
  const onRequest = (request) => {
    const path = new URL(request.url()).pathname;
    if (path.endsWith('/stores')) requests.stores++;
    if (path.endsWith('/availability')) requests.availability++;
  };
  page.on('request', onRequest);
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 120000 });
  const done = await page.evaluate(waitDone);
  const timing = await page.evaluate(() => {
    const resources = performance.getEntriesByType('resource');
    const api = resources.filter((r) => r.name.includes('/api/omni/v1/'));
    const firstApi = api.length ? Math.min(...api.map((r) => r.startTime)) : undefined;
    const code = resources.filter(
      (r) => /\/dist\/.*\.js/.test(r.name) && (firstApi === undefined || r.responseEnd <= firstApi),
    );
    const codeArrived = code.length ? Math.max(...code.map((r) => r.responseEnd)) : undefined;
    return { firstApi, codeArrived, ...window.__bench };
  });
  const metrics = Object.fromEntries(
    (await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]),
  );
  page.off('request', onRequest);
  await cdp.detach();
  return {
    done,
    firstApi: timing.firstApi,
    apiAfterCode:
      timing.firstApi !== undefined && timing.codeArrived !== undefined
        ? timing.firstApi - timing.codeArrived
        : undefined,
    cpu: (metrics.TaskDuration ?? 0) * 1000,
    heap: (metrics.JSHeapUsedSize ?? 0) / 1e6,
    cls: timing.cls,
    longTasks: timing.longTasks,
    requests: requests.stores + requests.availability,
    stores: requests.stores,
    availability: requests.availability,
  };
}

const median = (values) => {
  const sorted = values.filter((v) => v !== undefined && Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return undefined;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const spread = (values) => {
  const sorted = values.filter((v) => v !== undefined && Number.isFinite(v)).sort((a, b) => a - b);
  return sorted.length ? [sorted[0], sorted[sorted.length - 1]] : [undefined, undefined];
};
const fmt = (value, digits = 0) => (value === undefined ? '-' : value.toFixed(digits));
const cell = (values, digits = 0, unit = '') => {
  const m = median(values);
  const [lo, hi] = spread(values);
  return m === undefined ? '-' : `${fmt(m, digits)}${unit} (${fmt(lo, digits)}-${fmt(hi, digits)})`;
};

// ---- the run ----------------------------------------------------------------------------------

// The server reads `pages` at request time: pages registered later are served too.
const pages = {};
const server = await serveDist({ pages, backend: { extraSkus: BENCH_SKUS } });
const texts = await finalTexts(server.origin);
const profile = mkdtempSync(join(tmpdir(), 'omnishelf-bench-'));
const browser = await puppeteer.launch({
  executablePath: findChrome(),
  args: CHROME_ARGS,
  headless: true,
  userDataDir: profile,
});

/** Registers a page on the server under a path and returns its URL. */
async function url(path, html) {
  pages[path] = html;
  return `${server.origin}${path}`;
}

async function measure(name, pageUrl, { repeat = false, throttle = false } = {}) {
  const first = [];
  const again = [];
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    await page.evaluateOnNewDocument(instrument);
    first.push(await visit(page, pageUrl, { throttle }));
    if (repeat) again.push(await visit(page, pageUrl, { throttle }));
    await context.close();
  }
  return { name, first, again };
}

try {
  if (SUITES.includes('split')) {
    console.log(
      `\nSplit loader vs one file, throttled (150 ms RTT, 1.6 Mbit/s), first view, median of ${RUNS} (min-max), ms\n`,
    );
    console.log('page                 loader+chunks        one file             ratio');
    for (const [label, n, variant] of [
      ['product (1 full)', 1, 'full'],
      ['listing (30 badges)', 30, 'badge'],
    ]) {
      const split = await measure(
        'split',
        await url(`/split-${variant}-${n}.html`, omnishelfPage(n, '/dist', variant)),
        { throttle: true },
      );
      const single = await measure(
        'single',
        await url(`/single-${variant}-${n}.html`, omnishelfPage(n, '/dist/bench/single', variant)),
        { throttle: true },
      );
      const s = split.first.map((r) => r.done);
      const o = single.first.map((r) => r.done);
      console.log(
        `${label.padEnd(20)} ${cell(s).padEnd(20)} ${cell(o).padEnd(20)} ${(median(s) / median(o)).toFixed(2)}x`,
      );
    }
  }

  if (SUITES.includes('badges')) {
    for (const latency of LATENCIES) {
      await server.setFaults({ latencyMs: latency });
      console.log(
        `\nBadges, backend latency ${latency} ms, median of ${RUNS} (min-max). Times in ms since navigation start.`,
      );
      console.log(
        'N    page            visit   all badges           1st API      API after code  requests  CPU ms               long tasks  CLS    heap MB',
      );
      for (const n of SIZES) {
        const results = [
          await measure('static', await url(`/static-${n}.html`, staticPage(n, texts))),
          await measure('floor', await url(`/floor-${n}.html`, floorPage(n))),
          await measure('omnishelf', await url(`/omni-${n}.html`, omnishelfPage(n)), {
            repeat: true,
          }),
        ];
        const floor = results[1];
        for (const r of results) {
          for (const [visitName, rows] of [
            ['first', r.first],
            ['repeat', r.again],
          ]) {
            if (rows.length === 0) continue;
            const col = (key, digits = 0) =>
              cell(
                rows.map((x) => x[key]),
                digits,
              );
            console.log(
              [
                String(n).padEnd(4),
                r.name.padEnd(15),
                visitName.padEnd(7),
                col('done').padEnd(20),
                cell(rows.map((x) => x.firstApi)).padEnd(12),
                cell(rows.map((x) => x.apiAfterCode)).padEnd(15),
                `${median(rows.map((x) => x.stores)) ?? 0}+${median(rows.map((x) => x.availability)) ?? 0}`.padEnd(
                  9,
                ),
                col('cpu').padEnd(20),
                fmt(median(rows.map((x) => x.longTasks))).padEnd(11),
                fmt(median(rows.map((x) => x.cls)), 3).padEnd(6),
                fmt(median(rows.map((x) => x.heap)), 1),
              ].join(' '),
            );
          }
        }
        const o = results[2].first;
        const time = median(o.map((x) => x.done)) / median(floor.first.map((x) => x.done));
        const cpu = median(o.map((x) => x.cpu)) / median(floor.first.map((x) => x.cpu));
        console.log(
          `     ratio to the floor, first visit: time ${time.toFixed(2)}x, CPU ${cpu.toFixed(2)}x`,
        );
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(profile, { recursive: true, force: true });
}
