import type { VisibilitySource } from '../core/time/clock.js';

/**
 * The page's visibility as a `VisibilitySource` for `createPageClock`: `hidden` is
 * `document.hidden`, and listeners hear every `visibilitychange`.
 */
export function documentVisibility(doc: Document = document): VisibilitySource {
  return {
    get hidden() {
      return doc.visibilityState === 'hidden';
    },
    subscribe(listener) {
      const handleChange = (): void => listener();
      doc.addEventListener('visibilitychange', handleChange);
      return () => doc.removeEventListener('visibilitychange', handleChange);
    },
  };
}
