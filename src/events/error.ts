import type { OmniError } from '../core/api/errors.js';

/**
 * A widget's lookup failed (not when a newer one replaced it): `event.error` says why, for the
 * merchant's logs (a contract violation names the path of the first problem in
 * `event.error.message`). Shoppers see a localized message in the widget. Bubbles and crosses
 * shadow roots.
 */
export class OmniErrorEvent extends Event {
  static readonly type = 'omni-error' as const;
  constructor(
    /** The failure: `kind` (`network`, `timeout`, `http`, `invalid_response` ...), `code`, `message`. */
    readonly error: OmniError | Error,
  ) {
    super(OmniErrorEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'omni-error': OmniErrorEvent;
  }
}
