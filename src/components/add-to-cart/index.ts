/** The `<omni-add-to-cart>` chunk: its services (cart, stock), the page host, then the element. */
import '../../core/services/cart.js';
import '../../core/services/stock.js';
import '../provider/install.js';

export { OmniAddToCart } from './add-to-cart.js';
