import { waitUntil as openWcWaitUntil } from '@open-wc/testing';

/**
 * `waitUntil` from @open-wc/testing with a 5 s timeout instead of its 1 s default. A widget's first
 * answer goes through IndexedDB and MSW's service worker; on a shared CI machine under load that
 * took longer than a second, and a test failed for the machine's speed, not the code's. A timeout
 * only bounds how long a failing test waits: a passing one is as fast as before.
 */
export function waitUntil(
  predicate: () => unknown | Promise<unknown>,
  message?: string,
  options: { interval?: number; timeout?: number } = {},
): Promise<void> {
  return openWcWaitUntil(predicate, message, { timeout: 5000, ...options });
}
