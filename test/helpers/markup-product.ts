import type { DemoProduct } from '../../src/mocks/data/products.js';

/**
 * A product that is not in the shop's catalog, with markup and quotes in its title and
 * description: the backend hands them on unchanged and every element shows them as text. Give it
 * to the demo db as `extraProducts`.
 */
export const MARKUP_PRODUCT: DemoProduct = {
  id: 'mug-markup',
  title: 'Mug "<b>Bold</b>" & Co',
  description: '<img src=x onerror="window.__pwned=1">A <b>bold</b> & "quoted" mug.',
  category: 'home',
  price: { amount: '14.50', currency: 'EUR' },
  color: '#264653',
  variants: [{ sku: 'MUG-BOLD', label: '350 ml' }],
};
