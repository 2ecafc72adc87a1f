/** The `<omni-provider>` chunk: the page host, then the element. */
import './install.js';

export { OmniProvider } from './provider.js';
