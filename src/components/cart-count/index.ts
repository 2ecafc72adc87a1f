/** The `<omni-cart-count>` chunk: the cart service, the page host, then the element. */
import '../../core/services/cart.js';
import '../provider/install.js';

export { OmniCartCount } from './cart-count.js';
