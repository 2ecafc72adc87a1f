import { expect } from '@open-wc/testing';
import { PLURAL_CATEGORIES, pluralCategory } from '../../../src/core/i18n/plural.js';
import { SUPPORTED_LOCALES, setOmniLocale } from '../../../src/core/i18n/localization.js';
import { formatNumber } from '../../../src/core/i18n/format.js';
import {
  inStockCount,
  onlyLeft,
  storesWithItem,
} from '../../../src/components/stock-checker/messages.js';
import { showMoreStores } from '../../../src/components/stock-checker/store-messages.js';
import {
  itemsAvailable,
  minutesLeft,
  pickupStores,
  placesLeft,
} from '../../../src/components/pickup-selector/messages.js';
import {
  itemsInCart,
  offlineStatus,
  otherCartItems,
  thisCartItems,
  unreachableStatus,
} from '../../../src/components/cart/messages.js';

type Locale = (typeof SUPPORTED_LOCALES)[number];
const COUNTS: readonly number[] = [0, 1, 2, 5, 11, 21, 101];

/** Every plural message of the widgets, by the id its six forms share. */
const MESSAGES: Record<string, (count: number, locale: string) => string> = {
  'stock.summary.stores': (n, l) => storesWithItem(n, '00100', l),
  'stock.store.more': showMoreStores,
  'stock.quantity.inStock': inStockCount,
  'stock.quantity.left': onlyLeft,
  'pickup.summary.stores': (n, l) => pickupStores(n, '00100', l),
  'pickup.store.items': (n, l) => itemsAvailable(n, n, l),
  'pickup.slot.places': placesLeft,
  'pickup.hold.minutes': minutesLeft,
  'cart.items': itemsInCart,
  'cart.status.offline': offlineStatus,
  'cart.status.error': unreachableStatus,
  'cart.choice.otherItems': otherCartItems,
  'cart.choice.thisItems': thisCartItems,
};

async function inLocale<T>(locale: Locale, body: () => T): Promise<T> {
  await setOmniLocale(locale);
  try {
    return body();
  } finally {
    await setOmniLocale('en');
  }
}

describe('plural messages', () => {
  describe('pluralCategory', () => {
    // CLDR's cardinal categories, as Intl.PluralRules gives them in both engines.
    const expected: Record<Locale, string[]> = {
      en: ['other', 'one', 'other', 'other', 'other', 'other', 'other'],
      ar: ['zero', 'one', 'two', 'few', 'many', 'many', 'other'],
      lt: ['other', 'one', 'few', 'few', 'other', 'one', 'one'],
      sw: ['other', 'one', 'other', 'other', 'other', 'other', 'other'],
      nb: ['other', 'one', 'other', 'other', 'other', 'other', 'other'],
      // Filipino: "one" unless the last digit is 4, 6 or 9 (it decides the linker, na or -ng).
      fil: ['one', 'one', 'one', 'one', 'one', 'one', 'one'],
    };
    for (const locale of SUPPORTED_LOCALES) {
      it(`selects ${locale}'s forms for ${COUNTS.join(', ')}`, () => {
        expect(COUNTS.map((n) => pluralCategory(n, locale))).to.deep.equal(expected[locale]);
      });
    }

    it('reads a count that is not a number, or a locale that is not one, as "other"/English', () => {
      expect(pluralCategory(Number.NaN, 'lt')).to.equal('other');
      expect(pluralCategory(1, 'not a locale!')).to.equal('one');
      expect(pluralCategory(4, 'fil')).to.equal('other');
    });
  });

  describe('in each language', () => {
    // Digits through 'en' here, so that the strings are the same in every engine's ICU.
    const stores: Record<Locale, string[]> = {
      en: [
        '0 stores near 00100 have this item.',
        '1 store near 00100 has this item.',
        '2 stores near 00100 have this item.',
        '5 stores near 00100 have this item.',
        '11 stores near 00100 have this item.',
        '21 stores near 00100 have this item.',
        '101 stores near 00100 have this item.',
      ],
      ar: [
        'يتوفر هذا المنتج في 0 متجر بالقرب من 00100.',
        'يتوفر هذا المنتج في 1 متجر بالقرب من 00100.',
        'يتوفر هذا المنتج في 2 متجرين بالقرب من 00100.',
        'يتوفر هذا المنتج في 5 متاجر بالقرب من 00100.',
        'يتوفر هذا المنتج في 11 متجرًا بالقرب من 00100.',
        'يتوفر هذا المنتج في 21 متجرًا بالقرب من 00100.',
        'يتوفر هذا المنتج في 101 متجر بالقرب من 00100.',
      ],
      lt: [
        'Šią prekę turi 0 parduotuvių netoli 00100.',
        'Šią prekę turi 1 parduotuvė netoli 00100.',
        'Šią prekę turi 2 parduotuvės netoli 00100.',
        'Šią prekę turi 5 parduotuvės netoli 00100.',
        'Šią prekę turi 11 parduotuvių netoli 00100.',
        'Šią prekę turi 21 parduotuvė netoli 00100.',
        'Šią prekę turi 101 parduotuvė netoli 00100.',
      ],
      sw: [
        'Maduka 0 karibu na 00100 yana bidhaa hii.',
        'Duka 1 karibu na 00100 lina bidhaa hii.',
        'Maduka 2 karibu na 00100 yana bidhaa hii.',
        'Maduka 5 karibu na 00100 yana bidhaa hii.',
        'Maduka 11 karibu na 00100 yana bidhaa hii.',
        'Maduka 21 karibu na 00100 yana bidhaa hii.',
        'Maduka 101 karibu na 00100 yana bidhaa hii.',
      ],
      nb: [
        '0 butikker nær 00100 har varen.',
        '1 butikk nær 00100 har varen.',
        '2 butikker nær 00100 har varen.',
        '5 butikker nær 00100 har varen.',
        '11 butikker nær 00100 har varen.',
        '21 butikker nær 00100 har varen.',
        '101 butikker nær 00100 har varen.',
      ],
      fil: COUNTS.map((n) => `May item na ito sa ${n} tindahan malapit sa 00100.`),
    };
    const onlyLeftTexts: Record<Locale, string[]> = {
      en: COUNTS.map((n) => `Only ${n} left`),
      ar: [
        'بقيت 0 قطعة فقط',
        'بقيت 1 قطعة فقط',
        'بقيت 2 قطعتان فقط',
        'بقيت 5 قطع فقط',
        'بقيت 11 قطعةً فقط',
        'بقيت 21 قطعةً فقط',
        'بقيت 101 قطعة فقط',
      ],
      lt: [
        'Liko tik 0 vienetų',
        'Liko tik 1 vienetas',
        'Liko tik 2 vienetai',
        'Liko tik 5 vienetai',
        'Liko tik 11 vienetų',
        'Liko tik 21 vienetas',
        'Liko tik 101 vienetas',
      ],
      sw: COUNTS.map((n) => (n === 1 ? 'Kimebaki kipande 1 tu' : `Vimebaki vipande ${n} tu`)),
      nb: COUNTS.map((n) => `Bare ${n} igjen`),
      fil: COUNTS.map((n) => `${n} na lang ang natitira`),
    };
    const cartTexts: Record<Locale, string[]> = {
      en: COUNTS.map((n) => `${n} ${n === 1 ? 'item' : 'items'} in your cart`),
      ar: [
        'في سلتك 0 منتج',
        'في سلتك 1 منتج',
        'في سلتك 2 منتجان',
        'في سلتك 5 منتجات',
        'في سلتك 11 منتجًا',
        'في سلتك 21 منتجًا',
        'في سلتك 101 منتج',
      ],
      lt: [
        'Krepšelyje 0 prekių',
        'Krepšelyje 1 prekė',
        'Krepšelyje 2 prekės',
        'Krepšelyje 5 prekės',
        'Krepšelyje 11 prekių',
        'Krepšelyje 21 prekė',
        'Krepšelyje 101 prekė',
      ],
      sw: COUNTS.map((n) => `Bidhaa ${n} ${n === 1 ? 'iko' : 'ziko'} kwenye kikapu chako`),
      nb: COUNTS.map((n) => `${n} ${n === 1 ? 'vare' : 'varer'} i handlekurven`),
      fil: COUNTS.map((n) => `${n} item sa cart mo`),
    };

    for (const locale of SUPPORTED_LOCALES) {
      it(`says "N stores near X have this item", "Only N left" and the cart count in ${locale}`, async () => {
        await inLocale(locale, () => {
          expect(COUNTS.map((n) => storesWithItem(n, '00100', 'en'))).to.deep.equal(stores[locale]);
          expect(COUNTS.map((n) => onlyLeft(n, 'en'))).to.deep.equal(onlyLeftTexts[locale]);
          expect(COUNTS.map((n) => itemsInCart(n, 'en'))).to.deep.equal(cartTexts[locale]);
        });
      });
    }

    it('covers every plural message of the XLIFF files', async () => {
      const xliff = await (await fetch('/xliff/lt.xlf')).text();
      const ids = [...xliff.matchAll(/<trans-unit id="([^"]+)\.other"/g)].map((m) => m[1]);
      expect(Object.keys(MESSAGES).sort()).to.deep.equal(ids.sort());
      expect(PLURAL_CATEGORIES).to.have.length(6);
    });
  });

  describe('every plural message, in every language, for 0, 1, 2, 5, 11, 21 and 101', () => {
    /** The text with its count taken out, to compare the forms themselves. */
    const form = (text: string, n: number, locale: string) =>
      text.split(formatNumber(n, locale)).join('#');
    /**
     * Messages whose words do not change with the count in a language (so its forms may be the
     * same): the unit of the minutes comes from Intl, Norwegian and English "on stock"/"left"
     * have no noun, Swahili "bidhaa" (goods) does not inflect, Filipino nouns never do.
     */
    const same: Record<Locale, string[]> = {
      en: [
        'stock.quantity.inStock',
        'stock.quantity.left',
        'pickup.slot.places',
        'pickup.hold.minutes',
      ],
      ar: ['pickup.hold.minutes'],
      lt: ['pickup.hold.minutes'],
      sw: ['cart.choice.otherItems', 'cart.choice.thisItems'],
      nb: ['stock.quantity.inStock', 'stock.quantity.left', 'pickup.hold.minutes'],
      fil: Object.keys(MESSAGES),
    };
    /** Forms that must differ: the categories the language's grammar tells apart. */
    const distinct: Record<Locale, number[][]> = {
      en: [[1, 2]],
      ar: [[1, 2, 5, 11]],
      lt: [
        [1, 2],
        [1, 11],
      ],
      sw: [[1, 2]],
      nb: [[1, 2]],
      fil: [],
    };
    const english = new Map<string, string>();
    for (const [id, message] of Object.entries(MESSAGES)) {
      for (const n of COUNTS) english.set(`${id} ${n}`, message(n, 'en'));
    }

    for (const locale of SUPPORTED_LOCALES) {
      it(`reads as ${locale}, with the count, in the form the count takes`, async () => {
        await inLocale(locale, () => {
          for (const [id, message] of Object.entries(MESSAGES)) {
            const texts = new Map(COUNTS.map((n) => [n, message(n, locale)]));
            for (const [n, text] of texts) {
              const where = `${locale} ${id} ${n}: ${text}`;
              expect(text.trim(), where).to.not.equal('');
              expect(text, where).to.not.match(/[{}]|\b[a-z]+\.[a-z]+\.[a-zA-Z]+\b/);
              if (id !== 'pickup.hold.minutes' || n > 2 || locale !== 'ar') {
                expect(text, where).to.include(formatNumber(n, locale));
              }
              if (locale !== 'en') expect(text, where).to.not.equal(english.get(`${id} ${n}`));
            }
            if (same[locale].includes(id)) continue;
            for (const group of distinct[locale]) {
              const forms = group.map((n) => form(texts.get(n)!, n, locale));
              expect(new Set(forms).size, `${locale} ${id}: ${forms.join(' | ')}`).to.equal(
                group.length,
              );
            }
          }
        });
      });
    }
  });
});
