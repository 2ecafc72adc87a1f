/**
 * Every @lit/context key and the service it carries. Keys use `Symbol.for` so separately built
 * bundles on one merchant page share them.
 */
import { createContext } from '@lit/context';
import type { OmniConfig } from './config.js';
import type { LocationService, StockService } from './stock/types.js';

export type { OmniConfig } from './config.js';
export type { LocationService, StockService } from './stock/types.js';

export const configContext = createContext<OmniConfig>(Symbol.for('omnishelf:config'));
export const stockServiceContext = createContext<StockService>(Symbol.for('omnishelf:stock'));
export const locationServiceContext = createContext<LocationService>(
  Symbol.for('omnishelf:location'),
);
