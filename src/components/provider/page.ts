/**
 * The page host: services for widgets that no `<omni-provider>` wraps. A context root and a
 * `ServiceHost` on `<html>`, configured from the page's JSON block, the options the loader queued
 * from `configure()` calls made before this code arrived, and later `configure()` calls.
 * Installed once per page (shared through a global symbol, so two bundles configure one set of
 * services), by every element's entry module before the element is defined.
 */
import { ContextRoot } from '@lit/context';
import {
  readPageConfig,
  resolveConfig,
  sanitizeConfig,
  type ConfigureOptions,
  type OmniConfig,
} from '../../core/config.js';
import { setOmniLocale } from '../../core/i18n/localization.js';
import { onServiceDefined } from '../../core/services/registry.js';
import { browserPlatform } from './platform.js';
import { ServiceHost } from './service-host.js';

interface PageState {
  options: ConfigureOptions;
  host: ServiceHost;
  configure(options: ConfigureOptions): OmniConfig;
}

/** Shared with the loader (`loader.ts`), which forwards `configure()` calls here once installed. */
const PAGE = Symbol.for('omnishelf:page');
/** Options the loader queued before the page host existed. */
const QUEUE = Symbol.for('omnishelf:queue');
type Global = typeof globalThis & { [PAGE]?: PageState; [QUEUE]?: ConfigureOptions[] };

/** Merges options like `configure()` does: sanitized, a custom backend kept as given. */
function merge(into: ConfigureOptions, options: ConfigureOptions): ConfigureOptions {
  const { backend, ...rest } = options ?? {};
  return { ...into, ...sanitizeConfig(rest), ...(backend ? { backend } : {}) };
}

/**
 * Installs the page host once (idempotent) and returns it; undefined without a document.
 * Widgets already in the page find their services as soon as their element is defined.
 */
export function installPage(): PageState | undefined {
  const global = globalThis as Global;
  if (global[PAGE]) return global[PAGE];
  if (typeof document === 'undefined') return undefined;
  const root = document.documentElement;
  // On the document, above the page host: it keeps only the requests nobody answered (a service
  // not registered yet). On <html>, beside the host, it ran before the host's providers and kept
  // every widget's every request (four per badge, each with two WeakRefs, never released).
  // ContextRoot only adds listeners, which a Document takes like an element.
  new ContextRoot().attach(document as unknown as HTMLElement);
  let options: ConfigureOptions = {};
  for (const queued of global[QUEUE]?.splice(0) ?? []) options = merge(options, queued);
  const resolve = () => resolveConfig(readPageConfig(document), options);
  const config = resolve();
  const host = new ServiceHost(root, { config, backend: options.backend }, browserPlatform());
  const state: PageState = {
    get options() {
      return options;
    },
    host,
    configure(next) {
      options = merge(options, next);
      const previous = host.settings.config;
      const resolved = resolve();
      host.update({ config: resolved, backend: options.backend });
      // The language is page-wide: only a change of it switches, so that configuring something
      // else never overrides a language set elsewhere (an <omni-provider locale>).
      if (resolved.locale !== previous.locale) void setOmniLocale(resolved.locale);
      return resolved;
    },
  };
  global[PAGE] = state;
  // A service registered later (another element's chunk): widgets waiting for it get it now.
  onServiceDefined((definition) => host.announceContext(definition.context));
  void setOmniLocale(config.locale);
  // With `locale: "auto"` the widgets follow `<html lang>`, also when the page changes it later.
  let lang = root.lang;
  new MutationObserver(() => {
    if (root.lang === lang) return; // rewritten with the same value: nothing to follow
    lang = root.lang;
    const current = host.settings.config;
    if (current.locale === 'auto') void setOmniLocale(current.locale);
  }).observe(root, { attributes: true, attributeFilter: ['lang'] });
  return state;
}

/**
 * Configures the widgets that no `<omni-provider>` wraps, from JavaScript. Later calls merge
 * into earlier ones. Pass `backend` to plug in your own `BackendClient`.
 *
 * ```js
 * import { configure } from 'omnishelf';
 * configure({ apiBase: 'https://shop.example/omni/v1', locale: 'ar', currency: 'AED' });
 * ```
 */
export function configure(options: ConfigureOptions): OmniConfig {
  const state = installPage();
  if (!state) throw new Error('[omnishelf] configure() needs a document');
  return state.configure(options);
}
