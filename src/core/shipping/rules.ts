/**
 * Checking shipping rules and compiling them into lookup tables for the delivery-date engine.
 *
 * Rules come from a backend or a merchant's own code, so anything may be wrong with them. Nothing
 * here throws: an origin, a method or the holiday list that cannot be read exactly is left out
 * with one human-readable reason each, because a promise built on a guess is worse than none.
 */
import type {
  DayOfWeek,
  IsoDate,
  Money,
  ShippingMethod,
  ShippingOrigin,
  ShippingRules,
} from '../api/types.js';
import { isMoney } from '../money/index.js';
import { isIsoDate, isValidTimeZone, parseClockTime } from '../time/index.js';
import { toDay } from './days.js';

/** The outcome of `validateShippingRules`. */
export interface ShippingRulesCheck {
  /**
   * A copy holding only the origins and methods that can be used exactly, with the contract's
   * fields alone (unknown fields dropped, `null` optional fields made absent). Strings such as
   * labels are kept verbatim, markup included: render them as text.
   */
  rules: ShippingRules;
  /** One sentence per thing left out or worth knowing, for the console. Empty when all is well. */
  problems: string[];
}

/** A day range that has been checked: whole numbers, 0 <= min <= max. */
export interface DayRange {
  min: number;
  max: number;
}

export interface CompiledOrigin {
  /** Whether each weekday (index 0 = Sunday) is a workday. */
  workdays: readonly boolean[];
  /** The cutoff "HH:MM" of each weekday; "24:00" (the end of the day) when it has no entry. */
  cutoffs: readonly string[];
  timezone: string;
  handling: DayRange;
  /** Closed dates as day numbers. */
  closures: ReadonlySet<number>;
}

export interface CompiledMethod {
  id: string;
  price: Money;
  freeOver: Money | undefined;
  /** Whether the carrier delivers on each weekday (index 0 = Sunday). */
  deliveryDays: readonly boolean[];
  transit: DayRange;
  /** Normalised postal prefix -> transit; the first listed among equal prefixes. */
  zones: ReadonlyMap<string, DayRange>;
  /** The distinct lengths of those prefixes, longest first. */
  zoneLengths: readonly number[];
  /** Transit without a postal code: the smallest min and the largest max of the base and zones. */
  anyTransit: DayRange;
}

export interface CompiledRules extends ShippingRulesCheck {
  origins: readonly CompiledOrigin[];
  methods: readonly CompiledMethod[];
  /** Holidays as day numbers. */
  holidays: ReadonlySet<number>;
}

type Fields = Record<string, unknown>;

function isRecord(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isDayOfWeek(value: unknown): value is DayOfWeek {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 6;
}

function isDayCount(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

/** Money as the contract allows it: a non-negative decimal string and an ISO 4217 code. */
function isPrice(value: unknown): value is Money {
  return isMoney(value) && !value.amount.startsWith('-');
}

/** A value for a message: JSON, cut to a readable length. */
function quote(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** Upper-cased, without whitespace or hyphens: "sw1a 1aa" -> "SW1A1AA", "00-950" -> "00950". */
export function normalizePostalCode(code: string): string {
  return code.replace(/[\s-]+/g, '').toUpperCase();
}

/** Why `value` is not a day range, or undefined when it is one. */
function rangeProblem(value: unknown, name: string): string | undefined {
  if (!isRecord(value)) return `${name} is ${quote(value)}, not { min, max }`;
  const { min, max } = value;
  if (!isDayCount(min) || !isDayCount(max)) {
    return `${name} must be whole numbers of days from 0 (min ${quote(min)}, max ${quote(max)})`;
  }
  if (min > max) return `${name}.min ${min} is greater than ${name}.max ${max}`;
  return undefined;
}

/** Why `value` is not a list of weekdays, or undefined when it is one. */
function weekdaysProblem(value: unknown, name: string): string | undefined {
  if (!Array.isArray(value)) return `${name} is ${quote(value)}, not a list of weekdays`;
  const bad = value.findIndex((day) => !isDayOfWeek(day));
  return bad < 0 ? undefined : `${name}[${bad}] ${quote(value[bad])} is not a weekday 0-6`;
}

function weekdayFlags(days: readonly DayOfWeek[]): boolean[] {
  const flags = [false, false, false, false, false, false, false];
  for (const day of days) flags[day] = true;
  return flags;
}

/** The dates as day numbers, or the index of the first that is not a real YYYY-MM-DD date. */
function dateSet(dates: readonly unknown[]): Set<number> | number {
  const days = new Set<number>();
  for (let i = 0; i < dates.length; i++) {
    const date = dates[i];
    if (!isIsoDate(date)) return i;
    days.add(toDay(date));
  }
  return days;
}

function label(kind: 'origins' | 'methods', index: number, entry: unknown): string {
  const id = isRecord(entry) && typeof entry.id === 'string' ? ` ${quote(entry.id)}` : '';
  return `${kind}[${index}]${id}`;
}

function compileOrigin(
  entry: unknown,
  name: string,
  problems: string[],
): { origin: ShippingOrigin; compiled: CompiledOrigin } | undefined {
  const leftOut = (reason: string): undefined => {
    problems.push(`Shipping origin ${name}: ${reason}; origin left out.`);
    return undefined;
  };
  if (!isRecord(entry)) return leftOut(`${quote(entry)} is not an origin`);
  const { id, timezone, cutoffs, handlingDays, workdays, closures } = entry;
  if (typeof id !== 'string' || id === '')
    return leftOut(`id ${quote(id)} is not a non-empty string`);
  if (!isValidTimeZone(timezone))
    return leftOut(`timezone ${quote(timezone)} is not a known timezone`);

  const workdaysProblem = weekdaysProblem(workdays, 'workdays');
  if (workdaysProblem) return leftOut(workdaysProblem);
  const handlingProblem = rangeProblem(handlingDays, 'handlingDays');
  if (handlingProblem) return leftOut(handlingProblem);

  if (!Array.isArray(cutoffs)) return leftOut(`cutoffs is ${quote(cutoffs)}, not a list`);
  const times: (string | undefined)[] = [];
  for (let i = 0; i < cutoffs.length; i++) {
    const cutoff: unknown = cutoffs[i];
    if (!isRecord(cutoff) || !isDayOfWeek(cutoff.day)) {
      return leftOut(`cutoffs[${i}] ${quote(cutoff)} has no weekday 0-6`);
    }
    const { day, time } = cutoff;
    // The contract's ClockTime: 00:00-23:59. "24:00" is a closing time, not a cutoff.
    if (typeof time !== 'string' || time === '24:00' || parseClockTime(time) === undefined) {
      return leftOut(`cutoffs[${i}].time ${quote(time)} is not a clock time 00:00-23:59`);
    }
    const earlier = times[day];
    if (earlier !== undefined && earlier !== time) {
      return leftOut(`weekday ${day} has two cutoffs, "${earlier}" and "${time}"`);
    }
    times[day] = time;
  }

  if (!Array.isArray(closures)) return leftOut(`closures is ${quote(closures)}, not a list`);
  const closed = dateSet(closures);
  if (typeof closed === 'number') {
    return leftOut(`closures[${closed}] ${quote(closures[closed])} is not a YYYY-MM-DD date`);
  }

  const days = workdays as DayOfWeek[];
  const handling = handlingDays as unknown as DayRange;
  if (days.length === 0) {
    problems.push(`Shipping origin ${name}: no workdays, so it never ships.`);
  }
  const origin: ShippingOrigin = {
    id,
    timezone: timezone as string,
    cutoffs: (cutoffs as { day: DayOfWeek; time: string }[]).map(({ day, time }) => ({
      day,
      time,
    })),
    handlingDays: { min: handling.min, max: handling.max },
    workdays: [...days],
    closures: [...(closures as IsoDate[])],
  };
  const compiled: CompiledOrigin = {
    workdays: weekdayFlags(days),
    cutoffs: Array.from({ length: 7 }, (_, day) => times[day] ?? '24:00'),
    timezone: timezone as string,
    handling: origin.handlingDays,
    closures: closed,
  };
  return { origin, compiled };
}

function compileMethod(
  entry: unknown,
  name: string,
  problems: string[],
): { method: ShippingMethod; compiled: CompiledMethod } | undefined {
  const leftOut = (reason: string): undefined => {
    problems.push(`Shipping method ${name}: ${reason}; method left out.`);
    return undefined;
  };
  if (!isRecord(entry)) return leftOut(`${quote(entry)} is not a method`);
  const { id, label, carrier, price, transitDays, deliveryDays } = entry;
  const freeOver = entry.freeOver ?? undefined;
  const zones = entry.zones ?? undefined;
  if (typeof id !== 'string' || id === '')
    return leftOut(`id ${quote(id)} is not a non-empty string`);
  if (typeof label !== 'string') return leftOut(`label ${quote(label)} is not a string`);
  if (typeof carrier !== 'string') return leftOut(`carrier ${quote(carrier)} is not a string`);
  if (!isPrice(price)) return leftOut(`price ${quote(price)} is not money`);
  if (freeOver !== undefined && !isPrice(freeOver)) {
    return leftOut(`freeOver ${quote(freeOver)} is not money`);
  }
  const transitProblem = rangeProblem(transitDays, 'transitDays');
  if (transitProblem) return leftOut(transitProblem);
  const deliveryProblem = weekdaysProblem(deliveryDays, 'deliveryDays');
  if (deliveryProblem) return leftOut(deliveryProblem);
  if (zones !== undefined && !Array.isArray(zones)) {
    return leftOut(`zones is ${quote(zones)}, not a list`);
  }

  const base = transitDays as unknown as DayRange;
  const transit: DayRange = { min: base.min, max: base.max };
  const anyTransit: DayRange = { ...transit };
  const zoneMap = new Map<string, DayRange>();
  const lengths = new Set<number>();
  const cleanZones: { postalPrefix: string; transitDays: DayRange }[] = [];
  for (let i = 0; i < (zones?.length ?? 0); i++) {
    const zone: unknown = zones?.[i];
    if (!isRecord(zone) || typeof zone.postalPrefix !== 'string') {
      return leftOut(`zones[${i}] ${quote(zone)} has no postalPrefix string`);
    }
    const problem = rangeProblem(zone.transitDays, `zones[${i}].transitDays`);
    if (problem) return leftOut(problem);
    const { min, max } = zone.transitDays as DayRange;
    const range: DayRange = { min, max };
    cleanZones.push({ postalPrefix: zone.postalPrefix, transitDays: range });
    const prefix = normalizePostalCode(zone.postalPrefix);
    if (!zoneMap.has(prefix)) zoneMap.set(prefix, range);
    lengths.add(prefix.length);
    anyTransit.min = Math.min(anyTransit.min, min);
    anyTransit.max = Math.max(anyTransit.max, max);
  }

  const days = deliveryDays as DayOfWeek[];
  if (days.length === 0) {
    problems.push(`Shipping method ${name}: no delivery days, so it has no delivery date.`);
  }
  const method: ShippingMethod = {
    id,
    label,
    carrier,
    price: { amount: price.amount, currency: price.currency },
    ...(freeOver ? { freeOver: { amount: freeOver.amount, currency: freeOver.currency } } : {}),
    transitDays: transit,
    deliveryDays: [...days],
    ...(zones ? { zones: cleanZones } : {}),
  };
  const compiled: CompiledMethod = {
    id,
    price: method.price,
    freeOver: method.freeOver,
    deliveryDays: weekdayFlags(days),
    transit,
    zones: zoneMap,
    zoneLengths: [...lengths].sort((a, b) => b - a),
    anyTransit,
  };
  return { method, compiled };
}

function compile(rules: unknown): CompiledRules {
  const problems: string[] = [];
  const clean: ShippingRules = { origins: [], methods: [], holidays: [] };
  const origins: CompiledOrigin[] = [];
  const methods: CompiledMethod[] = [];
  let holidays = new Set<number>();
  const result = (): CompiledRules => ({ rules: clean, problems, origins, methods, holidays });

  if (!isRecord(rules)) {
    problems.push(`Shipping rules ${quote(rules)} are not an object; nothing can be estimated.`);
    return result();
  }

  // Without the exact holidays, any delivery date might fall on one: no method can be promised.
  let holidaysProblem: string | undefined;
  if (!Array.isArray(rules.holidays)) {
    holidaysProblem = `holidays is ${quote(rules.holidays)}, not a list`;
  } else {
    const days = dateSet(rules.holidays);
    if (typeof days === 'number') {
      holidaysProblem = `holidays[${days}] ${quote(rules.holidays[days])} is not a YYYY-MM-DD date`;
    } else {
      holidays = days;
      clean.holidays = [...(rules.holidays as IsoDate[])];
    }
  }

  if (Array.isArray(rules.origins)) {
    rules.origins.forEach((entry: unknown, i) => {
      const done = compileOrigin(entry, label('origins', i, entry), problems);
      if (!done) return;
      clean.origins.push(done.origin);
      origins.push(done.compiled);
    });
  } else {
    problems.push(`Shipping rules: origins is ${quote(rules.origins)}, not a list; nothing ships.`);
  }

  if (!Array.isArray(rules.methods)) {
    problems.push(`Shipping rules: methods is ${quote(rules.methods)}, not a list; no methods.`);
  } else if (holidaysProblem) {
    problems.push(`Shipping rules: ${holidaysProblem}; every method left out.`);
  } else {
    const ids = new Set<string>();
    rules.methods.forEach((entry: unknown, i) => {
      const name = label('methods', i, entry);
      const done = compileMethod(entry, name, problems);
      if (!done) return;
      if (ids.has(done.method.id)) {
        problems.push(`Shipping method ${name}: the id is used by an earlier method; left out.`);
        return;
      }
      ids.add(done.method.id);
      clean.methods.push(done.method);
      methods.push(done.compiled);
    });
  }
  return result();
}

/** Compiled rules by the rules object they came from. */
const compiledRules = new WeakMap<object, CompiledRules>();

/**
 * The rules checked and compiled, cached by the identity of the `rules` object: treat rules as
 * immutable once estimated with, and pass a new object when they change (as a new response is).
 */
export function compileShippingRules(rules: unknown): CompiledRules {
  if (typeof rules !== 'object' || rules === null) return compile(rules);
  let compiled = compiledRules.get(rules);
  if (!compiled) {
    compiled = compile(rules);
    compiledRules.set(rules, compiled);
  }
  return compiled;
}

/**
 * Checks shipping rules against the contract and the engine's needs, never throwing. Left out,
 * each with a reason in `problems`:
 * - an origin with an unknown timezone, a cutoff that is not "HH:MM" 00:00-23:59 (such as
 *   "25:00" or "24:00"), two different cutoffs for one weekday, handling days that are not whole
 *   numbers with min <= max, a weekday outside 0-6, or a closure that is not a real date;
 * - a method with a missing id, label or carrier, a price or `freeOver` that is not non-negative
 *   money, transit days (its own or a zone's) that are not whole numbers with min <= max, a
 *   weekday outside 0-6, a zone without a string prefix, or the id of an earlier method;
 * - every method, when a holiday is not a real date (any promise might land on it).
 *
 * Reported but kept, as the engine answers them with `none` (rule 11): an origin without
 * workdays, a method without delivery days. Labels with markup are kept verbatim; they are text.
 * `estimateDelivery` applies the same check itself, so it gives the same answer for `rules` as
 * for the returned copy.
 */
export function validateShippingRules(rules: unknown): ShippingRulesCheck {
  // Checked afresh, not from the cache: the copy returned shares nothing with what
  // `estimateDelivery` keeps, so a caller may change it freely.
  const { rules: clean, problems } = compile(rules);
  return { rules: clean, problems };
}
