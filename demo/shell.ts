/**
 * What every demo page shares: the language switcher (sets `<html lang dir>`, the demo's own
 * strings, and `configure({ locale })` for the widgets) and the "Demo backend" fault panel.
 * Everything is built with DOM APIs and `textContent`: catalog text is never parsed as HTML.
 */
import { configure } from '../src/loader.js';

export type DemoLang = 'en' | 'ar';

const STRINGS = {
  en: {
    brandTag: 'demo store',
    storeName: 'Omnishelf demo store',
    navAll: 'All products',
    navMerchant: 'Script-tag page',
    navCheckout: 'Checkout',
    pickupTitle: 'Pick up in store',
    toCheckout: 'Continue to checkout',
    language: 'Language',
    chooseVariant: 'Choose an option',
    availability: 'Availability in stores',
    delivery: 'Delivery',
    notFound: 'We could not find that product; here is one we have.',
    listingTitle: 'All products',
    listingLead: 'Live store stock on every tile, from the Omnishelf badge.',
    productCount: (n: number) => `${n} products`,
    clothing: 'Clothing',
    shoes: 'Shoes',
    home: 'Home',
    electronics: 'Electronics',
    faultsTitle: 'Demo backend',
    faultsLead: 'Make the demo API slow, flaky or offline to see how the widgets cope.',
    latency: 'Latency (ms)',
    errorRate: 'Error rate',
    malformed: 'Malformed JSON',
    offline: 'Offline',
    resetFaults: 'Clear faults',
    resetData: 'Reset demo data',
    saved: 'Saved. The widgets on this page asked again.',
    faultsCleared: 'Faults cleared.',
    dataReset: 'Demo data reset.',
    unreachable: 'The demo backend is not reachable (run `npm start`).',
    footer: 'Omnishelf demo storefront. Products, prices and stores are fictional.',
  },
  ar: {
    brandTag: 'متجر تجريبي',
    storeName: 'متجر Omnishelf التجريبي',
    navAll: 'كل المنتجات',
    navMerchant: 'صفحة وسم السكربت',
    navCheckout: 'إتمام الطلب',
    pickupTitle: 'الاستلام من المتجر',
    toCheckout: 'متابعة إلى إتمام الطلب',
    language: 'اللغة',
    chooseVariant: 'اختر خيارًا',
    availability: 'التوفر في المتاجر',
    delivery: 'التوصيل',
    notFound: 'لم نجد هذا المنتج، وإليك منتجًا متوفرًا لدينا.',
    listingTitle: 'كل المنتجات',
    listingLead: 'مخزون المتاجر مباشرةً على كل بطاقة، من خلال شارة Omnishelf للمخزون.',
    productCount: (n: number) => `${new Intl.NumberFormat('ar').format(n)} منتجًا`,
    clothing: 'ملابس',
    shoes: 'أحذية',
    home: 'المنزل',
    electronics: 'إلكترونيات',
    faultsTitle: 'الخادم التجريبي',
    faultsLead: 'اجعل الخادم التجريبي بطيئًا أو متقطعًا أو غير متصل لترى كيف تتصرف المكونات.',
    latency: 'زمن الاستجابة (مللي ثانية)',
    errorRate: 'نسبة الأخطاء',
    malformed: 'JSON تالف',
    offline: 'غير متصل',
    resetFaults: 'إزالة الأعطال',
    resetData: 'إعادة ضبط البيانات',
    saved: 'تم الحفظ. أعادت المكونات في هذه الصفحة الطلب.',
    faultsCleared: 'أزيلت الأعطال.',
    dataReset: 'أعيد ضبط البيانات التجريبية.',
    unreachable: 'تعذر الوصول إلى الخادم التجريبي (شغّل `npm start`).',
    footer: 'متجر Omnishelf التجريبي. المنتجات والأسعار والمتاجر خيالية.',
  },
} as const;

export type StringKey = {
  [K in keyof (typeof STRINGS)['en']]: (typeof STRINGS)['en'][K] extends string ? K : never;
}[keyof (typeof STRINGS)['en']];

const STORAGE_KEY = 'omnishelf-demo-lang';
const listeners = new Set<(lang: DemoLang) => void>();
let current: DemoLang = 'en';

export const lang = (): DemoLang => current;

export function t(key: StringKey): string {
  return STRINGS[current][key];
}

export function productCount(n: number): string {
  return STRINGS[current].productCount(n);
}

export function categoryName(category: string): string {
  return category in STRINGS.en ? t(category as StringKey) : category;
}

/** The shop's prices and numbers in the page's language. */
export function formatMoney(amount: string, currency: string): string {
  return new Intl.NumberFormat(current, { style: 'currency', currency }).format(Number(amount));
}

let pagePart: string | undefined;

/**
 * The tab title: the page's own part, then the store's name in the page's language. Without a
 * part of its own, a page is named by its entry in the navigation (`aria-current="page"`).
 */
export function setPageTitle(part?: string): void {
  pagePart = part;
  showTitle();
}

function showTitle(): void {
  const current = document.querySelector<HTMLElement>('.site-nav [aria-current="page"][data-i18n]');
  const part = pagePart ?? (current ? t(current.dataset.i18n as StringKey) : undefined);
  document.title = part ? `${part} · ${t('storeName')}` : t('storeName');
}

/** Runs now and after every language switch. */
export function onLanguageChange(listener: (lang: DemoLang) => void): void {
  listeners.add(listener);
  listener(current);
}

function initialLang(): DemoLang {
  const fromUrl = new URLSearchParams(location.search).get('lang');
  if (fromUrl === 'en' || fromUrl === 'ar') return fromUrl;
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored === 'en' || stored === 'ar') return stored;
  } catch {
    /* storage blocked: fall through */
  }
  return 'en';
}

export function setLanguage(next: DemoLang): void {
  current = next;
  const root = document.documentElement;
  root.lang = next;
  root.dir = next === 'ar' ? 'rtl' : 'ltr';
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    /* storage blocked: the choice lasts for this page only */
  }
  configure({ locale: next });
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
    // Only when it changes: rewriting the same text would still move it on screen.
    const text = t(el.dataset.i18n as StringKey);
    if (el.textContent !== text) el.textContent = text;
  }
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-lang]')) {
    button.setAttribute('aria-pressed', String(button.dataset.lang === next));
  }
  showTitle();
  for (const listener of listeners) listener(next);
}

function initLanguageSwitcher(): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-lang]')) {
    button.addEventListener('click', () => setLanguage(button.dataset.lang as DemoLang));
  }
  setLanguage(initialLang());
}

interface Faults {
  latencyMs: number;
  errorRate: number;
  malformed: boolean;
  offline: boolean;
}

async function postJson(url: string, body: unknown): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** Wires the `#fault-panel` form, if the page has one, to the demo backend's /__omni/faults. */
function initFaultPanel(): void {
  const form = document.querySelector<HTMLFormElement>('#fault-panel form');
  if (!form) return;
  const status = form.querySelector<HTMLElement>('[role="status"]')!;
  const latency = form.elements.namedItem('latencyMs') as HTMLInputElement;
  const errorRate = form.elements.namedItem('errorRate') as HTMLInputElement;
  const errorRateOut = form.querySelector<HTMLOutputElement>('output[for="fault-error-rate"]')!;
  const malformed = form.elements.namedItem('malformed') as HTMLInputElement;
  const offline = form.elements.namedItem('offline') as HTMLInputElement;

  const say = (key: StringKey) => {
    status.dataset.i18n = key;
    status.textContent = t(key);
  };
  const showRate = () => {
    errorRateOut.value = new Intl.NumberFormat(lang(), { style: 'percent' }).format(
      Number(errorRate.value),
    );
  };
  onLanguageChange(showRate);

  const show = (faults: Faults) => {
    latency.value = String(faults.latencyMs);
    errorRate.value = String(faults.errorRate);
    malformed.checked = faults.malformed;
    offline.checked = faults.offline;
    showRate();
  };

  const request = async (run: () => Promise<Response>, done?: StringKey) => {
    try {
      const response = await run();
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      if (response.headers.get('content-type')?.includes('json')) {
        const body = (await response.json()) as Partial<Faults>;
        if (typeof body.latencyMs === 'number') show(body as Faults);
      }
      if (done) {
        say(done);
        refreshWidgets();
      }
    } catch {
      say('unreachable');
    }
  };

  void request(() => fetch('/__omni/faults'));

  errorRate.addEventListener('input', showRate);
  form.addEventListener('change', () => {
    const faults: Faults = {
      latencyMs: Math.max(0, Number(latency.value) || 0),
      errorRate: Math.min(1, Math.max(0, Number(errorRate.value) || 0)),
      malformed: malformed.checked,
      offline: offline.checked,
    };
    void request(() => postJson('/__omni/faults', faults), 'saved');
  });
  form.addEventListener('submit', (event) => event.preventDefault());
  form
    .querySelector('[data-action="reset-faults"]')!
    .addEventListener('click', () =>
      request(() => postJson('/__omni/faults', { reset: true }), 'faultsCleared'),
    );
  form
    .querySelector('[data-action="reset-data"]')!
    .addEventListener('click', () => request(() => postJson('/__omni/reset', {}), 'dataReset'));
}

/** Every Omnishelf widget on the page asks its backend again (past its cache): faults apply at once. */
function refreshWidgets(): void {
  for (const el of document.querySelectorAll<HTMLElement & { refresh?: () => unknown }>('*')) {
    if (el.localName.startsWith('omni-') && typeof el.refresh === 'function') void el.refresh();
  }
}

export function initShell(): void {
  initLanguageSwitcher();
  initFaultPanel();
}

/** A coloured placeholder image: the colour goes through CSSOM, which a strict CSP allows. */
export function paintSwatch(el: HTMLElement, color: string): void {
  el.style.setProperty('--swatch', /^#[0-9a-f]{3,8}$/i.test(color) ? color : '#888');
}
