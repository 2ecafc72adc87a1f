/**
 * Page-level services for widgets that no `<omni-provider>` wraps: a context root and providers on
 * `<html>`, configured from the page's JSON block and `configure()`.
 */
import { ContextProvider, ContextRoot } from '@lit/context';
import {
  readPageConfig,
  resolveConfig,
  sanitizeConfig,
  type ConfigureOptions,
  type OmniConfig,
} from './config.js';
import { configContext, locationServiceContext, stockServiceContext } from './context.js';
import { setOmniLocale } from './i18n/localization.js';
import { createServices, type OmniServices } from './services.js';

interface PageState {
  options: ConfigureOptions;
  services: OmniServices;
  config: ContextProvider<typeof configContext>;
  stock: ContextProvider<typeof stockServiceContext>;
  location: ContextProvider<typeof locationServiceContext>;
}

/** Shared through a global symbol so that two bundles on one page configure one set of services. */
const KEY = Symbol.for('omnishelf:page');
type Global = typeof globalThis & { [KEY]?: PageState };

/** Switches the page-wide language; a locale that cannot load falls back to English itself. */
function applyLocale(config: OmniConfig) {
  void setOmniLocale(config.locale);
}

/**
 * Installs the page-level providers once (idempotent). Called by the bundle entry before any
 * element is defined, so widgets already in the page find their services when they upgrade.
 */
export function installPageServices(): void {
  const global = globalThis as Global;
  if (global[KEY] || typeof document === 'undefined') return;
  const root = document.documentElement;
  new ContextRoot().attach(root);
  const config = resolveConfig(readPageConfig(document));
  const services = createServices(config);
  const provide = <T>(context: T, initialValue: unknown) => {
    const provider = new ContextProvider(root, { context, initialValue } as never);
    // A plain element host is not a ReactiveControllerHost: announce the provider ourselves so the
    // context root replays requests from widgets that upgraded first.
    provider.hostConnected();
    return provider;
  };
  global[KEY] = {
    options: {},
    services,
    config: provide(configContext, config),
    stock: provide(stockServiceContext, services.stock),
    location: provide(locationServiceContext, services.location),
  } as PageState;
  applyLocale(config);
  // With `locale: "auto"` the widgets follow `<html lang>`, also when the page changes it later.
  let lang = root.lang;
  new MutationObserver(() => {
    if (root.lang === lang) return; // rewritten with the same value: nothing to follow
    lang = root.lang;
    const current = global[KEY]?.services.config;
    if (current?.locale === 'auto') applyLocale(current);
  }).observe(root, { attributes: true, attributeFilter: ['lang'] });
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
  installPageServices();
  const state = (globalThis as Global)[KEY];
  if (!state) throw new Error('[omnishelf] configure() needs a document');
  const { backend, ...rest } = options;
  state.options = { ...state.options, ...sanitizeConfig(rest), ...(backend ? { backend } : {}) };
  const config = resolveConfig(readPageConfig(document), state.options);
  const previous = state.services.config;
  // Same settings, same service objects (see services.ts): widgets refetch only when they must.
  state.services = createServices(config, state.options.backend);
  state.config.setValue(config);
  state.stock.setValue(state.services.stock);
  state.location.setValue(state.services.location);
  // The language is page-wide: only a change of it switches, so that configuring something else
  // never overrides a language set elsewhere (an <omni-provider locale>).
  if (config.locale !== previous.locale) applyLocale(config);
  return config;
}
