/**
 * What the widgets say when their data cannot be had: one set of messages, so that the same
 * failure reads the same in the stock checker, the pickup selector and the shipping estimator.
 * The offline and unreachable lines are word for word the same everywhere; the lines that name
 * what is missing ("Pickup isn't available right now ...") follow one pattern per widget.
 *
 * Ids: the shared lines keep the ids the stock checker gave them first (as `stock.myStore` and
 * `stock.error.retry` before them), so that their translations kept their history.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { isOmniError } from '../../core/api/errors.js';

/** The widgets whose data can fail to load, for the lines that name what is missing. */
export type FailureSubject = 'stock' | 'pickup' | 'shipping';

/**
 * How a failed load reads to a shopper:
 * - `offline`: the browser says it has no connection (a network error or timeout meanwhile);
 * - `unreachable`: a network error or timeout while the browser thinks it is online;
 * - `unavailable`: the backend answered, but not usefully (5xx, 429, a malformed answer ...);
 * - `not-set-up`: the configured backend cannot do this at all (a merchant's configuration).
 */
export type Failure = 'offline' | 'unreachable' | 'unavailable' | 'not-set-up';

/** True while the browser says it has no connection at all. */
export function browserOffline(): boolean {
  return typeof navigator !== 'undefined' && navigator.onLine === false;
}

/** What `error` (from a load through the services) means for the shopper. */
export function failureOf(error: unknown): Failure {
  const kind = isOmniError(error) ? error.kind : undefined;
  if (kind === 'network' || kind === 'timeout') {
    return browserOffline() ? 'offline' : 'unreachable';
  }
  return kind === 'unsupported' ? 'not-set-up' : 'unavailable';
}

/** Whether asking again may help (a shop that has not set the feature up stays so). */
export function canRetry(failure: Failure): boolean {
  return failure !== 'not-set-up';
}

/** The message for a failed load of `subject`'s data. */
export function failureText(failure: Failure, subject: FailureSubject): string {
  switch (failure) {
    case 'offline':
      // Every widget asks again by itself when the connection is back (RecoveryController).
      return msg("You're offline. We'll try again when you're back online.", {
        id: 'stock.error.offline',
      });
    case 'unreachable':
      return unreachableText();
    case 'not-set-up':
      return notSetUpText(subject);
    default:
      return unavailableText(subject);
  }
}

/**
 * "Can't reach the shop": also for an action (a hold) that failed for want of a connection,
 * which is not asked again by itself.
 */
export function unreachableText(): string {
  return msg("Can't reach the shop right now. Check your connection and try again.", {
    id: 'stock.error.network',
  });
}

/** The label of the button that asks again. */
export function retryText(): string {
  return msg('Try again', { id: 'stock.error.retry' });
}

function unavailableText(subject: FailureSubject): string {
  switch (subject) {
    case 'pickup':
      return msg("Pickup isn't available right now. Please try again in a moment.", {
        id: 'pickup.error.failed',
      });
    case 'shipping':
      return msg("Delivery estimates aren't available right now. Please try again in a moment.", {
        id: 'shipping.error.unavailable',
      });
    default:
      return msg("Stock information isn't available right now. Please try again in a moment.", {
        id: 'stock.error.generic',
      });
  }
}

function notSetUpText(subject: FailureSubject): string {
  switch (subject) {
    case 'pickup':
      return msg("This shop hasn't set up pickup yet.", { id: 'pickup.error.unsupported' });
    case 'shipping':
      return msg("This shop hasn't set up delivery estimates yet.", {
        id: 'shipping.error.notSetUp',
      });
    default:
      return msg("This shop hasn't set up store stock yet.", { id: 'stock.error.unsupported' });
  }
}

/**
 * The failure's box: the message (announced) and, when asking again can help (`onRetry`), a "Try
 * again" button. `onRetry` runs with the widget as `this`, as Lit calls its listeners.
 */
export function failureBox(text: unknown, onRetry?: (event: Event) => void): TemplateResult {
  return html`<div class="error-box" part="error">
    <p role="alert">${text}</p>
    ${
      onRetry
        ? html`<button type="button" class="button" part="button retry-button" @click=${onRetry}>
            ${retryText()}
          </button>`
        : nothing
    }
  </div>`;
}
