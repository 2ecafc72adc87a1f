/**
 * Small building blocks of the services that remember a shopper's choice (location, "my store"):
 * listeners that one failing listener cannot stop, and writes that run one after another, so
 * that the last choice is the one that stays stored.
 */

export interface Listeners {
  /** Adds `listener`; returns the function that removes it. */
  add(listener: () => void): () => void;
  /** Calls every listener; one that throws is logged and the others still run. */
  notify(): void;
  readonly size: number;
}

/** `what` names the service in the console ("location", "my-store"). */
export function createListeners(what: string): Listeners {
  const listeners = new Set<() => void>();
  return {
    add(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    notify() {
      for (const listener of [...listeners]) {
        try {
          listener();
        } catch (error) {
          console.error(`[omnishelf] ${what} listener failed`, error);
        }
      }
    },
    get size() {
      return listeners.size;
    },
  };
}

export interface SerialWrites {
  /** Runs `write` after the writes before it; a failure is logged, never thrown. */
  persist(write: () => Promise<void>): Promise<void>;
  /** Settles when every write so far has run. */
  readonly settled: Promise<void>;
}

/** `what` says what could not be remembered ("the location choice"). */
export function serialWrites(what: string): SerialWrites {
  let writes: Promise<void> = Promise.resolve();
  return {
    persist(write) {
      writes = writes.then(write).catch((error: unknown) => {
        console.warn(`[omnishelf] could not remember ${what}`, error);
      });
      return writes;
    },
    get settled() {
      return writes;
    },
  };
}
