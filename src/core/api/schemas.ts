/**
 * Every contract v1 response schema, for tests and headless users. Widgets import the module of
 * their own capability from `schemas/` so that a page loads only the schemas it uses.
 */
export * from './schemas/common.js';
export * from './schemas/stock.js';
export * from './schemas/pickup.js';
export * from './schemas/shipping.js';
export * from './schemas/cart.js';
