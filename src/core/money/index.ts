/** Decimal-string money: exact arithmetic with `bigint`, formatting through Intl. */
export {
  MAX_AMOUNT_LENGTH,
  MoneyError,
  addMoney,
  compareMoney,
  currencyDigits,
  formatMoney,
  isAmount,
  isMoney,
  isZeroMoney,
  money,
  multiplyMoney,
  normalizeAmount,
  subtractMoney,
  sumMoney,
  withCurrencyDigits,
  zeroMoney,
} from './money.js';
export type { Money } from '../api/types.js';
