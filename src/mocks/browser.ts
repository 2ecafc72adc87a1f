/**
 * Starts the demo backend in the browser: an MSW service worker answering contract v1 from the
 * seeded in-memory db. Requests that are not for the backend go to the network untouched.
 */
import { setupWorker, type SetupWorker } from 'msw/browser';
import type { DemoDb } from './db.js';
import type { FaultState } from './faults.js';
import { createHandlers } from './handlers.js';

export interface DemoWorkerOptions {
  /** Default "/api/omni/v1". */
  baseUrl?: string;
  /** No console lines from MSW. */
  quiet?: boolean;
  /** Share a db (e.g. to reset it from the page); a fresh seeded one otherwise. */
  db?: DemoDb;
  /** Share a fault state; the module-level one from `faults.ts` otherwise. */
  faults?: FaultState;
}

/** Registers `/mockServiceWorker.js` and resolves once it intercepts requests. */
export async function startDemoWorker(options: DemoWorkerOptions = {}): Promise<SetupWorker> {
  const worker = setupWorker(
    ...createHandlers({
      ...(options.baseUrl !== undefined ? { baseUrl: options.baseUrl } : {}),
      ...(options.db ? { db: options.db } : {}),
      ...(options.faults ? { faults: options.faults } : {}),
    }),
  );
  await worker.start({
    serviceWorker: { url: '/mockServiceWorker.js' },
    onUnhandledRequest: 'bypass',
    quiet: options.quiet ?? false,
  });
  return worker;
}
