/**
 * The page's cart for the merchant's own code (`cart()` in the loader and the package): the same
 * store the cart elements that no `<omni-provider>` wraps use, for the page's configuration.
 */
import type { CartStore } from '../../core/cart/store.js';
import { cartService } from '../../core/services/cart.js';
import { resolveService } from '../../core/services/registry.js';
import { installPage } from './page.js';
import { browserPlatform } from './platform.js';

export function pageCart(): CartStore {
  const page = installPage();
  if (!page) throw new Error('[omnishelf] cart() needs a document');
  const { config, backend } = page.host.settings;
  return resolveService(cartService, config, backend, browserPlatform());
}
