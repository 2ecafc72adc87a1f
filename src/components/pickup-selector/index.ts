/**
 * The `<omni-pickup-selector>` chunk: its services (pickup, and the stock widgets' stores, stock
 * and "my store", shared with the stock checker), the page host, then the element.
 */
import '../../core/services/stock.js';
import '../../core/services/pickup.js';
import '../../core/services/clock.js';
import '../provider/install.js';

export { OmniPickupSelector } from './pickup-selector.js';
