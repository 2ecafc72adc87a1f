// Exercises every fenced snippet of README.md, in order, against the built files (run
// `npm run build:bundle` first) and the demo backend, both served by scripts/lib/serve-dist.mjs,
// in headless Chromium. `npm test` runs it after check-pages. One line per check, then a summary
// line in the test runner's shape, which .ci/run adds up; exits 1 when a check fails.
//
// How each kind of snippet is checked:
// - html: served as a real page. A snippet with its own loader script tag is the whole page; any
//   other is a fragment, placed in a page that gets the install snippet's stylesheet, loader and
//   (unless the fragment has its own) configuration block, as "Install on your site" sets a page
//   up. Every omni-* element must upgrade and render (not loading, not in error), the widgets must
//   speak the language the page asks for, and nothing may throw, log an error or an [omnishelf]
//   warning; a snippet with the loader must also link omnishelf.css. Layout shifts are printed,
//   not asserted (check-pages asserts the boxes omnishelf.css promises). Its JSON configuration
//   block is checked as json (below).
// - js: runs as a module at the end of the page of the html snippet before it, after the loader.
//   It must finish without throwing. Names the README leaves to the reader (`myShadowRoot`,
//   `myBackendClient`, `savedCartId`, `rulesFromMyBackend`) are given by FIXTURES, which also say
//   what must then be true. Every omni-* event listener it adds must be called (TRIGGERS bring
//   about the events no page sends by itself) and must not throw. A snippet marked `node` is
//   server code: bundled with the package's entries resolved to their sources, run by Node.
// - ts, tsx: type-checked by scripts/pack-check.mjs, which takes those of "Install with npm";
//   here, each must be in that section.
// - css: parsed by Chromium with every rule and declaration kept as written; then, on the page of
//   the html snippet before it, each rule must match an element (custom states brought about by
//   STATES) and each declaration must change what is drawn; the custom properties, parts and
//   states it names must be documented for that element in docs/elements.md.
// - json: a configuration the configuration reader takes whole (no "ignored configuration"); a
//   snippet marked `editor settings` is VS Code settings, whose files must be in the package.
// - http: response headers. CORS headers are sent, by a proxy on another origin in front of the
//   demo backend, to the install page pointed at it: stock and cart must work (and must fail
//   with the Access-Control-Allow-Origin header alone, so the check can fail). A
//   Content-Security-Policy is sent with a page of every widget, which must work under it.
// - sh: exempt (commands that developers and CI run), listed but not counted.
//
// Rewrites, the only ones: the README hosts dist/ at /omnishelf/, served here from /dist/;
// https://shop.example, the README's shop, is the test page's origin; for the CORS check the
// install page's apiBase points at the proxy.
//
// A marker on the line before a fence says more about a fragment: `<!-- readme-check: adds
// <html> -->` (elements added to its page), `<!-- readme-check: node -->`, `<!-- readme-check:
// editor settings -->`. The README must hold at least EXPECTED snippets of each kind, and a kind
// not listed there fails.
/* global document, window, getComputedStyle, requestAnimationFrame, CSSStyleSheet, CSSStyleRule, PerformanceObserver, EventTarget -- used inside page.evaluate() */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import * as esbuild from 'esbuild';
import puppeteer from 'puppeteer-core';
import { CHROME_ARGS, findChrome } from './find-chrome.mjs';
import { serveDist } from './lib/serve-dist.mjs';
import { createChecks } from './lib/checks.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** At least this many snippets of each kind (a README that loses some fails). */
const EXPECTED = { html: 7, js: 7, css: 2, json: 1, ts: 2, tsx: 1, http: 2, sh: 5 };
const EXEMPT = { sh: 'commands developers and CI run' };
/** Where the README hosts dist/, and its example shop. */
const HOSTED = '/omnishelf/';
const SHOP = 'https://shop.example';
const TIMEOUT = 30_000;

// ---- the README's snippets ----------------------------------------------------------------------

/** Every fenced block: line, language, code, section, and the marker on the line before it. */
function parseSnippets(text) {
  const lines = text.split('\n');
  const out = [];
  let h2 = '';
  let h3 = '';
  for (let i = 0; i < lines.length; i++) {
    const heading = /^(##|###) (.*)$/.exec(lines[i]);
    if (heading) {
      if (heading[1] === '##') [h2, h3] = [heading[2], ''];
      else h3 = heading[2];
      continue;
    }
    const fence = /^```(\S*)\s*$/.exec(lines[i]);
    if (!fence) continue;
    let end = i + 1;
    while (end < lines.length && !/^```\s*$/.test(lines[end])) end++;
    if (end >= lines.length) throw new Error(`README.md:${i + 1}: the fence is never closed`);
    let above = i - 1;
    while (above >= 0 && lines[above].trim() === '') above--;
    const marker = /^<!--\s*readme-check:\s*(.*?)\s*-->$/.exec(lines[above]?.trim() ?? '')?.[1];
    out.push({
      line: i + 1,
      lang: fence[1],
      code: `${lines.slice(i + 1, end).join('\n')}\n`,
      section: (h3 ? `${h2} › ${h3}` : h2).replace(/`/g, ''),
      marker: marker ?? '',
    });
    i = end;
  }
  return out;
}

const snippets = parseSnippets(readme);
const local = (code) => code.replaceAll(HOSTED, '/dist/');
const addsOf = (snippet) => /(?:^|;\s*)adds (.*?)(?:;|$)/.exec(snippet.marker)?.[1] ?? '';

const CSS_LINK = /<link[^>]*href="[^"]*omnishelf\.css"[^>]*>/;
const CONFIG_BLOCK = /<script type="application\/json" id="omnishelf-config">([\s\S]*?)<\/script>/;
const LOADER = /<script type="module" src="[^"]*omnishelf\.js"><\/script>/;

const install = snippets.find((s) => s.lang === 'html' && LOADER.test(s.code));
if (!install) throw new Error('README.md has no html snippet with the loader script tag');
const preamble = {
  css: local(CSS_LINK.exec(install.code)?.[0] ?? ''),
  config: CONFIG_BLOCK.exec(install.code)?.[0] ?? '',
  loader: local(LOADER.exec(install.code)[0]),
};

/** The page an html snippet stands for (see the top of this file), with `adds` in its body. */
function pageOf(html, adds = '', title = 'README') {
  const own = LOADER.test(html);
  const head = [
    '<meta charset="utf-8" />',
    `<title>${title}</title>`,
    ...(own ? [] : [preamble.css, CONFIG_BLOCK.test(html) ? '' : preamble.config, preamble.loader]),
  ].join('\n');
  const code = local(html);
  if (/<html[\s>]/i.test(code)) {
    return `<!doctype html>\n${code
      .replace(/<html[^>]*>/i, (tag) => `${tag}\n<head>\n${head}\n</head>`)
      .replace(/<\/html>/i, `<body>\n${adds}\n</body>\n</html>`)}`;
  }
  return `<!doctype html>\n<html lang="en">\n<head>\n${head}\n</head>\n<body>\n${code}\n${adds}\n</body>\n</html>\n`;
}

/** The language the widgets must speak on `html`: its configured locale, else `<html lang>`. */
const SUPPORTED = (() => {
  const localize = JSON.parse(readFileSync(join(root, 'lit-localize.json'), 'utf8'));
  return [localize.sourceLocale, ...localize.targetLocales];
})();
const ALIASES = Object.fromEntries(
  [
    ...(
      /const ALIASES[^=]*=\s*\{([^}]*)\}/.exec(
        readFileSync(join(root, 'src/loader.ts'), 'utf8'),
      )?.[1] ?? ''
    ).matchAll(/(\w+):\s*'(\w+)'/g),
  ].map((m) => [m[1], m[2]]),
);
function expectedLocale(html) {
  let locale;
  try {
    locale = JSON.parse(CONFIG_BLOCK.exec(html)?.[1] ?? '{}').locale;
  } catch {
    locale = undefined;
  }
  const tag =
    typeof locale === 'string' && locale !== 'auto'
      ? locale
      : (/<html[^>]*\slang="([^"]*)"/i.exec(html)?.[1] ?? 'en-US');
  const primary = tag.toLowerCase().split(/[-_]/)[0];
  const match = ALIASES[primary] ?? primary;
  return SUPPORTED.includes(match) ? match : 'en';
}

// ---- results ----------------------------------------------------------------------------------

const { check, assert, finish } = createChecks('README snippets');
const where = (s) => `README.md:${s.line} ${s.lang} (${s.section})`;

// ---- the browser and the pages ----------------------------------------------------------------

const pages = {};
const pageHeaders = {};
const server = await serveDist({ pages, headers: (path) => pageHeaders[path] ?? {} });
const profile = mkdtempSync(join(tmpdir(), 'omnishelf-readme-'));
/** Bundles run by Node: the configuration reader, server snippets. */
const scratch = mkdtempSync(join(tmpdir(), 'omnishelf-readme-node-'));
const browser = await puppeteer.launch({
  executablePath: findChrome(),
  args: CHROME_ARGS,
  headless: true,
  userDataDir: profile,
});

/** Before any script of a page: layout shifts, omni-* listeners, and the Omnishelf elements. */
function instrument() {
  window.__cls = 0;
  window.__shifted = [];
  const describe = (node) =>
    node?.nodeType === 1
      ? `${node.localName}${node.id ? `#${node.id}` : ''}`
      : `${node?.nodeName ?? '?'} in ${node?.parentElement?.localName ?? '?'}`;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue;
      window.__cls += entry.value;
      for (const { node, previousRect: a, currentRect: b } of entry.sources ?? []) {
        window.__shifted.push(
          `${describe(node)} at ${Math.round(entry.startTime)} ms: ${a.x},${a.y} ${a.width}x${a.height} -> ${b.x},${b.y} ${b.width}x${b.height}`,
        );
      }
    }
  }).observe({ type: 'layout-shift', buffered: true });
  // Each omni-* listener the page adds: how often it ran and what it threw (thrown on as well).
  window.__listeners = {};
  const add = EventTarget.prototype.addEventListener;
  EventTarget.prototype.addEventListener = function (type, listener, options) {
    if (typeof type === 'string' && type.startsWith('omni-') && typeof listener === 'function') {
      const record = (window.__listeners[type] ??= { calls: 0, errors: [] });
      const wrapped = function (...args) {
        record.calls++;
        try {
          return listener.apply(this, args);
        } catch (error) {
          record.errors.push(String(error?.stack ?? error));
          throw error;
        }
      };
      return add.call(this, type, wrapped, options);
    }
    return add.call(this, type, listener, options);
  };
  // The Omnishelf elements of the document and of the page's own shadow roots.
  window.__omni = () => {
    const found = [];
    const walk = (rootNode) => {
      for (const el of rootNode.querySelectorAll('*')) {
        if (el.localName.startsWith('omni-')) found.push(el);
        else if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    return found;
  };
}

/**
 * Opens `path` in a fresh context and collects what went wrong: uncaught exceptions, console
 * errors and [omnishelf] warnings. `allow` filters messages a check expects.
 */
async function open(path, { allow = () => false } = {}) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
  const problems = [];
  page.on('pageerror', (error) => {
    const at = /^\s*at .*$/m.exec(error.stack ?? '')?.[0].trim();
    problems.push(`uncaught: ${error.message}${at ? ` (${at})` : ''}`);
  });
  page.on('console', (message) => {
    const text = message.text();
    const url = message.location()?.url ?? '';
    if (allow(text)) return;
    if (message.type() === 'error' && !url.endsWith('/favicon.ico'))
      problems.push(`console.error: ${text}${url ? ` (${url})` : ''}`);
    if (message.type() === 'warn' && text.includes('[omnishelf]'))
      problems.push(`console.warn: ${text}`);
  });
  await page.evaluateOnNewDocument(instrument);
  await page.goto(`${server.origin}${path}`, { waitUntil: 'load', timeout: TIMEOUT });
  return { context, page, problems };
}

/** Waits until every Omnishelf element has upgraded and rendered, and is not loading. */
async function settled(page) {
  try {
    await page.waitForFunction(
      () => {
        const elements = window.__omni();
        return (
          elements.length > 0 &&
          elements.every(
            (el) =>
              el.matches(':defined') &&
              el.shadowRoot?.childElementCount > 0 &&
              !el.matches(':state(loading)'),
          )
        );
      },
      { timeout: TIMEOUT },
    );
  } catch {
    const state = await page.evaluate(() =>
      window
        .__omni()
        .map(
          (el) =>
            `<${el.localName}> ${el.matches(':defined') ? 'defined' : 'NOT DEFINED'}, ${
              el.shadowRoot?.childElementCount ?? 0
            } rendered elements${el.matches(':defined') && el.matches(':state(loading)') ? ', still loading' : ''}`,
        ),
    );
    throw new Error(
      `the widgets did not all render within ${TIMEOUT / 1000} s:\n${state.join('\n') || 'no omni-* element'}`,
    );
  }
  await new Promise((resolve) => setTimeout(resolve, 300));
}

/** The widgets showing an error, with what they say. */
const widgetErrors = (page) =>
  page.evaluate(() =>
    window
      .__omni()
      .filter((el) => el.matches(':defined') && el.matches(':state(error)'))
      .map(
        (el) =>
          `<${el.localName}> shows an error: ${el.shadowRoot?.querySelector('[role="alert"]')?.textContent?.trim() ?? ''}`,
      ),
  );

const activeLocale = (page) =>
  page.evaluate(() => {
    const registry = globalThis[Symbol.for('omnishelf:localization')];
    return registry?.handles?.[0]?.getLocale() ?? '(no widget configured a language)';
  });

// ---- html -------------------------------------------------------------------------------------

/** The page built for each html snippet, by line: js and css snippets run on the one before them. */
const htmlPages = new Map();

function servePage(snippet) {
  const path = `/readme/${snippet.line}.html`;
  const html = pageOf(snippet.code, addsOf(snippet), `README.md:${snippet.line}`);
  pages[path] = html;
  htmlPages.set(snippet.line, { path, html });
  return { path, html };
}

async function checkHtml(snippet) {
  const { path, html } = htmlPages.get(snippet.line);
  const { context, page, problems } = await open(path);
  try {
    const count = await page.evaluate(() => window.__omni().length);
    assert(count > 0, 'no omni-* element on the page');
    await settled(page);
    problems.push(...(await widgetErrors(page)));
    const wanted = expectedLocale(html);
    const locale = await activeLocale(page);
    if (locale !== wanted) problems.push(`the widgets speak "${locale}", not "${wanted}"`);
    if (LOADER.test(snippet.code) && !CSS_LINK.test(snippet.code))
      problems.push('it loads omnishelf.js without linking omnishelf.css (the page will move)');
    const { cls, shifted } = await page.evaluate(() => ({
      cls: window.__cls,
      shifted: window.__shifted,
    }));
    assert(problems.length === 0, problems.join('\n'));
    // Said, not asserted: not every element can reserve its final size (check-pages asserts the
    // ones that do). What moved is printed, for whoever changes omnishelf.css.
    const moved = cls > 0 ? `, layout shift ${cls.toFixed(4)}: ${shifted.join('; ')}` : '';
    return `${count} element${count === 1 ? '' : 's'}, ${locale}${moved}`;
  } finally {
    await context.close();
  }
}

// ---- json -------------------------------------------------------------------------------------

/** The configuration reader (src/core/config.ts), bundled for Node. */
const { sanitizeConfig } = await importBundle(
  { entryPoints: [join(root, 'src/core/config.ts')] },
  'config',
);

function checkConfig(text) {
  const input = JSON.parse(text);
  assert(input && typeof input === 'object' && !Array.isArray(input), 'not a JSON object');
  const warnings = [];
  const warn = console.warn;
  console.warn = (...args) => warnings.push(args.join(' '));
  let output;
  try {
    output = sanitizeConfig(input);
  } finally {
    console.warn = warn;
  }
  assert(warnings.length === 0, warnings.join('\n'));
  const dropped = Object.keys(input).filter((key) => !(key in output));
  assert(dropped.length === 0, `dropped: ${dropped.join(', ')}`);
  return `${Object.keys(input).join(', ')}`;
}

function checkEditorSettings(text) {
  const settings = JSON.parse(text);
  const paths = Object.values(settings)
    .flat()
    .filter((value) => typeof value === 'string' && value.startsWith('./node_modules/'));
  assert(paths.length > 0, 'names no file of the package');
  const prefix = `./node_modules/${pkg.name}/`;
  const missing = paths.filter(
    (path) => !path.startsWith(prefix) || !pkg.files.includes(path.slice(prefix.length)),
  );
  assert(missing.length === 0, `not among the package's files: ${missing.join(', ')}`);
  return `${paths.length} files of the package`;
}

// ---- js ---------------------------------------------------------------------------------------

/**
 * What the README leaves to the reader, by name: `setup` (module code run before the snippet,
 * which may import /readme/fixtures/...) and `verify(page)` (throws when the snippet did not do
 * what it says).
 */
const FIXTURES = {
  myShadowRoot: {
    setup: `const myShadowRoot = document.body
  .appendChild(document.createElement('div'))
  .attachShadow({ mode: 'open' });
myShadowRoot.append(document.createElement('omni-pickup-selector'));
myShadowRoot.firstElementChild.setAttribute('sku', 'TSHIRT-ORG-M');`,
    // The element is only in the shadow root, so only discover() can have loaded it.
    verify: async (page) => {
      const inDocument = await page.evaluate(
        () => document.querySelectorAll('omni-pickup-selector').length,
      );
      assert(inDocument === 0, 'the page has an omni-pickup-selector outside the shadow root');
      await settled(page);
    },
  },
  myBackendClient: {
    setup: `import { createRestBackend } from '/readme/fixtures/rest-backend.js';
window.__backendCalls = 0;
const myBackendClient = new Proxy(createRestBackend({ apiBase: '/api/omni/v1' }), {
  get(target, key) {
    const value = target[key];
    if (typeof value !== 'function') return value;
    return (...args) => {
      window.__backendCalls++;
      return value.apply(target, args);
    };
  },
});`,
    verify: async (page) => {
      await settled(page);
      const calls = await page.evaluate(() => window.__backendCalls);
      assert(calls > 0, 'the widgets never called the backend given to configure()');
    },
  },
  savedCartId: {
    // A signed-in customer's cart on the server, with one line.
    setup: `const savedCartId = await (async () => {
  const created = await fetch('/api/omni/v1/carts', { method: 'POST' }).then((r) => r.json());
  const response = await fetch(\`/api/omni/v1/carts/\${created.id}/ops\`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
    body: JSON.stringify({ ops: [{ op: 'add', sku: 'HOODIE-GRY-M', qty: 1 }] }),
  });
  if (!response.ok) throw new Error('fixture: could not fill the saved cart');
  return created.id;
})();`,
  },
  rulesFromMyBackend: {
    node: true,
    setup: `const rulesFromMyBackend = async (country) => {
  const response = await fetch(\`\${process.env.OMNI_ORIGIN}/api/omni/v1/shipping/rules?country=\${country}\`);
  return response.json();
};`,
  },
};

/** Modules the fixtures import, bundled from the sources. */
pages['/readme/fixtures/rest-backend.js'] = await bundle({
  entryPoints: [join(root, 'src/core/api/rest-backend.ts')],
  platform: 'browser',
});

/**
 * How to bring about an event no page sends by itself: a page function. Listeners of other
 * omni-* events fail the check until a way is added here.
 */
const TRIGGERS = {
  // Sent by every stock checker and shipping estimator once it has an answer.
  'omni-stock-change': () => ensure('omni-stock-checker', { sku: 'TSHIRT-ORG-M' }),
  // The shopper picks another shipping method.
  'omni-shipping-change': async () => {
    await ensure('omni-shipping-estimator', { sku: 'TSHIRT-ORG-M' });
    await until(() =>
      window
        .__omni()
        .map((el) => el.shadowRoot?.querySelector('input[part~="radio"]:not(:checked)'))
        .find(Boolean),
    ).then((radio) => radio.click());
  },
  // The shopper makes a store "my store".
  'omni-store-select': async () => {
    await ensure('omni-stock-checker', { sku: 'TSHIRT-ORG-M' });
    await until(() =>
      window
        .__omni()
        .map((el) => el.shadowRoot?.querySelector('[part~="my-store-button"]'))
        .find(Boolean),
    ).then((button) => button.click());
  },
  // A sku the contract cannot carry (over 64 characters).
  'omni-error': () => ensure('omni-stock-checker', { variant: 'badge', sku: 'X'.repeat(65) }, true),
  // The shopper adds an item whose price the server has changed: a change, its sync, a conflict.
  'omni-cart-change': () => addWithOldPrice(),
  'omni-cart-sync': () => addWithOldPrice(),
  'omni-cart-conflict': () => addWithOldPrice(),
};
// The helpers TRIGGERS use, defined in the page before a trigger runs.
function pageHelpers() {
  window.until = (probe, timeout = 20000) =>
    new Promise((resolve, reject) => {
      const start = Date.now();
      const tick = () => {
        const value = probe();
        if (value) return resolve(value);
        if (Date.now() - start > timeout) return reject(new Error(`timed out: ${probe}`));
        setTimeout(tick, 100);
      };
      tick();
    });
  window.ensure = (tag, attributes, always = false) => {
    if (!always && window.__omni().some((el) => el.localName === tag)) return;
    const el = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
    document.body.append(el);
  };
  window.addWithOldPrice = async () => {
    if (window.__added) return;
    window.__added = true;
    const add = document.createElement('omni-add-to-cart');
    add.setAttribute('sku', 'CAP-OLV');
    add.setAttribute('item-title', 'Olive Cap');
    add.setAttribute('price', '0.01');
    document.body.append(add);
    const button = await window.until(() =>
      add.shadowRoot?.querySelector('button[part~="button"]'),
    );
    button.click();
  };
}
/* global until, ensure, addWithOldPrice -- the page helpers above, inside TRIGGERS */

/** The identifiers a snippet uses without declaring them that FIXTURES give. */
const fixturesOf = (code) =>
  Object.keys(FIXTURES).filter(
    (name) =>
      new RegExp(`\\b${name}\\b`).test(code) &&
      !new RegExp(`\\b(const|let|var|function|class)\\s+${name}\\b`).test(code),
  );

async function checkJsInPage(snippet, base) {
  const names = fixturesOf(snippet.code);
  assert(!names.some((name) => FIXTURES[name].node), `${names.join(', ')}: fixtures for Node`);
  const path = `/readme/${snippet.line}.html`;
  const module = `/readme/${snippet.line}.js`;
  pages[module] = [
    ...names.map((name) => FIXTURES[name].setup),
    `// README.md:${snippet.line}`,
    local(snippet.code),
    'window.__readmeDone = true;',
    '',
  ].join('\n');
  pages[path] = base.html.replace(
    /<\/body>/i,
    `<script type="module" src="${module}"></script>\n</body>`,
  );
  const { context, page, problems } = await open(path, {
    // The error the omni-error trigger causes on purpose.
    allow: (text) => text.includes('X'.repeat(65)),
  });
  try {
    try {
      await page.waitForFunction(() => window.__readmeDone === true, { timeout: TIMEOUT });
    } catch {
      throw new Error(`it did not finish\n${problems.join('\n')}`);
    }
    for (const name of names) await FIXTURES[name].verify?.(page);
    // Its omni-* listeners: bring their events about, then each must have run.
    const types = await page.evaluate(() => Object.keys(window.__listeners));
    const unknown = types.filter((type) => !(type in TRIGGERS));
    assert(unknown.length === 0, `no way to bring about ${unknown.join(', ')} (add to TRIGGERS)`);
    if (types.length > 0) {
      await page.evaluate(pageHelpers);
      for (const type of types) await page.evaluate(TRIGGERS[type]);
      try {
        await page.waitForFunction(
          (wanted) => wanted.every((type) => window.__listeners[type].calls > 0),
          { timeout: TIMEOUT },
          types,
        );
      } catch {
        const calls = await page.evaluate(() => window.__listeners);
        throw new Error(`listeners never called: ${JSON.stringify(calls)}`);
      }
    }
    const listeners = await page.evaluate(() => window.__listeners);
    for (const [type, { errors }] of Object.entries(listeners))
      if (errors.length > 0) problems.push(`the ${type} listener threw: ${errors[0]}`);
    assert(problems.length === 0, problems.join('\n'));
    return [
      ...names.map((name) => `given ${name}`),
      ...types.map((type) => `${type} handled ${listeners[type].calls}x`),
    ].join(', ');
  } finally {
    await context.close();
  }
}

/** The package's entries, resolved to their sources (dist/esm/x.js -> src/x.ts). */
const packageSources = {
  name: 'package-sources',
  setup(build) {
    build.onResolve({ filter: new RegExp(`^${pkg.name}(/.*)?$`) }, (args) => {
      const key = `.${args.path.slice(pkg.name.length)}`;
      const target = pkg.exports[key]?.default;
      if (!target?.startsWith('./dist/esm/'))
        return { errors: [{ text: `no source for ${args.path}` }] };
      return {
        path: join(root, 'src', target.slice('./dist/esm/'.length).replace(/\.js$/, '.ts')),
      };
    });
  },
};

async function bundle(options) {
  const result = await esbuild.build({
    bundle: true,
    format: 'esm',
    write: false,
    logLevel: 'silent',
    target: 'es2022',
    tsconfig: join(root, 'tsconfig.json'),
    ...options,
  });
  return result.outputFiles[0].text;
}

async function importBundle(options, name) {
  const file = join(scratch, `${name}.mjs`);
  writeFileSync(file, await bundle({ platform: 'node', ...options }));
  return import(pathToFileURL(file).href);
}

async function checkJsInNode(snippet) {
  const names = fixturesOf(snippet.code);
  const code = await bundle({
    stdin: {
      contents: [...names.map((name) => FIXTURES[name].setup), local(snippet.code)].join('\n'),
      resolveDir: root,
      sourcefile: `README.md:${snippet.line}`,
      loader: 'js',
    },
    platform: 'node',
    // Every module evaluated, as Node would import the package.
    treeShaking: false,
    plugins: [packageSources],
  });
  const file = join(scratch, `readme-${snippet.line}.mjs`);
  writeFileSync(file, code);
  try {
    await promisify(execFile)(process.execPath, [file], {
      timeout: TIMEOUT,
      env: { ...process.env, OMNI_ORIGIN: server.origin },
    });
  } catch (error) {
    throw new Error(`Node: ${error.stderr?.trim() || error.message}`);
  }
  return ['Node', ...names.map((name) => `given ${name}`)].join(', ');
}

// ---- css --------------------------------------------------------------------------------------

/** The rules of a stylesheet without nesting or at-rules: selector and declarations. */
function cssRules(text) {
  const source = text.replace(/\/\*[\s\S]*?\*\//g, '');
  assert(!source.includes('@'), 'at-rules are not supported here');
  return [...source.matchAll(/([^{}]+)\{([^{}]*)\}/g)].map(([, selector, body]) => ({
    selector: selector.trim().replace(/\s+/g, ' '),
    declarations: body
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const colon = d.indexOf(':');
        return { property: d.slice(0, colon).trim(), value: d.slice(colon + 1).trim() };
      }),
  }));
}

async function checkCssParses(snippet) {
  const rules = cssRules(snippet.code);
  assert(rules.length > 0, 'no rule');
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  try {
    const problems = await page.evaluate(
      (text, expected) => {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(text);
        const out = [];
        const parsed = [...sheet.cssRules];
        if (parsed.length !== expected.length)
          out.push(`${expected.length} rules written, ${parsed.length} kept`);
        expected.forEach((rule, i) => {
          const kept = parsed[i];
          if (!(kept instanceof CSSStyleRule)) return;
          if (kept.selectorText !== rule.selector)
            out.push(`selector "${rule.selector}" read as "${kept.selectorText}"`);
          const probe = document.createElement('div').style;
          for (const { property, value } of rule.declarations) {
            probe.setProperty(property, value);
            const wanted = probe.getPropertyValue(property);
            const got = kept.style.getPropertyValue(property);
            if (!wanted) out.push(`${rule.selector} { ${property}: ${value} } is not valid`);
            else if (got.trim() !== wanted.trim())
              out.push(`${rule.selector} { ${property}: ${value} } kept as "${got}"`);
          }
          const written = new Set(rule.declarations.map((d) => d.property));
          const extra = [...kept.style].filter((p) => !written.has(p));
          if (kept.style.length < written.size || extra.some((p) => p.startsWith('--')))
            out.push(`${rule.selector}: declarations ${[...kept.style].join(', ')}`);
        });
        return out;
      },
      snippet.code,
      rules,
    );
    assert(problems.length === 0, problems.join('\n'));
    const count = rules.reduce((n, r) => n + r.declarations.length, 0);
    return `${rules.length} rules, ${count} declarations kept`;
  } finally {
    await context.close();
  }
}

/**
 * The states a page passes through that the css check looks at, by custom state: how to hold the
 * page there (backend faults) and when it is there. A declaration may show in any of them (a
 * corner radius only on the loading placeholders, say); a rule with `:state(x)` is looked at in x.
 */
const STATES = {
  rendered: { ready: 'settled' },
  loading: { faults: { latencyMs: 60_000 }, ready: 'loading' },
};

/** What docs/elements.md documents for each element: custom properties, parts and states. */
const documented = (() => {
  const docs = readFileSync(join(root, 'docs/elements.md'), 'utf8');
  const out = {};
  for (const [, tag, body] of docs.matchAll(/^## `<([\w-]+)>`\n([\s\S]*?)(?=^## |$(?![\s\S]))/gm)) {
    const section = (title) =>
      new RegExp(`^### ${title}\\n([\\s\\S]*?)(?=^### |$(?![\\s\\S]))`, 'm').exec(body)?.[1] ?? '';
    const names = (title, pattern) =>
      new Set([...section(title).matchAll(pattern)].map((m) => m[1]));
    out[tag] = {
      properties: names('CSS custom properties', /^\| `(--[\w-]+)`/gm),
      parts: names('CSS parts', /^\| `([\w-]+)`/gm),
      states: names('Custom states', /^\| `:state\(([\w-]+)\)`/gm),
    };
  }
  return out;
})();

/** Page function: the properties (custom ones aside) that `css` changes on the targets. */
async function effectOf(hostSelector, partName, css) {
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  const targets = [...document.querySelectorAll(hostSelector)].flatMap((el) =>
    partName ? [...(el.shadowRoot?.querySelectorAll(`[part~="${partName}"]`) ?? [])] : [el],
  );
  // Computed styles of the targets and of everything they draw.
  const snapshot = () => {
    const out = {};
    let n = 0;
    const visit = (el) => {
      // The element and its ::before and ::after (loading placeholders draw there).
      for (const pseudo of ['', '::before', '::after']) {
        const style = getComputedStyle(el, pseudo || null);
        if (pseudo && style.content === 'none') continue;
        for (const name of style) {
          if (!name.startsWith('--'))
            out[`${n}\t${pseudo}${pseudo ? ' ' : ''}${name}`] = style.getPropertyValue(name);
        }
      }
      n++;
      for (const child of el.shadowRoot?.querySelectorAll('*') ?? []) visit(child);
      for (const child of el.children) visit(child);
    };
    targets.forEach(visit);
    return out;
  };
  await frame();
  const before = snapshot();
  await frame();
  const again = snapshot();
  const style = document.createElement('style');
  style.textContent = css;
  document.head.append(style);
  await frame();
  await frame();
  const after = snapshot();
  style.remove();
  // What changed with the rule and not on its own (an animation, a clock).
  return [
    ...new Set(
      Object.keys(after)
        .filter((k) => after[k] !== before[k] && before[k] === again[k])
        .map((k) => k.slice(k.indexOf('\t') + 1)),
    ),
  ];
}

async function checkCssApplies(snippet, base) {
  const rules = cssRules(snippet.code);
  const notes = [];
  for (const rule of rules) {
    const tag = /\b(omni-[\w-]+)/.exec(rule.selector)?.[1];
    assert(tag && documented[tag], `${rule.selector}: names no documented omni-* element`);
    const part = /::part\(([\w-]+)\)/.exec(rule.selector)?.[1];
    const states = [...rule.selector.matchAll(/:state\(([\w-]+)\)/g)].map((m) => m[1]);
    const undocumented = [
      ...rule.declarations
        .map((d) => d.property)
        .filter((p) => p.startsWith('--') && !documented[tag].properties.has(p)),
      ...(part && !documented[tag].parts.has(part) ? [`::part(${part})`] : []),
      ...states.filter((s) => !documented[tag].states.has(s)).map((s) => `:state(${s})`),
    ];
    assert(
      undocumented.length === 0,
      `${undocumented.join(', ')}: not documented for <${tag}> in docs/elements.md`,
    );
    const unknown = states.filter((s) => !STATES[s]);
    assert(unknown.length === 0, `no way to bring about :state(${unknown.join(', ')}) (STATES)`);
    assert(states.length <= 1, `${rule.selector}: one custom state at a time, please`);
    const host = rule.selector.replace(/::part\([\w-]+\)/, '');
    let pending = rule.declarations;
    for (const phase of states.length > 0 ? states : Object.keys(STATES)) {
      if (pending.length === 0) break;
      const { faults, ready } = STATES[phase];
      if (faults) await server.setFaults(faults);
      const { context, page, problems } = await open(base.path);
      try {
        if (ready === 'settled') await settled(page);
        try {
          await page.waitForFunction(
            (hostSelector, partName, loading) =>
              [...document.querySelectorAll(hostSelector)].some(
                (el) =>
                  el.matches(':defined') &&
                  (!loading || el.matches(':state(loading)')) &&
                  el.shadowRoot?.querySelector(partName ? `[part~="${partName}"]` : '*'),
              ),
            { timeout: TIMEOUT },
            host,
            part ?? '',
            ready === 'loading',
          );
        } catch {
          throw new Error(`${rule.selector} matches nothing on the page (${phase})`);
        }
        const left = [];
        for (const { property, value } of pending) {
          const changed = await page.evaluate(
            effectOf,
            host,
            part ?? '',
            `${rule.selector} { ${property}: ${value} }`,
          );
          if (changed.length === 0) left.push({ property, value });
          else
            notes.push(
              `${property} -> ${changed.slice(0, 2).join(' ')}${changed.length > 2 ? ' ...' : ''}${phase === 'rendered' ? '' : ` (${phase})`}`,
            );
        }
        pending = left;
        assert(problems.length === 0, problems.join('\n'));
      } finally {
        await context.close();
        if (faults) await server.setFaults({ reset: true });
      }
    }
    assert(
      pending.length === 0,
      pending
        .map(({ property, value }) => `${rule.selector} { ${property}: ${value} } changes nothing`)
        .join('\n'),
    );
  }
  return notes.join('; ');
}

// ---- http -------------------------------------------------------------------------------------

function parseHeaders(text) {
  return text
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => {
      const colon = line.indexOf(':');
      assert(colon > 0, `not a header: ${line}`);
      return [line.slice(0, colon).trim(), line.slice(colon + 1).trim()];
    });
}

/**
 * One element of each kind, with the install snippet's head, for the CSP check. (The provider
 * comes first: a widget before an <omni-provider> sends the page into endless context requests,
 * a bug of its own, not the policy's.)
 */
const EVERY_WIDGET = `<omni-provider><omni-stock-checker sku="TSHIRT-ORG-M"></omni-stock-checker></omni-provider>
<omni-stock-checker variant="badge" sku="HOODIE-GRY-M"></omni-stock-checker>
<omni-pickup-selector sku="TSHIRT-ORG-M"></omni-pickup-selector>
<omni-shipping-estimator sku="TSHIRT-ORG-M"></omni-shipping-estimator>
<omni-cart-button></omni-cart-button> <omni-cart-count></omni-cart-count>
<omni-add-to-cart sku="TSHIRT-ORG-M" item-title="Organic Cotton T-Shirt (M)" price="19.90"></omni-add-to-cart>
<omni-cart></omni-cart>`;

async function checkCsp(snippet, headers) {
  const path = `/readme/${snippet.line}.html`;
  pages[path] = pageOf(EVERY_WIDGET, '', `README.md:${snippet.line}`);
  pageHeaders[path] = Object.fromEntries(
    headers.map(([name, value]) => [name, value.replaceAll(SHOP, server.origin)]),
  );
  // Twice, as pages often end up with it: the second copy must be ignored, quietly.
  pages[path] = pages[path].replace(
    preamble.loader,
    `${preamble.loader}\n${preamble.loader.replace('omnishelf.js"', 'omnishelf.js?again"')}`,
  );
  const { context, page, problems } = await open(path, {
    allow: (text) => text.includes('is already loaded'),
  });
  try {
    await settled(page);
    problems.push(...(await widgetErrors(page)));
    assert(problems.length === 0, problems.join('\n'));
    return `${await page.evaluate(() => window.__omni().length)} elements, the loader twice`;
  } finally {
    await context.close();
  }
}

/**
 * A backend on another origin (localhost instead of 127.0.0.1) in front of the demo backend,
 * sending `headers` instead of the demo's own CORS headers, and answering preflights itself.
 */
async function corsProxy(headers) {
  const target = new URL(server.origin);
  const proxy = createHttpServer((req, res) => {
    if (req.method === 'OPTIONS') {
      res.writeHead(204, headers.flat());
      return res.end();
    }
    const upstream = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        path: req.url,
        method: req.method,
        headers: { ...req.headers, host: target.host },
      },
      (answer) => {
        const kept = Object.entries(answer.headers).filter(
          ([name]) => !name.toLowerCase().startsWith('access-control-'),
        );
        res.writeHead(answer.statusCode ?? 502, [...kept, ...headers].flat());
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return {
    apiBase: `http://localhost:${proxy.address().port}/api/omni/v1`,
    close: () => new Promise((resolve) => proxy.close(resolve)),
  };
}

/** The install page against a backend on another origin: stock shows, and an add syncs. */
async function crossOrigin(snippet, headers, name) {
  const proxy = await corsProxy(headers);
  const path = `/readme/${snippet.line}-${name}.html`;
  const html = pageOf(
    install.code,
    '<omni-add-to-cart sku="TSHIRT-ORG-M" item-title="Tee" price="19.90"></omni-add-to-cart><omni-cart></omni-cart>',
  );
  pages[path] = html.replace(CONFIG_BLOCK, (block, json) =>
    block.replace(json, JSON.stringify({ ...JSON.parse(json), apiBase: proxy.apiBase })),
  );
  const { context, page, problems } = await open(path);
  try {
    let stock = 'shows stock';
    try {
      await settled(page);
      const errors = await widgetErrors(page);
      if (errors.length > 0) stock = errors.join('; ');
    } catch (error) {
      stock = error.message;
    }
    await page.evaluate(pageHelpers);
    await page.evaluate(() => {
      window.__syncs = [];
      document.addEventListener('omni-cart-sync', (e) =>
        window.__syncs.push([e.status, e.pending]),
      );
    });
    await page.evaluate(async () => {
      const add = document.querySelector('omni-add-to-cart');
      const button = await window.until(() =>
        add.shadowRoot?.querySelector('button[part~="button"]'),
      );
      button.click();
    });
    const synced = await page
      .waitForFunction(
        () => window.__syncs.some(([status, pending]) => status === 'synced' && pending === 0),
        { timeout: 10_000 },
      )
      .then(
        () => true,
        () => false,
      );
    return { stock, synced, problems };
  } finally {
    await context.close();
    await proxy.close();
  }
}

async function checkCors(snippet, headers) {
  const origins = headers.filter(([name]) => /^access-control-allow-origin$/i.test(name));
  assert(origins.length === 1, `Access-Control-Allow-Origin ${origins.length} times`);
  const sent = headers.map(([name, value]) => [name, value.replaceAll(SHOP, server.origin)]);
  const full = await crossOrigin(snippet, sent, 'cors');
  assert(full.stock === 'shows stock', `with these headers: ${full.stock}`);
  assert(full.synced, `with these headers the cart does not sync\n${full.problems.join('\n')}`);
  assert(full.problems.length === 0, full.problems.join('\n'));
  // The control: with the origin alone, stock still shows (simple GETs), the cart must not sync.
  const control = await crossOrigin(
    snippet,
    sent.filter(([name]) => name === origins[0][0]),
    'control',
  );
  assert(
    !control.synced,
    'the cart synced with Access-Control-Allow-Origin alone: the check cannot tell',
  );
  return 'stock and cart across origins; the cart fails with the origin header alone';
}

async function checkHttp(snippet) {
  const headers = parseHeaders(snippet.code);
  const names = headers.map(([name]) => name.toLowerCase());
  if (names.includes('content-security-policy')) return checkCsp(snippet, headers);
  if (names.some((name) => name.startsWith('access-control-'))) return checkCors(snippet, headers);
  throw new Error(`no check for these headers: ${names.join(', ')}`);
}

// ---- the run ----------------------------------------------------------------------------------

console.log('\nREADME snippets (scripts/check-readme.mjs)');
try {
  const counts = {};
  for (const s of snippets) counts[s.lang] = (counts[s.lang] ?? 0) + 1;
  await check(
    `the README has the snippets it should (${Object.entries(counts)
      .map(([lang, n]) => `${n} ${lang || 'untagged'}`)
      .join(', ')})`,
    () => {
      const unknown = Object.keys(counts).filter((lang) => !(lang in EXPECTED));
      assert(
        unknown.length === 0,
        `no check for ${unknown.map((l) => l || 'untagged').join(', ')} snippets`,
      );
      const fewer = Object.entries(EXPECTED).filter(([lang, n]) => (counts[lang] ?? 0) < n);
      assert(
        fewer.length === 0,
        `fewer than expected: ${fewer.map(([lang, n]) => `${counts[lang] ?? 0} ${lang} (at least ${n})`).join(', ')}`,
      );
    },
  );

  // `node scripts/check-readme.mjs --only=73,106` checks only the snippets at those lines (while
  // writing one); the summary then counts only those.
  const only = /^--only=([\d,]+)$/
    .exec(process.argv[2] ?? '')?.[1]
    ?.split(',')
    .map(Number);
  const installSection = /^## Install with npm\n([\s\S]*?)(?=^## )/m.exec(readme)?.[1] ?? '';
  let base;
  for (const snippet of snippets) {
    const name = where(snippet);
    if (snippet.lang === 'html') base = servePage(snippet);
    if (only && !only.includes(snippet.line)) continue;
    if (EXEMPT[snippet.lang]) {
      console.log(`  - ${name}: exempt, ${EXEMPT[snippet.lang]}`);
      continue;
    }
    switch (snippet.lang) {
      case 'html': {
        await check(`${name}: a page where every widget renders`, () => checkHtml(snippet));
        const config = CONFIG_BLOCK.exec(snippet.code)?.[1];
        if (config !== undefined)
          await check(`${name}: its configuration block is read whole`, () => checkConfig(config));
        break;
      }
      case 'js':
        if (/\bnode\b/.test(snippet.marker)) {
          await check(`${name}: runs in Node`, () => checkJsInNode(snippet));
        } else {
          await check(`${name}: runs on the page above it`, () => {
            assert(base, 'no html snippet before it');
            return checkJsInPage(snippet, base);
          });
        }
        break;
      case 'ts':
      case 'tsx':
        await check(`${name}: type-checked by scripts/pack-check.mjs`, () => {
          assert(
            installSection.includes(snippet.code) &&
              readFileSync(join(root, 'scripts/pack-check.mjs'), 'utf8').includes(
                '## Install with npm',
              ),
            'outside "Install with npm", whose ts and tsx snippets pack-check type-checks',
          );
        });
        break;
      case 'css':
        await check(`${name}: parses with every declaration kept`, () => checkCssParses(snippet));
        await check(`${name}: applies on the page above it`, () => {
          assert(base, 'no html snippet before it');
          const adds = addsOf(snippet);
          if (!adds) return checkCssApplies(snippet, base);
          const path = `/readme/${snippet.line}.html`;
          pages[path] = base.html.replace(/<\/body>/i, `${adds}\n</body>`);
          return checkCssApplies(snippet, { path, html: pages[path] });
        });
        break;
      case 'json':
        if (/editor settings/.test(snippet.marker)) {
          await check(`${name}: editor settings naming files of the package`, () =>
            checkEditorSettings(snippet.code),
          );
        } else {
          await check(`${name}: a configuration read whole`, () => checkConfig(snippet.code));
        }
        break;
      case 'http':
        await check(`${name}: headers that work`, () => checkHttp(snippet));
        break;
      default:
        await check(`${name}: a kind of snippet`, () => {
          throw new Error(`no check for "${snippet.lang || 'untagged'}" snippets`);
        });
    }
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(profile, { recursive: true, force: true });
  rmSync(scratch, { recursive: true, force: true });
}

finish();
