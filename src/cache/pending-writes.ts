/** Cache writes still running (a snapshot is written while the load goes on). */
const pending = new Set<Promise<void>>();

/**
 * Runs a cache write in the background: its failure (permissions, a full disk) never fails a load — the cache is
 * an optimisation — and the process stays alive until it ends (node waits for its file operations).
 *
 * @example inBackground(async () => { await writeSnapshotFile(path, key, base); writeIndex(…) })
 */
export function inBackground(write: () => Promise<void> | void): void {
  const p = (async () => {
    try {
      await write();
    } catch {
      // the load's result does not depend on the cache
    }
  })();
  pending.add(p);
  void p.finally(() => pending.delete(p));
}

/**
 * Resolves when every cache write started so far has ended: what a caller awaits before it reads the cache folder
 * (or copies it). A load never needs it: its result does not depend on the cache.
 *
 * @example await loadTables("metrics.log"); await cacheWrites(); readdirSync(cacheDir)
 */
export async function cacheWrites(): Promise<void> {
  while (pending.size > 0) await Promise.all([...pending]);
}
