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
