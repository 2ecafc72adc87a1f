/**
 * Side-effect module, imported by every element's entry before the element itself: installs the
 * page host, so that widgets already in the page find their services when they upgrade.
 */
import { installPage } from './page.js';

installPage();
