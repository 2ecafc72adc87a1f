/**
 * Money as decimal strings, never binary floats: `{ amount: "12.99", currency: "EUR" }`.
 *
 * Arithmetic is exact. Amounts are parsed into a `bigint` count of units at the amount's own
 * scale ("12.99" is 1299 at scale 2), aligned to the larger scale, and written back. Nothing is
 * ever rounded: 0.1 + 0.2 is "0.3", "19.90" x 3 is "59.7", "0.125" stays "0.125". Rounding
 * happens only when formatting for display (see `formatMoney`).
 *
 * Results are normalised (`normalizeAmount`): no leading zeros, no trailing fractional zeros,
 * no "-0". A wire format that wants the currency's minor digits ("14.50") gets them from
 * `withCurrencyDigits`.
 *
 * Every function validates its inputs and throws `MoneyError` for a malformed amount, a malformed
 * currency code, mixed currencies, or a result longer than `MAX_AMOUNT_LENGTH`.
 */
import type { Money } from '../api/types.js';
import { safeLocale } from '../i18n/format.js';

/** Mixed currencies, a malformed amount or currency code, or a result out of range. */
export class MoneyError extends Error {
  override readonly name = 'MoneyError';
}

/** The longest amount accepted or produced, sign and decimal point included. */
export const MAX_AMOUNT_LENGTH = 40;

const AMOUNT = /^-?\d+(\.\d+)?$/;
const CURRENCY = /^[A-Z]{3}$/;

/**
 * True for a plain decimal string: optional "-", digits, optionally "." and digits, at most
 * `MAX_AMOUNT_LENGTH` characters. No exponent, no "+", no grouping, no spaces, no ",".
 * Leading zeros are allowed ("012.50"); `normalizeAmount` removes them.
 */
export function isAmount(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_AMOUNT_LENGTH && AMOUNT.test(value);
}

/** True for `{ amount, currency }` with an `isAmount` amount and a three-letter uppercase code. */
export function isMoney(value: unknown): value is Money {
  if (typeof value !== 'object' || value === null) return false;
  const { amount, currency } = value as Record<string, unknown>;
  return isAmount(amount) && typeof currency === 'string' && CURRENCY.test(currency);
}

/** An exact decimal: `units` / 10^`scale`. */
interface Decimal {
  units: bigint;
  scale: number;
}

function quote(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return text.length > 50 ? `${text.slice(0, 47)}...` : text;
}

function parse(amount: string): Decimal {
  if (!isAmount(amount)) throw new MoneyError(`Malformed amount: ${quote(amount)}.`);
  const negative = amount.startsWith('-');
  const [whole = '', fraction = ''] = (negative ? amount.slice(1) : amount).split('.');
  const units = BigInt(whole + fraction);
  return { units: negative ? -units : units, scale: fraction.length };
}

function write({ units, scale }: Decimal): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale).replace(/0+$/, '');
  const text = fraction ? `${whole}.${fraction}` : whole;
  return negative ? `-${text}` : text;
}

/** `a` and `b` as unit counts at their common (larger) scale. */
function align(a: Decimal, b: Decimal): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [
    a.units * 10n ** BigInt(scale - a.scale),
    b.units * 10n ** BigInt(scale - b.scale),
    scale,
  ];
}

function checkCurrency(currency: string): string {
  if (typeof currency !== 'string' || !CURRENCY.test(currency)) {
    throw new MoneyError(`Malformed currency code: ${quote(currency)}.`);
  }
  return currency;
}

function parseMoney(value: Money): Decimal {
  checkCurrency(value.currency);
  return parse(value.amount);
}

function sameCurrency(a: Money, b: Money): string {
  if (a.currency !== b.currency) {
    throw new MoneyError(`Currency mismatch: ${a.currency} and ${b.currency}.`);
  }
  return a.currency;
}

function result(amount: string, currency: string): Money {
  if (amount.length > MAX_AMOUNT_LENGTH) {
    throw new MoneyError(`Amount out of range: more than ${MAX_AMOUNT_LENGTH} characters.`);
  }
  return { amount, currency };
}

/**
 * `amount` without leading zeros, trailing fractional zeros or a negative zero:
 * "012.50" -> "12.5", "3.000" -> "3", "-0.00" -> "0", "0.5" stays "0.5".
 * Throws `MoneyError` when `amount` is not `isAmount`.
 */
export function normalizeAmount(amount: string): string {
  return write(parse(amount));
}

/**
 * A normalised `Money`. `amount` is a decimal string or a safe integer (`money(5, 'EUR')`); a
 * fractional number throws `MoneyError`, because it may already have lost its exact value.
 */
export function money(amount: string | number, currency: string): Money {
  checkCurrency(currency);
  if (typeof amount === 'number') {
    if (!Number.isSafeInteger(amount)) {
      throw new MoneyError(`Amount must be a decimal string or a safe integer: ${amount}.`);
    }
    return { amount: String(amount), currency };
  }
  return { amount: normalizeAmount(amount), currency };
}

/** Zero in `currency`: `{ amount: "0", currency }`. */
export function zeroMoney(currency: string): Money {
  return { amount: '0', currency: checkCurrency(currency) };
}

/** `a + b`, exactly. Throws `MoneyError` when the currencies differ. */
export function addMoney(a: Money, b: Money): Money {
  const currency = sameCurrency(a, b);
  const [x, y, scale] = align(parseMoney(a), parseMoney(b));
  return result(write({ units: x + y, scale }), currency);
}

/** `a - b`, exactly; may be negative. Throws `MoneyError` when the currencies differ. */
export function subtractMoney(a: Money, b: Money): Money {
  const currency = sameCurrency(a, b);
  const [x, y, scale] = align(parseMoney(a), parseMoney(b));
  return result(write({ units: x - y, scale }), currency);
}

/** `a x factor`, exactly, for a safe integer `factor` such as a quantity; else `MoneyError`. */
export function multiplyMoney(a: Money, factor: number): Money {
  if (!Number.isSafeInteger(factor)) {
    throw new MoneyError(`Factor must be a safe integer: ${factor}.`);
  }
  const { units, scale } = parseMoney(a);
  return result(write({ units: units * BigInt(factor), scale }), a.currency);
}

/**
 * The sum of `items`, all in `currency` (`MoneyError` otherwise); zero for an empty list.
 * Intermediate sums are not range-checked, only the total.
 */
export function sumMoney(items: readonly Money[], currency: string): Money {
  checkCurrency(currency);
  let total: Decimal = { units: 0n, scale: 0 };
  for (const item of items) {
    if (item.currency !== currency) {
      throw new MoneyError(`Currency mismatch: ${currency} and ${item.currency}.`);
    }
    const [x, y, scale] = align(total, parseMoney(item));
    total = { units: x + y, scale };
  }
  return result(write(total), currency);
}

/**
 * -1, 0 or 1 as `a` is less than, equal to or greater than `b`, whatever their scales
 * ("10" equals "10.00"; "9.999" is less than "10"). Throws `MoneyError` when the currencies differ.
 */
export function compareMoney(a: Money, b: Money): -1 | 0 | 1 {
  sameCurrency(a, b);
  const [x, y] = align(parseMoney(a), parseMoney(b));
  return x < y ? -1 : x > y ? 1 : 0;
}

/** True when the amount is zero at any scale ("0", "0.00", "-0"). */
export function isZeroMoney(a: Money): boolean {
  return parseMoney(a).units === 0n;
}

const digitsByCurrency = new Map<string, number>();

/**
 * The number of minor-unit digits Intl gives `currency` (ISO 4217): EUR 2, JPY 0, KWD 3. Throws
 * `MoneyError` for a malformed code.
 */
export function currencyDigits(currency: string): number {
  checkCurrency(currency);
  let digits = digitsByCurrency.get(currency);
  if (digits === undefined) {
    try {
      digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits;
    } catch {
      throw new MoneyError(`Unknown currency code: ${quote(currency)}.`);
    }
    digits ??= 2;
    digitsByCurrency.set(currency, digits);
  }
  return digits;
}

/**
 * The same value, normalised and then padded to at least the currency's minor-unit digits, as
 * price lists and wire formats usually write it: "14.5" EUR -> "14.50", "3" JPY -> "3", "1" KWD ->
 * "1.000". Never rounds: "0.125" EUR stays "0.125".
 */
export function withCurrencyDigits(value: Money): Money {
  const digits = currencyDigits(value.currency);
  const amount = normalizeAmount(value.amount);
  const [whole, fraction = ''] = amount.split('.');
  const padded = fraction.padEnd(digits, '0');
  return result(padded ? `${whole}.${padded}` : amount, value.currency);
}

/** Keyed by `${locale}|${currency}`; null when Intl refuses the currency. */
const formatters = new Map<string, Intl.NumberFormat | null>();

function currencyFormat(locale: string, currency: string): Intl.NumberFormat | null {
  const key = `${locale}|${currency}`;
  let format = formatters.get(key);
  if (format === undefined) {
    format = null;
    // 'negative' keeps an amount that rounds to zero ("-0.001") from showing as "-€0.00";
    // engines older than Intl.NumberFormat v3 reject it, and get the default sign display.
    for (const signDisplay of ['negative', undefined] as const) {
      try {
        format = new Intl.NumberFormat(locale, { style: 'currency', currency, signDisplay });
        break;
      } catch {
        /* try the next options, or give up on this currency */
      }
    }
    formatters.set(key, format);
  }
  return format;
}

/**
 * `value` for display in `locale`, through Intl.NumberFormat's currency style: "€1,234.50" (en),
 * "1 234,50 €" (lt), "Ksh 1,234.50" (sw), with the locale's own digits ("١٬٢٣٤٫٥٠ €" in ar-EG).
 *
 * Rounding: to the currency's default minor-unit digits from Intl (EUR 2, JPY 0, KWD 3), half
 * away from zero (Intl's default `halfExpand`): "0.125" EUR -> "€0.13", "-0.125" -> "-€0.13",
 * "0.5" JPY -> "¥1". A value that rounds to zero shows no minus sign.
 *
 * The amount string itself is handed to `format()`, which modern engines (Intl.NumberFormat v3)
 * read as an exact decimal, so "1.005" EUR is "€1.01" and 21-digit amounts keep every digit. Older
 * engines convert the string to a binary float first, which can be off by one in the last place.
 *
 * An invalid `locale` falls back to 'en'. A currency code Intl cannot format (or one that is not
 * three uppercase letters) gives `${amount} ${currency}`. A malformed amount throws `MoneyError`.
 * Formatters are cached per locale and currency.
 */
export function formatMoney(value: Money, locale: string): string {
  const amount = normalizeAmount(value.amount);
  const format = CURRENCY.test(value.currency)
    ? currencyFormat(safeLocale(locale), value.currency)
    : null;
  if (!format) return `${value.amount} ${value.currency}`;
  try {
    return format.format(amount as `${number}`);
  } catch {
    return format.format(Number(amount));
  }
}
