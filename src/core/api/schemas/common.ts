/**
 * Building blocks of the contract v1 response schemas (Valibot), and `parseResponse`. Objects drop
 * unknown fields, so a backend may add fields without breaking old widgets. Strings are only
 * type-checked: a store name such as `<img onerror=...>` stays that exact string, and components
 * render it as text.
 *
 * Each capability has its own schema module (stock, pickup, shipping, cart), so a page loads only
 * the schemas of the widgets on it. Each schema is checked at compile time (`satisfies
 * Output<...>`) so that its output type is assignable to the matching interface in `types.ts`.
 */
import * as v from 'valibot';
import { OmniError } from '../errors.js';
import type { ErrorBody } from '../types.js';

/** A schema whose output is assignable to `T` (used with `satisfies` as a compile-time check). */
export type Output<T> = v.GenericSchema<unknown, T>;

const CLOCK_TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
/** Closing times may also be "24:00" (open until midnight). */
export const CLOSING_TIME = /^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/;
const ISO_DATE = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/;
const ISO_DATE_TIME =
  /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)$/;
const DECIMAL = /^\d+(?:\.\d+)?$/;
const CURRENCY = /^[A-Z]{3}$/;

export const id = v.pipe(v.string(), v.minLength(1, 'expected a non-empty id'));
export const count = v.pipe(v.number(), v.integer(), v.minValue(0));
export const clockTime = v.pipe(v.string(), v.regex(CLOCK_TIME, 'expected "HH:MM"'));
export const isoDate = v.pipe(v.string(), v.regex(ISO_DATE, 'expected "YYYY-MM-DD"'));
export const isoDateTime = v.pipe(
  v.string(),
  v.regex(ISO_DATE_TIME, 'expected an ISO 8601 timestamp'),
);
export const currency = v.pipe(v.string(), v.regex(CURRENCY, 'expected an ISO 4217 code'));
export const dayOfWeek = v.picklist([0, 1, 2, 3, 4, 5, 6]);

/**
 * An optional field that backends often send as `null` ("phone": null): null reads as absent, so
 * one store without a phone does not invalidate the whole answer.
 */
export const absentOr = <T extends v.GenericSchema>(schema: T) =>
  v.pipe(
    v.nullish(schema),
    v.transform((value) => value ?? undefined),
  );

export const money = v.object({
  amount: v.pipe(v.string(), v.regex(DECIMAL, 'expected a decimal string')),
  currency,
});

export const dayRange = v.pipe(
  v.object({ min: count, max: count }),
  v.check((range) => range.min <= range.max, 'expected min <= max'),
);

/** Error body of every non-2xx response: `{ error: { code, message } }`. */
export const ErrorBodySchema = v.object({
  error: v.object({ code: v.pipe(v.string(), v.minLength(1)), message: v.string() }),
}) satisfies Output<ErrorBody>;

/** Why `value` does not match `schema` (the path of the first issue), or undefined when it does. */
export function schemaIssue(schema: v.GenericSchema, value: unknown): string | undefined {
  const result = v.safeParse(schema, value, { abortEarly: true });
  if (result.success) return undefined;
  const issue = result.issues[0];
  const path = v.getDotPath(issue) ?? '(body)';
  const detail =
    issue.type === 'regex' || issue.type === 'check'
      ? issue.message
      : issue.expected
        ? `expected ${issue.expected}`
        : `invalid ${issue.type}`;
  return `${path}: ${detail}`;
}

/**
 * Validates a parsed response body. Returns the typed value, or throws
 * `OmniError('invalid_response')` naming the path of the first issue (for developers; the
 * received value is left out of the message, it may be large or hostile).
 */
export function parseResponse<const TSchema extends v.GenericSchema>(
  schema: TSchema,
  data: unknown,
  status: number,
): v.InferOutput<TSchema> {
  const result = v.safeParse(schema, data, { abortEarly: true });
  if (result.success) return result.output;
  throw new OmniError(
    'invalid_response',
    `HTTP ${status} body does not match contract v1 at ${schemaIssue(schema, data)}`,
    { status, cause: result.issues },
  );
}

/**
 * The items of a list answer that match `schema`; each one that does not is left out, with the
 * reason in the console (one line per answer), so that one bad record never fails the others.
 */
export function validItems<const TSchema extends v.GenericSchema>(
  schema: TSchema,
  items: readonly unknown[],
  what: string,
): v.InferOutput<TSchema>[] {
  const out: v.InferOutput<TSchema>[] = [];
  const dropped: string[] = [];
  items.forEach((item, index) => {
    const result = v.safeParse(schema, item, { abortEarly: true });
    if (result.success) out.push(result.output);
    else dropped.push(`#${index} ${schemaIssue(schema, item)}`);
  });
  if (dropped.length > 0) {
    console.warn(
      `[omnishelf] left out ${dropped.length} of ${items.length} ${what} that do not match contract v1: ${dropped
        .slice(0, 3)
        .join('; ')}${dropped.length > 3 ? ' ...' : ''}`,
    );
  }
  return out;
}

/** A list answer `{ [key]: [...] }` whose items are checked one by one (see `validItems`). */
export const listOf = (key: string) => v.object({ [key]: v.array(v.unknown()) });
