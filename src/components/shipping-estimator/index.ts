/**
 * The `<omni-shipping-estimator>` chunk: its services (shipping rules; location, "my store" and
 * stock for the destination and the pickup line; the page clock), the page host, then the
 * element.
 */
import '../../core/services/shipping.js';
import '../../core/services/stock.js';
import '../../core/services/clock.js';
import '../provider/install.js';

export { OmniShippingEstimator } from './shipping-estimator.js';
