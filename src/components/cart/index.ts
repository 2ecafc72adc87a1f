/**
 * The `<omni-cart>` chunk: its services (the cart, and stock for pickup choices), the page host,
 * then the element. The QR encoder is a chunk of its own, loaded only when a handoff is shown.
 */
import '../../core/services/cart.js';
import '../../core/services/stock.js';
import '../provider/install.js';

export { OmniCart } from './cart.js';
