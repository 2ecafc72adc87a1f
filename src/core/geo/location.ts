/** Where the shopper is, as far as the widgets know. */
export type ShopperLocation =
  | { kind: 'coords'; lat: number; lng: number }
  | { kind: 'postal'; postalCode: string; country: string };

/** A stable string for cache keys and de-duplication. */
export function locationKey(location: ShopperLocation): string {
  return location.kind === 'coords'
    ? `@${location.lat.toFixed(3)},${location.lng.toFixed(3)}`
    : `#${location.country.toUpperCase()}:${location.postalCode.trim().toUpperCase()}`;
}

/** The shopper's location: remembered across visits, shared by every widget. */
export interface LocationService {
  /** Resolves once remembered values are loaded. */
  readonly ready: Promise<void>;
  /**
   * True once `ready` has resolved, known without waiting for it (so that widgets can ask for
   * stock in the same task as they connect); undefined for services that cannot tell.
   */
  readonly loaded?: boolean;
  /** The shopper's location, else the merchant's default, else undefined. */
  readonly location: ShopperLocation | undefined;
  /** True when `location` was chosen by the shopper (not the merchant default). */
  readonly isShopperChoice: boolean;
  /** Calls `listener` after any change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  setLocation(location: ShopperLocation): Promise<void>;
  /** Forgets the shopper's location: the merchant default (if any) applies again. */
  clearLocation(): Promise<void>;
  /** Asks the browser for the position (prompts the shopper); rejects with `GeolocationError`. */
  locate(): Promise<ShopperLocation>;
}
