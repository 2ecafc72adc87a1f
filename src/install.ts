/**
 * Side-effect module, imported first by every bundle entry: installs the page-level services
 * before any element is defined, so widgets already in the page resolve them when they upgrade.
 */
import { installPageServices } from './core/page.js';

installPageServices();
