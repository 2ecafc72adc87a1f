/**
 * The script-tag entry, `dist/omnishelf.js`: a small loader. It defines each `omni-*` element
 * when its tag first appears in the document (and in shadow roots passed to `discover`),
 * importing that element's chunk relative to its own URL; Lit and the shared core come in shared
 * chunks that the build preloads in parallel, so no chunk waits for another. A page in another
 * language than English also gets its translations at once.
 *
 * `configure()` calls made before the elements' code has arrived are queued and applied when it
 * does. Loading the loader twice (or two versions) is harmless: the second is ignored with one
 * console warning naming both, and loads nothing (so Lit's Trusted Types policy is created once).
 */
import type { CartStore } from './core/cart/store.js';
import type { ConfigureOptions } from './core/config.js';

/**
 * The package version, replaced at build time (vite.config.ts, web-test-runner.config.mjs). Not
 * imported from version.ts: the loader shares no module with the chunks it loads, so that it
 * stays one small file.
 */
declare const __OMNI_VERSION__: string | undefined;
const VERSION = typeof __OMNI_VERSION__ === 'string' ? __OMNI_VERSION__ : 'dev';

type Load = (element: Element) => Promise<unknown>;

const preloaded = new Set<string>();
/**
 * The build wraps each `import()` below as `__vitePreload(() => import(chunk), deps, import.meta.url)`,
 * with `deps` the chunk's static imports, relative to this file. Defining the helper here (Vite
 * then uses it instead of importing its own, see vite.config.ts) keeps the loader one file:
 * `<link rel=modulepreload>` starts every dependency at once, so no chunk waits for another.
 */

const __vitePreload = (load: () => Promise<unknown>, deps?: string[], importerUrl?: string) => {
  for (const dep of deps ?? []) {
    const href = new URL(dep, importerUrl).href;
    if (preloaded.has(href)) continue;
    preloaded.add(href);
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = href;
    document.head.append(link);
  }
  return load();
};
void __vitePreload; // used by the build's rewrite of import() only

/**
 * Each tag's chunk. An element loads its own lazy parts (the stock checker's full view) as soon
 * as it is defined, so that they do not compete for bandwidth with the code that starts the
 * stock requests.
 */
const ELEMENTS: Record<string, Load> = {
  'omni-provider': () => import('./components/provider/index.js'),
  'omni-stock-checker': () => import('./components/stock-checker/index.js'),
  'omni-pickup-selector': () => import('./components/pickup-selector/index.js'),
  'omni-add-to-cart': () => import('./components/add-to-cart/index.js'),
  'omni-cart': () => import('./components/cart/index.js'),
  'omni-cart-button': () => import('./components/cart-button/index.js'),
  'omni-cart-count': () => import('./components/cart-count/index.js'),
  'omni-shipping-estimator': () => import('./components/shipping-estimator/index.js'),
};

/** Translations other than English (the source language, built in): one chunk per language. */
const LOCALES: Record<string, () => Promise<unknown>> = {
  ar: () => import('./core/i18n/locales/ar.js'),
  sw: () => import('./core/i18n/locales/sw.js'),
  fil: () => import('./core/i18n/locales/fil.js'),
  nb: () => import('./core/i18n/locales/nb.js'),
  lt: () => import('./core/i18n/locales/lt.js'),
};

/** Languages one of ours answers for (a copy of core/i18n/localization.ts's, compared by lint). */
const ALIASES: Record<string, string> = { no: 'nb', nn: 'nb', tl: 'fil' };

interface LoaderState {
  version: string;
  url: string;
  discover(root?: ParentNode): Promise<void>;
}

const LOADER = Symbol.for('omnishelf:loader');
const PAGE = Symbol.for('omnishelf:page');
const QUEUE = Symbol.for('omnishelf:queue');
type Global = typeof globalThis & {
  [LOADER]?: LoaderState;
  [PAGE]?: { configure(options: ConfigureOptions): unknown };
  [QUEUE]?: ConfigureOptions[];
};
const global = globalThis as Global;

const SELECTOR = Object.keys(ELEMENTS).join(',');
const started = new Set<string>();
const observed = new WeakSet<Node>();

/** The translations a language tag reads ('ar-EG' -> 'ar', 'nn' -> 'nb'), if any, or 'en'. */
function language(tag: string | undefined): string | undefined {
  const primary = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  const locale = ALIASES[primary] ?? primary;
  return locale === 'en' || LOCALES[locale] ? locale : undefined;
}

/**
 * The language the page asks for, as the widgets will resolve it: the config block's `locale`;
 * for 'auto' (or none) the best match of `<html lang>`, then of the browser's languages.
 */
function pageLanguage(): string | undefined {
  let locale: unknown;
  try {
    locale = JSON.parse(document.getElementById('omnishelf-config')?.textContent || '{}').locale;
  } catch {
    /* the page host reports a malformed block */
  }
  if (typeof locale === 'string' && locale.trim() && locale.trim().toLowerCase() !== 'auto') {
    return language(locale);
  }
  for (const tag of [document.documentElement.lang, ...(navigator.languages ?? [])]) {
    const match = language(tag);
    if (match) return match;
  }
  return language(navigator.language);
}

function report(error: unknown): void {
  // A chunk that did load but threw while it ran (a Content Security Policy without
  // `trusted-types lit-html`, say) is not a missing file: say which it is.
  const blocked = error instanceof Error && /trusted|policy|content security/i.test(error.message);
  console.error(
    blocked
      ? "[omnishelf] an element was blocked by the page's Content Security Policy: add lit-html to its trusted-types."
      : '[omnishelf] could not load an element; check that the files next to omnishelf.js are served.',
    error,
  );
}

/** Starts the chunks that the not-yet-defined elements in `root` need, all at once. */
function load(root: ParentNode): Promise<void> {
  const loads: Promise<unknown>[] = [];
  const found: Element[] = [];
  if (root instanceof Element && root.matches(SELECTOR)) found.push(root);
  found.push(...root.querySelectorAll(SELECTOR));
  for (const element of found) {
    const tag = element.localName;
    const key = tag;
    if (started.has(key)) continue;
    started.add(key);
    loads.push(
      ELEMENTS[tag]!(element).catch((error: unknown) => {
        started.delete(key);
        report(error);
      }),
    );
  }
  return Promise.all(loads).then(() => undefined);
}

/**
 * Loads the elements in `root` (a shadow root your own code renders, say) and keeps watching it
 * for new ones. The document is watched from the start.
 */
function discoverHere(root: ParentNode = document): Promise<void> {
  if (!observed.has(root)) {
    observed.add(root);
    new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (node instanceof Element) void load(node);
        }
      }
    }).observe(root, { childList: true, subtree: true });
  }
  return load(root);
}

const first = global[LOADER];
if (first) {
  if (first.url !== import.meta.url) {
    console.warn(
      `[omnishelf] Omnishelf ${first.version} is already loaded (${first.url}); this copy (Omnishelf ${VERSION}, ${import.meta.url}) is ignored.`,
    );
  }
} else {
  global[LOADER] = { version: VERSION, url: import.meta.url, discover: discoverHere };
  if (typeof document !== 'undefined') {
    const wanted = pageLanguage();
    if (wanted) void LOCALES[wanted]?.().catch(() => undefined);
    void discoverHere(document);
    // The widgets' storage reads a marker in localStorage before their first request (see
    // core/cache/idb-storage.ts), and a page's first localStorage access loads its whole storage
    // area synchronously: 15 to 80 ms on a busy machine. Done here, in a task of its own while
    // the chunks download, it is off the widgets' path.
    setTimeout(() => {
      try {
        void globalThis.localStorage?.length;
      } catch {
        /* storage refused: the widgets do without the marker */
      }
    }, 0);
  }
}

/** Loads the Omnishelf elements in `root` (e.g. a shadow root) and watches it for new ones. */
export function discover(root?: ParentNode): Promise<void> {
  return (global[LOADER] ?? { discover: discoverHere }).discover(root);
}

/**
 * Configures the widgets that no `<omni-provider>` wraps. Later calls merge into earlier ones;
 * calls made before the widgets' code has arrived are applied when it does.
 */
export function configure(options: ConfigureOptions): void {
  const page = global[PAGE];
  if (page) page.configure(options);
  else (global[QUEUE] ??= []).push(options);
}

/**
 * The page's cart, the one the cart elements show, for the merchant's own code: after sign-in
 * `attachCustomer({ cartId, strategy })`, after checkout `completeCheckout(cartId)`, or `add()`.
 *
 * ```js
 * const cart = await omnishelf.cart();
 * await cart.attachCustomer({ cartId: savedCartId, strategy: 'ask' });
 * ```
 */
export async function cart(): Promise<CartStore> {
  const { pageCart } = await import('./components/provider/cart-api.js');
  return pageCart();
}

export { VERSION as version };
