/**
 * A stand-in for the merchant's checkout: `?cart=<id>` from the cart's checkout link. "Place
 * order" tells the page's cart that checkout completed (`cart().completeCheckout(id)`), which
 * empties it here and in the shopper's other tabs. A checkout in another window would
 * `postMessage({ type: 'omnishelf:checkout-complete', cartId }, storeOrigin)` instead.
 */
import { cart } from '../src/loader.js';
import { initShell, onLanguageChange, type DemoLang } from './shell.js';

const TEXT: Record<DemoLang, Record<'title' | 'lead' | 'place' | 'done' | 'none', string>> = {
  en: {
    title: 'Checkout',
    lead: 'A stand-in for the merchant’s checkout. The cart it received:',
    place: 'Place order',
    done: 'Thank you! Your order is placed and your cart is empty again, in every tab.',
    none: 'No cart was given to this checkout.',
  },
  ar: {
    title: 'إتمام الشراء',
    lead: 'صفحة بديلة لصفحة إتمام الشراء لدى التاجر. السلة التي وصلتها:',
    place: 'تأكيد الطلب',
    done: 'شكرًا لك! تم تأكيد طلبك وأصبحت سلتك فارغة من جديد في كل علامات التبويب.',
    none: 'لم تصل أي سلة إلى صفحة إتمام الشراء هذه.',
  },
};

initShell();

const cartId = new URLSearchParams(location.search).get('cart') ?? '';
const $ = (id: string) => document.getElementById(id)!;
const button = $('place-order') as HTMLButtonElement;
let placed = false;

onLanguageChange((lang) => {
  const text = TEXT[lang];
  $('checkout-title').textContent = text.title;
  $('checkout-lead').textContent = cartId ? text.lead : text.none;
  $('checkout-cart').textContent = cartId;
  button.textContent = text.place;
  button.hidden = !cartId || placed;
  $('checkout-done').textContent = placed ? text.done : '';
});

button.addEventListener('click', async () => {
  const store = await cart();
  await store.ready;
  await store.completeCheckout(cartId);
  placed = true;
  button.hidden = true;
  $('checkout-done').textContent = TEXT[document.documentElement.lang === 'ar' ? 'ar' : 'en'].done;
});
