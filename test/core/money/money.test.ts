import { expect } from '@open-wc/testing';
import {
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
  type Money,
} from '../../../src/core/money/index.js';

const eur = (amount: string): Money => ({ amount, currency: 'EUR' });

/** Calls `fn`, fails the test if it returns, and returns the `MoneyError` it threw. */
function moneyError(fn: () => unknown): MoneyError {
  try {
    fn();
  } catch (error) {
    expect(error).to.be.instanceOf(MoneyError);
    return error as MoneyError;
  }
  expect.fail('expected a MoneyError');
}

const MALFORMED = [
  '1e3',
  '12,50',
  '',
  ' 1',
  '1 ',
  'NaN',
  'Infinity',
  '--1',
  '+1',
  '1.',
  '.5',
  '0x10',
  '1_000',
  '١٢',
  '1'.repeat(41),
];

describe('isAmount', () => {
  for (const value of ['0', '12.99', '1000.5', '-3.25', '012.50', '-0', '1'.repeat(40)]) {
    it(`accepts ${JSON.stringify(value)}`, () => {
      expect(isAmount(value)).to.be.true;
    });
  }

  for (const value of MALFORMED) {
    it(`rejects ${JSON.stringify(value.length > 20 ? `${value.slice(0, 10)}... (${value.length})` : value)}`, () => {
      expect(isAmount(value)).to.be.false;
    });
  }

  it('rejects non-strings, numbers included', () => {
    for (const value of [12, 12.5, 12n, null, undefined, {}, ['1']]) {
      expect(isAmount(value), String(value)).to.be.false;
    }
  });
});

describe('isMoney', () => {
  it('accepts an amount with a three-letter uppercase code', () => {
    expect(isMoney({ amount: '12.99', currency: 'EUR' })).to.be.true;
    expect(isMoney({ amount: '-1', currency: 'JPY' })).to.be.true;
  });

  it('rejects malformed amounts, codes and non-objects', () => {
    expect(isMoney({ amount: '1e3', currency: 'EUR' })).to.be.false;
    expect(isMoney({ amount: 12.99, currency: 'EUR' })).to.be.false;
    expect(isMoney({ amount: '12.99', currency: 'eur' })).to.be.false;
    expect(isMoney({ amount: '12.99', currency: 'EURO' })).to.be.false;
    expect(isMoney({ amount: '12.99' })).to.be.false;
    expect(isMoney(null)).to.be.false;
    expect(isMoney('12.99 EUR')).to.be.false;
  });
});

describe('normalizeAmount', () => {
  const cases: [string, string][] = [
    ['012.50', '12.5'],
    ['3.000', '3'],
    ['0.00', '0'],
    ['-0', '0'],
    ['-0.000', '0'],
    ['0.5', '0.5'],
    ['-007.10', '-7.1'],
    ['100', '100'],
    ['1000.5', '1000.5'],
  ];
  for (const [input, expected] of cases) {
    it(`writes ${input} as ${expected}`, () => {
      expect(normalizeAmount(input)).to.equal(expected);
    });
  }

  it('throws MoneyError for malformed amounts', () => {
    for (const value of MALFORMED) moneyError(() => normalizeAmount(value));
  });
});

describe('money', () => {
  it('normalises a string amount', () => {
    expect(money('012.50', 'EUR')).to.deep.equal({ amount: '12.5', currency: 'EUR' });
  });

  it('accepts a safe integer', () => {
    expect(money(5, 'JPY')).to.deep.equal({ amount: '5', currency: 'JPY' });
    expect(money(-0, 'JPY')).to.deep.equal({ amount: '0', currency: 'JPY' });
  });

  it('refuses fractional, non-finite and unsafe numbers', () => {
    for (const value of [0.1, 12.5, NaN, Infinity, 2 ** 53]) moneyError(() => money(value, 'EUR'));
  });

  it('refuses malformed amounts and currency codes', () => {
    moneyError(() => money('1e3', 'EUR'));
    moneyError(() => money('12,50', 'EUR'));
    expect(moneyError(() => money('1', 'eur')).message).to.contain('currency');
    moneyError(() => money('1', 'EURO'));
    moneyError(() => money('1', ''));
  });
});

describe('addMoney and subtractMoney', () => {
  it('adds exactly: 0.1 + 0.2 is 0.3', () => {
    expect(addMoney(eur('0.1'), eur('0.2'))).to.deep.equal(eur('0.3'));
  });

  it('adds across scales', () => {
    expect(addMoney(eur('19.99'), eur('0.001'))).to.deep.equal(eur('19.991'));
    expect(addMoney(eur('10'), eur('0.50'))).to.deep.equal(eur('10.5'));
  });

  it('keeps every digit of amounts beyond 2^53', () => {
    expect(addMoney(eur('100000000000000000000.01'), eur('0.02'))).to.deep.equal(
      eur('100000000000000000000.03'),
    );
    expect(addMoney(eur('99999999999999999999.99'), eur('0.01'))).to.deep.equal(
      eur('100000000000000000000'),
    );
  });

  it('subtracts into negative results', () => {
    expect(subtractMoney(eur('5'), eur('12.75'))).to.deep.equal(eur('-7.75'));
    expect(subtractMoney(eur('-1.5'), eur('-1.5'))).to.deep.equal(eur('0'));
    expect(addMoney(eur('-0.3'), eur('0.1'))).to.deep.equal(eur('-0.2'));
  });

  it('gives zero as "0", never "-0"', () => {
    expect(subtractMoney(eur('0.10'), eur('0.1')).amount).to.equal('0');
  });

  it('throws MoneyError for mixed currencies', () => {
    const error = moneyError(() => addMoney(eur('1'), { amount: '1', currency: 'USD' }));
    expect(error.message).to.contain('EUR').and.contain('USD');
    moneyError(() => subtractMoney(eur('1'), { amount: '1', currency: 'KES' }));
  });

  it('throws MoneyError for a malformed operand', () => {
    moneyError(() => addMoney(eur('1'), eur('1e3')));
    moneyError(() => subtractMoney(eur('NaN'), eur('1')));
  });

  it('throws MoneyError when the result would be longer than 40 characters', () => {
    const max = '9'.repeat(40);
    moneyError(() => addMoney(eur(max), eur('1')));
  });
});

describe('multiplyMoney', () => {
  it('multiplies exactly: 19.90 x 3 is 59.7', () => {
    expect(multiplyMoney(eur('19.90'), 3)).to.deep.equal(eur('59.7'));
  });

  it('handles 0.1 x 3, zero and negative factors', () => {
    expect(multiplyMoney(eur('0.1'), 3)).to.deep.equal(eur('0.3'));
    expect(multiplyMoney(eur('12.99'), 0)).to.deep.equal(eur('0'));
    expect(multiplyMoney(eur('2.5'), -2)).to.deep.equal(eur('-5'));
  });

  it('keeps every digit of large products', () => {
    expect(multiplyMoney(eur('123456789012345678901.23'), 99)).to.deep.equal(
      eur('12222222112222222211221.77'),
    );
  });

  it('refuses a non-integer factor', () => {
    for (const factor of [1.5, NaN, Infinity, 2 ** 53]) {
      moneyError(() => multiplyMoney(eur('1'), factor));
    }
  });
});

describe('sumMoney', () => {
  it('is zero for an empty list', () => {
    expect(sumMoney([], 'KWD')).to.deep.equal({ amount: '0', currency: 'KWD' });
  });

  it('sums exactly across scales', () => {
    const items = [eur('0.1'), eur('0.2'), eur('19.90'), eur('0.005'), eur('-0.3')];
    expect(sumMoney(items, 'EUR')).to.deep.equal(eur('19.905'));
  });

  it('adds ten thousand 0.01s to exactly 100', () => {
    expect(
      sumMoney(
        Array.from({ length: 10_000 }, () => eur('0.01')),
        'EUR',
      ),
    ).to.deep.equal(eur('100'));
  });

  it('throws MoneyError when an item is in another currency', () => {
    moneyError(() => sumMoney([eur('1'), { amount: '1', currency: 'USD' }], 'EUR'));
    moneyError(() => sumMoney([eur('1')], 'USD'));
    moneyError(() => sumMoney([], 'usd'));
  });
});

describe('compareMoney', () => {
  it('treats different scales of one value as equal', () => {
    expect(compareMoney(eur('10'), eur('10.00'))).to.equal(0);
    expect(compareMoney(eur('0'), eur('-0.0'))).to.equal(0);
  });

  it('orders by value, not by string or length', () => {
    expect(compareMoney(eur('9.999'), eur('10'))).to.equal(-1);
    expect(compareMoney(eur('10'), eur('9.999'))).to.equal(1);
    expect(compareMoney(eur('100'), eur('99.99'))).to.equal(1);
    expect(compareMoney(eur('-10'), eur('-9.5'))).to.equal(-1);
    expect(compareMoney(eur('100000000000000000000.01'), eur('100000000000000000000'))).to.equal(1);
  });

  it('throws MoneyError for mixed currencies', () => {
    moneyError(() => compareMoney(eur('1'), { amount: '1', currency: 'JPY' }));
  });
});

describe('isZeroMoney and zeroMoney', () => {
  it('recognises zero at any scale', () => {
    expect(isZeroMoney(eur('0'))).to.be.true;
    expect(isZeroMoney(eur('0.000'))).to.be.true;
    expect(isZeroMoney(eur('-0'))).to.be.true;
    expect(isZeroMoney(eur('0.001'))).to.be.false;
    expect(isZeroMoney(eur('-0.01'))).to.be.false;
  });

  it('makes a zero in a currency, and refuses a malformed code', () => {
    expect(zeroMoney('JPY')).to.deep.equal({ amount: '0', currency: 'JPY' });
    moneyError(() => zeroMoney('jpy'));
  });
});

describe('currencyDigits and withCurrencyDigits', () => {
  it('gives the minor-unit digits of EUR, KES, JPY and KWD', () => {
    expect(currencyDigits('EUR')).to.equal(2);
    expect(currencyDigits('KES')).to.equal(2);
    expect(currencyDigits('JPY')).to.equal(0);
    expect(currencyDigits('KWD')).to.equal(3);
  });

  it('pads to the minor-unit digits and never rounds', () => {
    expect(withCurrencyDigits(eur('14.5'))).to.deep.equal(eur('14.50'));
    expect(withCurrencyDigits(eur('014'))).to.deep.equal(eur('14.00'));
    expect(withCurrencyDigits(eur('0.125'))).to.deep.equal(eur('0.125'));
    expect(withCurrencyDigits(eur('-0'))).to.deep.equal(eur('0.00'));
    expect(withCurrencyDigits({ amount: '3', currency: 'JPY' }).amount).to.equal('3');
    expect(withCurrencyDigits({ amount: '1.5', currency: 'KWD' }).amount).to.equal('1.500');
  });
});

// Expected strings are Chromium's (ICU/CLDR) output; a CLDR update can change them. Spaces are
// U+00A0, the nb/lt minus is U+2212, and the Arabic strings carry bidi marks (U+200F, U+200E,
// U+061C).
describe('formatMoney', () => {
  const amount = '1234.5';
  const expected: Record<string, Record<'EUR' | 'KES' | 'JPY' | 'KWD', string>> = {
    en: {
      EUR: '\u20ac1,234.50',
      KES: 'KES\u00a01,234.50',
      JPY: '\u00a51,235',
      KWD: 'KWD\u00a01,234.500',
    },
    ar: {
      EUR: '\u200f1,234.50\u00a0\u20ac',
      KES: '\u200f1,234.50\u00a0KES',
      JPY: '\u200f1,235\u00a0JP\u00a5',
      KWD: '\u200f1,234.500\u00a0\u062f.\u0643.\u200f',
    },
    'ar-EG': {
      EUR: '\u200f\u0661\u066c\u0662\u0663\u0664\u066b\u0665\u0660\u00a0\u20ac',
      KES: '\u200f\u0661\u066c\u0662\u0663\u0664\u066b\u0665\u0660\u00a0KES',
      JPY: '\u200f\u0661\u066c\u0662\u0663\u0665\u00a0JP\u00a5',
      KWD: '\u200f\u0661\u066c\u0662\u0663\u0664\u066b\u0665\u0660\u0660\u00a0\u062f.\u0643.\u200f',
    },
    nb: {
      EUR: '1\u00a0234,50\u00a0\u20ac',
      KES: '1\u00a0234,50\u00a0KES',
      JPY: '1\u00a0235\u00a0JPY',
      KWD: '1\u00a0234,500\u00a0KWD',
    },
    lt: {
      EUR: '1\u00a0234,50\u00a0\u20ac',
      KES: '1\u00a0234,50\u00a0KES',
      JPY: '1\u00a0235\u00a0JPY',
      KWD: '1\u00a0234,500\u00a0KWD',
    },
    sw: {
      EUR: '\u20ac\u00a01,234.50',
      KES: 'Ksh\u00a01,234.50',
      JPY: 'JP\u00a5\u00a01,235',
      KWD: 'KWD\u00a01,234.500',
    },
    fil: {
      EUR: '\u20ac1,234.50',
      KES: 'KES\u00a01,234.50',
      JPY: '\u00a51,235',
      KWD: 'KWD\u00a01,234.500',
    },
  };

  for (const [locale, byCurrency] of Object.entries(expected)) {
    for (const [currency, text] of Object.entries(byCurrency)) {
      it(`formats ${amount} ${currency} in ${locale}`, () => {
        expect(formatMoney({ amount, currency }, locale)).to.equal(text);
      });
    }
  }

  it('uses Arabic-Indic digits for ar-EG and Latin digits for ar', () => {
    const egypt = formatMoney(eur('1234.5'), 'ar-EG');
    expect(egypt)
      .to.match(/[\u0660-\u0669]/)
      .and.not.match(/\d/);
    expect(formatMoney(eur('1234.5'), 'ar')).to.match(/\d/);
  });

  it('formats negative amounts in each locale style', () => {
    expect(formatMoney(eur('-0.125'), 'en')).to.equal('-\u20ac0.13');
    expect(formatMoney(eur('-0.125'), 'nb')).to.equal('\u22120,13\u00a0\u20ac');
    expect(formatMoney(eur('-0.125'), 'sw')).to.equal('-\u20ac\u00a00.13');
    expect(formatMoney(eur('-0.125'), 'ar-EG')).to.equal(
      '\u061c-\u200f\u0660\u066b\u0661\u0663\u00a0\u20ac',
    );
  });

  it('rounds half away from zero to the currency digits', () => {
    expect(formatMoney(eur('0.125'), 'en')).to.equal('\u20ac0.13');
    expect(formatMoney(eur('0.124'), 'en')).to.equal('\u20ac0.12');
    expect(formatMoney({ amount: '0.5', currency: 'JPY' }, 'en')).to.equal('\u00a51');
    expect(formatMoney({ amount: '2.5', currency: 'JPY' }, 'en')).to.equal('\u00a53');
    expect(formatMoney({ amount: '1.0005', currency: 'KWD' }, 'en')).to.equal('KWD\u00a01.001');
  });

  it('formats the exact decimal, not a binary float', () => {
    // As doubles these become 0.125 and 9007199254740992.
    expect(formatMoney(eur('0.12499999999999999999'), 'en')).to.equal('\u20ac0.12');
    expect(formatMoney(eur('9007199254740993'), 'en')).to.equal('\u20ac9,007,199,254,740,993.00');
    expect(formatMoney(eur('123456789012345678901.23'), 'en')).to.equal(
      '\u20ac123,456,789,012,345,678,901.23',
    );
  });

  it('shows no minus sign for an amount that rounds to zero', () => {
    expect(formatMoney(eur('-0.001'), 'en')).to.equal('\u20ac0.00');
    expect(formatMoney(eur('-0'), 'en')).to.equal('\u20ac0.00');
  });

  it('falls back to English for an invalid locale', () => {
    expect(formatMoney(eur('1234.5'), 'not a locale!')).to.equal('\u20ac1,234.50');
    expect(formatMoney(eur('1234.5'), '')).to.equal('\u20ac1,234.50');
  });

  it('writes "amount currency" for a currency code Intl cannot format', () => {
    expect(formatMoney({ amount: '12.50', currency: 'EURO' }, 'en')).to.equal('12.50 EURO');
    expect(formatMoney({ amount: '12.50', currency: 'eur' }, 'en')).to.equal('12.50 eur');
    expect(formatMoney({ amount: '12.50', currency: '' }, 'en')).to.equal('12.50 ');
  });

  it('throws MoneyError for a malformed amount', () => {
    moneyError(() => formatMoney(eur('1e3'), 'en'));
    moneyError(() => formatMoney(eur('12,50'), 'en'));
  });

  it('keeps cached formatters apart per locale and currency', () => {
    expect(formatMoney(eur('1'), 'lt')).to.equal('1,00\u00a0\u20ac');
    expect(formatMoney(eur('2'), 'lt')).to.equal('2,00\u00a0\u20ac');
    expect(formatMoney({ amount: '2', currency: 'JPY' }, 'lt')).to.equal('2\u00a0JPY');
  });
});
