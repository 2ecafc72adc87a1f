/**
 * Demo shipping rules per destination country. Holidays are real public holidays for 2026 and
 * 2027 (Islamic holidays in AE and EG follow the moon; the dates given are the expected ones).
 * Every method is offered to every postal code of its country (zones change only the transit
 * days), so no method is named after a city or promises a same day that only one zone gets.
 */
import type {
  ClockTime,
  DayOfWeek,
  Money,
  ShippingMethod,
  ShippingOrigin,
  ShippingRules,
} from '../../core/api/types.js';

const money = (amount: string, currency: string): Money => ({ amount, currency });

function cutoffs(
  time: ClockTime,
  days: DayOfWeek[],
  overrides: Partial<Record<DayOfWeek, ClockTime>> = {},
): { day: DayOfWeek; time: ClockTime }[] {
  return days.map((day) => ({ day, time: overrides[day] ?? time }));
}

const MON_FRI: DayOfWeek[] = [1, 2, 3, 4, 5];
const MON_SAT: DayOfWeek[] = [1, 2, 3, 4, 5, 6];
const SUN_THU: DayOfWeek[] = [0, 1, 2, 3, 4];

function origin(
  id: string,
  timezone: string,
  workdays: DayOfWeek[],
  cutoffTime: ClockTime,
  handlingDays: { min: number; max: number },
  closures: string[],
  cutoffOverrides: Partial<Record<DayOfWeek, ClockTime>> = {},
): ShippingOrigin {
  return {
    id,
    timezone,
    cutoffs: cutoffs(cutoffTime, workdays, cutoffOverrides),
    handlingDays,
    workdays,
    closures,
  };
}

function method(
  id: string,
  label: string,
  carrier: string,
  price: Money,
  transitDays: { min: number; max: number },
  deliveryDays: DayOfWeek[],
  extra: Partial<Pick<ShippingMethod, 'freeOver' | 'zones'>> = {},
): ShippingMethod {
  return { id, label, carrier, price, transitDays, deliveryDays, ...extra };
}

export const SHIPPING_RULES: Readonly<Record<string, ShippingRules>> = {
  KE: {
    origins: [
      origin('wh-nairobi', 'Africa/Nairobi', MON_SAT, '15:00', { min: 0, max: 1 }, ['2026-12-24'], {
        6: '12:00',
      }),
    ],
    methods: [
      method(
        'ke-standard',
        'Standard delivery',
        'G4S Courier',
        money('4.50', 'EUR'),
        { min: 2, max: 4 },
        MON_SAT,
        {
          freeOver: money('60.00', 'EUR'),
        },
      ),
      method(
        'ke-express',
        'Express delivery',
        'Sendy',
        money('7.90', 'EUR'),
        { min: 0, max: 1 },
        MON_SAT,
        {
          // Same day inside Nairobi, a day or two to Mombasa, up to a day elsewhere. It is offered
          // to every postal code, so its name promises no more than every zone gets.
          zones: [
            { postalPrefix: '00', transitDays: { min: 0, max: 0 } },
            { postalPrefix: '80', transitDays: { min: 1, max: 2 } },
          ],
        },
      ),
    ],
    holidays: [
      '2026-12-12', // Jamhuri Day
      '2026-12-25', // Christmas Day
      '2026-12-26', // Boxing Day
      '2027-01-01', // New Year's Day
      '2027-03-26', // Good Friday
      '2027-03-29', // Easter Monday
      '2027-05-01', // Labour Day
      '2027-06-01', // Madaraka Day
      '2027-10-11', // Mazingira Day (10 Oct, observed on Monday)
      '2027-10-20', // Mashujaa Day
    ],
  },
  PH: {
    origins: [
      origin('wh-manila', 'Asia/Manila', MON_SAT, '14:00', { min: 1, max: 2 }, []),
      origin('wh-cebu', 'Asia/Manila', MON_FRI, '12:00', { min: 1, max: 2 }, ['2026-12-31']),
    ],
    methods: [
      method(
        'ph-standard',
        'Standard',
        'LBC Express',
        money('3.90', 'EUR'),
        { min: 3, max: 7 },
        MON_SAT,
        {
          freeOver: money('50.00', 'EUR'),
        },
      ),
      method(
        'ph-express',
        'Express',
        'J&T Express',
        money('6.50', 'EUR'),
        { min: 1, max: 2 },
        MON_SAT,
      ),
    ],
    holidays: [
      '2026-11-30', // Bonifacio Day
      '2026-12-08', // Feast of the Immaculate Conception
      '2026-12-24', // Christmas Eve (special non-working day)
      '2026-12-25', // Christmas Day
      '2026-12-30', // Rizal Day
      '2026-12-31', // Last day of the year
      '2027-01-01', // New Year's Day
      '2027-03-25', // Maundy Thursday
      '2027-03-26', // Good Friday
      '2027-04-09', // Araw ng Kagitingan
      '2027-05-01', // Labor Day
      '2027-06-12', // Independence Day
    ],
  },
  NO: {
    origins: [
      origin(
        'wh-oslo',
        'Europe/Oslo',
        MON_FRI,
        '16:00',
        { min: 0, max: 1 },
        ['2026-12-24', '2026-12-31'],
        {
          5: '14:00',
        },
      ),
    ],
    methods: [
      method(
        'no-standard',
        'Posten pakke i postkassen',
        'Posten Bring',
        money('7.90', 'EUR'),
        { min: 1, max: 4 },
        MON_FRI,
        {
          freeOver: money('80.00', 'EUR'),
          // Postal zones: Oslo area next day, western Norway two days, the north longer.
          zones: [
            { postalPrefix: '0', transitDays: { min: 1, max: 1 } },
            { postalPrefix: '1', transitDays: { min: 1, max: 2 } },
            { postalPrefix: '5', transitDays: { min: 2, max: 3 } },
            { postalPrefix: '8', transitDays: { min: 3, max: 5 } },
            { postalPrefix: '9', transitDays: { min: 3, max: 6 } },
          ],
        },
      ),
      method(
        'no-express',
        'Ekspress neste dag',
        'Helthjem',
        money('14.90', 'EUR'),
        { min: 1, max: 1 },
        MON_SAT,
      ),
    ],
    holidays: [
      '2026-12-25', // Første juledag
      '2026-12-26', // Andre juledag
      '2027-01-01', // Nyttårsdag
      '2027-03-25', // Skjærtorsdag
      '2027-03-26', // Langfredag
      '2027-03-29', // Andre påskedag
      '2027-05-01', // Arbeidernes dag
      '2027-05-06', // Kristi himmelfartsdag
      '2027-05-17', // Grunnlovsdag and andre pinsedag
    ],
  },
  LT: {
    origins: [
      origin('wh-vilnius', 'Europe/Vilnius', MON_FRI, '15:00', { min: 0, max: 1 }, ['2026-12-31']),
    ],
    methods: [
      method(
        'lt-standard',
        'Omniva parcel terminal',
        'Omniva',
        money('2.99', 'EUR'),
        { min: 1, max: 2 },
        MON_SAT,
        {
          freeOver: money('40.00', 'EUR'),
        },
      ),
      method('lt-express', 'DPD courier', 'DPD', money('5.99', 'EUR'), { min: 1, max: 1 }, MON_FRI),
    ],
    holidays: [
      '2026-12-24', // Kūčios (Christmas Eve)
      '2026-12-25', // Kalėdos
      '2026-12-26', // Kalėdos (second day)
      '2027-01-01', // Naujieji metai
      '2027-02-16', // Restoration of the State Day
      '2027-03-11', // Restoration of Independence Day
      '2027-03-28', // Easter Sunday
      '2027-03-29', // Easter Monday
      '2027-05-01', // Labour Day
      '2027-06-24', // Joninės
      '2027-07-06', // Statehood Day
    ],
  },
  AE: {
    origins: [
      // Ships Monday to Saturday: Fridays until noon (the UAE half day), Saturdays until 13:00.
      origin('wh-dubai', 'Asia/Dubai', MON_SAT, '17:00', { min: 0, max: 1 }, [], {
        5: '12:00',
        6: '13:00',
      }),
    ],
    methods: [
      method(
        'ae-standard',
        'Standard',
        'Aramex',
        money('5.00', 'EUR'),
        { min: 1, max: 3 },
        [0, 1, 2, 3, 4, 5, 6],
        {
          freeOver: money('75.00', 'EUR'),
        },
      ),
      method(
        'ae-express',
        'Express',
        'Careem Box',
        money('9.00', 'EUR'),
        { min: 0, max: 0 },
        [0, 1, 2, 3, 4, 6],
      ),
    ],
    holidays: [
      '2026-12-01', // Commemoration Day
      '2026-12-02', // National Day (Eid Al Etihad)
      '2026-12-03', // National Day holiday
      '2027-01-01', // New Year's Day
      '2027-03-09', // Eid al-Fitr (expected)
      '2027-03-10', // Eid al-Fitr holiday (expected)
      '2027-05-15', // Arafat Day (expected)
      '2027-05-16', // Eid al-Adha (expected)
    ],
  },
  EG: {
    origins: [
      // Friday is the weekend; Saturday a short day.
      origin('wh-cairo', 'Africa/Cairo', [0, 1, 2, 3, 4, 6], '15:00', { min: 1, max: 2 }, [], {
        6: '12:00',
      }),
    ],
    methods: [
      method(
        'eg-standard',
        'Standard',
        'Bosta',
        money('2.50', 'EUR'),
        { min: 2, max: 5 },
        SUN_THU,
        {
          freeOver: money('45.00', 'EUR'),
        },
      ),
      method(
        'eg-express',
        'Express',
        'Aramex',
        money('4.50', 'EUR'),
        { min: 1, max: 2 },
        [0, 1, 2, 3, 4, 6],
      ),
    ],
    holidays: [
      '2027-01-07', // Coptic Christmas
      '2027-01-25', // Revolution Day (25 January)
      '2027-03-09', // Eid al-Fitr (expected)
      '2027-04-25', // Sinai Liberation Day
      '2027-05-01', // Labour Day
      '2027-05-16', // Eid al-Adha (expected)
      '2027-06-30', // 30 June Revolution
      '2027-07-23', // Revolution Day (23 July)
    ],
  },
  US: {
    origins: [
      origin('wh-reno', 'America/Los_Angeles', MON_FRI, '14:00', { min: 1, max: 2 }, [
        '2026-11-27',
      ]),
      origin('wh-dallas', 'America/Chicago', MON_FRI, '15:00', { min: 0, max: 1 }, ['2026-11-27']),
    ],
    methods: [
      method('us-standard', 'Ground', 'UPS', money('6.95', 'USD'), { min: 3, max: 5 }, MON_FRI, {
        freeOver: money('75.00', 'USD'),
      }),
      method(
        'us-express',
        '2-Day Air',
        'FedEx',
        money('18.95', 'USD'),
        { min: 2, max: 2 },
        MON_FRI,
      ),
    ],
    holidays: [
      '2026-11-11', // Veterans Day
      '2026-11-26', // Thanksgiving Day
      '2026-12-25', // Christmas Day
      '2027-01-01', // New Year's Day
      '2027-01-18', // Martin Luther King Jr. Day
      '2027-02-15', // Washington's Birthday
      '2027-05-31', // Memorial Day
      '2027-06-18', // Juneteenth (observed)
      '2027-07-05', // Independence Day (observed)
    ],
  },
};

/** Rules for a destination country (ISO 3166-1 alpha-2, any case); undefined when not shipped to. */
export function getShippingRules(country: string): ShippingRules | undefined {
  const rules = SHIPPING_RULES[country.trim().toUpperCase()];
  return rules ? structuredClone(rules) : undefined;
}
