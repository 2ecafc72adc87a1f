/** MSW in the test page: one worker per test file, its handlers reset after every test. */
import { setupWorker, type SetupWorker } from 'msw/browser';

/** Starts a worker for the enclosing `describe` (unhandled requests fail the test). */
export function useWorker(): SetupWorker {
  const worker = setupWorker();
  before(async () => {
    await worker.start({ quiet: true, onUnhandledRequest: 'error' });
  });
  afterEach(() => worker.resetHandlers());
  after(() => worker.stop());
  return worker;
}

/** The contract's error body. */
export const errorBody = (code: string, message = code) => ({ error: { code, message } });

/**
 * A `fetch` for the REST client's `fetch` option that records whether each request asked for
 * `keepalive`, then sends it without: Firefox does not route keepalive requests through the
 * service worker, so MSW would never see them.
 */
export function fetchSpy() {
  const keepalive: boolean[] = [];
  const spy: typeof fetch = (input, init = {}) => {
    keepalive.push(init.keepalive === true);
    const { keepalive: _keepalive, ...rest } = init;
    return fetch(input, rest);
  };
  return { fetch: spy, keepalive };
}
