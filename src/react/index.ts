/**
 * `omnishelf/react`: React components for the elements, made with `@lit/react`. Props set the
 * element's properties (`sku`, `variant`, or a `backend` object on `OmniProvider`), `onOmni...`
 * props listen to its events with typed handlers, and a `ref` gives the element. Each wrapper
 * lives in its own module, so a bundler keeps only the elements you render (this entry has no
 * side effects of its own; the element modules it imports define their elements).
 */
export { OmniProvider } from './provider.js';
export { OmniStockChecker } from './stock-checker.js';
export { OmniPickupSelector } from './pickup-selector.js';
export { OmniShippingEstimator } from './shipping-estimator.js';
export { OmniCart } from './cart.js';
export { OmniCartButton } from './cart-button.js';
export { OmniCartCount } from './cart-count.js';
export { OmniAddToCart } from './add-to-cart.js';
