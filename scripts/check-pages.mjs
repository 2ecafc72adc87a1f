// Checks on real pages of the built files that the test runner cannot make: response headers
// (a strict Content Security Policy with Trusted Types), the loader as a merchant pastes it, and
// layout shifts while widgets load. Served by a plain static server over dist/ with the demo
// backend; run by `npm test` after the browser suites (build first). Prints one line per check
// and a summary line in the test runner's format, which .ci/run adds up.
/* global document, window, getComputedStyle, PerformanceObserver -- used inside page.evaluate() */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { createServer as createViteServer } from 'vite';
import { CHROME_ARGS, findChrome } from './find-chrome.mjs';
import { serveDist } from './lib/serve-dist.mjs';
import { createChecks } from './lib/checks.mjs';

const CONFIG = JSON.stringify({
  apiBase: '/api/omni/v1',
  locale: 'en',
  defaultLocation: { postalCode: '00100', country: 'KE' },
});
const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; " +
  "require-trusted-types-for 'script'; trusted-types lit-html";

const pages = {
  // Two script tags of the loader (another URL for the second: it really runs twice).
  '/strict.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>strict</title>
<link rel="icon" href="data:,"><link rel="stylesheet" href="/dist/omnishelf.css">
<script type="application/json" id="omnishelf-config">${CONFIG}</script>
<script type="module" src="/dist/omnishelf.js"></script>
<script type="module" src="/dist/omnishelf.js?second-copy"></script></head>
<body><omni-stock-checker sku="TSHIRT-ORG-M"></omni-stock-checker>
<omni-stock-checker variant="badge" sku="HOODIE-GRY-M"></omni-stock-checker></body></html>`,
  // The stylesheet alone (no script): the space it reserves before the elements upgrade.
  '/reserve.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>reserve</title>
<link rel="icon" href="data:,"><link rel="stylesheet" href="/dist/omnishelf.css"></head>
<body style="font-size:16px"><omni-stock-checker id="badge" variant="badge" sku="A"></omni-stock-checker>
<omni-stock-checker id="full" sku="A"></omni-stock-checker><omni-provider id="provider"></omni-provider></body></html>`,
  // The same under a policy that does not name lit-html: the console says what to change.
  '/no-policy.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>no policy</title>
<link rel="icon" href="data:,"><link rel="stylesheet" href="/dist/omnishelf.css">
<script type="application/json" id="omnishelf-config">${CONFIG}</script>
<script type="module" src="/dist/omnishelf.js"></script></head>
<body><omni-stock-checker variant="badge" sku="TSHIRT-ORG-M"></omni-stock-checker></body></html>`,
  // A provider after a widget: its chunk arrives after the widget's, so it takes over a widget
  // the page already serves (that once recursed until the stack overflowed).
  '/late-provider.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>late</title>
<link rel="icon" href="data:,"><link rel="stylesheet" href="/dist/omnishelf.css">
<script type="application/json" id="omnishelf-config">${CONFIG}</script>
<script type="module" src="/dist/omnishelf.js"></script></head>
<body><omni-stock-checker id="page" sku="TSHIRT-ORG-M"></omni-stock-checker>
<omni-provider currency="NOK"><omni-stock-checker id="inner" sku="TSHIRT-ORG-M"></omni-stock-checker></omni-provider></body></html>`,
};

// The same small elements twice per language, once with the stylesheet alone (the space it
// reserves) and once upgraded with an answer: each box must be the same. The full add to cart
// sits in the column of a 320 px phone (18rem), where its button label fits on one line.
const LOCALES = ['en', 'ar', 'sw', 'fil', 'nb', 'lt'];
const BOXES = [
  'line',
  'count',
  'button',
  'after',
  'text-line',
  'inline-button',
  'add',
  'add-full',
  'badge',
];
const boxesBody = `<body style="font:16px/1.5 system-ui,sans-serif;margin:8px">
<p id="line"><a href="#">Cart <omni-cart-count id="count"></omni-cart-count></a> and more text</p>
<div style="display:flex"><omni-cart-button id="button"></omni-cart-button><span id="after">x</span></div>
<p id="text-line">In a line of text: <omni-cart-button id="inline-button"></omni-cart-button> and more</p>
<div style="inline-size:10rem"><omni-add-to-cart id="add" variant="compact" sku="TSHIRT-ORG-M"
  item-title="Tee" price="19.90"></omni-add-to-cart></div>
<div style="inline-size:18rem"><omni-add-to-cart id="add-full" sku="TSHIRT-ORG-M"
  item-title="Tee" price="19.90"></omni-add-to-cart></div>
<omni-stock-checker id="badge" variant="badge" sku="TSHIRT-ORG-M"></omni-stock-checker></body></html>`;
for (const locale of LOCALES) {
  const head = `<!doctype html><html lang="${locale}" dir="${locale === 'ar' ? 'rtl' : 'ltr'}">
<head><meta charset="utf-8"><title>boxes</title><link rel="icon" href="data:,">
<link rel="stylesheet" href="/dist/omnishelf.css">`;
  const config = JSON.stringify({ ...JSON.parse(CONFIG), locale: 'auto', currency: 'EUR' });
  pages[`/boxes-css-${locale}.html`] = `${head}</head>${boxesBody}`;
  pages[`/boxes-${locale}.html`] = `${head}
<script type="application/json" id="omnishelf-config">${config}</script>
<script type="module" src="/dist/omnishelf.js"></script></head>${boxesBody}`;
}

// The tall widgets the same way, at a phone's and a laptop's width: each keeps the height
// omnishelf.css reserved, through its placeholder and its answer (until the shopper interacts).
const TALL = ['pickup', 'compact', 'shipping', 'subtotal'];
const tallBody = `<body style="font:16px/1.5 system-ui,sans-serif;margin:8px">
<omni-pickup-selector id="pickup" sku="TSHIRT-ORG-M"></omni-pickup-selector>
<omni-pickup-selector id="compact" variant="compact" sku="TSHIRT-ORG-M"></omni-pickup-selector>
<omni-shipping-estimator id="shipping" sku="TSHIRT-ORG-M"></omni-shipping-estimator>
<omni-shipping-estimator id="subtotal" sku="TSHIRT-ORG-M" subtotal="20"></omni-shipping-estimator>
<p id="after">x</p>
<script>
  // Every height each element takes, from the first frame on.
  window.__heights = {};
  const heights = new ResizeObserver((entries) => {
    for (const { target } of entries) {
      const seen = (window.__heights[target.id] ??= []);
      const height = Math.round(target.getBoundingClientRect().height * 2) / 2;
      if (!seen.includes(height)) seen.push(height);
    }
  });
  for (const id of ${JSON.stringify(TALL)}) heights.observe(document.getElementById(id));
</script></body></html>`;
for (const locale of LOCALES) {
  const head = `<!doctype html><html lang="${locale}" dir="${locale === 'ar' ? 'rtl' : 'ltr'}">
<head><meta charset="utf-8"><title>tall</title><link rel="icon" href="data:,">
<link rel="stylesheet" href="/dist/omnishelf.css">`;
  const config = JSON.stringify({ ...JSON.parse(CONFIG), locale: 'auto', currency: 'EUR' });
  pages[`/tall-css-${locale}.html`] = `${head}</head>${tallBody}`;
  pages[`/tall-${locale}.html`] = `${head}
<script type="application/json" id="omnishelf-config">${config}</script>
<script type="module" src="/dist/omnishelf.js"></script></head>${tallBody}`;
}

/**
 * Loads `url` `visits` times in a fresh context at `width` x 800 and returns the cumulative layout
 * shift after each visit, once every Omnishelf widget on it has its answer.
 */
async function layoutShifts(url, width, visits) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport({ width, height: 800 });
  await page.evaluateOnNewDocument(() => {
    window.__cls = 0;
    window.__shifted = [];
    const describe = (node) =>
      !node
        ? '?'
        : node.nodeType === 1
          ? `${node.localName}${node.id ? `#${node.id}` : ''}${node.className && typeof node.className === 'string' ? `.${node.className.trim().split(/\s+/).join('.')}` : ''}`
          : `${node.nodeName} in ${describe(node.parentElement)}`;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (entry.hadRecentInput) continue;
        window.__cls += entry.value;
        for (const source of entry.sources ?? []) {
          const from = source.previousRect;
          const to = source.currentRect;
          window.__shifted.push(
            `${describe(source.node)} at ${Math.round(entry.startTime)} ms: ` +
              `${from.x},${from.y} ${from.width}x${from.height} -> ${to.x},${to.y} ${to.width}x${to.height}`,
          );
        }
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  const shifts = [];
  try {
    for (let visit = 0; visit < visits; visit++) {
      await page.goto(url, { waitUntil: 'load', timeout: 60000 });
      await page.waitForFunction(
        () => {
          const widgets = [...document.querySelectorAll('omni-stock-checker')];
          return (
            widgets.length > 0 &&
            widgets.every((el) => el.matches(':defined') && !el.matches(':state(loading)'))
          );
        },
        { timeout: 60000 },
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      const { cls, shifted } = await page.evaluate(() => ({
        cls: window.__cls,
        shifted: window.__shifted,
      }));
      shifts.push(cls);
      // What moved, so that a failure says where to look.
      if (cls > 0)
        console.log(`      moved on ${url} at ${width} px:\n        ${shifted.join('\n        ')}`);
    }
  } finally {
    await context.close();
  }
  return shifts;
}

const { check, assert, finish } = createChecks('Real pages');

const server = await serveDist({
  pages,
  headers: (path) =>
    path === '/strict.html'
      ? { 'Content-Security-Policy': STRICT_CSP }
      : path === '/no-policy.html'
        ? {
            'Content-Security-Policy': STRICT_CSP.replace(
              'trusted-types lit-html',
              'trusted-types other',
            ),
          }
        : {},
});
const profile = mkdtempSync(join(tmpdir(), 'omnishelf-pages-'));
const browser = await puppeteer.launch({
  executablePath: findChrome(),
  args: CHROME_ARGS,
  headless: true,
  userDataDir: profile,
});

console.log('\nReal pages of dist/ (scripts/check-pages.mjs)');
try {
  await check(
    'loaded twice under a strict CSP with Trusted Types: no error, one warning naming both copies, widgets render',
    async () => {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      const errors = [];
      const warnings = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
        if (message.type() === 'warn') warnings.push(message.text());
      });
      await page.goto(`${server.origin}/strict.html`, { waitUntil: 'load' });
      await page.waitForFunction(
        () =>
          [...document.querySelectorAll('omni-stock-checker')].every((el) =>
            el.shadowRoot?.querySelector(
              '[part~="badge"].status--in_stock, [part~="badge"].status--low_stock, [part~="badge"].status--out_of_stock, [part~="list"]:not([aria-hidden])',
            ),
          ),
        { timeout: 15000 },
      );
      assert(errors.length === 0, `errors: ${errors.join(' | ')}`);
      const twice = warnings.filter((w) => w.includes('is already loaded'));
      assert(twice.length === 1, `expected one "already loaded" warning, got ${twice.length}`);
      assert(
        /Omnishelf \d+\.\d+\.\d+/.test(twice[0]) && twice[0].includes('second-copy'),
        twice[0],
      );
      await context.close();
    },
  );

  await check(
    'under a Content Security Policy without trusted-types lit-html, the console names the fix',
    async () => {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      const errors = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      await page.goto(`${server.origin}/no-policy.html`, { waitUntil: 'load' });
      await page.waitForNetworkIdle({ idleTime: 300, timeout: 15000 });
      await context.close();
      assert(
        errors.some(
          (e) => e.includes('[omnishelf]') && e.includes('add lit-html to its trusted-types'),
        ),
        `console errors: ${errors.join(' | ')}`,
      );
    },
  );

  await check(
    'a provider placed after a widget takes over the widgets inside it, with no error',
    async () => {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      await page.goto(`${server.origin}/late-provider.html`, { waitUntil: 'load' });
      await page.waitForFunction(
        () =>
          ['page', 'inner'].every((id) => {
            const el = document.getElementById(id);
            return el.matches(':defined') && !el.matches(':state(loading)');
          }),
        { timeout: 30000 },
      );
      const currencies = await page.evaluate(() =>
        ['page', 'inner'].map((id) => document.getElementById(id).config?.currency),
      );
      await context.close();
      assert(errors.length === 0, `errors: ${[...new Set(errors)].slice(0, 3).join(' | ')}`);
      assert(
        currencies[0] !== 'NOK' && currencies[1] === 'NOK',
        `currencies (page, inner): ${currencies.join(', ')}`,
      );
    },
  );

  await check(
    'omnishelf.css reserves the space of elements that have not upgraded yet',
    async () => {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      await page.goto(`${server.origin}/reserve.html`, { waitUntil: 'load' });
      const sizes = await page.evaluate(() => ({
        badge: document.getElementById('badge').getBoundingClientRect().height,
        full: document.getElementById('full').getBoundingClientRect().height,
        provider: getComputedStyle(document.getElementById('provider')).display,
      }));
      // Two lines of 16px x 1.5 for a badge; the full view's first rows and gaps for a checker.
      assert(sizes.badge === 48, `badge reserves ${sizes.badge}px, expected 48`);
      assert(sizes.full >= 72, `full checker reserves ${sizes.full}px, expected at least 72`);
      assert(sizes.provider === 'contents', `provider is ${sizes.provider}`);
      await context.close();
    },
  );
  // The space reserved for the small elements is the space they take, in every language.
  await check(
    'omnishelf.css reserves exactly the box of the cart count, cart button, add to cart (compact and full) and badge, in every language',
    async () => {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      await page.setViewport({ width: 390, height: 800 });
      const boxes = () =>
        page.evaluate(
          (ids) =>
            ids.map((id) => {
              const r = document.getElementById(id).getBoundingClientRect();
              return [
                id,
                [r.x, r.y, r.width, r.height].map((n) => Math.round(n * 2) / 2).join(' '),
              ];
            }),
          BOXES,
        );
      const moved = [];
      for (const locale of LOCALES) {
        await page.goto(`${server.origin}/boxes-css-${locale}.html`, { waitUntil: 'load' });
        const reserved = await boxes();
        await page.goto(`${server.origin}/boxes-${locale}.html`, { waitUntil: 'load' });
        await page.waitForFunction(
          () =>
            !document.querySelector(':not(:defined)') &&
            !document.getElementById('badge').matches(':state(loading)') &&
            document.getElementById('add').shadowRoot?.querySelector('[part~="button"]') &&
            // The full variant: pickup offered once the nearest store that has the item is known.
            document
              .getElementById('add-full')
              .shadowRoot?.querySelectorAll('input[type="radio"]:not(:disabled)').length === 2,
          { timeout: 30000 },
        );
        await new Promise((resolve) => setTimeout(resolve, 300));
        const upgraded = await boxes();
        reserved.forEach(([id, box], i) => {
          if (box !== upgraded[i][1]) moved.push(`${locale} #${id}: ${box} -> ${upgraded[i][1]}`);
        });
      }
      await context.close();
      assert(moved.length === 0, `reserved (x y width height) -> upgraded:\n${moved.join('\n')}`);
    },
  );

  // The tall widgets: the height reserved is the height of the placeholder and of the usual
  // answer (which fills it: the height hold is not what makes it so), in every language.
  await check(
    'omnishelf.css reserves exactly the box of the pickup selector (full and compact) and the shipping estimator, loading and answered, in every language at 390 and 1280 px',
    async () => {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      const boxes = () =>
        page.evaluate(
          (ids) =>
            ids.map((id) => {
              const el = document.getElementById(id);
              const r = el.getBoundingClientRect();
              const base = el.shadowRoot?.querySelector('[part~="base"]');
              return [
                id,
                [r.x, r.y, r.width, r.height].map((n) => Math.round(n * 2) / 2).join(' '),
                base ? Math.round(base.getBoundingClientRect().height * 2) / 2 : undefined,
              ];
            }),
          TALL,
        );
      const wrong = [];
      try {
        for (const width of [390, 1280]) {
          await page.setViewport({ width, height: 800 });
          for (const locale of LOCALES) {
            const at = `${width} px ${locale}`;
            await page.goto(`${server.origin}/tall-css-${locale}.html`, { waitUntil: 'load' });
            const reserved = await boxes();
            await page.goto(`${server.origin}/tall-${locale}.html`, { waitUntil: 'load' });
            await page.waitForFunction(
              (ids) =>
                ids.every((id) => {
                  const el = document.getElementById(id);
                  return el.matches(':defined') && !el.matches(':state(loading)');
                }),
              { timeout: 30000 },
              TALL,
            );
            await new Promise((resolve) => setTimeout(resolve, 300));
            const upgraded = await boxes();
            const heights = await page.evaluate(() => window.__heights);
            reserved.forEach(([id, box], i) => {
              const [, after, content] = upgraded[i];
              const height = Number(box.split(' ')[3]);
              if (box !== after) wrong.push(`${at} #${id}: reserved ${box}, upgraded ${after}`);
              if (content !== height)
                wrong.push(`${at} #${id}: ${height} px, its answer ${content}`);
              const other = heights[id].filter((h) => h !== height);
              if (other.length) wrong.push(`${at} #${id}: ${height} px, also ${other.join(', ')}`);
            });
          }
        }
      } finally {
        await context.close();
      }
      assert(
        wrong.length === 0,
        `reserved (x y width height) -> upgraded; heights seen while loading:\n${wrong.join('\n')}`,
      );
    },
  );

  // Nothing moves while widgets load: CLS 0 on the merchant's snippet page (built files), at a
  // phone's and a laptop's width, on a first and a repeat visit, with a slow backend.
  await server.setFaults({ latencyMs: 300 });
  for (const width of [390, 1280]) {
    await check(
      `the merchant snippet page does not move while widgets load (CLS 0 at ${width} px)`,
      async () => {
        for (const cls of await layoutShifts(`${server.origin}/demo/merchant.html`, width, 2)) {
          assert(cls === 0, `CLS ${cls.toFixed(4)} (first visit, then repeat)`);
        }
      },
    );
  }
  await server.setFaults({ reset: true });

  // The demo storefront too (it writes its pages from data, through the dev server).
  const vite = await createViteServer({
    logLevel: 'error',
    server: { port: 0, strictPort: false },
  });
  await vite.listen();
  const demo = vite.resolvedUrls.local[0].replace(/\/$/, '');
  try {
    await fetch(`${demo}/__omni/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ latencyMs: 300 }),
    });
    for (const path of ['/demo/', '/demo/listing.html']) {
      for (const width of [390, 1280]) {
        await check(
          `the demo page ${path} does not move while it loads (CLS 0 at ${width} px)`,
          async () => {
            const [cls] = await layoutShifts(`${demo}${path}`, width, 1);
            assert(cls === 0, `CLS ${cls.toFixed(4)}`);
          },
        );
      }
    }
  } finally {
    await vite.close();
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(profile, { recursive: true, force: true });
}

finish();
