/**
 * Listing page: a tile per product, each with the compact stock badge for its first variant.
 * The title link covers the whole tile; the badge sits outside the link, as a merchant would.
 */
import { PRODUCTS } from '../src/mocks/data/products.js';
import {
  categoryName,
  formatMoney,
  initShell,
  onLanguageChange,
  paintSwatch,
  productCount,
} from './shell.js';

initShell();

const list = document.getElementById('tiles')!;
const prices: { el: HTMLElement; amount: string; currency: string }[] = [];
const categories: { el: HTMLElement; category: string }[] = [];

for (const product of PRODUCTS) {
  const tile = document.createElement('li');
  tile.className = 'tile';

  const image = document.createElement('div');
  image.className = 'swatch';
  image.setAttribute('role', 'presentation');
  paintSwatch(image, product.color);

  const category = document.createElement('p');
  category.className = 'tile-category';
  categories.push({ el: category, category: product.category });

  const title = document.createElement('h2');
  title.className = 'tile-title';
  const link = document.createElement('a');
  link.href = `./?id=${encodeURIComponent(product.id)}`;
  // Catalog text is English: <bdi> keeps its punctuation in place inside an Arabic page.
  const name = document.createElement('bdi');
  name.textContent = product.title;
  link.append(name);
  title.append(link);

  const price = document.createElement('p');
  price.className = 'tile-price';
  prices.push({ el: price, ...product.price });

  const badge = document.createElement('omni-stock-checker');
  badge.setAttribute('variant', 'badge');
  badge.setAttribute('sku', product.variants[0]!.sku);

  const add = document.createElement('omni-add-to-cart');
  add.setAttribute('variant', 'compact');
  add.setAttribute('sku', product.variants[0]!.sku);
  add.setAttribute('item-title', product.title);
  add.setAttribute('price', product.price.amount);

  tile.append(image, category, title, price, badge, add);
  list.append(tile);
}

onLanguageChange(() => {
  for (const { el, amount, currency } of prices) el.textContent = formatMoney(amount, currency);
  for (const { el, category } of categories) el.textContent = categoryName(category);
  document.getElementById('count')!.textContent = productCount(PRODUCTS.length);
});
