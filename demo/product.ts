/**
 * Product page: `?id=<product id>` (and optionally `&sku=<variant sku>`). Picking a variant sets
 * the stock checker's `sku`, as a merchant's own variant picker would.
 */
import type { OmniPickupSelector } from '../src/components/pickup-selector/pickup-selector.js';
import type { OmniAddToCart } from '../src/components/add-to-cart/add-to-cart.js';
import type { OmniShippingEstimator } from '../src/components/shipping-estimator/shipping-estimator.js';
import type { OmniStockChecker } from '../src/components/stock-checker/stock-checker.js';
import { PRODUCTS } from '../src/mocks/data/products.js';
import { initClockControl } from './clock-control.js';
import {
  categoryName,
  formatMoney,
  initShell,
  lang,
  onLanguageChange,
  paintSwatch,
  setPageTitle,
} from './shell.js';

initShell();

const params = new URLSearchParams(location.search);
const found = PRODUCTS.find((p) => p.id === params.get('id'));
const product = found ?? PRODUCTS[0]!;

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const checker = $<OmniStockChecker>('checker');
const pickup = $<OmniPickupSelector>('pickup');
const addToCart = $<OmniAddToCart>('add-to-cart');
addToCart.setAttribute('price', product.price.amount);
// The estimator's free-delivery line follows the cart (add the item to see it).
const estimator = $<OmniShippingEstimator>('estimator');
onLanguageChange(initClockControl($('demo-clock'), estimator, lang));

/** Catalog text is English: <bdi> keeps its punctuation in place inside an Arabic page. */
const isolated = (text: string) => {
  const bdi = document.createElement('bdi');
  bdi.textContent = text;
  return bdi;
};

$('title').append(isolated(product.title));
$('description').append(isolated(product.description));
setPageTitle(product.title);
paintSwatch($('product-image'), product.color);
if (!found && params.has('id')) $('not-found').hidden = false;

onLanguageChange(() => {
  $('price').textContent = formatMoney(product.price.amount, product.price.currency);
  $('category').textContent = categoryName(product.category);
});

function selectVariant(sku: string): void {
  checker.sku = sku;
  pickup.sku = sku;
  $<HTMLAnchorElement>('checkout-link').search = `?skus=${encodeURIComponent(sku)}`;
  const label = product.variants.find((v) => v.sku === sku)?.label;
  addToCart.sku = sku;
  addToCart.itemTitle =
    product.variants.length > 1 && label ? `${product.title} (${label})` : product.title;
  estimator.sku = sku;
  const url = new URL(location.href);
  url.searchParams.set('id', product.id);
  url.searchParams.set('sku', sku);
  history.replaceState(null, '', url);
}

const initialSku =
  product.variants.find((v) => v.sku === params.get('sku'))?.sku ?? product.variants[0]!.sku;
const picker = $('variants');
for (const variant of product.variants) {
  const label = document.createElement('label');
  label.className = 'chip';
  const input = document.createElement('input');
  input.type = 'radio';
  input.name = 'variant';
  input.value = variant.sku;
  input.checked = variant.sku === initialSku;
  input.addEventListener('change', () => selectVariant(variant.sku));
  const text = document.createElement('span');
  text.append(isolated(variant.label));
  label.append(input, text);
  picker.append(label);
}
// A single-variant product needs no picker.
$('variant-fieldset').hidden = product.variants.length < 2;
selectVariant(initialSku);
// Written: show the column (it was laid out, invisible, so nothing moves now).
document.querySelector('.product-info')?.removeAttribute('data-pending');
