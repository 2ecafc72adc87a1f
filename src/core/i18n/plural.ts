/**
 * Messages that embed a count ("3 stores near 00100 have this item", "Only 2 left"). Languages
 * bend the words around a number differently: English has two forms (1 / other), Lithuanian three
 * that matter (1, 21 · 2-9, 22 · 0, 10-20), Arabic six (0 · 1 · 2 · 3-10 · 11-99 · 100-102).
 * `Intl.PluralRules` knows which form a number takes in a language: its CLDR category, one of
 * zero, one, two, few, many, other.
 *
 * So a plural message is six msg calls, one per category, with ids `<message>.<category>`:
 *
 * ```ts
 * plural(count, {
 *   zero: () => msg(str`Only ${n} left`, { id: 'stock.quantity.left.zero' }),
 *   one: () => msg(str`Only ${n} left`, { id: 'stock.quantity.left.one' }),
 *   two: () => msg(str`Only ${n} left`, { id: 'stock.quantity.left.two' }),
 *   few: () => msg(str`Only ${n} left`, { id: 'stock.quantity.left.few' }),
 *   many: () => msg(str`Only ${n} left`, { id: 'stock.quantity.left.many' }),
 *   other: () => msg(str`Only ${n} left`, { id: 'stock.quantity.left.other' }),
 * });
 * ```
 *
 * Every category is written in the source, so that each reaches every XLIFF file: a translator
 * fills the forms their language uses and repeats `other` in the rest, and the English text of a
 * category English does not use (zero, two, few, many) repeats `other`. Each form keeps every
 * placeholder. `scripts/check-i18n.mjs` checks that a plural message has all six ids.
 */
import { getOmniLocale } from './localization.js';

/** A CLDR plural category. */
export type PluralCategory = Intl.LDMLPluralRule;

export const PLURAL_CATEGORIES: readonly PluralCategory[] = [
  'zero',
  'one',
  'two',
  'few',
  'many',
  'other',
];

/** One message per category; only the one the count needs is evaluated. */
export type PluralForms = Readonly<Record<PluralCategory, () => string>>;

const rules = new Map<string, Intl.PluralRules>();

/**
 * The category of `count` in `locale` (`Intl.PluralRules`, cardinal): `other` for a count that is
 * not a finite number or a locale that cannot be read.
 */
export function pluralCategory(count: number, locale: string): PluralCategory {
  if (!Number.isFinite(count)) return 'other';
  let rule = rules.get(locale);
  if (!rule) {
    try {
      rule = new Intl.PluralRules(locale);
    } catch {
      rule = new Intl.PluralRules('en');
    }
    rules.set(locale, rule);
  }
  return rule.select(count);
}

/**
 * The form of a plural message for `count` in the active language of the widgets (the language
 * its translations are in, whatever regional locale formats the number).
 */
export function plural(count: number, forms: PluralForms): string {
  return forms[pluralCategory(count, getOmniLocale())]();
}
