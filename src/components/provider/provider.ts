import { LitElement, css, html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { BackendClient } from '../../core/api/backend-client.js';
import {
  readPageConfig,
  resolveConfig,
  sanitizeConfig,
  type DistanceUnit,
  type OmniConfig,
  type StockDisplay,
} from '../../core/config.js';
import { setOmniLocale } from '../../core/i18n/localization.js';
import { defineElement } from '../base/define.js';
import { browserPlatform } from './platform.js';
import { hostSettingsContext, ServiceHost, type HostSettings } from './service-host.js';

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
  /** Countries the merchant serves, comma-separated (the first is the default). */
  @property() countries?: string;
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
  /** IndexedDB database name (and of its marker `omnishelf:stored:<name>` in localStorage). */
  @property({ attribute: 'cache-name' }) cacheName?: string;

  /** The settings around this provider (page or outer provider); its own attributes override them. */
  @consume({ context: hostSettingsContext, subscribe: true })
  @state()
  private inherited?: HostSettings;

  private host?: ServiceHost;

  /** The resolved configuration the widgets inside receive (read-only: set attributes instead). */
  get config(): OmniConfig {
    return (this.host?.settings ?? this.resolve()).config;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Synchronously, so that widgets inside that connect next find this provider.
    this.apply(new Map());
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.apply(changed);
  }

  private resolve(): HostSettings {
    const outer = this.inherited;
    const config = resolveConfig(
      outer?.config ?? readPageConfig(document),
      sanitizeConfig({
        apiBase: this.apiBase,
        locale: this.locale,
        currency: this.currency,
        country: this.country,
        countries: this.countries,
        units: this.units,
        stockDisplay: this.stockDisplay,
        lowStockThreshold: this.lowStockThreshold,
        radiusKm: this.radiusKm,
        storeLimit: this.storeLimit,
        defaultStoreId: this.defaultStoreId,
        cacheName: this.cacheName,
      }),
    );
    // The backend around it (a custom client given to configure() included), unless this
    // provider names its own or resolves to another REST endpoint.
    const sameEndpoint =
      outer !== undefined &&
      config.apiBase === outer.config.apiBase &&
      config.cacheName === outer.config.cacheName &&
      config.timeoutMs === outer.config.timeoutMs &&
      config.retries === outer.config.retries;
    const backend = this.backend ?? (sameEndpoint ? outer.backend : undefined);
    return { config, ...(backend ? { backend } : {}) };
  }

  private apply(changed: ReadonlyMap<PropertyKey, unknown>): void {
    const previous = this.host?.settings.config;
    const settings = this.resolve();
    if (this.host) this.host.update(settings);
    else {
      this.host = new ServiceHost(this, settings, browserPlatform());
      // Widgets inside that asked the page before this provider upgraded come over to it.
      this.host.announce();
    }
    // The language is page-wide: only a provider that sets one (or stops setting it) switches it.
    if (
      (this.locale || changed.has('locale')) &&
      settings.config.locale !== (previous?.locale ?? undefined)
    ) {
      void setOmniLocale(settings.config.locale);
    }
  }

  override render() {
    return html`<slot></slot>`;
  }
}

defineElement('omni-provider', OmniProvider);

declare global {
  interface HTMLElementTagNameMap {
    'omni-provider': OmniProvider;
  }
}
