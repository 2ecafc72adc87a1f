#!/usr/bin/env node
// End to end: the cross-device cart in two real browser contexts (two "devices": separate
// storage) against the demo backend over real HTTP, from a Vite dev server started here.
//
//   device A adds on the product page; a second tab of A follows live; A hands the cart off;
//   device B opens the link and claims it; both edit; both converge on the server's cart;
//   A goes offline, adds, reloads, comes back online: it syncs, and B sees it on focus.
//
// `npm test` runs it after the browser suite (`npm run test:e2e` alone). Prints one line per
// check and `e2e cart: N checks passed`; exits 1 on the first failure.
/* global document, window, location, Event -- used inside page.evaluate() */
import puppeteer from 'puppeteer-core';
import { createServer } from 'vite';
import { CHROME_ARGS, findChrome } from './find-chrome.mjs';

const TIMEOUT = 20_000;
let checks = 0;

function check(condition, what, detail) {
  if (!condition) {
    throw new Error(`${what}${detail === undefined ? '' : `: ${JSON.stringify(detail)}`}`);
  }
  checks++;
  console.log(`  ok ${checks} - ${what}`);
}

const server = await createServer({ logLevel: 'error', server: { port: 5392, strictPort: false } });
await server.listen();
const origin = server.resolvedUrls.local[0].replace(/\/$/, '');
const post = (path, body) =>
  fetch(`${origin}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
await post('/__omni/reset', {});
await post('/__omni/faults', { reset: true });

const browser = await puppeteer.launch({
  executablePath: findChrome(),
  args: CHROME_ARGS,
  headless: true,
});

/** The page's cart as the store sees it. */
const viewOf = (page) =>
  page.evaluate(async () => {
    const { cart } = await import('/src/loader.ts');
    const store = await cart();
    await store.ready;
    const { cartId, count, pending, status, lines } = store.view;
    return {
      cartId,
      count,
      pending,
      status,
      lines: lines.map((l) => `${l.sku}x${l.qty}`),
    };
  });

/** Waits until `test(view)` holds for the page's cart. */
async function waitForCart(page, test, what) {
  const start = Date.now();
  let view;
  while (Date.now() - start < TIMEOUT) {
    view = await viewOf(page);
    if (test(view)) return view;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`timed out waiting for ${what}: ${JSON.stringify(view)}`);
}

/** Presses the add-to-cart button of the `index`th add-to-cart on the page. */
async function addToCart(page, index = 0) {
  await page.waitForFunction(
    (i) => document.querySelectorAll('omni-add-to-cart')[i]?.shadowRoot?.querySelector('button'),
    { timeout: TIMEOUT, polling: 200 },
    index,
  );
  await page.evaluate(
    (i) =>
      document.querySelectorAll('omni-add-to-cart')[i].shadowRoot.querySelector('button').click(),
    index,
  );
}

const shownCount = (page) =>
  page.evaluate(
    () =>
      document
        .querySelector('omni-cart-button')
        ?.shadowRoot?.querySelector('[part~="count"]')
        ?.textContent?.trim() ?? '',
  );

/** The page regains focus: the cart reads the server's cart. */
const focus = (page) => page.evaluate(() => window.dispatchEvent(new Event('focus')));

async function serverCart(id) {
  const response = await fetch(`${origin}/api/omni/v1/carts/${encodeURIComponent(id)}`);
  const cart = await response.json();
  return cart.lines.map((l) => `${l.sku}x${l.qty}`);
}

const sorted = (lines) => [...lines].sort();

try {
  const deviceA = await browser.createBrowserContext();
  const deviceB = await browser.createBrowserContext();
  const a1 = await deviceA.newPage();
  const a2 = await deviceA.newPage();
  const b = await deviceB.newPage();
  for (const page of [a1, a2, b]) {
    page.on('pageerror', (error) => console.log(`  page error: ${error.message}`));
  }

  // Device A adds on the product page.
  await a1.goto(`${origin}/demo/?id=tshirt-organic&sku=TSHIRT-ORG-M&lang=en`);
  await addToCart(a1);
  let viewA = await waitForCart(a1, (v) => v.count === 1 && v.pending === 0, 'the first add');
  check(viewA.lines.join() === 'TSHIRT-ORG-Mx1', 'device A added a tee and synced', viewA);

  // A second tab follows live.
  await a2.goto(`${origin}/demo/listing.html?lang=en`);
  await waitForCart(a2, (v) => v.count === 1, 'the second tab to load the cart');
  await addToCart(a1);
  await a2.waitForFunction(
    () =>
      document
        .querySelector('omni-cart-button')
        ?.shadowRoot?.querySelector('[part~="count"]')
        ?.textContent?.trim() === '2',
    { timeout: TIMEOUT, polling: 200 },
  );
  check((await shownCount(a2)) === '2', 'the second tab of A followed without a reload');

  // A hands the cart off; B opens the link.
  viewA = await waitForCart(a1, (v) => v.pending === 0, 'A to sync');
  const url = await a1.evaluate(async () => {
    const { cart } = await import('/src/loader.ts');
    return (await (await cart()).createHandoff()).url;
  });
  check(new URL(url).searchParams.has('omni-cart-code'), 'A got a handoff link', url);
  await b.goto(url);
  let viewB = await waitForCart(b, (v) => v.cartId === viewA.cartId, 'B to claim the cart');
  check(
    sorted(viewB.lines).join() === sorted(viewA.lines).join(),
    'B claimed the same cart',
    viewB,
  );
  check(
    !(await b.evaluate(() => location.search.includes('omni-cart-code'))),
    'the code left the address',
  );
  await b.waitForFunction(() => document.querySelector('omni-cart-button')?.open === true, {
    timeout: TIMEOUT,
    polling: 200,
  });
  check(true, 'the drawer opened on B to show the result');

  // The code is single use.
  const c = await (await browser.createBrowserContext()).newPage();
  await c.goto(url);
  await c.waitForFunction(
    () => {
      const cart = document
        .querySelector('omni-cart-button')
        ?.shadowRoot?.querySelector('omni-cart');
      return cart?.shadowRoot?.textContent?.includes('expired or was already used');
    },
    { timeout: TIMEOUT, polling: 200 },
  );
  check(true, 'a third device is told the used code expired');

  // Both edit; both converge.
  await b.goto(`${origin}/demo/listing.html?lang=en`);
  await addToCart(b, 2);
  await addToCart(a1);
  await waitForCart(b, (v) => v.pending === 0, 'B to sync');
  await waitForCart(a1, (v) => v.pending === 0, 'A to sync');
  await focus(a1);
  await focus(b);
  viewA = await waitForCart(a1, (v) => v.count === 4, 'A to see B’s change');
  viewB = await waitForCart(b, (v) => v.count === 4, 'B to see A’s change');
  const truth = await serverCart(viewA.cartId);
  check(
    sorted(viewA.lines).join() === sorted(truth).join() &&
      sorted(viewB.lines).join() === sorted(truth).join(),
    'A and B converged on the server cart',
    { a: viewA.lines, b: viewB.lines, truth },
  );

  // Offline, reload, online.
  await post('/__omni/faults', { offline: true });
  await addToCart(a1);
  viewA = await waitForCart(a1, (v) => v.status === 'offline' && v.pending === 1, 'A offline');
  check(viewA.count === 5, 'A shows the change at once while offline', viewA);
  await a1.reload();
  viewA = await waitForCart(a1, (v) => v.pending === 1, 'the change to survive the reload');
  check(viewA.count === 5, 'the pending change survived the reload', viewA);
  await post('/__omni/faults', { offline: false });
  await a1.evaluate(() => window.dispatchEvent(new Event('online')));
  viewA = await waitForCart(a1, (v) => v.pending === 0 && v.status === 'synced', 'A to sync');
  await focus(b);
  viewB = await waitForCart(b, (v) => v.count === 5, 'B to see the offline change');
  const final = await serverCart(viewA.cartId);
  check(
    sorted(final).join() === sorted(viewA.lines).join() &&
      sorted(final).join() === sorted(viewB.lines).join(),
    'back online: synced once, and B follows',
    { final, a: viewA.lines, b: viewB.lines },
  );
  console.log(`e2e cart: ${checks} checks passed`);
  // The test runner's summary shape, so that .ci/run counts these checks too.
  console.log(
    `Cart e2e two browsers: |${'█'.repeat(30)}| ${checks}/${checks} | ${checks} passed, 0 failed`,
  );
} catch (error) {
  console.error(`e2e cart: FAILED after ${checks} checks: ${error.message}`);
  process.exitCode = 1;
} finally {
  await browser.close();
  await server.close();
}
