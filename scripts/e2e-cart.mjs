#!/usr/bin/env node
// End to end: the cross-device cart in two real browser contexts (two "devices": separate
// storage) against the demo backend over real HTTP, from a Vite dev server started here.
//
//   device A adds on the product page; a second tab of A follows live; A hands the cart off;
//   device B opens the link and claims it; both edit; both converge on the server's cart;
//   A goes offline, adds, reloads, comes back online: it syncs, and B sees it on focus.
//   A new shopper holds a pickup time on the product page, adds to cart (which follows the
//   pickup), sees a hoodie that cannot be delivered offered for pickup, and checks the cart out:
//   the same reservation, the lines with quantity and price, a readable confirmation.
//
// `npm test` runs it after the browser suite (`npm run test:e2e` alone). Prints one line per
// check and `e2e cart: N checks passed`; exits 1 on the first failure.
/* global document, window, location, Event, URLSearchParams -- used inside page.evaluate() and here */
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

  // A new shopper picks up: the time held on the product page is the one the checkout places.
  const d = await (await browser.createBrowserContext()).newPage();
  d.on('pageerror', (error) => console.log(`  page error: ${error.message}`));
  await d.goto(`${origin}/demo/?id=tshirt-organic&sku=TSHIRT-ORG-M&lang=en`);
  const inPickup = (fn, ...args) =>
    d.waitForFunction(fn, { timeout: TIMEOUT, polling: 200 }, ...args);
  await inPickup(() =>
    [...(document.querySelector('#pickup')?.shadowRoot?.querySelectorAll('.name') ?? [])].some(
      (n) => n.textContent.trim() === 'Westlands',
    ),
  );
  await d.evaluate(() =>
    [...document.querySelector('#pickup').shadowRoot.querySelectorAll('[part~="item"]')]
      .find((item) => item.querySelector('.name').textContent.trim() === 'Westlands')
      .querySelector('input')
      .click(),
  );
  await inPickup(() =>
    document.querySelector('#pickup').shadowRoot.querySelector('input[name="slot"]:not(:disabled)'),
  );
  await d.evaluate(() =>
    document
      .querySelector('#pickup')
      .shadowRoot.querySelector('input[name="slot"]:not(:disabled)')
      .click(),
  );
  await inPickup(() => document.querySelector('#pickup').value.includes('reservation='));
  const held = new URLSearchParams(await d.evaluate(() => document.querySelector('#pickup').value));
  check(
    held.get('store') === 'ke-nbo-westlands',
    'D held a pickup time at Westlands',
    held.toString(),
  );

  // "Add to cart" follows: pickup at Westlands, and the cart line says so.
  await inPickup(() => {
    const radios = document.querySelector('#add-to-cart').shadowRoot.querySelectorAll('input');
    return radios[1]?.checked && radios[1].parentElement.textContent.includes('Westlands');
  });
  await addToCart(d);
  const way = await d.evaluate(async () => {
    const { cart } = await import('/src/loader.ts');
    const store = await cart();
    await store.ready;
    return store.view.lines.map((l) => `${l.sku}:${l.fulfillment.type}:${l.fulfillment.storeId}`);
  });
  check(
    way.join() === 'TSHIRT-ORG-M:pickup:ke-nbo-westlands',
    'add to cart followed the pickup chosen on the page',
    way,
  );

  // An item that cannot be delivered but is on a nearby shelf is added for pickup, by name.
  await d.goto(`${origin}/demo/listing.html?lang=en`);
  const hoodie = await d.waitForFunction(
    () => {
      const tile = [...document.querySelectorAll('.tile')].find((t) =>
        t.textContent.includes('Brushed Fleece Hoodie'),
      );
      const button = tile?.querySelector('omni-add-to-cart')?.shadowRoot?.querySelector('button');
      const text = button?.textContent.replace(/[\u2066-\u2069]/g, '').trim() ?? '';
      return text.startsWith('Add for pickup at') &&
        button.getAttribute('aria-disabled') === 'false'
        ? text
        : false;
    },
    { timeout: TIMEOUT, polling: 200 },
  );
  check(true, `the listing's hoodie can be had: "${await hoodie.jsonValue()}"`);

  // The cart's checkout: the same hold, each line with its quantity and price, then the order.
  await d.goto(`${origin}/demo/`);
  const viewD = await waitForCart(d, (v) => v.pending === 0 && v.cartId, 'D to sync');
  await d.goto(`${origin}/demo/checkout.html?cart=${encodeURIComponent(viewD.cartId)}&lang=en`);
  await d.waitForFunction(
    (id) => document.querySelector('#pickup')?.value?.includes(`reservation=${id}`),
    { timeout: TIMEOUT, polling: 200 },
    held.get('reservation'),
  );
  check(true, 'the checkout took the held time over: the same reservation');
  const order = await d.evaluate(() =>
    document.querySelector('.order').textContent.replace(/\s+/g, ' '),
  );
  check(
    order.includes('Qty 1 × €19.90') && /Total\s*€19\.90/.test(order),
    'the checkout lists quantity, price and total',
    order,
  );
  await d.type('input[name="name"]', 'Amina');
  await Promise.all([d.waitForNavigation({ waitUntil: 'load' }), d.click('#place')]);
  await d.waitForFunction(
    () => document.querySelector('#summary')?.textContent.includes('Westlands'),
    {
      timeout: TIMEOUT,
      polling: 200,
    },
  );
  const done = await d.evaluate(() => ({
    title: document.querySelector('h1').textContent,
    summary: document.querySelector('#summary').innerText,
    main: document.querySelector('main').textContent,
  }));
  check(
    done.title === 'Order placed' &&
      /Time\s+\w+day, \w+ \d+, \d+:\d\d/.test(done.summary) &&
      !done.main.includes('Submitted value') &&
      !done.main.includes('reservation='),
    'the confirmation reads: "Order placed", the store, the time, no raw form value',
    done.summary,
  );
  const kept = await fetch(
    `${origin}/api/omni/v1/pickup/reservations/${encodeURIComponent(held.get('reservation'))}`,
    { method: 'DELETE' },
  );
  check(kept.status === 204, 'the order still holds the reservation', kept.status);

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
