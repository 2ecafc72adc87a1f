/**
 * A stand-in for the merchant's checkout: a plain `<form>` with the pickup selector (cart mode,
 * compact) as one of its controls. Submitting it (GET, to this page) shows the confirmation view
 * with what was sent: the selector's value is `store=...&slot=...&reservation=...`, under its
 * `name`. Opened from the cart's checkout link (`?cart=<id>`), the order is the cart's lines (fed
 * to the selector's `lines`), and placing it tells the page's cart that checkout completed
 * (`cart().completeCheckout(id)`), which empties it here and in the shopper's other tabs. A
 * checkout in another window would `postMessage({ type: 'omnishelf:checkout-complete', cartId },
 * storeOrigin)` instead. `?skus=A,B` gives the order without a cart.
 */
import type { OmniPickupSelector } from '../src/components/pickup-selector/pickup-selector.js';
import { findVariant } from '../src/mocks/data/products.js';
import { STORES } from '../src/mocks/data/stores.js';
import { cart } from '../src/loader.js';
import { initShell, lang, onLanguageChange } from './shell.js';

const TEXT = {
  en: {
    title: 'Checkout',
    items: 'Your order:',
    name: 'Your name',
    pickup: 'Pickup',
    place: 'Place order',
    done: 'Order placed',
    who: 'Name',
    store: 'Pickup store',
    time: 'Pickup time',
    reservation: 'Reservation',
    sent: 'Submitted value',
    none: 'None',
    back: 'Back to the shop',
    emptied: 'Your cart is empty again, in every tab.',
  },
  ar: {
    title: 'إتمام الطلب',
    items: 'طلبك:',
    name: 'اسمك',
    pickup: 'الاستلام',
    place: 'تأكيد الطلب',
    done: 'تم تأكيد الطلب',
    who: 'الاسم',
    store: 'متجر الاستلام',
    time: 'موعد الاستلام',
    reservation: 'رقم الحجز',
    sent: 'القيمة المُرسلة',
    none: 'لا يوجد',
    back: 'العودة إلى المتجر',
    emptied: 'أصبحت سلتك فارغة من جديد في كل علامات التبويب.',
  },
} as const;

initShell();

const params = new URLSearchParams(location.search);
const cartId = params.get('cart') ?? '';
let skus = (params.get('skus') || 'TSHIRT-ORG-M,CAP-OLV')
  .split(',')
  .map((sku) => sku.trim())
  .filter((sku) => findVariant(sku));
const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const pickup = $<OmniPickupSelector>('pickup');
const title = (sku: string) => {
  const found = findVariant(sku);
  return found ? `${found.product.title} (${found.variant.label})` : sku;
};

// What is ordered, with names and quantities, for the selector (every line must be at the store).
let lines = skus.map((sku) => ({ sku, title: title(sku), qty: 1 }));
const showLines = () => {
  pickup.lines = lines;
  $<HTMLInputElement>('skus').value = skus.join(',');
};
showLines();
$<HTMLInputElement>('cart-id').value = cartId;
if (cartId && params.get('pickup') === null) {
  // The cart's own lines (this tab's copy of the cart, synced with the server).
  void cart().then(async (store) => {
    await store.ready;
    const ordered = store.view.lines.filter((line) => line.qty > 0);
    if (ordered.length === 0) return;
    lines = ordered.map((line) => ({ sku: line.sku, title: line.title, qty: line.qty }));
    skus = lines.map((line) => line.sku);
    showLines();
    renderItems();
  });
}

/** Catalog and backend text is not translated: <bdi> keeps it whole inside Arabic. */
const bdi = (text: string) => {
  const el = document.createElement('bdi');
  el.textContent = text;
  return el;
};

/** The demo backend's slot ids read `<store>_<YYYYMMDD>_<HHMM>` (opaque to the widget). */
function slotText(slot: string): string {
  const match = /_(\d{4})(\d{2})(\d{2})_(\d{2})(\d{2})$/.exec(slot);
  if (!match) return slot;
  const [, y, m, d, hh, mm] = match.map(Number) as number[];
  const at = new Date(Date.UTC(y!, m! - 1, d!, hh!, mm!));
  return new Intl.DateTimeFormat(lang(), {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'UTC',
  }).format(at);
}

const submitted = params.get('pickup');
if (submitted !== null) {
  $('order').hidden = true;
  $('confirmation').hidden = false;
  $('done-title').focus();
  // Placed: the page's cart (and the shopper's other tabs) forget the cart that was ordered.
  if (cartId) {
    void cart().then(async (store) => {
      await store.ready;
      if (await store.completeCheckout(cartId)) {
        $('cart-done').textContent = TEXT[lang()].emptied;
      }
    });
  }
}

function renderItems(): void {
  const t = TEXT[lang()];
  // The list's own punctuation in the page's language ("A, B" / "A وB"), the names isolated.
  const parts = new Intl.ListFormat(lang()).formatToParts(lines.map((line) => line.title));
  $('items').replaceChildren(
    t.items,
    ' ',
    ...parts.map((p) => (p.type === 'element' ? bdi(p.value) : p.value)),
  );
}

onLanguageChange((language) => {
  const t = TEXT[language];
  $('title').textContent = t.title;
  renderItems();
  $('name-label').textContent = t.name;
  $('pickup-heading').textContent = t.pickup;
  $('place').textContent = t.place;
  $('done-title').textContent = t.done;
  $('back').textContent = t.back;
  if (submitted === null) return;
  const value = new URLSearchParams(submitted);
  const store = STORES.find((s) => s.id === value.get('store'));
  const slot = value.get('slot');
  const rows: [string, string][] = [
    [t.who, params.get('name') ?? ''],
    [t.store, store?.name ?? value.get('store') ?? t.none],
    [t.time, slot ? slotText(slot) : t.none],
    [t.reservation, value.get('reservation') ?? t.none],
    [t.sent, submitted],
  ];
  $('summary').replaceChildren(
    ...rows.flatMap(([label, text]) => {
      const dt = document.createElement('dt');
      dt.textContent = label;
      const dd = document.createElement('dd');
      dd.append(bdi(text));
      return [dt, dd];
    }),
  );
});
