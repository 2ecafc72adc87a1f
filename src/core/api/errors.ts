/**
 * The one error type that crosses from services to components. Components map `kind` (and, for
 * `http`, the backend's `code`) to a localized message; they never show `message` to shoppers.
 */
export type OmniErrorKind =
  /** fetch rejected: DNS, refused, offline. */
  | 'network'
  /** The request ran past its timeout. */
  | 'timeout'
  /** The caller aborted (a newer request replaced this one); not shown to shoppers. */
  | 'aborted'
  /** The backend answered with a non-2xx status. */
  | 'http'
  /** The backend answered 2xx with a body that does not match contract v1. */
  | 'invalid_response'
  /** The page asked for something the contract cannot carry (a sku over 64 characters). */
  | 'invalid_request'
  /**
   * The configured backend cannot do this at all (a custom `BackendClient` without the widget's
   * capability): a merchant's configuration error, reported in the console and the widget.
   */
  | 'unsupported';

export class OmniError extends Error {
  override readonly name = 'OmniError';
  constructor(
    readonly kind: OmniErrorKind,
    message: string,
    readonly details: {
      /** HTTP status, for `http` (and `invalid_response`). */
      status?: number;
      /** The backend's error code, e.g. `unknown_postal_code`, `invalid_email`. */
      code?: string;
      cause?: unknown;
    } = {},
  ) {
    super(message, { cause: details.cause });
  }

  get status(): number | undefined {
    return this.details.status;
  }

  get code(): string | undefined {
    return this.details.code;
  }
}

export function isOmniError(value: unknown): value is OmniError {
  return value instanceof OmniError;
}

/** True for an abort caused by the caller, whichever layer raised it. */
export function isAbort(error: unknown): boolean {
  return (
    (error instanceof OmniError && error.kind === 'aborted') ||
    (error instanceof DOMException && error.name === 'AbortError')
  );
}

/**
 * The backend refused a postal code itself (the REST client reports a 400/422 on a postal
 * `/stores` lookup the same way). Retrying the same code cannot help, so it is never remembered
 * and the shopper is asked for another.
 */
export function isRejectedPostalCode(error: unknown): boolean {
  return error instanceof OmniError && error.code === 'unknown_postal_code';
}
