/**
 * Omnishelf's public entry. Importing it installs the page-level services (configured from the
 * page's `#omnishelf-config` JSON block) and then registers every element, in that order, so that
 * widgets already in the page find their services when they upgrade. Loading it twice is harmless.
 */
import './install.js';

export { configure } from './core/page.js';
export { OmniProvider } from './components/provider/provider.js';
export { OmniStockChecker } from './components/stock-checker/stock-checker.js';
export { OmniStoreSelectEvent } from './events/store-select.js';
export { OmniStockChangeEvent } from './events/stock-change.js';
export { OmniError, type OmniErrorKind } from './core/api/errors.js';
export type { BackendClient, RequestOptions } from './core/api/backend-client.js';
export type * from './core/api/types.js';
export type { ConfigureOptions, OmniConfig, StockDisplay, DistanceUnit } from './core/config.js';
export type { ShopperLocation } from './core/geo/location.js';
export type { StockResult, StoreStock } from './core/stock/types.js';
