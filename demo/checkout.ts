/**
 * A stand-in for the merchant's checkout: a plain `<form>` with the pickup selector (cart mode,
 * compact) as one of its controls, under the order it is for (each line with its quantity and
 * price, the subtotal and the total; pickup is free). Submitting it (GET, to this page) shows the
 * confirmation: "Order placed", the pickup store with its address and the pickup time, the items
 * and the total, in the page's language. The selector's value (`store=...&slot=...&reservation=...`)
 * goes under its `name`, the order's lines as `items=SKU*2,SKU*1`.
 *
 * The order: `?cart=<id>` (the cart's checkout link) is the cart's lines, and placing it tells the
 * page's cart that checkout completed (`cart().completeCheckout(id)`), which empties it here and
 * in the shopper's other tabs; `?skus=A,B` (the product page's "Continue to checkout") is one of
 * each; without either, the shopper's cart when it has lines, else a sample order. A pickup time
 * held on the product page is taken over here by the selector (the same reservation). A checkout
 * in another window would `postMessage({ type: 'omnishelf:checkout-complete', cartId },
 * storeOrigin)` instead.
 */
import type { OmniPickupSelector } from '../src/components/pickup-selector/pickup-selector.js';
import { formatMoney, multiplyMoney, sumMoney, type Money } from '../src/core/money/index.js';
import { findVariant } from '../src/mocks/data/products.js';
import { STORES } from '../src/mocks/data/stores.js';
import { cart } from '../src/loader.js';
import { initShell, lang, onLanguageChange } from './shell.js';

type Part = string | Node;

const TEXT = {
  en: {
    title: 'Checkout',
    placed: 'Order placed',
    order: 'Your order',
    loading: 'Loading your cart…',
    each: (qty: string, price: string) => `Qty ${qty} × ${price}`,
    subtotal: 'Subtotal',
    pickupFee: 'Pickup in store',
    free: 'Free',
    total: 'Total',
    name: 'Your name',
    pickup: 'Pickup',
    pickupOnly:
      'This demo checkout is for pickup: the whole order, delivery lines too, is picked up at the store you choose here.',
    place: 'Place order',
    thanks: (name: Part, store: Part): Part[] => [
      'Thank you, ',
      name,
      '. Your order is placed: pick it up at ',
      store,
      ' at the time below.',
    ],
    thanksNoName: (store: Part): Part[] => [
      'Thank you. Your order is placed: pick it up at ',
      store,
      ' at the time below.',
    ],
    store: 'Store',
    address: 'Address',
    time: 'Time',
    who: 'Name',
    noTime: 'No time chosen',
    separator: ', ',
    back: 'Back to the shop',
    emptied: 'Your cart is empty again, in every tab.',
  },
  ar: {
    title: 'إتمام الطلب',
    placed: 'تم تأكيد الطلب',
    order: 'طلبك',
    loading: 'جارٍ تحميل سلتك…',
    each: (qty: string, price: string) => `الكمية ${qty} × ${price}`,
    subtotal: 'المجموع الفرعي',
    pickupFee: 'الاستلام من المتجر',
    free: 'مجانًا',
    total: 'الإجمالي',
    name: 'اسمك',
    pickup: 'الاستلام',
    pickupOnly:
      'إتمام الطلب في هذا العرض للاستلام فقط: يُستلم الطلب كله، بما فيه المنتجات المختارة للتوصيل، من المتجر الذي تختاره هنا.',
    place: 'تأكيد الطلب',
    thanks: (name: Part, store: Part): Part[] => [
      'شكرًا لك، ',
      name,
      '. تم تأكيد طلبك: استلمه من ',
      store,
      ' في الموعد أدناه.',
    ],
    thanksNoName: (store: Part): Part[] => [
      'شكرًا لك. تم تأكيد طلبك: استلمه من ',
      store,
      ' في الموعد أدناه.',
    ],
    store: 'المتجر',
    address: 'العنوان',
    time: 'الموعد',
    who: 'الاسم',
    noTime: 'لم يُحدَّد موعد',
    separator: '، ',
    back: 'العودة إلى المتجر',
    emptied: 'أصبحت سلتك فارغة من جديد في كل علامات التبويب.',
  },
} as const;

/** One line of the order. */
interface Line {
  sku: string;
  title: string;
  qty: number;
  /** The cart's price, else the catalog's; undefined when neither knows it. */
  unitPrice?: Money;
}

const SAMPLE_ORDER = 'TSHIRT-ORG-M,CAP-OLV';

initShell();

const params = new URLSearchParams(location.search);
const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const pickup = $<OmniPickupSelector>('pickup');

/** Catalog and backend text is not translated: <bdi> keeps it whole inside Arabic. */
const bdi = (text: string) => {
  const el = document.createElement('bdi');
  el.textContent = text;
  return el;
};

const el = (tag: string, className: string, ...children: Part[]) => {
  const made = document.createElement(tag);
  made.className = className;
  made.append(...children);
  return made;
};

/** A catalog line: its name (with the variant when the product has several) and price. */
function catalogLine(sku: string, qty: number): Line | undefined {
  const found = findVariant(sku);
  if (!found) return undefined;
  const { product, variant } = found;
  const title = product.variants.length > 1 ? `${product.title} (${variant.label})` : product.title;
  return { sku, title, qty, unitPrice: product.price };
}

/** `SKU*2,SKU*1` (or plain skus, one each) as catalog lines; unknown skus are left out. */
function parseLines(value: string): Line[] {
  return value
    .split(',')
    .map((part) => {
      const [sku = '', qty = '1'] = part.trim().split('*');
      return catalogLine(sku.trim(), Math.max(1, Math.min(99, Math.floor(Number(qty)) || 1)));
    })
    .filter((line): line is Line => line !== undefined);
}

const money = (value: Money) => formatMoney(value, lang());
const count = (n: number) => new Intl.NumberFormat(lang()).format(n);

/** The lines with quantity and price, then subtotal, pickup (free) and total. */
function renderOrder(list: HTMLElement, totals: HTMLElement, lines: readonly Line[]): void {
  const t = TEXT[lang()];
  list.replaceChildren(
    ...lines.map((line) => {
      const total = line.unitPrice && multiplyMoney(line.unitPrice, line.qty);
      return el(
        'li',
        'order-line',
        el(
          'span',
          'order-line-text',
          bdi(line.title),
          el(
            'span',
            'muted',
            line.unitPrice
              ? t.each(count(line.qty), money(line.unitPrice))
              : t.each(count(line.qty), '—'),
          ),
        ),
        el('span', 'order-line-total', total ? money(total) : '—'),
      );
    }),
  );
  const priced = lines.every((line) => line.unitPrice);
  const currency = lines[0]?.unitPrice?.currency ?? 'EUR';
  const subtotal =
    priced && lines.length
      ? money(
          sumMoney(
            lines.map((l) => multiplyMoney(l.unitPrice!, l.qty)),
            currency,
          ),
        )
      : '—';
  const rows: [string, string, string][] = [
    [t.subtotal, subtotal, ''],
    [t.pickupFee, t.free, ''],
    [t.total, subtotal, 'total'],
  ];
  totals.replaceChildren(
    ...rows.map(([label, value, className]) => {
      const row = el('div', className, el('dt', '', label), el('dd', '', value));
      return row;
    }),
  );
}

/**
 * The demo backend's slot ids read `<store>_<YYYYMMDD>_<HHMM>`, store-local, and its times are an
 * hour long (opaque to the widget; a merchant's checkout knows its own slots): "Friday 4
 * December, 11:00 AM – 12:00 PM".
 */
function slotText(slot: string): string | undefined {
  const match = /_(\d{4})(\d{2})(\d{2})_(\d{2})(\d{2})$/.exec(slot);
  if (!match) return undefined;
  const [y, m, d, hh, mm] = match.slice(1).map(Number) as [number, number, number, number, number];
  const start = Date.UTC(y, m - 1, d, hh, mm);
  const day = new Intl.DateTimeFormat(lang(), {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(start);
  const time = new Intl.DateTimeFormat(lang(), {
    hour: 'numeric',
    minute: '2-digit',
    timeZone: 'UTC',
  }).formatRange(start, start + 60 * 60_000);
  return `${day}${TEXT[lang()].separator}${time}`;
}

const submitted = params.get('pickup');
if (submitted === null) showForm();
else showConfirmation(submitted);

// ---- the checkout form ----

function showForm(): void {
  let lines: Line[] | undefined;
  const cartId = params.get('cart') ?? '';
  const skus = params.get('skus');

  const setLines = (next: Line[], fromCart = '') => {
    lines = next;
    // The selector checks every line at each store, by name and quantity.
    pickup.lines = next.map(({ sku, title, qty }) => ({ sku, title, qty }));
    $<HTMLInputElement>('items-field').value = next.map((l) => `${l.sku}*${l.qty}`).join(',');
    const cartField = $<HTMLInputElement>('cart-id');
    cartField.value = fromCart;
    cartField.disabled = !fromCart;
    render();
  };

  const render = () => {
    if (lines) renderOrder($('items'), $('totals'), lines);
    else $('items').replaceChildren(el('li', 'order-line muted', TEXT[lang()].loading));
  };

  if (skus !== null && !cartId) {
    setLines(parseLines(skus));
  } else {
    // The cart's own lines (this tab's copy of the cart, synced with the server).
    void cart()
      .then(async (store) => {
        await store.ready;
        const { view } = store;
        const ordered = view.lines.filter((line) => line.qty > 0);
        if (!ordered.length) throw new Error('an empty cart');
        setLines(
          ordered.map(({ sku, title, qty, unitPrice }) => ({
            sku,
            title,
            qty,
            unitPrice: unitPrice ?? catalogLine(sku, qty)?.unitPrice,
          })),
          view.cartId ?? '',
        );
      })
      .catch(() => setLines(parseLines(skus ?? SAMPLE_ORDER), cartId));
  }

  onLanguageChange((language) => {
    const t = TEXT[language];
    $('title').textContent = t.title;
    $('order-heading').textContent = t.order;
    $('name-label').textContent = t.name;
    $('pickup-heading').textContent = t.pickup;
    $('pickup-only').textContent = t.pickupOnly;
    $('place').textContent = t.place;
    render();
  });
}

// ---- the confirmation ----

function showConfirmation(value: string): void {
  // Nothing to choose any more: the form (and its selector) goes.
  $('order').remove();
  $('confirmation').hidden = false;
  const choice = new URLSearchParams(value);
  const store = STORES.find((s) => s.id === choice.get('store'));
  const slot = choice.get('slot');
  const name = (params.get('name') ?? '').trim();
  const lines = parseLines(params.get('items') ?? params.get('skus') ?? '');

  onLanguageChange((language) => {
    const t = TEXT[language];
    $('title').textContent = t.placed;
    document.title = `${t.placed} · Omnishelf`;
    const storeName = bdi(store?.name ?? choice.get('store') ?? '—');
    $('thanks').replaceChildren(
      ...(name ? t.thanks(bdi(name), storeName) : t.thanksNoName(storeName)),
    );
    $('done-pickup-heading').textContent = t.pickup;
    $('done-order-heading').textContent = t.order;
    $('back').textContent = t.back;
    const address = store
      ? [store.address.line1, store.address.city].filter(Boolean).join(', ')
      : '';
    const rows: [string, Part][] = [
      [t.store, bdi(store?.name ?? '—')],
      ...(address ? [[t.address, bdi(address)] as [string, Part]] : []),
      [t.time, (slot && slotText(slot)) || t.noTime],
      ...(name ? [[t.who, bdi(name)] as [string, Part]] : []),
    ];
    $('summary').replaceChildren(
      ...rows.flatMap(([label, text]) => [el('dt', '', label), el('dd', '', text)]),
    );
    renderOrder($('done-items'), $('done-totals'), lines);
  });
  $('title').focus();

  // Placed: the page's cart (and the shopper's other tabs) forget the cart that was ordered.
  const cartId = params.get('cart');
  if (cartId) {
    void cart().then(async (cartStore) => {
      await cartStore.ready;
      if (await cartStore.completeCheckout(cartId)) {
        $('cart-done').textContent = TEXT[lang()].emptied;
      }
    });
  }
}
