/**
 * The page events after which widgets ask again for what failed: the browser back online, and
 * the shopper back on the tab (hidden, then visible: headless browsers never hide a tab).
 */

/** The browser says it is online again. */
export function backOnline(): void {
  window.dispatchEvent(new Event('online'));
}

/** The shopper leaves the tab and comes back to it. */
export function backOnTab(): void {
  let state: DocumentVisibilityState = 'hidden';
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  try {
    document.dispatchEvent(new Event('visibilitychange'));
    state = 'visible';
    document.dispatchEvent(new Event('visibilitychange'));
  } finally {
    delete (document as { visibilityState?: unknown }).visibilityState;
  }
}

/** Runs `body` while the browser says it has no connection (`navigator.onLine` false). */
export async function whileOffline<T>(body: () => T | Promise<T>): Promise<T> {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
  try {
    return await body();
  } finally {
    delete (navigator as unknown as Record<string, unknown>).onLine;
  }
}
