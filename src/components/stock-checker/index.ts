/**
 * The `<omni-stock-checker>` chunk: its services, the page host, then the element. The full
 * view's code is another chunk, loaded by the element (and preloaded by the loader) on demand.
 */
import '../../core/services/stock.js';
import '../provider/install.js';

export { OmniStockChecker } from './stock-checker.js';
