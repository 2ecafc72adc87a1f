/** Shared by the storages (apart, so that the IndexedDB storage never loads the memory one). */

/**
 * `RecordStore.onVolatile` for records that are already volatile: `listener` is called once,
 * soon (never during the call), unless the returned function is called first.
 */
export function alreadyVolatile(listener: () => void): () => void {
  let subscribed = true;
  queueMicrotask(() => {
    if (subscribed) listener();
  });
  return () => {
    subscribed = false;
  };
}
