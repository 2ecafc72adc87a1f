/**
 * Bidirectional text. Backend strings (store names, addresses, phone numbers, postal codes) go
 * into sentences in both directions; these helpers keep them from reordering what surrounds them,
 * and keep hostile control characters from reordering them.
 */

/** Explicit direction controls (embeddings, overrides, isolates, marks) that backends never need. */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;
/**
 * Invisible characters that would let text look like something else. The joiners U+200C and
 * U+200D stay: Persian, Arabic and Indic scripts (and emoji sequences) need them to render.
 */
const ZERO_WIDTH = /[\u200B\u2060\uFEFF]/g;

/** Backend text with direction controls and invisible zero-width characters removed. */
export function plainText(text: string): string {
  return text.replace(BIDI_CONTROLS, '').replace(ZERO_WIDTH, '');
}

/**
 * Wraps backend text interpolated into a translated sentence in first-strong isolates, so "Near
 * 00100" or a Latin store name keeps its order inside Arabic. Text that fills an element of its
 * own is isolated with markup instead (`<bdi>`, `dir`).
 */
export function isolate(text: string): string {
  const clean = displayText(text);
  return clean && `\u2068${clean}\u2069`;
}

/**
 * Backend text for display: `plainText`, cut to `max` characters (with an ellipsis) so that a
 * runaway name or address cannot flood the page.
 */
export function displayText(text: string, max = 200): string {
  const clean = plainText(text);
  return clean.length > max ? `${clean.slice(0, max - 1).trimEnd()}…` : clean;
}
