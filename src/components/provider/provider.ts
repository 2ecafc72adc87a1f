import { LitElement, css, html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume, provide } from '@lit/context';
import type { BackendClient } from '../../core/api/backend-client.js';
import {
  readPageConfig,
  resolveConfig,
  sanitizeConfig,
  type DistanceUnit,
  type OmniConfig,
  type StockDisplay,
} from '../../core/config.js';
import {
  configContext,
  locationServiceContext,
  stockServiceContext,
  type LocationService,
  type StockService,
} from '../../core/context.js';
import { setOmniLocale } from '../../core/i18n/localization.js';
import { createServices, type OmniServices } from '../../core/services.js';

/**
 * Configures the Omnishelf widgets inside it, without JavaScript. Attributes override the
 * configuration around the provider (the page's `#omnishelf-config` block and `configure()`, or an
 * outer provider), which it follows as it changes; unset attributes fall back to it.
 * The language is page-wide: the last provider or `configure()` to set `locale` wins.
 *
 * @tag omni-provider
 * @slot - The widgets (and any other markup) that use this configuration.
 */
export class OmniProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** The resolved configuration the widgets inside receive (read-only: set attributes instead). */
  @provide({ context: configContext })
  @property({ attribute: false })
  config!: OmniConfig;

  /** The stock service the widgets inside use (read-only). */
  @provide({ context: stockServiceContext })
  @property({ attribute: false })
  stock!: StockService;

  /** The shopper's location and "my store", shared by every widget on the page (read-only). */
  @provide({ context: locationServiceContext })
  @property({ attribute: false })
  location!: LocationService;

  /** A custom backend for the widgets inside (JavaScript only); replaces the REST client. */
  @property({ attribute: false }) backend?: BackendClient;

  /** Base URL of the backend contract v1. */
  @property({ attribute: 'api-base' }) apiBase?: string;
  /** BCP 47 language tag, or `auto` to follow `<html lang>`. */
  @property() locale?: string;
  /** ISO 4217 currency code. */
  @property() currency?: string;
  /** ISO 3166 country code for postal codes shoppers type. */
  @property() country?: string;
  /** Distance units: `auto`, `km` or `mi`. */
  @property() units?: DistanceUnit;
  /** How much of the stock count shoppers see: `exact`, `threshold` or `status`. */
  @property({ attribute: 'stock-display' }) stockDisplay?: StockDisplay;
  /** With `stock-display="threshold"`, counts at or below this read "Only N left". */
  @property({ attribute: 'low-stock-threshold' }) lowStockThreshold?: string;
  /** Search radius for nearby stores, in kilometres. */
  @property({ attribute: 'radius-km' }) radiusKm?: string;
  /** How many nearby stores to list. */
  @property({ attribute: 'store-limit' }) storeLimit?: string;
  /** The merchant's default store, until the shopper picks one. */
  @property({ attribute: 'default-store-id' }) defaultStoreId?: string;
  /** IndexedDB database name. */
  @property({ attribute: 'cache-name' }) cacheName?: string;

  /** The configuration around this provider; its own attributes override it. */
  @consume({ context: configContext, subscribe: true })
  @state()
  private inherited?: OmniConfig;

  /**
   * The stock service around this provider: widgets inside use it too unless this provider
   * resolves to another backend (its own `backend`, or another `api-base` or `cache-name`), so a
   * custom `BackendClient` given to `configure()` also serves wrapped widgets.
   */
  @consume({ context: stockServiceContext, subscribe: true })
  @state()
  private inheritedStock?: StockService;

  private services?: OmniServices;

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('config') && this.config === this.services?.config) return;
    const config = resolveConfig(
      this.inherited ?? readPageConfig(document),
      sanitizeConfig({
        apiBase: this.apiBase,
        locale: this.locale,
        currency: this.currency,
        country: this.country,
        units: this.units,
        stockDisplay: this.stockDisplay,
        lowStockThreshold: this.lowStockThreshold,
        radiusKm: this.radiusKm,
        storeLimit: this.storeLimit,
        defaultStoreId: this.defaultStoreId,
        cacheName: this.cacheName,
      }),
    );
    const previous = this.services;
    // Same settings, same service objects (see services.ts): widgets refetch only when they must.
    this.services = createServices(config, this.backend);
    this.config = this.services.config;
    // The same backend as around it (a custom client given to configure() included) unless this
    // provider resolves to another one.
    const outer = this.inherited;
    const sameBackend =
      !this.backend &&
      outer !== undefined &&
      config.apiBase === outer.apiBase &&
      config.cacheName === outer.cacheName &&
      config.timeoutMs === outer.timeoutMs &&
      config.retries === outer.retries;
    this.stock = (sameBackend && this.inheritedStock) || this.services.stock;
    this.location = this.services.location;
    // The language is page-wide: only a provider that sets one (or stops setting it) switches it.
    if ((this.locale || changed.has('locale')) && config.locale !== previous?.config.locale) {
      void setOmniLocale(config.locale);
    }
  }

  override render() {
    return html`<slot></slot>`;
  }
}

if (!customElements.get('omni-provider')) customElements.define('omni-provider', OmniProvider);

declare global {
  interface HTMLElementTagNameMap {
    'omni-provider': OmniProvider;
  }
}
