/**
 * The `<omni-cart-button>` chunk: the cart service, the page host, then the element. The drawer's
 * `<omni-cart>` is another chunk, loaded when the drawer is about to open.
 */
import '../../core/services/cart.js';
import '../provider/install.js';

export { OmniCartButton } from './cart-button.js';
